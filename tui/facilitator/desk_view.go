package facilitator

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// view draws the desk in w x h cells, with the cursor relative to its top
// left corner.
func (d *scribeDesk) view(w, h int) ([]string, *tea.Cursor) {
	switch d.stage {
	case scribeWho:
		return d.whoLines(w, h), nil
	case scribeNew:
		return d.newLines(w)
	}
	return d.writeLines(w, h)
}

// footer is the desk's keys for the line of keys.
func (d *scribeDesk) footer() []key.Binding {
	k, f := deskKeys, tui.FormKeys
	switch d.stage {
	case scribeWho:
		return []key.Binding{k.Pick, k.Write, k.Back}
	case scribeNew:
		return []key.Binding{k.Add, k.Consent, k.Tick, k.Back}
	}
	switch d.form.Focus() {
	case tui.FieldText:
		return []key.Binding{k.Save, f.NewLine, k.Choices, k.Prompt, k.Back}
	case tui.FieldThemes:
		return []key.Binding{f.Move, f.Tick, k.Save, f.Next, k.Back}
	}
	return []key.Binding{f.Choose, k.Save, f.Next, k.Back}
}

func (d *scribeDesk) whoLines(w, h int) []string {
	lines := []string{tui.Fit(tui.Accent.Render("▸ Write for a table or a person without a laptop"), w)}
	for _, l := range tui.Wrap("What you enter is recorded in their name and marked as scribed in the transcript and report.", w-2) {
		lines = append(lines, "  "+tui.Dim.Render(l))
	}
	lines = append(lines, "")
	items := []string{"+ Someone new: a table, or a person"}
	for _, p := range d.scribed() {
		items = append(items, inquiry.CleanLine(p.Name)+tui.Dim.Render(" · joined "+clock(p.JoinedAt)))
	}
	room := max(h-len(lines), 1)
	d.cursor = min(d.cursor, len(items)-1)
	first := min(max(d.cursor-room/2, 0), max(len(items)-room, 0))
	for i := first; i < len(items) && i < first+room; i++ {
		if i == d.cursor {
			lines = append(lines, tui.Fit(tui.Accent.Render("  ▸ ")+tui.Bold.Render(items[i]), w))
		} else {
			lines = append(lines, tui.Fit("    "+items[i], w))
		}
	}
	return lines
}

func (d *scribeDesk) newLines(w int) ([]string, *tea.Cursor) {
	lines := []string{tui.Fit(tui.Accent.Render("▸ Someone new, without a laptop"), w), ""}
	lines = append(lines, tui.Fit(tui.FieldLabel(!d.onConsent, "Name: a table's, or the person's name or pseudonym"), w))
	name := tui.InputView(&d.name, w-2)
	cursor := tui.OffsetCursor(d.name.Cursor(), 2, len(lines))
	if d.onConsent {
		cursor = nil
	}
	lines = append(lines, "  "+name, "")
	box := "[ ]"
	if d.consent {
		box = tui.Accent.Render("[✓]")
	}
	lines = append(lines, tui.FieldLabel(d.onConsent, "Consent"))
	for i, l := range tui.Wrap("I have asked them, and they agree that what they say is recorded in this name and shared with the room and in the report.", w-8) {
		if i == 0 {
			lines = append(lines, "  "+box+" "+l)
		} else {
			lines = append(lines, "      "+strings.TrimSpace(l))
		}
	}
	return lines, cursor
}

func (d *scribeDesk) writeLines(w, h int) ([]string, *tea.Cursor) {
	f := &d.form
	name := "?"
	if p, ok := d.ws.Participant(d.who); ok {
		name = inquiry.CleanLine(p.Name)
	}
	lines := []string{tui.Fit(tui.Accent.Render("▸ Writing for ")+tui.Bold.Render(name)+tui.Dim.Render(" (scribed)"), w)}
	where := phaseTitle(d.ws.Guide, f.Ref())
	if f.Ref() == d.ws.Current.Prompt {
		where += " (open for everyone)"
	}
	lines = append(lines, tui.Fit(tui.FieldMark(f.Focus() == tui.FieldPrompt, "Prompt")+" ◂ "+tui.Accent.Render(where)+" ▸ "+tui.Dim.Render(f.Prompt().Text), w),
		f.KindLine(w).Text, f.ThemesLine(w).Text)
	line, cursor := f.CommitmentLine(w)
	if f.IsAction() {
		cursor = tui.OffsetCursor(cursor, 0, len(lines))
		lines = append(lines, line)
	}
	editor, edCursor := f.EditorView(w, max(h-len(lines), 1))
	if edCursor != nil {
		cursor = tui.OffsetCursor(edCursor, 0, len(lines))
	}
	return append(lines, strings.Split(editor, "\n")...), cursor
}
