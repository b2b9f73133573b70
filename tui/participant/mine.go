package participant

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
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

func (m *Screen) openMine() {
	if len(m.view.live("")) == 0 {
		m.notice = tui.Notice{Text: "You have not saved anything yet."}
		return
	}
	m.stage = stageMine
	m.mine = mineList{cursor: min(m.mine.cursor, len(m.view.mineInOrder())-1)}
	m.notice = tui.Notice{}
}

func (m *Screen) updateMine(msg tea.Msg) (tea.Model, tea.Cmd) {
	l := &m.mine
	items := m.view.mineInOrder()
	switch msg := msg.(type) {
	case deletedMsg:
		l.deleting = false
		if msg.err != nil {
			m.notice = tui.Notice{Text: "Not deleted: " + tui.Friendly(msg.err), Bad: true}
			return m, nil
		}
		m.takeIn()
		m.notice = tui.Notice{Text: "Deleted. It will not appear in the report."}
		if n := len(m.view.live("")); n == 0 {
			m.stage = stageGuide
		} else {
			l.cursor = min(l.cursor, n-1)
		}
		return m, nil
	case withdrawnMsg:
		if msg.err != nil {
			m.notice = tui.Notice{Text: "Not withdrawn: " + tui.Friendly(msg.err), Bad: true}
			return m, nil
		}
		return m, m.frame.End("You have left the workshop. What you contributed is withdrawn and your words are erased. Thank you for taking part.")
	case tea.KeyPressMsg:
		if l.withdrawing {
			l.withdrawing = false
			if key.Matches(msg, mineKeys.Yes) {
				return m, m.withdrawCmd()
			}
			m.notice = tui.Notice{Text: "You are still in the workshop; nothing was withdrawn."}
			return m, nil
		}
		if key.Matches(msg, mineKeys.Withdraw) {
			l.withdrawing = true
			m.notice = tui.Notice{Text: "Leave and withdraw everything you contributed? Your words will be erased; the record will say they were withdrawn. Press y to confirm.", Bad: true}
			return m, nil
		}
		if len(items) == 0 {
			m.stage = stageGuide
			return m, nil
		}
		if l.confirming {
			l.confirming = false
			if key.Matches(msg, mineKeys.Yes) {
				return m, m.deleteCmd(items[l.cursor])
			}
			m.notice = tui.Notice{Text: "Kept."}
			return m, nil
		}
		switch {
		case key.Matches(msg, mineKeys.Choose):
			delta := 1
			if s := msg.String(); s == "up" || s == "k" {
				delta = -1
			}
			l.cursor = min(max(l.cursor+delta, 0), len(items)-1)
		case key.Matches(msg, mineKeys.Edit):
			m.compose.load(items[l.cursor])
			m.stage = stageGuide
			m.notice = tui.Notice{Text: "Editing: change the text or the choices, then press enter to save."}
			if m.move != nil {
				m.move(m.presence())
			}
		case key.Matches(msg, mineKeys.Delete):
			if !l.deleting {
				l.confirming = true
				m.notice = tui.Notice{Text: "Delete this contribution? Press y to delete, any other key to keep it.", Bad: true}
			}
		case key.Matches(msg, mineKeys.Back):
			m.stage = stageGuide
			m.notice = tui.Notice{}
		}
	}
	return m, nil
}

// withdrawCmd records this participant leaving and withdrawing all they
// contributed; the store erases their words.
func (m *Screen) withdrawCmd() tea.Cmd {
	m.notice = tui.Notice{Text: "Withdrawing…"}
	room, ctx, ws := m.s.Room, m.s.Ctx(), m.view.id
	e := inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: m.s.Actor, Target: m.view.me}
	return func() tea.Msg {
		_, err := room.Append(ctx, ws, e)
		return withdrawnMsg{err: err}
	}
}

func (m *Screen) deleteCmd(c *inquiry.Contribution) tea.Cmd {
	m.mine.deleting = true
	m.notice = tui.Notice{Text: "Deleting…"}
	room, ctx, ws := m.s.Room, m.s.Ctx(), m.view.id
	e := inquiry.Event{Type: inquiry.ContributionDeleted, Actor: m.s.Actor, Target: c.ID}
	return func() tea.Msg {
		_, err := room.Append(ctx, ws, e)
		return deletedMsg{err: err}
	}
}

func (m *Screen) viewMine() string {
	w, h := m.frame.Width, m.frame.Height
	items := m.view.mineInOrder()
	var b tui.Lines
	b.Line(tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+"Your contributions", tui.Dim.Render(fmt.Sprintf("%d saved", len(items))), w))
	b.Line(tui.Rule(w))
	// Each item takes two lines: what and where, then the words.
	room := max((h-6)/2, 1)
	first := max(0, min(m.mine.cursor-room/2, len(items)-room))
	for i := first; i < len(items) && i < first+room; i++ {
		c := items[i]
		where := string(c.Prompt)
		if place, ok := m.view.guide.Place(c.Prompt); ok {
			where = place.String()
		}
		head := fmt.Sprintf("%s — %s", c.Kind.Label(), where)
		if c.Answers != "" && i > 0 && (items[i-1].ID == c.Answers || items[i-1].Answers == c.Answers) {
			head = "↳ Reframe of the barrier above"
		}
		if !c.EditedAt.IsZero() {
			head += " (edited)"
		}
		text := "  " + tui.Snippet(c.Text, max(w-4, 10))
		if i == m.mine.cursor {
			b.Line(tui.Fit(tui.Selected.Render("▸ "+head), w))
			b.Line(tui.Fit(tui.Bold.Render(text), w))
		} else {
			b.Line(tui.Fit(tui.Accent.Render("  "+head), w))
			b.Line(tui.Fit(text, w))
		}
	}
	b.Fill(h - 3)
	b.Line(m.notice.Lines(w))
	b.Fill(h - 1)
	k := mineKeys
	b.Line(tui.Footer(w, k.Choose, k.Edit, k.Delete, k.Withdraw, k.Back))
	return strings.TrimRight(b.String(), "\n")
}
