package paint

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// paintAlt draws a full-screen frame in the alternate screen.
func (p *Painter) paintAlt(v tea.View, f *frame) {
	if p.raw == nil {
		f.whole = true
		p.buf.WriteString(clearScreen)
		p.atX, p.atY = 0, 0
		p.raw = make([]string, p.height)
	}
	rest := v.Content
	for y := range p.height {
		var row string
		row, rest, _ = strings.Cut(rest, "\n")
		if row == p.raw[y] && !(f.whole && row != "") {
			continue
		}
		p.makeRows()
		p.was = p.was[:0]
		if !f.whole {
			p.was = parseRow(p.was, p.raw[y], p.width)
		}
		p.now = parseRow(p.now[:0], row, p.width)
		if p.diffRow(y, p.was, p.now) {
			f.drewRow(y)
		}
		p.raw[y] = row
	}
}

// makeRows makes the frame's two rows of cells, was and now, if it has
// none yet: only a frame with a changed row needs them, and it drops them
// once written (dropScratch). A row has at most a cell a column, so
// parsing into them never grows them.
func (p *Painter) makeRows() {
	if p.now == nil {
		p.was, p.now = make([]cell, 0, p.width), make([]cell, 0, p.width)
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
		p.moveTo(0, y)
		p.buf.WriteString(eraseLine)
		writeCells(&p.buf, now)
		p.wrote(0, now)
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
	x := rowWidth(now[:first])
	p.moveTo(x, y)
	writeCells(&p.buf, now[first:end])
	p.wrote(x, now[first:end])
	if nowWidth < wasWidth {
		p.buf.WriteString(eraseLine)
	}
	return true
}

// paintInline writes a frame on the main screen below what is there, as a
// goodbye that stays after the session ends. A later inline frame replaces
// the last one.
func (p *Painter) paintInline(v tea.View) {
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
	p.makeRows()
	for i, row := range rows {
		if i > 0 {
			p.buf.WriteString("\r\n")
		}
		p.now = parseRow(p.now[:0], row, p.width)
		writeCells(&p.buf, p.now)
	}
	p.inline, p.inlineRows, p.atX = v.Content, len(rows), -1
}
