package participant

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// The first stage for someone who connected without a join code, or with
// a wrong one: type the code the facilitator gave.

// maxCodeAttempts is how many wrong join codes one connection may try
// before it is closed: enough for typos, few enough to make guessing slow.
const maxCodeAttempts = 5

func (m *Screen) updateCode(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case codeFoundMsg:
		return m, m.codeFound(msg)
	case tea.KeyPressMsg:
		if !key.Matches(msg, codeKeys.Join) {
			break
		}
		code := strings.ToLower(inquiry.CleanLine(m.code.Value()))
		if code == "" {
			if !m.looking {
				m.notice = tui.Notice{Text: m.say("code.empty"), Bad: true}
			}
			return m, nil
		}
		m.code.SetValue("")
		return m, m.checkCode(code)
	}
	var cmd tea.Cmd
	*m.code, cmd = m.code.Update(msg)
	return m, cmd
}

// codeFound enters the workshop a code named, or says why not.
func (m *Screen) codeFound(msg codeFoundMsg) tea.Cmd {
	m.looking = false
	switch {
	case msg.err == nil && !msg.sum.Open:
		return m.arriveClosed(msg.sum)
	case msg.err == nil:
		m.notice, m.queued = tui.Notice{}, nil
		entered := m.enter(msg.sum)
		return tea.Batch(entered, m.listen(), m.clock())
	case abandoned(msg.err):
		return nil
	case errors.Is(msg.err, inquiry.ErrTooManyCodes):
		// Its words are for the person: how long to wait, or that this
		// connection may try no more (the server then ends the session).
		m.notice = tui.Notice{Text: m.tooManyCodes(msg.err), Bad: true}
		m.queued = nil
		if m.code.Value() == "" {
			m.code.SetValue(msg.code) // to send again after the wait
		}
		return nil
	}
	m.attempts++
	if m.attempts >= maxCodeAttempts {
		return m.frame.End(m.say("code.too_many"))
	}
	m.notice = tui.Notice{Text: m.say("code.wrong", "code", strconv.Quote(msg.code)), Bad: true}
	if msg.fromUser {
		m.notice.Text = m.say("code.wrong_given", "code", strconv.Quote(msg.code))
	}
	return m.nextCode(func(code string) tea.Cmd { return m.lookUpCode(code, false) })
}

// checkCode looks a typed join code up, or, while another is being
// looked up, queues it.
func (m *Screen) checkCode(code string) tea.Cmd {
	if m.looking {
		m.queue(code)
		return nil
	}
	return m.lookUpCode(code, false)
}

func (m *Screen) viewCode() (string, *tea.Cursor) {
	w, h := m.frame.Width, m.frame.Height
	welcome := tui.Wrap(m.say("code.welcome"), w)
	notice, _ := m.noticeLines(w)
	// A short window drops the blank lines between the parts first.
	gaps := min(max(h-(3+len(welcome)+strings.Count(notice, "\n")+1), 0), 3)
	var b tui.Lines
	gap := func() {
		if gaps > 0 {
			b.Line("")
			gaps--
		}
	}
	b.Line(tui.TwoSides(tui.Title.Render("Anchorage"), tui.Dim.Render(m.plainLine()), w))
	gap()
	for _, l := range welcome {
		b.Line(l)
	}
	gap()
	cursor := tui.OffsetCursor(m.code.Cursor(), 0, b.Len())
	b.Line(tui.InputView(m.code, w))
	gap()
	b.Line(notice)
	b.Fill(h - 1)
	b.Line(tui.Footer(w, m.keys(codeKeys.Join, tui.Leave)...))
	return b.String(), cursor
}
