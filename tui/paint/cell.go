package paint

import (
	"bytes"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/tui/grapheme"
)

// cell is one character on the screen: its text (a grapheme cluster), the
// columns it takes, and the SGR sequences in force when it is written.
type cell struct {
	pen   string
	text  string
	width int
}

// parseRow appends the cells of a row of a view to cells, up to width
// columns, and returns them: a cell for each character (grapheme cluster),
// as wide as tui/grapheme measures it. Style sequences become each cell's
// pen; any other control sequence is dropped, since a row is text to show
// (the screens clean what people type before it gets here).
func parseRow(cells []cell, row string, width int) []cell {
	pen, col := "", 0
	for len(row) > 0 {
		if !isText(row[0]) {
			seq, _, n, _ := ansi.DecodeSequence(row, ansi.NormalState, nil)
			row = row[n:]
			if isStyle(seq) {
				if seq == "\x1b[m" || seq == "\x1b[0m" {
					pen = ""
				} else {
					pen += seq
				}
			}
			continue
		}
		text, w := grapheme.Next(row)
		row = row[len(text):]
		switch {
		case !utf8.ValidString(text):
			// Broken bytes: a terminal shows a replacement character.
			text, w = "\uFFFD", 1
		case w == 0:
			// A mark with nothing before it to join (the row's start, or
			// an escape sequence between them) goes on the character
			// before, as a terminal puts it.
			if len(cells) > 0 {
				cells[len(cells)-1].text += text
			}
			continue
		}
		if col+w > width {
			return cells
		}
		cells = append(cells, cell{pen: pen, text: text, width: w})
		col += w
	}
	return cells
}

// isText reports whether b begins text rather than a control character or
// an escape sequence (ESC, or a C1 introducer such as 0x9b, CSI).
func isText(b byte) bool {
	switch b {
	case 0x7f, 0x90, 0x98, 0x9b, 0x9d, 0x9e, 0x9f:
		return false
	}
	return b >= ' '
}

// isStyle reports whether seq is a Select Graphic Rendition sequence.
func isStyle(seq string) bool {
	return ansi.HasCsiPrefix(seq) && seq[len(seq)-1] == 'm'
}

// writeCells writes cells from the cursor, each in its pen, and leaves the
// terminal's style plain.
func writeCells(b *bytes.Buffer, cells []cell) {
	pen := ""
	for _, c := range cells {
		if c.pen != pen {
			if pen != "" {
				b.WriteString(resetStyle)
			}
			b.WriteString(c.pen)
			pen = c.pen
		}
		b.WriteString(c.text)
	}
	if pen != "" {
		b.WriteString(resetStyle)
	}
}

// rowWidth is the columns cells take.
func rowWidth(cells []cell) int {
	w := 0
	for _, c := range cells {
		w += c.width
	}
	return w
}

// hasWide reports whether any cell takes more than one column.
func hasWide(cells []cell) bool {
	for _, c := range cells {
		if c.width > 1 {
			return true
		}
	}
	return false
}
