package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// scribeDesk is where a facilitator or an enrolled scribe writes
// contributions on behalf of a table or a person without a terminal —
// from paper, a flipchart or what was said — so nobody is left out for
// want of a laptop. Such a person joins as a scribed participant (the
// scribe confirms their consent), and everything entered for them is
// marked as scribed in the transcript and exports.
//
// The desk holds no copy of the workshop: the screen that holds it keeps
// ws up to date and hands it the outcome of each save.
type scribeDesk struct {
	s      Session
	ws     *inquiry.Workshop
	stage  scribeStage
	notice notice
	saving bool

	cursor int // in the list of who to write for; 0 is someone new

	// Someone new: a name and the scribe's confirmation of consent.
	name       textinput.Model
	consent    bool
	onConsent  bool
	joiningID  string // chosen once, so a retried join is one person
	escPressed bool   // esc once with unsaved words: a second esc drops them

	// The contribution being written and for whom.
	who           string
	prompt        int // index into promptRefs
	kind          int // index into the prompt's kind choices
	themes        []string
	themesTouched bool
	themeCursor   int
	partner       int // index into the guide's partners, -1 for none
	owner, due    textinput.Model
	editor        editor
	focus         scribeField
	pendingID     string // a new contribution's ID, kept until it is saved
	suggester     *inquiry.ThemeIndex
	suggestedFrom int // how many themes the suggester knows
}

type scribeStage int

const (
	scribeWho scribeStage = iota
	scribeNew
	scribeWrite
)

type scribeField int

const (
	scribeText scribeField = iota
	scribePrompt
	scribeKind
	scribeThemes
	scribePartner
	scribeOwner
	scribeDue
	scribeFields
)

// scribeSavedMsg reports the outcome of a join or a contribution entered
// at the desk.
type scribeSavedMsg struct {
	event inquiry.Event
	err   error
}

func newScribeDesk(s Session, ws *inquiry.Workshop) *scribeDesk {
	d := &scribeDesk{s: s, ws: ws, partner: -1}
	d.editor = newEditor("What they said, in their words. Enter saves; alt+enter starts a new line.", inquiry.MaxTextRunes)
	d.owner = newLineInput("who will do it: a person or an organisation", inquiry.MaxOwnerRunes)
	d.owner.Prompt = ""
	d.due = newLineInput("YYYY-MM-DD, optional", 20)
	d.due.Prompt = ""
	d.setFocus(scribeText)
	return d
}

// scribed are the scribed participants who can still take part.
func (d *scribeDesk) scribed() []*inquiry.Participant {
	var out []*inquiry.Participant
	for _, p := range d.ws.Participants {
		if p.Scribed && !p.Left() {
			out = append(out, p)
		}
	}
	return out
}

func (d *scribeDesk) ref() inquiry.PromptRef {
	refs := promptRefs(d.ws.Guide)
	return refs[min(d.prompt, len(refs)-1)]
}

func (d *scribeDesk) promptDef() inquiry.Prompt {
	p, _ := d.ws.Guide.Prompt(d.ref())
	return p
}

func (d *scribeDesk) kindNow() inquiry.Kind {
	choices := d.promptDef().KindChoices()
	return choices[min(d.kind, len(choices)-1)]
}

// update handles a message; leave is true when the person pressed esc
// with nothing left to go back to.
func (d *scribeDesk) update(msg tea.Msg) (cmd tea.Cmd, leave bool) {
	switch msg := msg.(type) {
	case scribeSavedMsg:
		d.saved(msg)
		return nil, false
	case tea.PasteMsg:
		d.paste(msg.Content)
		return nil, false
	case tea.KeyPressMsg:
		if msg.String() != "esc" {
			d.escPressed = false
		}
		switch d.stage {
		case scribeWho:
			return d.whoKey(msg)
		case scribeNew:
			return d.newKey(msg), false
		default:
			return d.writeKey(msg), false
		}
	}
	return nil, false
}

func (d *scribeDesk) whoKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	people := d.scribed()
	switch k.String() {
	case "up":
		d.cursor = max(d.cursor-1, 0)
	case "down":
		d.cursor = min(d.cursor+1, len(people))
	case "esc":
		return nil, true
	case "enter":
		if d.cursor == 0 {
			d.stage, d.consent, d.onConsent = scribeNew, false, false
			d.name = newLineInput("Table 3, or a name or pseudonym", inquiry.MaxNameRunes)
			d.name.Prompt = ""
			d.notice = notice{}
			return nil, false
		}
		d.startWriting(people[d.cursor-1].ID)
	}
	return nil, false
}

// startWriting opens the editor for a participant, at the prompt open for
// everyone if there is one.
func (d *scribeDesk) startWriting(who string) {
	if who != d.who {
		d.clear()
	}
	d.who, d.stage = who, scribeWrite
	if i := slices.Index(promptRefs(d.ws.Guide), d.ws.Current.Prompt); i >= 0 {
		d.prompt = i
	}
	d.setFocus(scribeText)
	if p, ok := d.ws.Participant(who); ok {
		d.notice = notice{text: "Writing for " + inquiry.CleanLine(p.Name) + ". Enter saves; tab moves to the prompt, kind, themes and partner."}
	}
}

func (d *scribeDesk) newKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "esc":
		d.stage, d.notice = scribeWho, notice{}
		return nil
	case "tab", "shift+tab", "up", "down":
		d.onConsent = !d.onConsent
		if d.onConsent {
			d.name.Blur()
		} else {
			d.name.Focus()
		}
		return nil
	case "space":
		if d.onConsent {
			d.consent = !d.consent
			return nil
		}
	case "enter":
		return d.join()
	}
	if d.onConsent {
		return nil
	}
	var cmd tea.Cmd
	d.name, cmd = d.name.Update(k)
	return cmd
}

// join records someone without a terminal joining, the scribe having
// confirmed their consent.
func (d *scribeDesk) join() tea.Cmd {
	if d.saving {
		return nil
	}
	name := inquiry.CleanLine(d.name.Value())
	switch {
	case name == "":
		d.notice = notice{text: "Give them a name: a table's, or the person's name or pseudonym.", bad: true}
		return nil
	case inquiry.RuneCount(name) > inquiry.MaxNameRunes:
		d.notice = notice{text: "That name is too long: please keep it under 40 characters.", bad: true}
		return nil
	case !d.consent:
		d.notice = notice{text: "Ask them first, then tick that they agreed (space) before writing for them.", bad: true}
		d.onConsent = true
		d.name.Blur()
		return nil
	}
	if d.joiningID == "" {
		d.joiningID = d.s.newID()
	}
	p := &inquiry.ParticipantDetails{ID: d.joiningID, Name: inquiry.Words{Text: name}, ConsentAt: stampTime(), Scribed: true}
	return d.send(inquiry.Event{Type: inquiry.ParticipantJoined, Participant: p})
}

// send records an event in the scribe's name.
func (d *scribeDesk) send(e inquiry.Event) tea.Cmd {
	e.Actor = d.s.Actor
	d.saving, d.notice = true, notice{text: "Saving…"}
	room, ctx, id := d.s.Room, d.s.context(), d.ws.ID
	return func() tea.Msg {
		ev, err := room.Append(ctx, id, e)
		return scribeSavedMsg{event: ev, err: err}
	}
}

// saved tells the scribe the outcome once the store has it. The holder of
// the desk has already folded the new events in.
func (d *scribeDesk) saved(msg scribeSavedMsg) {
	d.saving = false
	if msg.err != nil {
		d.notice = notice{text: "Not saved: " + friendly(msg.err) + " Nothing was lost: press enter to try again.", bad: true}
		return
	}
	switch e := msg.event; e.Type {
	case inquiry.ParticipantJoined:
		d.joiningID = ""
		d.startWriting(e.Participant.ID)
		d.notice = notice{text: "✓ " + inquiry.CleanLine(e.Participant.Name.Text) + " joined, scribed. Write what they say below."}
	case inquiry.ContributionAdded:
		c := e.Contribution
		d.editor.Reset()
		d.owner.SetValue("")
		d.due.SetValue("")
		d.themes, d.themesTouched, d.pendingID = nil, false, ""
		d.setFocus(scribeText)
		whom := ""
		if p, ok := d.ws.Participant(c.Participant); ok {
			whom = " for " + inquiry.CleanLine(p.Name)
		}
		d.notice = notice{text: "Saved ✓" + whom + ": " + c.Kind.Label() + " “" + snippet(c.Text.Text, 40) + "”"}
	}
}

// clear empties the contribution being written.
func (d *scribeDesk) clear() {
	d.editor.Reset()
	d.owner.SetValue("")
	d.due.SetValue("")
	d.kind, d.themes, d.themesTouched, d.themeCursor, d.partner, d.pendingID = 0, nil, false, 0, -1, ""
}

func (d *scribeDesk) paste(text string) {
	switch {
	case d.stage == scribeNew && !d.onConsent:
		pasteLine(&d.name, inquiry.CleanLine(text))
	case d.stage != scribeWrite:
	case d.focus == scribeOwner:
		pasteLine(&d.owner, inquiry.CleanLine(text))
	case d.focus == scribeDue:
		pasteLine(&d.due, inquiry.CleanLine(text))
	default:
		d.setFocus(scribeText)
		if !d.editor.InsertString(inquiry.CleanText(text)) {
			d.notice = notice{text: "Only part of that was pasted: a contribution holds up to 2000 characters.", bad: true}
		}
		d.suggest()
	}
}

// suggest offers themes from the words written, until the scribe chooses.
func (d *scribeDesk) suggest() {
	if d.themesTouched {
		return
	}
	if themes := d.ws.Themes(); d.suggester == nil || d.suggestedFrom != len(themes) {
		d.suggester, d.suggestedFrom = inquiry.NewThemeIndex(themes), len(themes)
	}
	d.themes = d.suggester.Suggest(d.editor.Value())
}

func (d *scribeDesk) setFocus(f scribeField) {
	d.focus = f
	d.editor.Blur()
	d.owner.Blur()
	d.due.Blur()
	switch f {
	case scribeText:
		d.editor.Focus()
	case scribeOwner:
		d.owner.Focus()
	case scribeDue:
		d.due.Focus()
	}
}

// fields are the fields the tab key visits: the owner and due date only
// for an action.
func (d *scribeDesk) fields() []scribeField {
	f := []scribeField{scribeText, scribePrompt, scribeKind, scribeThemes, scribePartner}
	if d.kindNow() == inquiry.Action {
		f = append(f, scribeOwner, scribeDue)
	}
	return f
}

// words is the text written so far, for the esc guard.
func (d *scribeDesk) words() string { return strings.TrimSpace(d.editor.Value()) }
