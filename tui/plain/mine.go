package plain

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// A person's own contributions: read them again, change or delete one, or
// withdraw everything and leave.

// mine reads the person's contributions that are still theirs (hidden
// ones too: they are told why), in the order they wrote them: theirs
// alone, not the whole workshop's.
func (m *Screen) mine() []inquiry.Contribution {
	me := m.room.me
	var out []inquiry.Contribution
	_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) {
		for _, c := range w.Authored(me) {
			if !c.Deleted && !c.Withdrawn && !c.Erased {
				out = append(out, *c)
			}
		}
	})
	return out
}

func (m *Screen) readMine() {
	items := m.mine()
	if len(items) == 0 {
		m.say(m.w.Say("mine.none"))
		m.menu()
		return
	}
	m.say(m.w.Count("mine.heading", len(items)))
	for i, c := range items {
		line := m.w.Say("mine.item", "number", ordinal(i), "kind", m.w.Kind(c.Kind), "place", m.place(c.Prompt), "text", c.Text)
		if !c.EditedAt.IsZero() {
			line += " " + m.w.Say("mine.edited")
		}
		if c.Hidden {
			line += " " + m.w.Say("mine.hidden", "reason", c.HiddenReason)
		}
		m.say(line)
	}
	m.askMine(items)
}

func (m *Screen) askMine(items []inquiry.Contribution) {
	m.pose(question{lines: []string{m.w.Count("mine.ask", len(items))}, answer: func(s string) tea.Cmd {
		switch s {
		case "":
			m.backToPrompt()
			return nil
		case "0":
			m.askWithdraw(items)
			return nil
		}
		picked, ok := numbers(s, len(items))
		if !ok || len(picked) != 1 {
			m.retry(m.w.Count("mine.retry", len(items)))
			return nil
		}
		m.actOnMine(items, items[picked[0]])
		return nil
	}})
}

// actOnMine offers to change or delete one of the person's contributions.
func (m *Screen) actOnMine(items []inquiry.Contribution, c inquiry.Contribution) {
	options := []string{m.w.Say("mine.change"), m.w.Say("mine.delete"), m.w.Say("mine.back")}
	label := m.w.Say("mine.chosen", "kind", m.w.Kind(c.Kind), "text", snippet(c.Text))
	m.ask(choice{label: label, options: options, byDefault: 2, onEnter: m.w.Say("mine.enter"), chosen: func(i int) tea.Cmd {
		switch i {
		case 0:
			m.askNewWords(c)
		case 1:
			m.askDelete(items, c)
		default:
			m.askMine(items)
		}
		return nil
	}})
}

// askNewWords starts changing a contribution: the words first, then each
// choice, enter keeping what it has.
func (m *Screen) askNewWords(c inquiry.Contribution) {
	m.pose(question{lines: []string{m.w.Say("mine.words_now", "text", c.Text), m.w.Say("mine.words_ask")}, words: true,
		answer: func(s string) tea.Cmd {
			text := c.Text
			if s != "" {
				if n := inquiry.RuneCount(s); n > inquiry.MaxTextRunes {
					m.retry(m.w.Count("write.too_long", inquiry.MaxTextRunes, "length", n))
					return nil
				}
				text = s
			}
			m.draft = draft{ref: c.Prompt, text: text, kind: c.Kind, themes: c.Themes, partner: c.Partner,
				owner: c.Owner, due: c.Due, buildsOn: c.BuildsOn, answers: c.Answers, editing: c.ID}
			return m.nextStep()
		}})
}

func (m *Screen) askDelete(items []inquiry.Contribution, c inquiry.Contribution) {
	m.pose(question{lines: []string{m.w.Say("mine.delete_ask", "text", snippet(c.Text))}, answer: func(s string) tea.Cmd {
		if !m.isYes(s) {
			m.say(m.w.Say("mine.kept"))
			m.askMine(items)
			return nil
		}
		e := inquiry.Event{Type: inquiry.ContributionDeleted, Actor: m.s.Actor, Target: c.ID}
		return m.save(e, func(m *Screen, _ inquiry.Event, err error) tea.Cmd {
			if err != nil {
				m.say(m.w.Say("mine.not_deleted", "why", m.friendly(err)))
			} else {
				m.say(m.w.Say("mine.deleted"))
			}
			m.backToPrompt()
			return nil
		})
	}})
}

// askWithdraw asks before taking back everything the person contributed.
func (m *Screen) askWithdraw(items []inquiry.Contribution) {
	m.pose(question{lines: []string{m.w.Say("mine.withdraw_ask")}, answer: func(s string) tea.Cmd {
		if !m.isYes(s) {
			m.say(m.w.Say("mine.still_here"))
			m.askMine(items)
			return nil
		}
		e := inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: m.s.Actor, Target: m.room.me}
		return m.save(e, func(m *Screen, _ inquiry.Event, err error) tea.Cmd {
			if err != nil {
				m.say(m.w.Say("mine.not_withdrawn", "why", m.friendly(err)))
				m.askMine(items)
				return nil
			}
			m.room.drafts = nil
			return m.end(m.w.Say("mine.withdrawn"))
		})
	}})
}
