package paint

import (
	"bytes"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// cell is one character on the screen: its text (a grapheme cluster), the
// columns it takes, and the SGR sequences in force when it is written.
type cell struct {
	pen   string
	text  string
	width int
}

// parseRow appends the cells of a row of a view to cells, up to width
// columns, and returns them. Style
// sequences become each cell's pen; any other control sequence is
// dropped, since a row is text to show (the screens clean what people
// type before it gets here).
func parseRow(cells []cell, row string, width int) []cell {
	var state byte
	pen, col := "", 0
	for len(row) > 0 {
		seq, w, n, next := ansi.DecodeSequence(row, state, nil)
		state, row = next, row[n:]
		switch {
		case w > 0:
			if col+w > width {
				return cells
			}
			if !utf8.ValidString(seq) {
				seq = "\uFFFD" // a terminal would drop the bytes and leave what was there
			}
			cells = append(cells, cell{pen: pen, text: seq, width: w})
			col += w
		case isStyle(seq):
			if seq == "\x1b[m" || seq == "\x1b[0m" {
				pen = ""
			} else {
				pen += seq
			}
		case len(seq) > 0 && seq[0] >= ' ' && len(cells) > 0:
			// A zero-width grapheme joins the character before it.
			cells[len(cells)-1].text += seq
		}
	}
	return cells
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
