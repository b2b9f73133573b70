package facilitator

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// enrolModel is the screen behind `ssh -p PORT enrol@HOST`: it asks for the
// one-time enrolment code that `anchorage serve` printed and, if the server
// accepts it, the key the person connected with becomes a facilitator key.
type enrolModel struct {
	enrol   func(code string) error
	connect string // how to connect as a facilitator, e.g. "ssh -p 23234 10.0.0.5"

	input textinput.Model
	busy  bool  // a code is being checked
	err   error // the last refusal, shown until the next try
	done  bool  // enrolled: the screen says so and ends
	bye   bool  // the server is shutting down
}

// enrolResult is the server's answer to one typed code.
type enrolResult struct{ err error }

// NewEnrol returns the enrolment screen: the screen behind
// `ssh -p PORT enrol@HOST`. enrol is called with each code the person
// submits; a nil error means the key is now a facilitator key, and the
// screen then tells the person connect, the command that reaches the
// facilitator's screen ("" for a general word).
func NewEnrol(enrol func(code string) error, connect string) tea.Model {
	in := tui.NewLineInput("xxxx-xxxx-xxxx-xxxx", 40)
	in.Prompt = "Code: "
	return enrolModel{enrol: enrol, connect: connect, input: in}
}

func (m enrolModel) Init() tea.Cmd { return nil }

func (m enrolModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tui.ShutdownMsg:
		m.bye = true
		return m, tea.Quit
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, enrolKeys.Leave):
			return m, tea.Quit
		case m.busy:
			return m, nil
		case key.Matches(msg, enrolKeys.Enrol):
			code := strings.TrimSpace(m.input.Value())
			if code == "" {
				return m, nil
			}
			m.busy, m.err = true, nil
			enrol := m.enrol
			return m, func() tea.Msg { return enrolResult{enrol(code)} }
		}
	case enrolResult:
		m.busy = false
		if msg.err != nil {
			m.err = msg.err
			m.input.Reset()
			return m, nil
		}
		// The success message stays in the person's terminal after the
		// session ends: it is the instruction for what to do next.
		m.done = true
		m.input.Blur()
		return m, tea.Quit
	}
	if m.done || m.busy {
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// View draws the form on the alternate screen; the outcome is written
// inline, so it stays in the terminal once the session has ended.
func (m enrolModel) View() tea.View {
	var b tui.Lines
	b.Line(tui.Title.Render("Enrol as a facilitator"))
	b.Line("")
	if m.bye || m.done {
		if m.done {
			b.Line("This key is now a facilitator key.")
			if m.connect != "" {
				b.Line("Connect with " + m.connect + ".")
			} else {
				b.Line("Connect again without enrol@ to open the facilitator's screen.")
			}
		}
		if m.bye {
			b.Line("The server is shutting down.")
		}
		return tea.NewView(b.String() + "\n")
	}
	b.Line("Type the enrolment code that the server printed when it started.")
	b.Line("")
	cursor := tui.OffsetCursor(m.input.Cursor(), 0, b.Len())
	b.Line(m.input.View())
	b.Line("")
	switch {
	case m.busy:
		b.Line("Checking…")
	case m.err != nil:
		b.Line(tui.Bad.Render(m.err.Error()))
	default:
		b.Line("")
	}
	b.Line("")
	b.Line(tui.Footer(80, enrolKeys.Enrol, enrolKeys.Leave))
	v := tea.NewView(b.String())
	v.AltScreen = true
	v.Cursor = cursor
	return v
}
