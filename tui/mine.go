package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// mineList is the screen listing a participant's own contributions, to
// read again, change or delete.
type mineList struct {
	cursor      int
	confirming  bool // asked "delete this one?"
	deleting    bool
	withdrawing bool // asked "withdraw everything and leave?"
}

// withdrawnMsg reports the outcome of withdrawing from the workshop.
type withdrawnMsg struct{ err error }

// deletedMsg reports the outcome of deleting a contribution.
type deletedMsg struct{ err error }

func (m *Participant) openMine() {
	if len(m.view.live("")) == 0 {
		m.notice = notice{text: "You have not saved anything yet."}
		return
	}
	m.stage = stageMine
	m.mine = mineList{cursor: min(m.mine.cursor, len(m.view.live(""))-1)}
	m.notice = notice{}
}

func (m *Participant) updateMine(msg tea.Msg) (tea.Model, tea.Cmd) {
	l := &m.mine
	items := m.view.live("")
	switch msg := msg.(type) {
	case deletedMsg:
		l.deleting = false
		if msg.err != nil {
			m.notice = notice{text: "Not deleted: " + friendly(msg.err), bad: true}
			return m, nil
		}
		m.view.apply(m.s.Room.Events(m.view.id, m.view.head))
		m.notice = notice{text: "Deleted. It will not appear in the report."}
		if n := len(m.view.live("")); n == 0 {
			m.stage = stageGuide
		} else {
			l.cursor = min(l.cursor, n-1)
		}
		return m, nil
	case withdrawnMsg:
		if msg.err != nil {
			m.notice = notice{text: "Not withdrawn: " + friendly(msg.err), bad: true}
			return m, nil
		}
		m.stage = stageBye
		m.notice = notice{text: "You have left the workshop. What you contributed is withdrawn and your words are erased. Thank you for taking part."}
		return m, tea.Quit
	case tea.KeyPressMsg:
		if l.withdrawing {
			l.withdrawing = false
			if msg.String() == "y" {
				return m, m.withdrawCmd()
			}
			m.notice = notice{text: "You are still in the workshop; nothing was withdrawn."}
			return m, nil
		}
		if msg.String() == "W" {
			l.withdrawing = true
			m.notice = notice{text: "Leave and withdraw everything you contributed? Your words will be erased; the record will say they were withdrawn. Press y to confirm.", bad: true}
			return m, nil
		}
		if len(items) == 0 {
			m.stage = stageGuide
			return m, nil
		}
		if l.confirming {
			l.confirming = false
			if msg.String() == "y" {
				return m, m.deleteCmd(items[l.cursor])
			}
			m.notice = notice{text: "Kept."}
			return m, nil
		}
		switch msg.String() {
		case "up", "k":
			l.cursor = max(l.cursor-1, 0)
		case "down", "j":
			l.cursor = min(l.cursor+1, len(items)-1)
		case "enter", "e":
			m.compose.load(items[l.cursor])
			m.stage = stageGuide
			m.notice = notice{text: "Editing: change the text or the choices, then press enter to save."}
			if m.move != nil {
				m.move(m.presence())
			}
		case "d", "delete", "backspace":
			if !l.deleting {
				l.confirming = true
				m.notice = notice{text: "Delete this contribution? Press y to delete, any other key to keep it.", bad: true}
			}
		case "esc", "q", "ctrl+o":
			m.stage = stageGuide
			m.notice = notice{}
		}
	}
	return m, nil
}

// withdrawCmd records this participant leaving and withdrawing all they
// contributed; the store erases their words.
func (m *Participant) withdrawCmd() tea.Cmd {
	m.notice = notice{text: "Withdrawing…"}
	room, ctx, ws := m.s.Room, m.s.context(), m.view.id
	e := inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: m.s.Actor, Target: m.view.me}
	return func() tea.Msg {
		_, err := room.Append(ctx, ws, e)
		return withdrawnMsg{err: err}
	}
}

func (m *Participant) deleteCmd(c *inquiry.Contribution) tea.Cmd {
	m.mine.deleting = true
	m.notice = notice{text: "Deleting…"}
	room, ctx, ws := m.s.Room, m.s.context(), m.view.id
	e := inquiry.Event{Type: inquiry.ContributionDeleted, Actor: m.s.Actor, Target: c.ID}
	return func() tea.Msg {
		_, err := room.Append(ctx, ws, e)
		return deletedMsg{err: err}
	}
}

func (m *Participant) viewMine() string {
	w, h := m.width, m.height
	items := m.view.live("")
	var b screen
	b.line(twoSides(Title.Render("Anchorage")+Dim.Render(" · ")+"Your contributions", Dim.Render(fmt.Sprintf("%d saved", len(items))), w))
	b.line(Rule(w))
	// Each item takes two lines: what and where, then the words.
	room := max((h-6)/2, 1)
	first := max(0, min(m.mine.cursor-room/2, len(items)-room))
	for i := first; i < len(items) && i < first+room; i++ {
		c := items[i]
		where := string(c.Prompt)
		if p, q, ok := m.view.guide.Locate(c.Prompt); ok {
			where = fmt.Sprintf("%s · prompt %d", m.view.guide.Phases[p].Title, q+1)
		}
		head := fmt.Sprintf("%s — %s", c.Kind.Label(), where)
		if !c.EditedAt.IsZero() {
			head += " (edited)"
		}
		text := "  " + snippet(c.Text, max(w-4, 10))
		if i == m.mine.cursor {
			b.line(fit(Selected.Render("▸ "+head), w))
			b.line(fit(Bold.Render(text), w))
		} else {
			b.line(fit(Accent.Render("  "+head), w))
			b.line(fit(text, w))
		}
	}
	b.fill(h - 3)
	b.line(m.noticeLine(w))
	b.fill(h - 1)
	b.line(HelpLine(w, "↑↓", "choose", "enter", "edit", "d", "delete", "W", "withdraw all and leave", "esc", "back"))
	return strings.TrimRight(b.String(), "\n")
}
