package participant

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// joinField is the part of the join form that has the focus.
type joinField int

const (
	joinName joinField = iota
	joinOrganisation
	joinConsent
	joinFields
)

// joinForm asks for a name or pseudonym, an optional organisation type and
// consent.
type joinForm struct {
	name         textinput.Model
	organisation int // index into inquiry.OrganisationTypes, -1 for not said
	consent      bool
	focus        joinField
	saving       bool
	id           string // the participant ID, chosen once so a retry is not a second person
	resume       resumeForm
}

func newJoinForm() joinForm {
	return joinForm{name: tui.NewLineInput("a name or pseudonym", inquiry.MaxNameRunes), organisation: -1}
}

// joinedMsg reports the outcome of recording the join.
type joinedMsg struct {
	event inquiry.Event
	err   error
}

func (m *Screen) updateJoin(msg tea.Msg) (tea.Model, tea.Cmd) {
	f := &m.join
	if found, ok := msg.(resumeFoundMsg); ok {
		return m, m.resumeFound(found)
	}
	if f.resume.open {
		return m.updateResume(msg)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, joinKeys.Resume) && !f.saving {
		f.resume.open = true
		f.resume.input.Focus()
		m.notice = tui.Notice{Text: "Type the resume code you were given when you joined, then press enter."}
		return m, nil
	}
	switch msg := msg.(type) {
	case joinedMsg:
		f.saving = false
		if msg.err != nil {
			m.notice = tui.Notice{Text: "Could not join: " + tui.Friendly(msg.err) + " Press enter to try again.", Bad: true}
			return m, nil
		}
		m.view.me = f.id
		m.takeIn()
		m.view.name = msg.event.Participant.Name.Text
		if name := m.shownName(); name != "" {
			m.view.name = name // told apart from a namesake's: "Alice (2)"
		}
		return m, m.arrive(m.welcome)
	case tea.PasteMsg:
		if f.focus != joinName {
			return m, nil
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, joinKeys.Next):
			f.setFocus((f.focus + 1) % joinFields)
			return m, nil
		case key.Matches(msg, joinKeys.Last):
			f.setFocus((f.focus + joinFields - 1) % joinFields)
			return m, nil
		case key.Matches(msg, joinKeys.Join):
			if f.focus == joinName {
				f.setFocus(joinOrganisation)
				return m, nil
			}
			return m, m.submitJoin()
		}
		switch f.focus {
		case joinOrganisation:
			// Index -1 is "not said", so cycle over one more than the list.
			n := len(inquiry.OrganisationTypes) + 1
			if key.Matches(msg, joinKeys.Choose) {
				delta := 1
				if msg.String() == "left" {
					delta = -1
				}
				f.organisation = tui.Cycle(f.organisation+1, delta, n) - 1
			}
			return m, nil
		case joinConsent:
			if key.Matches(msg, joinKeys.Tick) {
				f.consent = !f.consent
			}
			return m, nil
		}
	}
	if f.focus != joinName {
		return m, nil
	}
	var cmd tea.Cmd
	f.name, cmd = f.name.Update(msg)
	return m, cmd
}

func (f *joinForm) setFocus(to joinField) {
	f.focus = to
	if to == joinName {
		f.name.Focus()
	} else {
		f.name.Blur()
	}
}

// submitJoin checks the form and records the join.
func (m *Screen) submitJoin() tea.Cmd {
	f := &m.join
	if f.saving {
		return nil
	}
	name := inquiry.CleanLine(f.name.Value())
	switch {
	case name == "":
		m.notice = tui.Notice{Text: "Please give a name or pseudonym: it is how your words are credited.", Bad: true}
		f.setFocus(joinName)
		return nil
	case inquiry.RuneCount(name) > inquiry.MaxNameRunes:
		m.notice = tui.Notice{Text: "That name is too long: please keep it under 40 characters.", Bad: true}
		return nil
	case !f.consent:
		m.notice = tui.Notice{Text: "Please tick the consent box (space) to take part.", Bad: true}
		f.setFocus(joinConsent)
		return nil
	}
	if f.id == "" {
		f.id = tui.NewID()
	}
	details := &inquiry.ParticipantDetails{ID: f.id, Name: inquiry.Words{Text: name}, ConsentAt: time.Now().UTC(), Language: m.suit.lang}
	if f.organisation >= 0 {
		details.Organisation = inquiry.OrganisationTypes[f.organisation]
	}
	if m.s.IdentityFor != nil {
		details.Identity = m.s.IdentityFor(m.view.id)
	}
	e := inquiry.Event{
		Type:        inquiry.ParticipantJoined,
		Actor:       inquiry.Actor{Role: inquiry.RoleParticipant, ID: f.id},
		Participant: details,
	}
	f.saving = true
	m.notice = tui.Notice{Text: "Joining…"}
	room, ctx, ws := m.s.Room, m.s.Ctx(), m.view.id
	return func() tea.Msg {
		ev, err := room.Append(ctx, ws, e)
		return joinedMsg{event: ev, err: err}
	}
}

func (m *Screen) viewJoin() (string, *tea.Cursor) {
	w, f := m.frame.Width, &m.join
	var b tui.Lines
	b.Line(tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+tui.Bold.Render(m.view.title), tui.Dim.Render(m.plainLine()), w))
	b.Line(tui.Rule(w))
	intro := "What you write here is saved with the name you give, which can be a pseudonym. " +
		"The facilitators and the other participants will see it, and it goes into the workshop's report."
	for _, l := range tui.Wrap(intro, w) {
		b.Line(l)
	}
	b.Line(tui.Dim.Render(tui.Fit(m.languageLine(), w)))
	b.Line(tui.FieldLabel(f.focus == joinName, "Your name or pseudonym"))
	cursor := tui.OffsetCursor(f.name.Cursor(), 0, b.Len())
	if f.focus != joinName {
		cursor = nil
	}
	b.Line(f.name.View())
	b.Line("")
	b.Line(tui.FieldLabel(f.focus == joinOrganisation, "Where you are from (optional)"))
	org := "not said"
	if f.organisation >= 0 {
		org = inquiry.OrganisationTypes[f.organisation]
	}
	b.Line(tui.Fit("  ◂ "+tui.Accent.Render(org)+" ▸", w))
	b.Line("")
	box := "[ ]"
	if f.consent {
		box = "[x]"
	}
	b.Line(tui.FieldLabel(f.focus == joinConsent, "Consent"))
	for i, l := range tui.Wrap(box+" I agree that what I write is recorded and shared as described above.", w-2) {
		if i == 0 {
			b.Line("  " + l)
		} else {
			b.Line("      " + strings.TrimSpace(l))
		}
	}
	b.Line("")
	if f.resume.open {
		cursor = tui.OffsetCursor(f.resume.input.Cursor(), 0, b.Len())
		b.Line(f.resume.input.View())
	} else {
		b.Line(tui.Dim.Render(tui.Fit("Been here before without a key? ctrl+r to give your resume code.", w)))
	}
	b.Line(m.notice.Lines(w))
	b.Fill(m.frame.Height - 1)
	if f.resume.open {
		b.Line(tui.Footer(w, joinKeys.CarryOn, joinKeys.Anew))
	} else {
		b.Line(tui.Footer(w, joinKeys.Next, joinKeys.Choose, joinKeys.Tick, joinKeys.Join, tui.Leave))
	}
	return b.String(), cursor
}
