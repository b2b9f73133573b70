package tuitest

import (
	"bytes"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/paint"
)

// Wire paints views as a server's program does (tui.NewPainter, for a
// terminal of 256 colours) and counts the bytes each sends: for
// benchmarks, what an update costs a session's terminal after View.
type Wire struct {
	p   *paint.Painter
	out bytes.Buffer
}

// NewWire is a w x h terminal's wire.
func NewWire(w, h int) *Wire {
	wire := &Wire{}
	wire.p = tui.NewPainter(&wire.out, colorprofile.ANSI256, w, h)
	return wire
}

// Draw paints v and returns the bytes it sent.
func (w *Wire) Draw(v tea.View) int {
	w.out.Reset()
	_ = w.p.Paint(v)
	return w.out.Len()
}
