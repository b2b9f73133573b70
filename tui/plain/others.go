package plain

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// other is someone else's contribution at the prompt, as the person may
// read it: named "someone" when the workshop is anonymous.
type other struct {
	id, name    string
	kind        inquiry.Kind
	text        string
	agreements  int
	agreed      bool
	highlighted bool
}

// others reads what others wrote at the prompt that the person may see,
// oldest first, as a conversation is read.
func (m *Screen) others() []other {
	ref, me := m.at.ref, m.room.me
	var out []other
	_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) {
		for _, c := range w.Answers(ref) {
			if c.Participant == me || !w.VisibleTo(me, c) {
				continue
			}
			name := m.w.Say("others.someone")
			if p, ok := w.Participant(c.Participant); ok && !w.Settings.Anonymous && p.Name != "" {
				name = p.Name
			}
			out = append(out, other{id: c.ID, name: name, kind: c.Kind, text: c.Text,
				agreements: len(w.Agreements(c.ID)), agreed: w.Agreed(me, c.ID), highlighted: c.Highlighted})
		}
	})
	return out
}

// readOthers reads out what others wrote here, one contribution a line.
func (m *Screen) readOthers() {
	items := m.others()
	if len(items) == 0 {
		if _, held := m.othersHere(); held {
			m.say(m.w.Say("guide.others_held"))
		} else {
			m.say(m.w.Say("others.none"))
		}
		m.menu()
		return
	}
	m.say(m.w.Count("others.heading", len(items), "place", m.place(m.at.ref)))
	for i, o := range items {
		m.say(m.otherLine(i, o))
	}
	m.askOther(items)
}

// otherLine is one of others' contributions: who, what kind, the words,
// and who agrees.
func (m *Screen) otherLine(i int, o other) string {
	line := m.w.Say("others.item", "number", ordinal(i), "name", o.name, "kind", m.w.Kind(o.kind), "text", o.text)
	if o.highlighted {
		line += " " + m.w.Say("others.highlighted")
	}
	switch {
	case o.agreed:
		line += " " + m.w.Count("others.agreed_with_you", o.agreements-1)
	case o.agreements > 0:
		line += " " + m.w.Count("others.agreements", o.agreements)
	}
	return line
}

func (m *Screen) askOther(items []other) {
	m.pose(question{lines: []string{m.w.Count("others.ask", len(items))}, answer: func(s string) tea.Cmd {
		if s == "" {
			m.backToPrompt()
			return nil
		}
		picked, ok := numbers(s, len(items))
		if !ok || len(picked) != 1 {
			m.retry(m.w.Count("others.retry", len(items)))
			return nil
		}
		m.actOn(items, items[picked[0]])
		return nil
	}})
}

// actOn offers what can be done with one of others' contributions.
func (m *Screen) actOn(items []other, o other) {
	agree := m.w.Say("others.agree")
	if o.agreed {
		agree = m.w.Say("others.disagree")
	}
	options := []string{m.w.Say("others.build"), agree, m.w.Say("others.back")}
	label := m.w.Say("others.chosen", "name", o.name, "kind", m.w.Kind(o.kind))
	m.ask(choice{label: label, options: options, byDefault: 2, onEnter: m.w.Say("others.enter"), chosen: func(i int) tea.Cmd {
		switch i {
		case 0:
			m.askBuildOn(o)
		case 1:
			return m.agree(items, o)
		default:
			m.askOther(items)
		}
		return nil
	}})
}

// askBuildOn asks for words that build on another's contribution.
func (m *Screen) askBuildOn(o other) {
	ref := m.at.ref
	ask := m.w.Say("others.build_ask", "name", o.name, "kind", m.w.Kind(o.kind))
	m.pose(question{lines: []string{ask}, words: true, answer: func(s string) tea.Cmd {
		if s == "" {
			m.backToPrompt()
			return nil
		}
		m.startContribution(ref, s, o.id)
		return m.nextStep()
	}})
}

// agree records agreeing with a contribution (+1), or takes it back.
func (m *Screen) agree(items []other, o other) tea.Cmd {
	e := inquiry.Event{Type: inquiry.ContributionAgreed, Actor: m.s.Actor, Target: o.id,
		Agreement: &inquiry.Agreement{Participant: m.room.me}}
	said := m.w.Say("others.agreed", "name", o.name, "kind", m.w.Kind(o.kind))
	if o.agreed {
		e.Type = inquiry.AgreementWithdrawn
		said = m.w.Say("others.disagreed", "name", o.name, "kind", m.w.Kind(o.kind))
	}
	return m.save(e, func(m *Screen, _ inquiry.Event, err error) tea.Cmd {
		if err != nil {
			m.say(m.w.Say("others.not_saved", "why", m.friendly(err)))
		} else {
			m.say(said)
			for i := range items {
				if items[i].id == o.id {
					items[i].agreed = !o.agreed
					items[i].agreements += map[bool]int{true: -1, false: 1}[o.agreed]
				}
			}
		}
		m.askOther(items)
		return nil
	})
}
