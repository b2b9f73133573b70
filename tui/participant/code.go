package participant

import (
	"fmt"
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
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, codeKeys.Join) {
		code := strings.ToLower(inquiry.CleanLine(m.code.Value()))
		if code == "" {
			m.notice = tui.Notice{Text: "Type the join code first: the facilitator has it.", Bad: true}
			return m, nil
		}
		if sum, ok := m.s.Room.ByCode(code); ok && !sum.Open {
			return m, m.arriveClosed(sum)
		} else if ok {
			m.notice = tui.Notice{}
			m.enter(sum)
			return m, m.listen()
		}
		m.attempts++
		m.code.SetValue("")
		if m.attempts >= maxCodeAttempts {
			return m, m.frame.End("That code was not recognised, and there have been too many tries. Ask the facilitator for the code and connect again.")
		}
		m.notice = tui.Notice{Text: fmt.Sprintf("No workshop has the code %q. Please check it and try again.", code), Bad: true}
		return m, nil
	}
	var cmd tea.Cmd
	m.code, cmd = m.code.Update(msg)
	return m, cmd
}

func (m *Screen) viewCode() (string, *tea.Cursor) {
	w := m.frame.Width
	var b tui.Lines
	b.Line(tui.Title.Render("Anchorage"))
	b.Line("")
	for _, l := range tui.Wrap("Welcome. Type the join code the facilitator gave you (it looks like harbour-4821), then press enter.", w) {
		b.Line(l)
	}
	b.Line("")
	cursor := tui.OffsetCursor(m.code.Cursor(), 0, b.Len())
	b.Line(tui.InputView(&m.code, w))
	b.Line("")
	b.Line(m.notice.Lines(w))
	b.Fill(m.frame.Height - 1)
	b.Line(tui.Footer(w, codeKeys.Join, tui.Leave))
	return b.String(), cursor
}
