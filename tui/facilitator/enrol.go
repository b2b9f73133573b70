package facilitator

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// enrolModel is the screen behind `ssh -p PORT enrol@HOST`: it asks the
// person's name, which the room's screens and the reports show for what
// they do, and the one-time enrolment code that `anchorage serve` printed;
// if the server accepts the code, the key the person connected with
// becomes a facilitator key, with that name.
type enrolModel struct {
	enrol   func(code, name string) error
	connect string // how to connect as a facilitator, e.g. "ssh -p 23234 10.0.0.5"

	name, code textinput.Model
	onCode     bool  // the code has the focus, not the name
	busy       bool  // a code is being checked
	err        error // the last refusal, shown until the next try
	done       bool  // enrolled: the screen says so and ends
	bye        bool  // the server is shutting down
	// frame is the window's size (a short one gets short words), and
	// what a window too small shows.
	frame tui.Frame
}

// enrolResult is the server's answer to one typed code.
type enrolResult struct{ err error }

// NewEnrol returns the enrolment screen: the screen behind
// `ssh -p PORT enrol@HOST`. enrol is called with each code the person
// submits and the name they gave; a nil error means the key is now a
// facilitator key, and the screen then tells the person connect, the
// command that reaches the facilitator's screen ("" for a general word).
func NewEnrol(enrol func(code, name string) error, connect string) tea.Model {
	name := tui.NewLineInput("such as Morag Bell", inquiry.MaxNameRunes)
	name.Prompt = "Name: "
	code := tui.NewLineInput("xxxx-xxxx-xxxx-xxxx", 40)
	code.Prompt = "Code: "
	code.Blur()
	// 80x24 until the program says the window's size.
	return enrolModel{enrol: enrol, connect: connect, name: name, code: code, frame: tui.Frame{Width: 80, Height: 24}}
}

func (m enrolModel) Init() tea.Cmd { return nil }

func (m enrolModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tui.ShutdownMsg:
		m.bye = true
		return m, tea.Quit
	case tea.WindowSizeMsg:
		m.frame.Width, m.frame.Height = msg.Width, msg.Height
		return m, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, enrolKeys.Leave):
			return m, tea.Quit
		case m.busy:
			return m, nil
		case key.Matches(msg, enrolKeys.Field):
			m.focus(!m.onCode)
			return m, nil
		case key.Matches(msg, enrolKeys.Enrol):
			return m.submit()
		}
	case tea.PasteMsg:
		msg.Content = inquiry.CleanLine(msg.Content)
		return m.typed(msg)
	case enrolResult:
		m.busy = false
		if msg.err != nil {
			m.err = msg.err
			m.code.Reset()
			return m, nil
		}
		// The success message stays in the person's terminal after the
		// session ends: it is the instruction for what to do next.
		m.done = true
		m.code.Blur()
		return m, tea.Quit
	}
	return m.typed(msg)
}

// typed gives the field with the focus what was typed or pasted.
func (m enrolModel) typed(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.done || m.busy {
		return m, nil
	}
	var cmd tea.Cmd
	if m.onCode {
		m.code, cmd = m.code.Update(msg)
	} else {
		m.name, cmd = m.name.Update(msg)
	}
	return m, cmd
}

// focus gives the code (or the name) the focus.
func (m *enrolModel) focus(code bool) {
	m.onCode = code
	if code {
		m.name.Blur()
		m.code.Focus()
	} else {
		m.code.Blur()
		m.name.Focus()
	}
}

// submit goes on from the name to the code, and sends the code with the
// name once both are there.
func (m enrolModel) submit() (tea.Model, tea.Cmd) {
	name := inquiry.CleanLine(m.name.Value())
	code := strings.TrimSpace(m.code.Value())
	switch {
	case !m.onCode && name != "":
		m.focus(true)
		return m, nil
	case name == "":
		m.err = errNoName
		m.focus(false)
		return m, nil
	case code == "":
		return m, nil
	}
	m.busy, m.err = true, nil
	enrol := m.enrol
	return m, func() tea.Msg { return enrolResult{enrol(code, name)} }
}

// errNoName asks for the name the reports will use.
var errNoName = enrolError("Give your name first: the room's screens and the reports name you by it.")

type enrolError string

func (e enrolError) Error() string { return string(e) }

// View draws the form on the alternate screen; the outcome is written
// inline, so it stays in the terminal once the session has ended.
func (m enrolModel) View() tea.View {
	w := m.frame.Width
	var b tui.Lines
	say := func(text string, ink func(string) string) {
		for _, l := range tui.Wrap(text, w) {
			b.Line(ink(l))
		}
	}
	plain := func(s string) string { return s }
	b.Line(tui.Title.Render(tui.Fit("Enrol as a facilitator", w)))
	if m.bye || m.done {
		b.Line("")
		if m.done {
			say("This key is now a facilitator key, in the name "+inquiry.CleanLine(m.name.Value())+".", plain)
			if m.connect != "" {
				say("Connect with "+m.connect+".", plain)
			} else {
				say("Connect again without enrol@ to open the facilitator's screen.", plain)
			}
		}
		if m.bye {
			say("The server is shutting down.", plain)
		}
		return tea.NewView(b.String() + "\n")
	}
	return m.frame.View(func() (string, *tea.Cursor) {
		// A short terminal gets the short words, without blank lines.
		short := m.frame.Height < 16
		gap := func() {
			if !short {
				b.Line("")
			}
		}
		gap()
		if short {
			say("Your name, then the enrolment code the server printed.", plain)
		} else {
			say("Your name, as the room's screens and the reports will show what you do.", plain)
		}
		cursor := tui.OffsetCursor(m.name.Cursor(), 0, b.Len())
		b.Line(tui.InputView(&m.name, w))
		gap()
		if !short {
			say("Type the enrolment code that the server printed when it started.", plain)
		}
		if m.onCode {
			cursor = tui.OffsetCursor(m.code.Cursor(), 0, b.Len())
		}
		b.Line(tui.InputView(&m.code, w))
		gap()
		switch {
		case m.busy:
			b.Line("Checking…")
		case m.err != nil:
			say(m.err.Error(), tui.Bad.Render)
		}
		next := enrolKeys.Enrol
		if !m.onCode {
			next.SetHelp("enter", "on to the code")
		}
		b.Fill(m.frame.Height - 1)
		b.Line(tui.FooterKeeping(w, enrolKeys.Leave, next, enrolKeys.Field))
		return b.String(), cursor
	})
}
