package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
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

// help is the desk's keys for the key line.
func (d *scribeDesk) help() []string {
	switch d.stage {
	case scribeWho:
		return []string{"↑↓", "pick", "enter", "write for them", "esc", "back"}
	case scribeNew:
		return []string{"enter", "add them", "tab", "consent", "space", "tick", "esc", "back"}
	}
	switch d.focus {
	case scribeText:
		return []string{"enter", "save", "alt+enter", "new line", "tab", "choices", "pgup/pgdn", "prompt", "esc", "back"}
	case scribeThemes:
		return []string{"←→", "move", "space", "tick", "enter", "save", "tab", "next", "esc", "back"}
	}
	return []string{"←→", "choose", "enter", "save", "tab", "next", "esc", "back"}
}

func (d *scribeDesk) whoLines(w, h int) []string {
	lines := []string{fit(Accent.Render("▸ Write for a table or a person without a laptop"), w)}
	for _, l := range wrap("What you enter is recorded in their name and marked as scribed in the transcript and report.", w-2) {
		lines = append(lines, "  "+Dim.Render(l))
	}
	lines = append(lines, "")
	items := []string{"+ Someone new: a table, or a person"}
	for _, p := range d.scribed() {
		items = append(items, inquiry.CleanLine(p.Name)+Dim.Render(" · joined "+clock(p.JoinedAt)))
	}
	room := max(h-len(lines), 1)
	d.cursor = min(d.cursor, len(items)-1)
	first := min(max(d.cursor-room/2, 0), max(len(items)-room, 0))
	for i := first; i < len(items) && i < first+room; i++ {
		if i == d.cursor {
			lines = append(lines, fit(Accent.Render("  ▸ ")+Bold.Render(items[i]), w))
		} else {
			lines = append(lines, fit("    "+items[i], w))
		}
	}
	return lines
}

func (d *scribeDesk) newLines(w int) ([]string, *tea.Cursor) {
	lines := []string{fit(Accent.Render("▸ Someone new, without a laptop"), w), ""}
	lines = append(lines, fieldLabel(!d.onConsent, "Name: a table's, or the person's name or pseudonym"))
	cursor := offsetCursor(d.name.Cursor(), 2, len(lines))
	if d.onConsent {
		cursor = nil
	}
	lines = append(lines, "  "+d.name.View(), "")
	box := "[ ]"
	if d.consent {
		box = Accent.Render("[✓]")
	}
	lines = append(lines, fieldLabel(d.onConsent, "Consent"))
	for i, l := range wrap("I have asked them, and they agree that what they say is recorded in this name and shared with the room and in the report.", w-8) {
		if i == 0 {
			lines = append(lines, "  "+box+" "+l)
		} else {
			lines = append(lines, "      "+strings.TrimSpace(l))
		}
	}
	return lines, cursor
}

func (d *scribeDesk) writeLines(w, h int) ([]string, *tea.Cursor) {
	name := "?"
	if p, ok := d.ws.Participant(d.who); ok {
		name = inquiry.CleanLine(p.Name)
	}
	prompt := d.promptDef()
	lines := []string{fit(Accent.Render("▸ Writing for ")+Bold.Render(name)+Dim.Render(" (scribed)"), w)}
	where := phaseTitle(d.ws.Guide, d.ref())
	if d.ref() == d.ws.Current.Prompt {
		where += " (open for everyone)"
	}
	lines = append(lines, fit(fieldMark(d.focus == scribePrompt, "Prompt ")+" ◂ "+Accent.Render(where)+" ▸ "+Dim.Render(prompt.Text), w))
	var kinds []string
	for i, k := range prompt.KindChoices() {
		switch {
		case i == d.kind && d.focus == scribeKind:
			kinds = append(kinds, Selected.Render(" "+k.Label()+" "))
		case i == d.kind:
			kinds = append(kinds, Bold.Render("["+k.Label()+"]"))
		default:
			kinds = append(kinds, Dim.Render(" "+k.Label()+" "))
		}
	}
	partner := "none"
	if d.partner >= 0 {
		partner = d.ws.Guide.PartnerList()[d.partner].Label
	}
	lines = append(lines,
		fit(fieldMark(d.focus == scribeKind, "Kind   ")+" "+strings.Join(kinds, ""), w),
		d.themesLine(w),
		fit(fieldMark(d.focus == scribePartner, "Partner")+" ◂ "+Accent.Render(partner)+" ▸", w))
	var cursor *tea.Cursor
	if d.kindNow() == inquiry.Action {
		d.owner.SetWidth(max(w-10, 1))
		if d.focus == scribeOwner {
			cursor = offsetCursor(d.owner.Cursor(), 9, len(lines))
		}
		lines = append(lines, fit(fieldMark(d.focus == scribeOwner, "Owner  ")+" "+d.owner.View(), w))
		if d.focus == scribeDue {
			cursor = offsetCursor(d.due.Cursor(), 9, len(lines))
		}
		lines = append(lines, fit(fieldMark(d.focus == scribeDue, "Due    ")+" "+d.due.View(), w))
	}
	d.editor.SetWidth(w)
	d.editor.SetHeight(max(h-len(lines), 1))
	if d.focus == scribeText {
		cursor = offsetCursor(d.editor.Cursor(), 0, len(lines))
	}
	lines = append(lines, strings.Split(d.editor.View(newStyles()), "\n")...)
	return lines, cursor
}

// themesLine shows the chosen themes; with the focus on it, a strip of the
// workshop's themes to move along and tick.
func (d *scribeDesk) themesLine(w int) string {
	label := fieldMark(d.focus == scribeThemes, "Themes ") + " "
	themes := d.ws.Themes()
	if d.focus != scribeThemes {
		var names []string
		for _, id := range d.themes {
			if t, ok := d.ws.Theme(id); ok {
				names = append(names, t.Label)
			}
		}
		if len(names) == 0 {
			return fit(label+Dim.Render("none yet (tab to choose)"), w)
		}
		note := ""
		if !d.themesTouched {
			note = Dim.Render(" (suggested from the words)")
		}
		return fit(label+Accent.Render(strings.Join(names, ", "))+note, w)
	}
	var items []string
	for i := max(d.themeCursor-1, 0); i < len(themes); i++ {
		t := themes[i]
		item := t.Label
		if slices.Contains(d.themes, t.ID) {
			item = "✓" + item
		}
		if i == d.themeCursor {
			item = Selected.Render(item)
		}
		items = append(items, item)
	}
	return fit(label+"◂ "+strings.Join(items, Dim.Render(" · ")), w)
}
