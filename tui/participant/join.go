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

func newJoinForm() *joinForm {
	// Their words: relabel.
	return &joinForm{name: tui.NewLineInput("", inquiry.MaxNameRunes), organisation: -1, resume: newResumeForm()}
}

// joinedMsg reports the outcome of recording the join.
type joinedMsg struct {
	event inquiry.Event
	err   error
}

func (m *Screen) updateJoin(msg tea.Msg) (tea.Model, tea.Cmd) {
	f := m.join
	if found, ok := msg.(resumeFoundMsg); ok {
		return m, m.resumeFound(found)
	}
	if f.resume.open {
		return m.updateResume(msg)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, joinKeys.Resume) && !f.saving {
		f.resume.open = true
		f.resume.input.Focus()
		m.notice = tui.Notice{Text: m.say("resume.how")}
		return m, nil
	}
	switch msg := msg.(type) {
	case joinedMsg:
		f.saving = false
		if msg.err != nil {
			m.notice = tui.Notice{Text: m.say("join.failed_retry", "why", m.friendly(msg.err)), Bad: true}
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
	f := m.join
	if f.saving {
		return nil
	}
	name := inquiry.CleanLine(f.name.Value())
	switch {
	case name == "":
		m.notice = tui.Notice{Text: m.say("join.name_missing"), Bad: true}
		f.setFocus(joinName)
		return nil
	case inquiry.RuneCount(name) > inquiry.MaxNameRunes:
		m.notice = tui.Notice{Text: m.count("join.name_too_long", inquiry.MaxNameRunes), Bad: true}
		return nil
	case !f.consent:
		m.notice = tui.Notice{Text: m.say("join.consent_missing"), Bad: true}
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
	m.notice = tui.Notice{Text: m.say("join.saving")}
	room, ctx, ws := m.s.Room, m.s.Ctx(), m.view.id
	return func() tea.Msg {
		ev, err := room.Append(ctx, ws, e)
		return joinedMsg{event: ev, err: err}
	}
}

// viewJoin draws the join form. A short window drops the blank lines
// first, then the rule, then the end of the introduction (marked …), and
// then puts each label on its field's line; the fields, the way back in
// with a resume code and the keys always stay.
func (m *Screen) viewJoin() (string, *tea.Cursor) {
	w, h, f := m.frame.Width, m.frame.Height, m.join
	consent := m.consentLines(w)
	var door []string
	if f.resume.open {
		door = []string{tui.InputView(&f.resume.input, w)}
	} else {
		for _, l := range tui.Wrap(m.say("join.resume_hint"), w) {
			door = append(door, tui.Dim.Render(l))
		}
	}
	notice, _ := m.noticeLines(w)
	noticeRows := 0
	if notice != "" {
		noticeRows = strings.Count(notice, "\n") + 1
	}

	// What must stay: the title, the language, the fields, the door, the
	// notice, the keys.
	fixed := 1 + 1 + 5 + len(consent) + len(door) + noticeRows + 1
	// Labels go beside the fields when that leaves two lines of the
	// introduction.
	compact := fixed+2 > h
	if compact {
		fixed -= 3 // a label beside each field
	}
	// Still too tall (a short window in a language whose words run
	// longer): the way back for the keyless takes one line, then the
	// notice.
	if fixed > h && len(door) > 1 && !f.resume.open {
		fixed -= len(door) - 1
		door = []string{tui.Dim.Render(tui.Fit(m.say("join.resume_hint"), w))}
	}
	for most := noticeRows - 1; fixed > h && most >= 1; most-- {
		fixed -= noticeRows - most
		notice, noticeRows = m.notice.LinesUpTo(w, most), most
	}
	intro := tui.Wrap(m.say("join.intro"), w) // what is recorded and who will see it
	spare := h - fixed - len(intro)
	rule := spare >= 1
	gaps := min(max(spare-1, 0), 4) // blank lines between the parts
	spare -= gaps
	if rule {
		spare--
	}
	if spare < 0 && len(intro) > 0 {
		intro = intro[:max(len(intro)+spare, 0)]
		if n := len(intro); n > 0 {
			intro[n-1] = tui.Fit(intro[n-1]+" …", w)
		}
	}
	gap := func(b *tui.Lines) {
		if gaps > 0 {
			b.Line("")
			gaps--
		}
	}

	var b tui.Lines
	b.Line(tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+tui.Bold.Render(m.view.title), tui.Dim.Render(m.plainLine()), w))
	if rule {
		b.Line(tui.Rule(w))
	}
	for _, l := range intro {
		b.Line(l)
	}
	b.Line(tui.Dim.Render(tui.Fit(m.languageLine(), w)))
	gap(&b)
	var cursor *tea.Cursor
	nameAt := func(x int) {
		if f.focus == joinName && !f.resume.open {
			cursor = tui.OffsetCursor(f.name.Cursor(), x, b.Len())
		}
	}
	org := "◂ " + tui.Accent.Render(m.organisationSaid()) + " ▸"
	if compact {
		label := tui.FieldLabel(f.focus == joinName, m.say("join.name_short")+" ")
		nameAt(tui.Width(label))
		b.Line(label + tui.InputView(&f.name, w-tui.Width(label)))
		b.Line(tui.Fit(tui.FieldLabel(f.focus == joinOrganisation, m.say("join.organisation_short")+" ")+org, w))
	} else {
		b.Line(tui.FieldLabel(f.focus == joinName, m.say("join.name_label")))
		nameAt(0)
		b.Line(tui.InputView(&f.name, w))
		gap(&b)
		b.Line(tui.FieldLabel(f.focus == joinOrganisation, m.say("join.organisation_label")))
		b.Line(tui.Fit("  "+org, w))
		gap(&b)
		b.Line(tui.FieldLabel(f.focus == joinConsent, m.say("join.consent_label")))
	}
	for i, l := range consent {
		if i == 0 && compact && f.focus == joinConsent {
			l = tui.Accent.Render("▸") + l[1:]
		}
		b.Line(l)
	}
	gap(&b)
	if f.resume.open {
		cursor = tui.OffsetCursor(f.resume.input.Cursor(), 0, b.Len())
	}
	for _, l := range door {
		b.Line(l)
	}
	if notice != "" {
		b.Line(notice)
	}
	b.Fill(h - 1)
	if f.resume.open {
		b.Line(tui.Footer(w, m.keys(joinKeys.CarryOn, joinKeys.Anew, tui.Leave)...))
	} else {
		b.Line(tui.Footer(w, m.keys(joinKeys.Join, joinKeys.Next, joinKeys.Choose, joinKeys.Tick, joinKeys.Resume, tui.Leave)...))
	}
	return b.String(), cursor
}

// organisationSaid is the kind of organisation chosen, or that none was,
// in the person's language.
func (m *Screen) organisationSaid() string {
	if o := m.join.organisation; o >= 0 {
		return m.words().Organisation(inquiry.OrganisationTypes[o])
	}
	return m.say("join.organisation_unsaid")
}

// consentLines are the consent box and its sentence, wrapped under the box.
func (m *Screen) consentLines(w int) []string {
	box := "[ ]"
	if m.join.consent {
		box = "[x]"
	}
	// The first line after two spaces, the rest under its words, six in.
	text := box + " " + m.say("join.consent_box")
	first := tui.Wrap(text, w-2)[0]
	lines := []string{"  " + first}
	if rest := strings.TrimSpace(strings.TrimPrefix(text, first)); rest != "" {
		for _, l := range tui.Wrap(rest, w-6) {
			lines = append(lines, "      "+l)
		}
	}
	return lines
}
