package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// The contribution form's keys: tab between the fields, the arrows and
// space on a choice, typing and pasting into the words.

// FormKeys are the contribution form's own keys, for the screen's line of
// keys: the editor has its own for the words (a new line among them).
var FormKeys = struct{ Next, Last, Choose, Move, Tick, NewLine key.Binding }{
	Next:    Bind("tab", "next", "tab"),
	Last:    Bind("shift+tab", "last", "shift+tab"),
	Choose:  Bind("←→", "choose", "left", "right"),
	Move:    Bind("←→", "move", "left", "right"),
	Tick:    Bind("space", "tick", "space", "x"), // x as a box is ticked on paper, as everywhere a box is ticked
	NewLine: Bind("alt+enter", "new line", "alt+enter", "shift+enter", "ctrl+j"),
}

// cycleFocus moves the focus to the next (or previous) field, skipping the
// prompt unless the form chooses it, and the owner and date unless the
// contribution is an action.
func (f *ContributionForm) cycleFocus(delta int) {
	to := f.focus
	for {
		to = FormField(Cycle(int(to), delta, int(formFields)))
		switch {
		case to == FieldPrompt && !f.choosesPrompt:
		case (to == FieldOwner || to == FieldDue) && !f.IsAction():
		default:
			f.SetFocus(to)
			return
		}
	}
}

// Key handles a key for the form: tab and shift+tab move between the
// fields, and the field with the focus takes the rest. Typing on a choice
// field goes to the words, not into the void. edited reports whether the
// words changed. The screen handles its own keys (enter, esc, pgup and
// pgdn) before it hands the form one.
func (f *ContributionForm) Key(k tea.KeyPressMsg) (cmd tea.Cmd, edited bool) {
	switch {
	case key.Matches(k, FormKeys.Next):
		f.cycleFocus(1)
		return nil, false
	case key.Matches(k, FormKeys.Last):
		f.cycleFocus(-1)
		return nil, false
	}
	delta := 0
	if key.Matches(k, FormKeys.Choose) {
		delta = map[string]int{"left": -1, "right": 1}[k.String()]
	}
	switch f.focus {
	case FieldText:
		return nil, f.typeKey(k)
	case FieldOwner:
		c := f.commitment()
		c.owner, cmd = c.owner.Update(k)
		f.changedInputs()
		return cmd, false
	case FieldDue:
		c := f.commitment()
		c.due, cmd = c.due.Update(k)
		f.changedInputs()
		return cmd, false
	case FieldPrompt:
		if delta != 0 {
			if p, q, ok := f.Neighbour(delta); ok {
				f.GoTo(p, q)
			}
			return nil, false
		}
	case FieldKind:
		if delta != 0 {
			f.kind = Cycle(f.kind, delta, len(f.Prompt().KindChoices()))
			return nil, false
		}
	case FieldPartner:
		if delta != 0 {
			// Index -1 is "none", so cycle over one more than the list.
			f.partner = Cycle(f.partner+1, delta, len(f.choices.Guide().PartnerList())+1) - 1
			return nil, false
		}
	case FieldThemes:
		themes := f.choices.Themes()
		switch {
		case delta != 0:
			f.themeCursor = Cycle(f.themeCursor, delta, len(themes))
			return nil, false
		case key.Matches(k, FormKeys.Tick):
			id := themes[min(f.themeCursor, len(themes)-1)].ID
			if i := slices.Index(f.themes, id); i >= 0 {
				f.themes = slices.Delete(f.themes, i, i+1)
			} else {
				f.themes = append(f.themes, id)
			}
			f.themesTouched = true
			return nil, false
		}
	}
	if k.Text == "" {
		return nil, false
	}
	f.SetFocus(FieldText)
	return nil, f.typeKey(k)
}

// typeKey gives the editor a key and suggests themes if the words changed.
func (f *ContributionForm) typeKey(k tea.KeyPressMsg) bool {
	if !f.editor.Update(k) {
		return false
	}
	f.suggest()
	return true
}

// Paste puts pasted text where the focus is: a line into the owner or the
// date, anything else into the words. Words that would not fit are
// refused whole, with what the writer is to be told; nothing changes then.
func (f *ContributionForm) Paste(text string) (problem string) {
	switch f.focus {
	case FieldOwner:
		PasteLine(&f.commitment().owner, inquiry.CleanLine(text))
		f.changedInputs()
		return ""
	case FieldDue:
		PasteLine(&f.commitment().due, inquiry.CleanLine(text))
		f.changedInputs()
		return ""
	}
	text = inquiry.CleanText(text)
	if n := inquiry.RuneCount(f.editor.Value()) + inquiry.RuneCount(text); n > inquiry.MaxTextRunes {
		return f.say.Count("form.paste_too_long", n, "max", inquiry.MaxTextRunes)
	}
	f.SetFocus(FieldText)
	f.editor.InsertString(text)
	f.suggest()
	return ""
}

// suggest offers themes from the words, until the writer chooses.
func (f *ContributionForm) suggest() {
	if !f.themesTouched {
		f.themes = f.choices.SuggestThemes(f.editor.Value())
	}
}
