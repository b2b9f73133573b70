// Package paint draws a Bubble Tea program's views on a terminal, writing
// only the cells that changed since the last frame.
//
// Bubble Tea's own renderer redraws every frame whole into a cell buffer
// and then measures every cell of every line to find what changed: ~0.5 ms
// a frame whatever changed, and two 80x24 buffers of ~112-byte cells per
// session (PERFORMANCE.md). A Painter keeps the last frame as lines, skips
// a line whose text is unchanged with one string comparison, and parses
// only the lines that did change to find the changed cells. The program
// runs with tea.WithoutRenderer and Wrap paints each view as Update makes
// it, so the first frame goes out as soon as the program starts rather
// than on its renderer's first tick.
//
// What the renderer did besides drawing, the Painter does too: each frame
// is drawn in synchronized output with the cursor hidden (frame.go), and
// the keyboard enhancements are pushed and popped (modes.go); Wrap repaints
// the whole screen on ctrl+l. Text is measured in grapheme clusters with
// tui/grapheme, as the editor measures it.
package paint

import (
	"bytes"
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Painter draws views on one terminal. It is not safe for concurrent use:
// one program's event loop paints.
type Painter struct {
	out           io.Writer
	width, height int

	// The terminal's modes as the Painter set them (modes.go).
	started  bool
	alt      bool
	keyboard int // kitty keyboard flags pushed on the screen in use; noKeyboard if none
	title    string

	// raw is the alternate screen as last painted, a row each; nil means
	// the next frame is painted whole. Only rows are kept, not cells: a
	// changed row's old and new text are parsed into was and now, reused
	// from row to row of a frame and dropped after it with buf, so that
	// between frames (most of a session) it holds a screen of text alone.
	raw      []string
	was, now []cell
	// inline is what the last frame outside the alternate screen wrote,
	// and how many rows it took.
	inline     string
	inlineRows int

	// The terminal's cursor: where it is (atX -1 when that is not known)
	// and whether it is shown.
	atX, atY int
	shown    bool

	buf bytes.Buffer
}

// New returns a Painter for a terminal of the given size writing to out.
// Colours are written as the views give them, in full: the server hands
// the Painter a colorprofile.Writer that brings them down to what the
// session's terminal shows (bold and reverse stay even on a terminal with
// no colour at all).
func New(out io.Writer, width, height int) *Painter {
	return &Painter{out: out, width: max(width, 1), height: max(height, 1), keyboard: noKeyboard, atX: -1, shown: true}
}

// Resize records the terminal's new size; the next frame is painted whole,
// since the terminal may have rewrapped or cleared what it showed.
func (p *Painter) Resize(width, height int) {
	p.width, p.height = max(width, 1), max(height, 1)
	p.raw, p.atX = nil, -1
}

// Repaint forgets what the terminal shows, so the next frame clears the
// screen and draws every row, the cursor's visibility included: for a
// screen that something other than the Painter has garbled.
func (p *Painter) Repaint() {
	p.raw, p.atX, p.shown = nil, -1, true
	p.inline = ""
}

// Paint writes what differs between v and the last frame painted, in one
// write.
func (p *Painter) Paint(v tea.View) error {
	p.buf.Reset()
	p.setModes(v)
	if v.WindowTitle != p.title {
		p.buf.WriteString(ansi.SetWindowTitle(v.WindowTitle))
		p.title = v.WindowTitle
	}
	f := p.beginFrame()
	if v.AltScreen {
		p.paintAlt(v, &f)
	} else {
		p.paintInline(v)
	}
	p.endFrame(f, v)
	err := p.flush()
	p.dropScratch()
	return err
}

// dropScratch lets go of what a frame was worked out in: a session waits
// far longer between frames than it takes to make new ones, and a
// thousand waiting sessions would each hold the largest they had made.
func (p *Painter) dropScratch() {
	p.was, p.now = nil, nil
	p.buf = bytes.Buffer{}
}

// Close puts the terminal back as the session found it: the keyboard as
// it was, the main screen, a visible cursor, plain text, pastes as keys.
func (p *Painter) Close() error {
	p.buf.Reset()
	if !p.started {
		return nil
	}
	p.restoreModes()
	return p.flush()
}

func (p *Painter) flush() error {
	if p.buf.Len() == 0 {
		return nil
	}
	_, err := p.out.Write(p.buf.Bytes())
	return err
}
