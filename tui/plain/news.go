package plain

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// News: what happens in the room that concerns the person, each a line
// (see Screen.tell: never in the middle of what they are typing).

// bell reads what the room recorded since the last look and tells the
// person what concerns them.
func (m *Screen) bell() tea.Cmd {
	r := &m.room
	if r.id == "" {
		return nil
	}
	var cmds []tea.Cmd
	for _, e := range m.s.Room.Events(r.id, r.head) {
		if e.Seq <= r.head {
			continue
		}
		r.head = e.Seq
		cmds = append(cmds, m.news(e))
		if m.ended {
			return tea.Batch(cmds...)
		}
	}
	if r.me != "" {
		_ = m.s.Room.Read(r.id, func(w *inquiry.Workshop) { m.clock.follow(w.Timebox()) })
		m.tellClock()
		cmds = append(cmds, m.clock.arm())
	}
	return tea.Batch(cmds...)
}

// news tells the person what one event means for them.
func (m *Screen) news(e inquiry.Event) tea.Cmd {
	me := m.room.me
	if e.Type == inquiry.WorkshopClosed {
		m.tell(m.w.Say("news.closed"))
	}
	if me == "" {
		return nil // not in yet: only the workshop closing concerns them
	}
	if _, ends := inquiry.EndsSession(e, me); ends {
		return m.end(m.w.Say("news.removed")) // the sentence, in the person's language
	}
	switch e.Type {
	case inquiry.PromptOpened:
		m.opened(e.Pace.Prompt)
	case inquiry.TimeboxPaused:
		m.tell(m.w.Say("news.paused", "place", m.place(e.Pace.Prompt)))
	case inquiry.TimeboxResumed:
		m.tell(m.w.Say("news.resumed", "place", m.place(e.Pace.Prompt)))
	case inquiry.VoteOpened:
		m.tell(m.w.Count("news.vote_opened", e.Vote.Dots, "title", e.Vote.Title))
	case inquiry.VoteClosed:
		m.tell(m.w.Say("news.vote_closed"))
	case inquiry.PromptRevealed:
		if inquiry.PromptRef(e.Target) == m.at.ref {
			m.tell(m.w.Say("news.revealed"))
		}
	case inquiry.ContributionHidden, inquiry.ContributionUnhidden:
		m.hidden(e)
	case inquiry.ParticipantWithdrawn, inquiry.ParticipantErased:
		if e.Target == me {
			return m.end(m.w.Say("news.erased"))
		}
	case inquiry.ParticipantsMerged:
		if e.Merge.From == me {
			m.room.me = e.Merge.Into
			m.s.Actor.ID = e.Merge.Into
			m.room.interest.knowMe(e.Merge.Into)
		}
	case inquiry.ParticipantAdmitted, inquiry.WaitingAdmitted, inquiry.LobbyClosed:
		return m.letIn()
	}
	return nil
}

// opened follows the facilitator to the prompt they opened: at once if
// the person is at their prompt with nothing typed, or as soon as they
// finish what they are doing.
func (m *Screen) opened(ref inquiry.PromptRef) {
	if ref == m.at.ref {
		m.tell(m.w.Say("news.opened_here"))
		return
	}
	m.tell(m.w.Say("news.opened", "place", m.place(ref)))
	if m.waiting() {
		return
	}
	if m.q.free && m.line.empty() {
		m.goTo(ref)
		m.showPrompt()
		return
	}
	m.at.follow = ref
}

// hidden tells the person that a facilitator hid one of their
// contributions, or showed it again.
func (m *Screen) hidden(e inquiry.Event) {
	var c inquiry.Contribution
	_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) {
		if found, ok := w.Contribution(e.Target); ok {
			c = *found
		}
	})
	if c.Participant != m.room.me {
		return
	}
	if e.Type == inquiry.ContributionHidden {
		m.tell(m.w.Say("news.hidden", "text", snippet(c.Text), "reason", e.Curation.Reason))
		return
	}
	m.tell(m.w.Say("news.shown", "text", snippet(c.Text)))
}

// waitToBeLetIn holds someone who joined while a facilitator keeps a
// lobby: they can wait, read where they are, or leave.
func (m *Screen) waitToBeLetIn() {
	m.pose(question{lines: []string{m.w.Say("lobby.waiting", "leave", m.word("plain.command.leave"))}, answer: func(string) tea.Cmd {
		m.retry(m.w.Say("lobby.still"))
		return nil
	}, help: m.w.Say("lobby.help"), lobby: true})
}

func (m *Screen) waiting() bool { return m.q.lobby }

// letIn takes someone waiting to the prompt, once a facilitator lets them
// in.
func (m *Screen) letIn() tea.Cmd {
	if !m.waiting() {
		return nil
	}
	in := false
	_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) {
		p, ok := w.Participant(m.room.me)
		in = ok && !p.Waiting
	})
	if !in {
		return nil
	}
	m.q = question{}
	m.tell(m.w.Say("lobby.in"))
	m.showPrompt()
	return nil
}
