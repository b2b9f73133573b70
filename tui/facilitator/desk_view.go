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
	case scribeEntries:
		return d.entriesLines(w, h), nil
	case scribeBallot:
		return d.ballotLines(w, h), nil
	case scribeOrg:
		return d.orgLines(w, h), nil
	case scribeAgree:
		return d.agreeLines(w, h), nil
	}
	return d.writeLines(w, h)
}

// footer is the desk's keys for the line of keys.
func (d *scribeDesk) footer() []key.Binding {
	k, f := deskKeys, tui.FormKeys
	if d.asking != nil {
		yes := askKeys.Yes
		yes.SetHelp("y", d.asking.yes)
		return []key.Binding{yes, askKeys.No}
	}
	switch d.stage {
	case scribeWho:
		back := []key.Binding{k.Back}
		if d.alone {
			back = nil
		}
		if d.cursor == 0 {
			return append([]key.Binding{k.Pick, k.Write}, back...)
		}
		// The most used first: the line drops keys from its end.
		write := k.Write
		write.SetHelp("enter", "write")
		keys := []key.Binding{write, k.Entries}
		if d.ws.OpenVote() != nil {
			keys = append(keys, k.Dots)
		}
		return append(append(keys, k.Agree, k.Organisation, k.Pick), back...)
	case scribeNew:
		switch d.newField {
		case newConsent:
			return []key.Binding{k.Add, k.Tick, k.Consent, k.Back}
		case newOrg:
			return []key.Binding{k.Add, k.Choose, k.Consent, k.Back}
		}
		return []key.Binding{k.Add, k.Consent, k.Back}
	case scribeEntries:
		return []key.Binding{k.Pick, k.Correct, k.Delete, k.Back}
	case scribeBallot:
		return []key.Binding{k.AddDot, k.Save, k.TakeOff, k.Pick, k.Back}
	case scribeOrg:
		return []key.Binding{k.Pick, k.Save, k.Back}
	case scribeAgree:
		return []key.Binding{k.Pick, k.Toggle, k.Back}
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
		about := ""
		if n := len(d.entries(p.ID)); n > 0 {
			about += " · " + inquiry.Plural(n, "entry", "entries") + " by you"
		}
		if p.Organisation != "" {
			about += " · " + p.Organisation
		}
		about += " · joined " + clock(p.JoinedAt)
		items = append(items, inquiry.CleanLine(p.Name)+tui.Dim.Render(about))
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

func (d *scribeDesk) writeLines(w, h int) ([]string, *tea.Cursor) {
	f := &d.form
	name := "?"
	if p, ok := d.ws.Participant(d.who); ok {
		name = inquiry.CleanLine(p.Name)
	}
	doing, left, right := "▸ Writing for ", " ◂ ", " ▸ "
	if d.editing != "" {
		doing, left, right = "▸ Correcting what you entered for ", " ", " · " // a correction stays at its prompt
	}
	lines := []string{tui.Fit(tui.Accent.Render(doing)+tui.Bold.Render(name)+tui.Dim.Render(" (scribed)"), w)}
	where := fullPlace(d.ws.Guide, f.Ref())
	if f.Ref() == d.ws.Current.Prompt {
		where += " (open for everyone)"
	}
	lines = append(lines, tui.Fit(tui.FieldMark(f.Focus() == tui.FieldPrompt, "Prompt")+left+tui.Accent.Render(where)+right+tui.Dim.Render(f.Prompt().Text), w),
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
