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
	// frame is the window's size, and what a window too small shows.
	frame tui.Frame
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
	// 80x24 until the program says the window's size.
	return enrolModel{enrol: enrol, connect: connect, input: in, frame: tui.Frame{Width: 80, Height: 24}}
}

func (m enrolModel) Init() tea.Cmd { return nil }

func (m enrolModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.frame.Width, m.frame.Height = msg.Width, msg.Height
		return m, nil
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
	w := m.frame.Width
	var b tui.Lines
	say := func(text string) {
		for _, l := range tui.Wrap(text, w) {
			b.Line(l)
		}
	}
	b.Line(tui.Title.Render(tui.Fit("Enrol as a facilitator", w)))
	b.Line("")
	if m.bye || m.done {
		if m.done {
			say("This key is now a facilitator key.")
			if m.connect != "" {
				say("Connect with " + m.connect + ".")
			} else {
				say("Connect again without enrol@ to open the facilitator's screen.")
			}
		}
		if m.bye {
			say("The server is shutting down.")
		}
		return tea.NewView(b.String() + "\n")
	}
	return m.frame.View(func() (string, *tea.Cursor) {
		say("Type the enrolment code that the server printed when it started.")
		b.Line("")
		cursor := tui.OffsetCursor(m.input.Cursor(), 0, b.Len())
		b.Line(tui.InputView(&m.input, w))
		b.Line("")
		switch {
		case m.busy:
			b.Line("Checking…")
		case m.err != nil:
			for _, l := range tui.Wrap(m.err.Error(), w) {
				b.Line(tui.Bad.Render(l))
			}
		}
		b.Fill(m.frame.Height - 1)
		b.Line(tui.Footer(w, enrolKeys.Enrol, enrolKeys.Leave))
		return b.String(), cursor
	})
}
