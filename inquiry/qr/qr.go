// Package qr draws QR codes for the ways into a workshop: the join card
// prints one, and the wall display shows one, of the ssh:// address a phone
// with an SSH app can open. The encoding is github.com/yeqown/go-qrcode's;
// the drawing (half-block characters for a terminal or a text file, an SVG
// path for a page) is ours. It knows nothing of workshops, so the card and
// the screens can both use it.
package qr

import (
	"fmt"
	"strings"

	qrcode "github.com/yeqown/go-qrcode/v2"
)

// QuietZone is the light margin, in modules, that the QR standard asks for
// around a code so that a camera can find it.
const QuietZone = 4

// Code is a QR code as a square of modules, dark or light, without its
// quiet zone.
type Code struct {
	dark [][]bool
}

// Encode makes the QR code of text, with medium error correction (a code
// still reads with about 15% of it smudged or folded).
func Encode(text string) (Code, error) {
	q, err := qrcode.NewWith(text,
		qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium),
		qrcode.WithEncodingMode(qrcode.EncModeByte))
	if err != nil {
		return Code{}, fmt.Errorf("qr code of %q: %w", text, err)
	}
	var m matrix
	if err := q.Save(&m); err != nil {
		return Code{}, fmt.Errorf("qr code of %q: %w", text, err)
	}
	return Code{dark: m.bitmap}, nil
}

// matrix is a qrcode.Writer that keeps the modules instead of drawing them.
type matrix struct{ bitmap [][]bool }

func (m *matrix) Write(mat qrcode.Matrix) error {
	m.bitmap = mat.Bitmap()
	return nil
}

func (m *matrix) Close() error { return nil }

// Size is the number of modules along a side, without the quiet zone.
func (c Code) Size() int { return len(c.dark) }

// Dark reports whether the module at column x, row y is dark. Outside the
// code (in the quiet zone) every module is light.
func (c Code) Dark(x, y int) bool {
	if y < 0 || y >= len(c.dark) || x < 0 || x >= len(c.dark[y]) {
		return false
	}
	return c.dark[y][x]
}

// HalfBlocks draws the code with its quiet zone as lines of text, two rows
// of modules to a line: "█" both dark, "▀" the upper, "▄" the lower, and a
// space neither. A character cell is about twice as tall as it is wide, so
// the modules come out square. Printed dark on light (paper, a light
// terminal), the code reads as it should; inverse swaps ink and paper for a
// terminal that writes light characters on a dark background.
func (c Code) HalfBlocks(inverse bool) []string {
	glyphs := [4]string{" ", "▄", "▀", "█"} // index: upper<<1 | lower
	if inverse {
		glyphs = [4]string{"█", "▀", "▄", " "}
	}
	side := c.Size() + 2*QuietZone
	var lines []string
	for y := -QuietZone; y < side-QuietZone; y += 2 {
		var b strings.Builder
		for x := -QuietZone; x < side-QuietZone; x++ {
			i := 0
			if c.Dark(x, y) {
				i |= 2
			}
			if c.Dark(x, y+1) {
				i |= 1
			}
			b.WriteString(glyphs[i])
		}
		lines = append(lines, b.String())
	}
	return lines
}

// SVGPath is the dark modules as the data of one SVG path, one unit to a
// module, offset by the quiet zone: draw it in a viewBox of
// Size()+2*QuietZone units on a light background.
func (c Code) SVGPath() string {
	var b strings.Builder
	for y := range c.Size() {
		for x := 0; x < c.Size(); x++ {
			if !c.Dark(x, y) {
				continue
			}
			run := 1
			for c.Dark(x+run, y) {
				run++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", x+QuietZone, y+QuietZone, run, run)
			x += run - 1
		}
	}
	return b.String()
}
