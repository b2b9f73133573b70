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
		m.notice = tui.Notice{Text: m.say("mine.none")}
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
			m.notice = tui.Notice{Text: m.say("mine.not_deleted", "why", m.friendly(msg.err)), Bad: true}
			return m, nil
		}
		m.takeIn()
		m.notice = tui.Notice{Text: m.say("mine.deleted")}
		if n := len(m.view.live("")); n == 0 {
			m.stage = stageGuide
		} else {
			l.cursor = min(l.cursor, n-1)
		}
		return m, nil
	case withdrawnMsg:
		if msg.err != nil {
			m.notice = tui.Notice{Text: m.say("mine.not_withdrawn", "why", m.friendly(msg.err)), Bad: true}
			return m, nil
		}
		return m, m.frame.End(m.say("mine.withdrawn"))
	case tea.KeyPressMsg:
		if l.withdrawing {
			l.withdrawing = false
			if key.Matches(msg, mineKeys.Yes) {
				return m, m.withdrawCmd()
			}
			m.notice = tui.Notice{Text: m.say("mine.still_here")}
			return m, nil
		}
		if key.Matches(msg, mineKeys.Withdraw) {
			l.withdrawing = true
			m.notice = tui.Notice{Text: m.say("mine.withdraw_confirm"), Bad: true}
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
			m.notice = tui.Notice{Text: m.say("mine.kept")}
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
			m.notice = tui.Notice{Text: m.say("mine.editing")}
			if m.move != nil {
				m.move(m.presence())
			}
		case key.Matches(msg, mineKeys.Delete):
			if !l.deleting {
				l.confirming = true
				m.notice = tui.Notice{Text: m.say("mine.delete_confirm"), Bad: true}
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
	m.notice = tui.Notice{Text: m.say("mine.withdrawing")}
	room, ctx, ws := m.s.Room, m.s.Ctx(), m.view.id
	e := inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: m.s.Actor, Target: m.view.me}
	return func() tea.Msg {
		_, err := room.Append(ctx, ws, e)
		return withdrawnMsg{err: err}
	}
}

func (m *Screen) deleteCmd(c *inquiry.Contribution) tea.Cmd {
	m.mine.deleting = true
	m.notice = tui.Notice{Text: m.say("mine.deleting")}
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
	b.Line(screenTitle(m.say("mine.title"), tui.Dim.Render(m.count("mine.saved", len(items))), w))
	b.Line(tui.Rule(w))
	notice, keep := m.noticeLines(w)
	// Each item takes two lines: what and where, then the words.
	room := max((h-4-keep)/2, 1)
	first := max(0, min(m.mine.cursor-room/2, len(items)-room))
	for i := first; i < len(items) && i < first+room; i++ {
		c := items[i]
		where := string(c.Prompt)
		if place, ok := m.view.guide.Place(c.Prompt); ok {
			where = placeIn(m.words(), m.view.guide, place)
		}
		head := fmt.Sprintf("%s — %s", m.words().KindLabel(c.Kind), where)
		if c.Answers != "" && i > 0 && (items[i-1].ID == c.Answers || items[i-1].Answers == c.Answers) {
			head = m.say("mine.reframe_above")
		}
		if !c.EditedAt.IsZero() {
			head += " " + m.say("mine.edited_mark")
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
	b.Fill(h - 1 - keep)
	b.Line(notice)
	b.Fill(h - 1)
	k := mineKeys
	b.Line(tui.FooterKeeping(w, tui.KeyIn(m.words(), k.Back), m.keys(k.Choose, k.Edit, k.Delete, k.Withdraw, listKeys.Open, tui.Leave)...))
	return strings.TrimRight(b.String(), "\n")
}
