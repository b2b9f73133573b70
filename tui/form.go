package tui

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/words"
)

// ContributionForm is the one form a contribution is written in: by a
// participant at their own screen, and by a scribe for a table or a person
// without one. It holds the words, the kind, the themes (suggested from
// the words until the writer chooses), the partner and, for an action, who
// will do it and by when; it moves the focus between them, checks them and
// makes the contribution's details. Where it is saved, and what happens
// around it, is the screen's.
type ContributionForm struct {
	choices Choices
	// choosesPrompt makes the prompt a field too, for a scribe writing
	// down what was said at any prompt; a participant moves between
	// prompts with pgup and pgdn instead.
	choosesPrompt bool

	phase, prompt int
	editor        editor
	kind          int      // index into the prompt's kind choices
	themes        []string // chosen theme IDs
	themesTouched bool     // the writer chose themes: stop suggesting
	themeCursor   int
	partner       int // index into the guide's partners, -1 for none
	// commit holds an action's owner and due date inputs, made when first
	// needed (commitment) and dropped with the words (Clear).
	commit *commitment
	// inputs counts the changes to owner and due, which CommitmentLine
	// draws only when they have changed (see changedInputs).
	inputs uint64
	focus  FormField
	// pendingID is the ID of a new contribution whose save has not been
	// confirmed, kept for the retry, so a retry is not a second one.
	pendingID string
	// say is the language the form speaks: English unless Speak says.
	say words.Words

	drawn formParts
}

// Choices is what the contribution form reads of its workshop: the guide
// (its prompts, their kinds and the partners), the themes there are, and
// the themes some words suggest. Themes are only ever added.
type Choices interface {
	Guide() *inquiry.Guide
	Themes() []inquiry.Theme
	SuggestThemes(text string) []string
}

// FormField is the part of the contribution form that has the focus, in
// the order tab visits them.
type FormField int

const (
	FieldText   FormField = iota
	FieldPrompt           // only where the form chooses the prompt
	FieldKind
	FieldThemes
	FieldPartner
	FieldOwner // actions only: who will do it
	FieldDue   // actions only: by when
	formFields
)

// NewContributionForm returns an empty form at the guide's first prompt.
// placeholder is what the empty editor says; choosesPrompt makes the
// prompt a field.
func NewContributionForm(c Choices, placeholder string, choosesPrompt bool) ContributionForm {
	f := ContributionForm{choices: c, choosesPrompt: choosesPrompt, partner: -1,
		editor: newEditor(placeholder, inquiry.MaxTextRunes), say: english()}
	f.SetFocus(FieldText)
	return f
}

// commitment is an action's who and by-when. Two line inputs take some
// 16 KB, and most contributions are not actions: a session holds them
// only while an action is being written.
type commitment struct{ owner, due textinput.Model }

// commitment returns the owner and due date inputs, making them (empty)
// if the form has none yet.
func (f *ContributionForm) commitment() *commitment {
	if f.commit == nil {
		c := &commitment{
			owner: NewLineInput(f.say.Say("form.owner_placeholder"), inquiry.MaxOwnerRunes),
			due:   NewLineInput(f.say.Say("form.due_placeholder"), 10),
		}
		c.owner.Prompt, c.due.Prompt = "", ""
		c.owner.SetWidth(28)
		if f.focus != FieldOwner {
			c.owner.Blur()
		}
		if f.focus != FieldDue {
			c.due.Blur()
		}
		f.commit = c
	}
	return f.commit
}

// owner and due are what the owner and due date inputs hold ("" without
// them).
func (f *ContributionForm) owner() string {
	if f.commit == nil {
		return ""
	}
	return f.commit.owner.Value()
}

func (f *ContributionForm) due() string {
	if f.commit == nil {
		return ""
	}
	return f.commit.due.Value()
}

// setCommitment puts an owner and a due date in the inputs, making them
// only for a value.
func (f *ContributionForm) setCommitment(owner, due string) {
	if f.commit == nil && owner == "" && due == "" {
		return
	}
	c := f.commitment()
	c.owner.SetValue(owner)
	c.due.SetValue(due)
	f.changedInputs()
}

// Speak has the form say its labels, choices and problems in a language,
// with placeholder in the empty editor.
func (f *ContributionForm) Speak(w words.Words, placeholder string) {
	f.say = w
	f.editor.placeholder = placeholder
	if f.commit != nil {
		f.commit.owner.Placeholder = w.Say("form.owner_placeholder")
		f.commit.due.Placeholder = w.Say("form.due_placeholder")
	}
	f.Redraw()
}

// Ref is the prompt the contribution answers.
func (f *ContributionForm) Ref() inquiry.PromptRef {
	g := f.choices.Guide()
	if len(g.Phases) == 0 {
		return ""
	}
	return g.Ref(f.phase, f.prompt)
}

// At is where the form is in the guide: the phase's and the prompt's index.
func (f *ContributionForm) At() (phase, prompt int) { return f.phase, f.prompt }

// Prompt is the prompt the contribution answers.
func (f *ContributionForm) Prompt() inquiry.Prompt {
	return f.choices.Guide().Phases[f.phase].Prompts[f.prompt]
}

// Kind is the kind of contribution chosen.
func (f *ContributionForm) Kind() inquiry.Kind {
	choices := f.Prompt().KindChoices()
	return choices[min(f.kind, len(choices)-1)]
}

// ChosenThemes are the themes chosen, or suggested until the writer
// chooses.
func (f *ContributionForm) ChosenThemes() []string { return f.themes }

// IsAction reports whether the contribution is an action, which can carry
// an owner and a date.
func (f *ContributionForm) IsAction() bool { return f.Kind() == inquiry.Action }

// Focus is the field that has the focus.
func (f *ContributionForm) Focus() FormField { return f.focus }

// Words are the words as typed.
func (f *ContributionForm) Words() string { return f.editor.Value() }

// SetWords replaces the words, and suggests themes from them.
func (f *ContributionForm) SetWords(s string) {
	f.editor.SetValue(s)
	f.suggest()
}

// Neighbour is the prompt delta steps away through the whole guide.
func (f *ContributionForm) Neighbour(delta int) (phase, prompt int, ok bool) {
	g := f.choices.Guide()
	var flat [][2]int
	at := 0
	for p, ph := range g.Phases {
		for q := range ph.Prompts {
			if p == f.phase && q == f.prompt {
				at = len(flat)
			}
			flat = append(flat, [2]int{p, q})
		}
	}
	to := at + delta
	if to < 0 || to >= len(flat) {
		return 0, 0, false
	}
	return flat[to][0], flat[to][1], true
}

// Position is the prompt's number in the whole guide and the total.
func (f *ContributionForm) Position() (int, int) {
	n, at := 0, 0
	for p, ph := range f.choices.Guide().Phases {
		for q := range ph.Prompts {
			n++
			if p == f.phase && q == f.prompt {
				at = n
			}
		}
	}
	return at, n
}

// GoTo moves to another prompt, keeping everything written and chosen
// that the new prompt allows: the kind if it asks for it.
func (f *ContributionForm) GoTo(phase, prompt int) {
	kind := f.Kind()
	f.phase, f.prompt = phase, prompt
	f.kind = max(slices.Index(f.Prompt().KindChoices(), kind), 0)
	if !f.IsAction() && (f.focus == FieldOwner || f.focus == FieldDue) {
		f.SetFocus(FieldText)
	}
}

// Clear empties the form for a new contribution at the same prompt.
func (f *ContributionForm) Clear() {
	f.editor.Reset()
	f.kind, f.themes, f.themesTouched, f.themeCursor, f.partner = 0, nil, false, 0, -1
	f.pendingID = ""
	f.commit = nil
	f.changedInputs()
	f.SetFocus(FieldText)
}

// ClearWords empties the form for the next of a series, as a scribe
// enters a flipchart's: the words, themes, owner and date go; the prompt,
// kind and partner stay.
func (f *ContributionForm) ClearWords() {
	kind, partner := f.kind, f.partner
	f.Clear()
	f.kind, f.partner = kind, partner
}

// Load puts an existing contribution in the form, at its prompt, to be
// changed; it reports false if the guide has no such prompt.
func (f *ContributionForm) Load(c *inquiry.Contribution) bool {
	p, q, ok := f.choices.Guide().Locate(c.Prompt)
	if !ok {
		return false
	}
	f.phase, f.prompt = p, q
	f.Clear()
	f.editor.SetValue(c.Text)
	f.setCommitment(c.Owner, c.Due)
	f.kind = max(slices.Index(f.Prompt().KindChoices(), c.Kind), 0)
	f.themes, f.themesTouched = slices.Clone(c.Themes), true
	for i, partner := range f.choices.Guide().PartnerList() {
		if partner.ID == c.Partner {
			f.partner = i
		}
	}
	return true
}

// SetFocus gives a field the focus.
func (f *ContributionForm) SetFocus(to FormField) {
	f.focus = to
	f.editor.Blur()
	if f.commit != nil {
		f.commit.owner.Blur()
		f.commit.due.Blur()
	}
	f.changedInputs()
	switch to {
	case FieldText:
		f.editor.Focus()
	case FieldOwner:
		f.commitment().owner.Focus()
	case FieldDue:
		f.commitment().due.Focus()
	}
}

// Contribution checks the form and makes the contribution's details, in
// participant's name and without an ID. A problem is what the writer is to
// be told instead, with the focus on the field to put right.
func (f *ContributionForm) Contribution(participant string) (d *inquiry.ContributionDetails, problem string) {
	text := strings.TrimSpace(inquiry.CleanText(f.editor.Value()))
	if text == "" {
		f.SetFocus(FieldText)
		return nil, f.say.Say("form.empty")
	}
	if n := inquiry.RuneCount(text); n > inquiry.MaxTextRunes {
		return nil, f.say.Count("form.too_long", n, "max", inquiry.MaxTextRunes)
	}
	d = &inquiry.ContributionDetails{
		Participant: participant, Prompt: f.Ref(), Kind: f.Kind(),
		Text: inquiry.Words{Text: text}, Themes: slices.Clone(f.themes),
	}
	if f.partner >= 0 {
		d.Partner = f.choices.Guide().PartnerList()[f.partner].ID
	}
	if f.IsAction() {
		d.Owner = inquiry.Words{Text: inquiry.CleanLine(f.owner())}
		d.Due = strings.TrimSpace(f.due())
		if _, err := time.Parse(time.DateOnly, d.Due); d.Due != "" && err != nil {
			f.SetFocus(FieldDue)
			return nil, f.say.Say("form.bad_date")
		}
	}
	return d, ""
}

// PendingID is the ID of the new contribution in the form: chosen once,
// with newID, and kept until Clear, so that a retried save is recognised
// rather than saved twice.
func (f *ContributionForm) PendingID(newID func() string) string {
	if f.pendingID == "" {
		f.pendingID = newID()
	}
	return f.pendingID
}

// Snapshot is what a form holds, to put back into it: a contribution
// whose save failed goes back as it was.
type Snapshot struct {
	words                 string
	phase, prompt         int
	kind, partner         int
	themes                []string
	themesTouched         bool
	owner, due, pendingID string
}

// Snapshot is the form as it is, to Restore later.
func (f *ContributionForm) Snapshot() Snapshot {
	return Snapshot{words: f.editor.Value(), phase: f.phase, prompt: f.prompt, kind: f.kind, partner: f.partner,
		themes: f.themes, themesTouched: f.themesTouched, owner: f.owner(), due: f.due(), pendingID: f.pendingID}
}

// Words are the words in the snapshot.
func (k Snapshot) Words() string { return k.words }

// Restore puts a snapshot's choices back, with words in place of its
// words.
func (f *ContributionForm) Restore(k Snapshot, words string) {
	f.editor.SetValue(words)
	f.phase, f.prompt, f.kind, f.partner = k.phase, k.prompt, k.kind, k.partner
	f.themes, f.themesTouched = k.themes, k.themesTouched
	f.setCommitment(k.owner, k.due)
	f.changedInputs()
	f.pendingID = k.pendingID
}

// changedInputs notes that the owner or the date input may look
// different: every change to either goes through here.
func (f *ContributionForm) changedInputs() { f.inputs++ }
