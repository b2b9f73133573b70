package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// Writing at the scribe desk: the keys, and saving a contribution in the
// scribed participant's name.

func (d *scribeDesk) writeKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "enter":
		return d.save()
	case "esc":
		if d.words() != "" && !d.escPressed {
			d.escPressed = true
			d.notice = notice{text: "The words written are not saved: enter saves them, esc again drops them.", bad: true}
			return nil
		}
		d.clear()
		d.stage, d.notice = scribeWho, notice{}
		return nil
	case "tab", "shift+tab":
		fields := d.fields()
		at := max(slices.Index(fields, d.focus), 0)
		step := 1
		if k.String() == "shift+tab" {
			step = -1
		}
		d.setFocus(fields[cycle(at, step, len(fields))])
		return nil
	case "pgdown", "pgup":
		delta := 1
		if k.String() == "pgup" {
			delta = -1
		}
		d.movePrompt(delta)
		return nil
	}
	delta := map[string]int{"left": -1, "right": 1}[k.String()]
	switch d.focus {
	case scribeText:
		if d.editor.Update(k) {
			d.suggest()
		}
		return nil
	case scribeOwner:
		var cmd tea.Cmd
		d.owner, cmd = d.owner.Update(k)
		return cmd
	case scribeDue:
		var cmd tea.Cmd
		d.due, cmd = d.due.Update(k)
		return cmd
	case scribePrompt:
		if delta != 0 {
			d.movePrompt(delta)
			return nil
		}
	case scribeKind:
		if delta != 0 {
			d.kind = cycle(d.kind, delta, len(d.promptDef().KindChoices()))
			return nil
		}
	case scribePartner:
		if delta != 0 {
			d.partner = cycle(d.partner+1, delta, len(d.ws.Guide.PartnerList())+1) - 1
			return nil
		}
	case scribeThemes:
		themes := d.ws.Themes()
		switch {
		case delta != 0:
			d.themeCursor = cycle(d.themeCursor, delta, len(themes))
			return nil
		case k.String() == "space":
			id := themes[min(d.themeCursor, len(themes)-1)].ID
			if i := slices.Index(d.themes, id); i >= 0 {
				d.themes = slices.Delete(d.themes, i, i+1)
			} else {
				d.themes = append(d.themes, id)
			}
			d.themesTouched = true
			return nil
		}
	}
	if k.Text != "" && k.String() != "space" {
		// Typing on a choice goes to the words, not into the void.
		d.setFocus(scribeText)
		if d.editor.Update(k) {
			d.suggest()
		}
	}
	return nil
}

// movePrompt moves to another prompt of the guide, keeping the kind if the
// new prompt asks for it.
func (d *scribeDesk) movePrompt(delta int) {
	kind := d.kindNow()
	refs := promptRefs(d.ws.Guide)
	d.prompt = min(max(d.prompt+delta, 0), len(refs)-1)
	d.kind = max(slices.Index(d.promptDef().KindChoices(), kind), 0)
	if d.kindNow() != inquiry.Action && (d.focus == scribeOwner || d.focus == scribeDue) {
		d.setFocus(scribeText)
	}
}

// save records the contribution in the scribed participant's name.
func (d *scribeDesk) save() tea.Cmd {
	if d.saving {
		return nil
	}
	text := strings.TrimSpace(inquiry.CleanText(d.editor.Value()))
	if text == "" {
		d.notice = notice{text: "Write what they said first, then press enter to save.", bad: true}
		d.setFocus(scribeText)
		return nil
	}
	if n := inquiry.RuneCount(text); n > inquiry.MaxTextRunes {
		d.notice = notice{text: fmt.Sprintf("That is %d characters; a contribution holds up to %d.", n, inquiry.MaxTextRunes), bad: true}
		return nil
	}
	if d.pendingID == "" {
		d.pendingID = d.s.newID()
	}
	c := &inquiry.ContributionDetails{
		ID: d.pendingID, Participant: d.who, Prompt: d.ref(), Kind: d.kindNow(),
		Text: inquiry.Words{Text: text}, Themes: slices.Clone(d.themes),
	}
	if d.partner >= 0 {
		c.Partner = d.ws.Guide.PartnerList()[d.partner].ID
	}
	if c.Kind == inquiry.Action {
		if owner := inquiry.CleanLine(d.owner.Value()); owner != "" {
			c.Owner = inquiry.Words{Text: owner}
		}
		c.Due = strings.TrimSpace(d.due.Value())
	}
	return d.send(inquiry.Event{Type: inquiry.ContributionAdded, Contribution: c})
}
