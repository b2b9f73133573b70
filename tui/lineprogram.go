package tui

import (
	"io"

	tea "charm.land/bubbletea/v2"
)

// LineScreen is a screen that writes lines rather than frames: what it
// prints goes to the terminal once, in reading order, and is never
// redrawn (the plain text mode, tui/plain). Its View is not used.
type LineScreen interface {
	tea.Model
	// Printed is what the screen has printed since it was last asked,
	// which it then forgets.
	Printed() string
}

// NewLineProgram makes the program that runs a line screen on the
// terminal. It is the runtime every screen has (a keyReader decodes the
// keys, Bubble Tea runs the commands, delivers the bells; the server
// keeps, resizes and shuts it down as any other), with what the screen
// printed written out after each message in place of a painted frame.
// Nothing else is written: no alternate screen, no cursor movement, no
// colour, no query to the terminal.
func NewLineProgram(screen LineScreen, t Terminal) *Program {
	p := tea.NewProgram(&printed{inner: screen, out: t.Output},
		tea.WithInput(nil), // readKeys reads t.Input (keyreader.go)
		tea.WithOutput(t.Output),
		tea.WithEnvironment(t.Environ),
		tea.WithoutSignalHandler(),
		tea.WithoutRenderer(),
		tea.WithFPS(1), // as NewProgram: the ticker has nothing to write
		tea.WithWindowSize(t.Width, t.Height),
		tea.WithFilter(filter(t.Clamp, Profile(t.Environ))),
	)
	return &Program{tea: p, input: t.Input}
}

// printed runs a line screen and writes what it prints after each message.
type printed struct {
	inner LineScreen
	out   io.Writer
}

func (m *printed) Init() tea.Cmd {
	cmd := m.inner.Init()
	m.write()
	return cmd
}

func (m *printed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.inner.Update(msg)
	m.inner = next.(LineScreen)
	m.write()
	return m, cmd
}

// write sends what the screen printed. A failed write ends the session
// through its connection, as a painter's does.
func (m *printed) write() {
	if s := m.inner.Printed(); s != "" {
		_, _ = io.WriteString(m.out, s)
	}
}

func (m *printed) View() tea.View { return tea.View{} }
