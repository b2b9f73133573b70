package tui

import (
	"context"
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/anchorage/anchorage/tui/paint"
)

// Program is one screen running on a terminal. Bubble Tea runs the screen's
// model (its keys, messages and commands) and tui/paint draws it in place
// of Bubble Tea's renderer: a tenth of the processor a frame, and none of
// its two cell buffers a session (PERFORMANCE.md). The server and the
// tests run screens the same way, through NewProgram.
type Program struct {
	tea     *tea.Program
	painter *paint.Painter
	// input is what the person types, read by a keyReader rather than by
	// Bubble Tea (keyreader.go); nil for none.
	input io.Reader
}

// NewProgram makes the program that runs model on the terminal.
func NewProgram(model tea.Model, t Terminal) *Program {
	profile := Profile(t.Environ)
	painter := NewPainter(t.Output, profile, t.Width, t.Height)
	p := tea.NewProgram(paint.Wrap(model, painter),
		tea.WithInput(nil), // readKeys reads t.Input
		tea.WithOutput(t.Output),
		tea.WithEnvironment(t.Environ),
		// The server shuts screens down through Program.Shutdown.
		tea.WithoutSignalHandler(),
		tea.WithoutRenderer(),
		// Without its renderer Bubble Tea's ticker only writes what its
		// own commands queue (none of ours): once a second is plenty, and
		// a thousand idle sessions then cost next to nothing.
		tea.WithFPS(1),
		tea.WithWindowSize(t.Width, t.Height),
		tea.WithFilter(filter(t.Clamp, profile)),
		tea.WithColorProfile(profile),
	)
	return &Program{tea: p, painter: painter, input: t.Input}
}

// NewPainter is the painter a screen is drawn with on a terminal of the
// profile: colours are brought down to what the terminal shows as they are
// written, and never below ASCII, which keeps the cursor movements and the
// bold and reverse video that mark the focus.
func NewPainter(out io.Writer, profile colorprofile.Profile, width, height int) *paint.Painter {
	return paint.New(&colorprofile.Writer{Forward: out, Profile: max(profile, colorprofile.ASCII)}, width, height)
}

// Run runs the screen until it quits or is quit, then puts the terminal
// back as the session found it (the main screen, a visible cursor), so
// that anything written after, such as why the server ended the session,
// stays on the person's terminal.
func (p *Program) Run() error {
	ctx, stop := context.WithCancel(context.Background())
	if p.input != nil {
		go readKeys(ctx, p.input, p.tea.Send)
	}
	_, err := p.tea.Run()
	stop()
	if p.painter == nil {
		return err // a line screen (NewLineProgram) changed nothing to put back
	}
	return errors.Join(err, p.painter.Close())
}

// Send gives the screen a message. It waits until the screen takes it, or
// returns at once if the screen has ended; never call it from the screen's
// own Update.
func (p *Program) Send(msg tea.Msg) { p.tea.Send(msg) }

// Quit ends the screen.
func (p *Program) Quit() { p.tea.Quit() }

// Resize tells the screen its terminal's new size, which the program
// clamps as it does every size.
func (p *Program) Resize(width, height int) {
	p.tea.Send(tea.WindowSizeMsg{Width: width, Height: height})
}

// Shutdown tells the screen that the server is stopping (ShutdownMsg, on
// which it says goodbye) and then quits it. Like Send, it waits for the
// screen to take the message.
func (p *Program) Shutdown() {
	p.tea.Send(ShutdownMsg{})
	p.tea.Quit()
}
