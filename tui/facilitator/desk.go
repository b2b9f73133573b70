package facilitator

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// scribeDesk is where a facilitator or an enrolled scribe writes
// contributions on behalf of a table or a person without a terminal —
// from paper, a flipchart or what was said — so nobody is left out for
// want of a laptop. Such a person joins as a scribed participant (the
// scribe confirms their consent), and everything entered for them is
// marked as scribed in the transcript and exports.
//
// The desk holds no copy of the workshop: the screen that holds it hands
// it the workshop's shared state (ws) for as long as it handles a message
// or draws, and the outcome of each save.
type scribeDesk struct {
	s     tui.Session
	ws    *inquiry.Workshop
	stage scribeStage
	// alone is set on a scribe's own screen, where the list of whom to
	// write for is the top: esc there goes nowhere.
	alone  bool
	notice tui.Notice
	saving bool

	cursor int // in the list of who to write for; 0 is someone new

	// Someone new: a name, the scribe's confirmation of consent and,
	// optionally, the kind of organisation (see desk_new.go).
	name       textinput.Model
	consent    bool
	newField   newField
	org        int    // index into orgChoices
	joiningID  string // chosen once, so a retried join is one person
	escPressed bool   // esc once with unsaved words: a second esc drops them

	// The contribution being written, and for whom; editing is the one
	// being changed ("" for a new one, see desk_entries.go).
	who     string
	form    tui.ContributionForm
	editing string

	// The table's own entries, to correct or delete, and a question
	// asked before a deletion; the table's dots in an open vote.
	entry  int
	asking *deskQuestion
	ballot deskBallot
}

type scribeStage int

const (
	scribeWho     scribeStage = iota
	scribeNew                 // someone new joins
	scribeWrite               // writing for them, or correcting an entry
	scribeEntries             // the entries made for them, to correct
	scribeBallot              // placing their dots
	scribeOrg                 // their kind of organisation
	scribeAgree               // what they agree with
)

// scribeSavedMsg reports the outcome of a join or a contribution entered
// at the desk.
type scribeSavedMsg struct {
	event inquiry.Event
	err   error
}

func newScribeDesk(s tui.Session) *scribeDesk {
	d := &scribeDesk{s: s}
	d.form = tui.NewContributionForm(deskChoices{d}, "What they said, in their words. Enter saves; alt+enter starts a new line.", true)
	return d
}

// deskChoices are the workshop's choices for the desk's form, with the
// workshop's own theme index.
type deskChoices struct{ d *scribeDesk }

func (c deskChoices) Guide() *inquiry.Guide   { return &c.d.ws.Guide }
func (c deskChoices) Themes() []inquiry.Theme { return c.d.ws.Themes() }
func (c deskChoices) SuggestThemes(text string) []string {
	return c.d.ws.Suggester().Suggest(text)
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
		if d.asking != nil {
			return d.answer(msg), false
		}
		switch d.stage {
		case scribeWho:
			return d.whoKey(msg)
		case scribeNew:
			return d.newKey(msg), false
		case scribeEntries:
			return d.entriesKey(msg), false
		case scribeBallot:
			return d.ballotKey(msg), false
		case scribeOrg:
			return d.orgKey(msg), false
		case scribeAgree:
			return d.agreeKey(msg), false
		default:
			return d.writeKey(msg), false
		}
	}
	return nil, false
}

func (d *scribeDesk) whoKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	people := d.scribed()
	switch {
	case key.Matches(k, deskKeys.Pick):
		tui.MoveIn(&d.cursor, len(people)+1, k, 1)
	case key.Matches(k, deskKeys.Back):
		return nil, true
	case key.Matches(k, deskKeys.Write) && d.cursor == 0:
		d.startNew()
	case d.cursor == 0:
	case key.Matches(k, deskKeys.Write):
		d.startWriting(people[d.cursor-1].ID)
	case key.Matches(k, deskKeys.Entries):
		d.openEntries(people[d.cursor-1].ID)
	case key.Matches(k, deskKeys.Dots):
		d.openBallot(people[d.cursor-1].ID)
	case key.Matches(k, deskKeys.Organisation):
		d.openOrg(people[d.cursor-1].ID)
	case key.Matches(k, deskKeys.Agree):
		d.openAgree(people[d.cursor-1].ID)
	}
	return nil, false
}

// startWriting opens the editor for a participant, at the prompt open for
// everyone if there is one.
func (d *scribeDesk) startWriting(who string) {
	if who != d.who {
		d.form.Clear()
	}
	d.who, d.stage = who, scribeWrite
	if p, q, ok := d.ws.Guide.Locate(d.ws.Current.Prompt); ok {
		d.form.GoTo(p, q)
	}
	d.form.SetFocus(tui.FieldText)
	if p, ok := d.ws.Participant(who); ok {
		d.notice = tui.Notice{Text: "Writing for " + inquiry.CleanLine(p.Name) + ". Enter saves; tab moves to the prompt, kind, themes and partner."}
	}
}

// send records an event in the scribe's name.
func (d *scribeDesk) send(e inquiry.Event) tea.Cmd {
	e.Actor = d.s.Actor
	d.saving, d.notice = true, tui.Notice{Text: "Saving…"}
	room, ctx, id := d.s.Room, d.s.Ctx(), d.ws.ID
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
		d.notice = tui.Notice{Text: "Not saved: " + tui.Friendly(msg.err) + " Nothing was lost: press enter to try again.", Bad: true}
		return
	}
	switch e := msg.event; e.Type {
	case inquiry.ContributionEdited, inquiry.ContributionDeleted:
		d.corrected(e)
	case inquiry.VoteCast:
		d.ballotSaved(e)
	case inquiry.ContributionAgreed, inquiry.AgreementWithdrawn:
		d.agreed(e)
	case inquiry.OrganisationChanged:
		d.stage = scribeWho
		d.notice = tui.Notice{Text: "✓ " + d.nameOf(e.Target) + " comes from: " + orgLabel(e.Profile.Organisation) + "."}
	case inquiry.ParticipantJoined:
		d.joiningID = ""
		d.startWriting(e.Participant.ID)
		d.notice = tui.Notice{Text: "✓ " + inquiry.CleanLine(e.Participant.Name.Text) + " joined, scribed. Write what they say below."}
	case inquiry.ContributionAdded:
		c := e.Contribution
		d.form.ClearWords()
		whom := ""
		if p, ok := d.ws.Participant(c.Participant); ok {
			whom = " for " + inquiry.CleanLine(p.Name)
		}
		d.notice = tui.Notice{Text: "Saved ✓" + whom + ": " + c.Kind.Label() + " “" + tui.Snippet(c.Text.Text, 40) + "”"}
	}
}

func (d *scribeDesk) paste(text string) {
	switch {
	case d.stage == scribeNew && d.newField == newName:
		tui.PasteLine(&d.name, inquiry.CleanLine(text))
	case d.stage == scribeWrite:
		if problem := d.form.Paste(text); problem != "" {
			d.notice = tui.Notice{Text: problem, Bad: true}
		}
	}
}

// words is the text written so far, for the esc guard.
func (d *scribeDesk) words() string { return strings.TrimSpace(d.form.Words()) }

// Writing at the scribe desk: the keys, and saving a contribution in the
// scribed participant's name.

func (d *scribeDesk) writeKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, deskKeys.Save):
		if d.editing != "" {
			return d.saveCorrection()
		}
		return d.save()
	case key.Matches(k, deskKeys.Back):
		if d.words() != "" && !d.escPressed {
			d.escPressed = true
			d.notice = tui.Notice{Text: "The words written are not saved: enter saves them, esc again drops them.", Bad: true}
			return nil
		}
		d.form.Clear()
		d.stage, d.notice = scribeWho, tui.Notice{}
		if d.editing != "" {
			d.editing, d.stage = "", scribeEntries
		}
		return nil
	case d.editing != "" && (key.Matches(k, deskKeys.Prompt) || d.form.Focus() == tui.FieldPrompt && key.Matches(k, deskKeys.Choose)):
		d.notice = tui.Notice{Text: "A correction stays at its prompt: to move it, delete it and write it again there.", Bad: true}
		return nil
	case key.Matches(k, deskKeys.Prompt):
		delta := 1
		if k.String() == "pgup" {
			delta = -1
		}
		if p, q, ok := d.form.Neighbour(delta); ok {
			d.form.GoTo(p, q)
		}
		return nil
	}
	cmd, _ := d.form.Key(k)
	return cmd
}

// save records the contribution in the scribed participant's name.
func (d *scribeDesk) save() tea.Cmd {
	if d.saving {
		return nil
	}
	c, problem := d.form.Contribution(d.who)
	if problem != "" {
		d.notice = tui.Notice{Text: problem, Bad: true}
		return nil
	}
	c.ID = d.form.PendingID(tui.NewID)
	return d.send(inquiry.Event{Type: inquiry.ContributionAdded, Contribution: c})
}
