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
package paint

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The terminal modes a Painter sets and restores.
const (
	altScreenOn       = "\x1b[?1049h"
	altScreenOff      = "\x1b[?1049l"
	cursorShow        = "\x1b[?25h"
	cursorHide        = "\x1b[?25l"
	bracketedPasteOn  = "\x1b[?2004h"
	bracketedPasteOff = "\x1b[?2004l"
	clearScreen       = "\x1b[H\x1b[2J"
	eraseLineRight    = "\x1b[K"
	eraseBelow        = "\x1b[J"
	resetStyle        = "\x1b[m"
)

// Painter draws views on one terminal. It is not safe for concurrent use:
// one program's event loop paints.
type Painter struct {
	out           io.Writer
	width, height int

	started bool
	alt     bool
	// raw is the alternate screen as last painted, a row each; nil means
	// the next frame is painted whole. Only rows are kept, not cells: a
	// changed row's old and new text are parsed into was and now, which
	// are reused, so a session holds a screen of text and two rows of
	// cells.
	raw      []string
	was, now []cell
	// inline is what the last frame outside the alternate screen wrote,
	// and how many rows it took.
	inline     string
	inlineRows int

	cursorShown bool
	cursorX     int
	cursorY     int
	title       string

	buf bytes.Buffer
}

// New returns a Painter for a terminal of the given size writing to out.
// Colours are written as the views give them: out downsamples them if the
// terminal needs it (a colorprofile.Writer, say).
func New(out io.Writer, width, height int) *Painter {
	return &Painter{out: out, width: max(width, 1), height: max(height, 1), cursorShown: true}
}

// Resize records the terminal's new size; the next frame is painted whole,
// since the terminal may have rewrapped or cleared what it showed.
func (p *Painter) Resize(width, height int) {
	p.width, p.height = max(width, 1), max(height, 1)
	p.raw = nil
}

// Paint writes what differs between v and the last frame painted.
func (p *Painter) Paint(v tea.View) error {
	p.buf.Reset()
	if !p.started {
		p.started = true
		p.buf.WriteString(bracketedPasteOn)
	}
	if v.WindowTitle != p.title {
		p.buf.WriteString(ansi.SetWindowTitle(v.WindowTitle))
		p.title = v.WindowTitle
	}
	if v.AltScreen {
		p.paintAlt(v)
	} else {
		p.paintInline(v)
	}
	return p.flush()
}

// Close puts the terminal back as the session found it: the main screen,
// a visible cursor, plain text, pastes as keys.
func (p *Painter) Close() error {
	p.buf.Reset()
	if !p.started {
		return nil
	}
	if p.alt {
		p.buf.WriteString(altScreenOff)
		p.alt = false
	}
	p.buf.WriteString(resetStyle + cursorShow + bracketedPasteOff)
	p.started = false
	return p.flush()
}

func (p *Painter) flush() error {
	if p.buf.Len() == 0 {
		return nil
	}
	_, err := p.out.Write(p.buf.Bytes())
	return err
}

// paintAlt paints a full-screen frame in the alternate screen.
func (p *Painter) paintAlt(v tea.View) {
	if !p.alt {
		p.buf.WriteString(altScreenOn)
		p.alt, p.raw, p.inline, p.inlineRows = true, nil, "", 0
	}
	whole := p.raw == nil
	if whole {
		p.buf.WriteString(clearScreen)
		p.raw = make([]string, p.height)
	}
	drew := whole
	rest := v.Content
	for y := range p.height {
		var row string
		row, rest, _ = strings.Cut(rest, "\n")
		if row == p.raw[y] && !(whole && row != "") {
			continue
		}
		p.was = p.was[:0]
		if !whole {
			p.was = parseRow(p.was, p.raw[y], p.width)
		}
		p.now = parseRow(p.now[:0], row, p.width)
		if p.diffRow(y, p.was, p.now) {
			drew = true
		}
		p.raw[y] = row
	}
	p.placeCursor(v.Cursor, drew)
}

// placeCursor shows the cursor where the view puts it, or hides it. After
// drawing, the terminal's cursor is wherever the last cell went, so it is
// moved back even if the view's cursor did not move.
func (p *Painter) placeCursor(c *tea.Cursor, drew bool) {
	if c == nil {
		if p.cursorShown {
			p.buf.WriteString(cursorHide)
			p.cursorShown = false
		}
		return
	}
	x, y := min(max(c.X, 0), p.width-1), min(max(c.Y, 0), p.height-1)
	if drew || x != p.cursorX || y != p.cursorY {
		moveTo(&p.buf, x, y)
		p.cursorX, p.cursorY = x, y
	}
	if !p.cursorShown {
		p.buf.WriteString(cursorShow)
		p.cursorShown = true
	}
}

// paintInline writes a frame on the main screen below what is there, as a
// goodbye that stays after the session ends. A later inline frame replaces
// the last one.
func (p *Painter) paintInline(v tea.View) {
	if p.alt {
		p.buf.WriteString(altScreenOff)
		p.alt, p.raw = false, nil
	}
	if p.inlineRows > 0 && v.Content == p.inline {
		return
	}
	if p.inlineRows > 0 {
		p.buf.WriteByte('\r')
		if p.inlineRows > 1 {
			p.buf.WriteString(ansi.CursorUp(p.inlineRows - 1))
		}
		p.buf.WriteString(eraseBelow)
	}
	rows := strings.Split(v.Content, "\n")
	for i, row := range rows {
		if i > 0 {
			p.buf.WriteString("\r\n")
		}
		p.now = parseRow(p.now[:0], row, p.width)
		writeCells(&p.buf, p.now)
	}
	p.inline, p.inlineRows = v.Content, len(rows)
	if !p.cursorShown {
		p.buf.WriteString(cursorShow)
		p.cursorShown = true
	}
}

// diffRow writes what it takes to turn row y from was into now, and
// reports whether it wrote anything.
func (p *Painter) diffRow(y int, was, now []cell) bool {
	first := 0
	for first < len(was) && first < len(now) && was[first] == now[first] {
		first++
	}
	if first == len(was) && first == len(now) {
		return false
	}
	wasWidth, nowWidth := rowWidth(was), rowWidth(now)
	if hasWide(was) || hasWide(now) {
		// A terminal may give a wide character (an emoji, say) another
		// width than we do, so the columns after it cannot be trusted:
		// the row is erased and written whole.
		moveTo(&p.buf, 0, y)
		p.buf.WriteString(eraseLineRight)
		writeCells(&p.buf, now)
		return true
	}
	end := len(now)
	if wasWidth == nowWidth {
		// The same width: cells matching from the end sit in the same
		// columns, so they need not be written again.
		for i, j := len(was), end; i > first && j > first && was[i-1] == now[j-1]; i, j = i-1, j-1 {
			end = j - 1
		}
	}
	moveTo(&p.buf, rowWidth(now[:first]), y)
	writeCells(&p.buf, now[first:end])
	if nowWidth < wasWidth {
		p.buf.WriteString(eraseLineRight)
	}
	return true
}

// moveTo moves the cursor to column x of row y, counted from 0.
func moveTo(b *bytes.Buffer, x, y int) {
	b.WriteString("\x1b[")
	b.WriteString(strconv.Itoa(y + 1))
	if x > 0 {
		b.WriteByte(';')
		b.WriteString(strconv.Itoa(x + 1))
	}
	b.WriteByte('H')
}
