package plain

import (
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// The way in: the language, the join code if the person came without one,
// a resume code if they were here before without a key, then a name, where
// they are from, and consent.

// maxCodeAttempts is how many wrong join or resume codes a screen takes
// before it ends, as the full screen does: enough for typos.
const maxCodeAttempts = 5

// askLanguage offers the catalogue's languages, each named in itself.
func (m *Screen) askLanguage() {
	langs := m.cat.Languages()
	names := make([]string, len(langs))
	here := 0
	var labels []string
	for i, l := range langs {
		names[i] = l.Name
		if l.Code == m.w.Lang() {
			here = i
		}
		labels = append(labels, m.cat.In(l.Code).Say("join.language.label"))
	}
	m.ask(choice{label: strings.Join(dedupe(labels), " / "), options: names, byDefault: here, chosen: func(i int) tea.Cmd {
		m.w = m.cat.In(langs[i].Code)
		m.langChosen = true
		m.say(m.w.Say("join.language.chosen", "language", m.w.Name()))
		return m.start()
	}})
}

// dedupe drops repeats, keeping the order.
func dedupe(items []string) []string {
	var out []string
	for _, s := range items {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// start goes on from the language: to the workshop the code named, or to
// asking for the code.
func (m *Screen) start() tea.Cmd {
	if m.handedCode != "" {
		code := m.handedCode
		m.handedCode = ""
		return m.lookUp(code)
	}
	m.askCode()
	return nil
}

func (m *Screen) askCode() {
	m.pose(question{lines: []string{m.w.Say("code.ask")}, answer: func(s string) tea.Cmd {
		if s == "" {
			m.retry(m.w.Say("code.empty"))
			return nil
		}
		return m.lookUp(strings.ToLower(inquiry.CleanLine(s)))
	}})
}

// lookUp finds the workshop a join code names, off the screen's loop: the
// server may make a lookup wait when codes are being guessed.
func (m *Screen) lookUp(code string) tea.Cmd {
	room := m.s.Room
	m.say(m.w.Say("code.looking"))
	return m.work(func() func(*Screen) tea.Cmd {
		sum, ok := room.ByCode(code)
		return func(m *Screen) tea.Cmd {
			if ok {
				return m.enter(sum)
			}
			m.attempts++
			if m.attempts >= maxCodeAttempts {
				return m.end(m.w.Say("code.too_many"))
			}
			m.say(m.w.Say("code.unknown", "code", inquiry.CleanLine(code)))
			m.askCode()
			return nil
		}
	})
}

// enter opens the workshop found: watch it, and recognise a returning key.
// A closed workshop is said at once and the session ends, as on the full
// screen: nothing can be joined or saved there, and the questions would
// only fail at their end.
func (m *Screen) enter(sum inquiry.Summary) tea.Cmd {
	if !sum.Open {
		return m.end(m.w.Say("session.closed", "title", sum.Title))
	}
	r := &m.room
	r.id, r.title = sum.ID, sum.Title
	identity := ""
	if m.s.IdentityFor != nil {
		identity = m.s.IdentityFor(sum.ID)
	}
	blocked := false
	err := m.s.Room.Read(sum.ID, func(w *inquiry.Workshop) {
		r.title, r.guide, r.pacing, r.head = w.Title, w.Guide, w.Pacing, w.Head
		blocked = w.IdentityBlocked(identity)
		if p, ok := w.ByIdentity(identity); ok && !p.Left() {
			r.me, r.name = p.ID, p.Name
		}
	})
	switch {
	case err != nil:
		return m.end(m.w.Say("code.unreadable", "why", m.friendly(err)))
	case blocked:
		return m.end(m.w.Say("news.removed"))
	}
	r.watch = m.s.WatchFor(r.id, r.interest.news, never)
	m.say(m.w.Say("join.workshop", "title", r.title))
	if r.me != "" {
		m.say(m.w.Say("join.welcome_back", "name", r.name))
		return tea.Batch(r.watch.Listen(), m.startGuide())
	}
	m.askResume()
	return r.watch.Listen()
}

// askResume offers the way back for someone who was here without a key.
func (m *Screen) askResume() {
	m.pose(question{lines: []string{m.w.Say("resume.ask")}, answer: func(s string) tea.Cmd {
		if s == "" {
			m.say(m.w.Say("join.intro"))
			m.askName()
			return nil
		}
		room, ws, code := m.s.Room, m.room.id, s
		return m.work(func() func(*Screen) tea.Cmd {
			id, ok := room.Resume(ws, code)
			return func(m *Screen) tea.Cmd { return m.resumed(id, ok) }
		})
	}})
}

// resumed carries on as the participant a resume code belongs to.
func (m *Screen) resumed(id string, ok bool) tea.Cmd {
	if !ok {
		m.resumeAttempts++
		if m.resumeAttempts >= maxCodeAttempts {
			return m.end(m.w.Say("resume.too_many"))
		}
		m.say(m.w.Say("resume.unknown"))
		m.askResume()
		return nil
	}
	left := false
	_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) {
		id = w.Kept(id)
		if p, found := w.Participant(id); found {
			m.room.name, left = p.Name, p.Left()
		}
	})
	if left {
		return m.end(m.w.Say("resume.left"))
	}
	m.room.me = id
	m.say(m.w.Say("join.welcome_back", "name", m.room.name))
	return m.startGuide()
}

func (m *Screen) askName() {
	m.pose(question{lines: []string{m.w.Say("join.name")}, answer: func(s string) tea.Cmd {
		name := inquiry.CleanLine(s)
		switch {
		case name == "":
			m.retry(m.w.Say("join.name_empty"))
			return nil
		case inquiry.RuneCount(name) > inquiry.MaxNameRunes:
			m.retry(m.w.Count("join.name_long", inquiry.MaxNameRunes))
			return nil
		}
		m.askOrganisation(name)
		return nil
	}})
}

func (m *Screen) askOrganisation(name string) {
	options := make([]string, len(inquiry.OrganisationTypes))
	for i, o := range inquiry.OrganisationTypes {
		options[i] = m.w.Organisation(o)
	}
	m.ask(choice{label: m.w.Say("join.organisation"), options: options, byDefault: -1, onEnter: m.w.Say("join.organisation_none"),
		chosen: func(i int) tea.Cmd {
			org := ""
			if i >= 0 {
				org = inquiry.OrganisationTypes[i]
			}
			m.askConsent(name, org)
			return nil
		}})
}

func (m *Screen) askConsent(name, org string) {
	m.pose(question{lines: []string{m.w.Say("join.consent"), m.w.Say("join.consent_how")}, answer: func(s string) tea.Cmd {
		if !m.isYes(s) {
			m.retry(m.w.Say("join.consent_needed", "leave", m.word("plain.command.leave")))
			return nil
		}
		return m.join(name, org)
	}})
}

// join records the person joining, in the language they chose.
func (m *Screen) join(name, org string) tea.Cmd {
	id := tui.NewID()
	d := &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: name}, Organisation: org,
		ConsentAt: time.Now().UTC(), Language: m.w.Lang()}
	if m.s.IdentityFor != nil {
		d.Identity = m.s.IdentityFor(m.room.id)
	}
	e := inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id}, Participant: d}
	m.say(m.w.Say("join.joining"))
	return m.save(e, func(m *Screen, _ inquiry.Event, err error) tea.Cmd {
		if err != nil {
			m.say(m.w.Say("join.failed", "why", m.friendly(err)))
			m.askConsent(name, org)
			return nil
		}
		m.room.me = id
		_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) {
			if p, ok := w.Participant(id); ok {
				m.room.name = p.Name
			}
		})
		m.say(m.w.Say("join.welcome", "name", m.room.name))
		return m.startGuide()
	})
}

// save appends an event off the screen's loop, then runs then on it.
func (m *Screen) save(e inquiry.Event, then func(*Screen, inquiry.Event, error) tea.Cmd) tea.Cmd {
	room, ctx, ws := m.s.Room, m.s.Ctx(), m.room.id
	return m.work(func() func(*Screen) tea.Cmd {
		got, err := room.Append(ctx, ws, e)
		return func(m *Screen) tea.Cmd { return then(m, got, err) }
	})
}
