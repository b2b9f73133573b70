package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
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
	done  bool  // enrolled: the screen only waits to be left
	bye   bool  // the server is shutting down
}

// enrolResult is the server's answer to one typed code.
type enrolResult struct{ err error }

// NewEnrol returns the enrolment screen. enrol is called with each code the
// person submits; a nil error means the key is now a facilitator key.
func NewEnrol(enrol func(code string) error) tea.Model {
	return NewEnrolFor(enrol, "")
}

// NewEnrolFor is NewEnrol that, on success, tells the person the command
// that reaches the facilitator's screen.
func NewEnrolFor(enrol func(code string) error, connect string) tea.Model {
	in := textinput.New()
	in.Prompt = "Code: "
	in.Placeholder = "xxxx-xxxx-xxxx-xxxx"
	in.CharLimit = 40
	in.SetWidth(24)
	// ctrl+v would read the clipboard of the machine the program runs on,
	// which here is the server. The terminal's own paste still works.
	in.KeyMap.Paste = key.NewBinding(key.WithDisabled())
	styles := textinput.DefaultDarkStyles()
	styles.Cursor.Blink = false // each blink would be a redraw sent down the line
	in.SetStyles(styles)
	in.Focus()
	return enrolModel{enrol: enrol, connect: connect, input: in}
}

func (m enrolModel) Init() tea.Cmd { return nil }

func (m enrolModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ShutdownMsg:
		m.bye = true
		return m, tea.Quit
	case tea.KeyPressMsg:
		switch {
		case msg.String() == "ctrl+c" || msg.String() == "esc":
			return m, tea.Quit
		case m.done:
			if msg.String() == "enter" || msg.String() == "q" {
				return m, tea.Quit
			}
			return m, nil
		case m.busy:
			return m, nil
		case msg.String() == "enter":
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
		m.done = true
		m.input.Blur()
		return m, nil
	}
	if m.done || m.busy {
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

var (
	enrolTitle = lipgloss.NewStyle().Bold(true)
	enrolError = lipgloss.NewStyle().Foreground(lipgloss.Color("9"))
	enrolFaint = lipgloss.NewStyle().Faint(true)
)

func (m enrolModel) View() tea.View {
	var b strings.Builder
	b.WriteString(enrolTitle.Render("Enrol as a facilitator") + "\n\n")
	if m.bye {
		if m.done {
			b.WriteString("This key is now a facilitator key.\n")
		}
		b.WriteString("The server is shutting down.\n")
		return tea.NewView(b.String())
	}
	if m.done {
		b.WriteString("This key is now a facilitator key.\n")
		if m.connect != "" {
			b.WriteString("Connect with " + m.connect + ".\n")
		} else {
			b.WriteString("Connect again without enrol@ to open the facilitator's screen.\n")
		}
		b.WriteString("\n" + enrolFaint.Render("enter: leave") + "\n")
		return tea.NewView(b.String())
	}
	b.WriteString("Type the enrolment code that the server printed when it started.\n\n")
	b.WriteString(m.input.View() + "\n\n")
	switch {
	case m.busy:
		b.WriteString("Checking…\n")
	case m.err != nil:
		b.WriteString(enrolError.Render(m.err.Error()) + "\n")
	default:
		b.WriteString("\n")
	}
	b.WriteString("\n" + enrolFaint.Render("enter: enrol • esc: leave") + "\n")
	return tea.NewView(b.String())
}
