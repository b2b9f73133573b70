package paint

import (
	"bytes"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Each frame that draws is wrapped in synchronized output, with the cursor
// hidden while it is drawn and shown again where the view puts it, as
// Bubble Tea's renderer does: a terminal that knows mode 2026 shows the
// frame at once when it ends, and one that does not at least never shows
// the cursor racing across the screen on a slow line.
const (
	syncOn  = ansi.SetModeSynchronizedOutput   // \e[?2026h
	syncOff = ansi.ResetModeSynchronizedOutput // \e[?2026l
)

// frame is what one Paint has drawn so far.
type frame struct {
	mark        int  // where the drawing starts in the buffer, after the modes
	fromY       int  // the cursor's row before the frame; -1 if not known
	shown       bool // whether the cursor was shown before the frame
	whole       bool // the screen was cleared and drawn whole
	rows, lastY int  // how many rows were drawn, and the last of them
}

func (p *Painter) beginFrame() frame {
	fromY := p.atY
	if p.atX < 0 {
		fromY = -1
	}
	return frame{mark: p.buf.Len(), fromY: fromY, shown: p.shown}
}

// drewRow records that row y was drawn.
func (f *frame) drewRow(y int) { f.rows, f.lastY = f.rows+1, y }

// endFrame puts the cursor where the view wants it and wraps what the
// frame drew in synchronized output.
func (p *Painter) endFrame(f frame, v tea.View) {
	wrap := p.buf.Len() > f.mark && !p.inPlace(f, v)
	if wrap {
		p.open(f.mark)
	}
	if v.AltScreen {
		p.placeCursor(v.Cursor)
	} else if !p.shown {
		// A goodbye on the main screen leaves the cursor after its words.
		p.buf.WriteString(cursorShow)
		p.shown = true
	}
	if wrap {
		p.buf.WriteString(syncOff)
	}
}

// inPlace reports whether a frame changed only the row the cursor stood
// on and stays on: a typed character, a deletion. The cursor never leaves
// its row, so there is nothing to see racing, and the frame goes out as
// the few bytes it is, unwrapped; every other frame is wrapped.
func (p *Painter) inPlace(f frame, v tea.View) bool {
	c := v.Cursor
	return v.AltScreen && !f.whole && f.rows == 1 && f.shown && c != nil &&
		f.lastY == f.fromY && f.lastY == p.clampY(c.Y)
}

// open inserts the start of a synchronized frame before the drawing,
// which begins at mark, hiding the cursor until the frame ends.
func (p *Painter) open(mark int) {
	start := syncOn
	if p.shown {
		start += cursorHide
		p.shown = false
	}
	n := p.buf.Len()
	p.buf.WriteString(start) // grows the buffer; the bytes are moved below
	b := p.buf.Bytes()
	copy(b[mark+len(start):], b[mark:n])
	copy(b[mark:], start)
}

// placeCursor shows the cursor where the view puts it, or hides it.
func (p *Painter) placeCursor(c *tea.Cursor) {
	if c == nil {
		if p.shown {
			p.buf.WriteString(cursorHide)
			p.shown = false
		}
		return
	}
	p.moveTo(min(max(c.X, 0), p.width-1), p.clampY(c.Y))
	if !p.shown {
		p.buf.WriteString(cursorShow)
		p.shown = true
	}
}

func (p *Painter) clampY(y int) int { return min(max(y, 0), p.height-1) }

// moveTo moves the cursor to column x of row y, counted from 0, unless it
// is there already.
func (p *Painter) moveTo(x, y int) {
	if x == p.atX && y == p.atY {
		return
	}
	writeMove(&p.buf, x, y)
	p.atX, p.atY = x, y
}

// wrote records that the cursor moved over what was just written, from
// column x: to the column after it, or to nowhere known when the row ended
// at the screen's edge (where the terminal waits to wrap) or held a wide
// character (which the terminal may measure otherwise).
func (p *Painter) wrote(x int, cells []cell) {
	x += rowWidth(cells)
	if x >= p.width || hasWide(cells) {
		x = -1
	}
	p.atX = x
}

func writeMove(b *bytes.Buffer, x, y int) {
	b.WriteString("\x1b[")
	b.WriteString(strconv.Itoa(y + 1))
	if x > 0 {
		b.WriteByte(';')
		b.WriteString(strconv.Itoa(x + 1))
	}
	b.WriteByte('H')
}
