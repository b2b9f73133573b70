package display

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// A bitmap is large type laid out in dots, each dot a column wide and half
// a row tall, so that two rows of dots make one line of half-block
// characters (▀ ▄ █) and a dot comes out about square on a terminal whose
// cells are twice as tall as they are wide. A glyph drawn at scale s takes
// s by s dots for each of its own.
type bitmap struct {
	w, h int
	dots []bool
}

func newBitmap(w, h int) *bitmap {
	return &bitmap{w: w, h: h, dots: make([]bool, w*h)}
}

// stamp draws g at scale s with its top left at dot (x, y), taking no
// more than rows of its rows.
func (b *bitmap) stamp(g glyph, x, y, s, rows int) {
	for gy := range min(rows, len(g)) {
		for gx, ink := range g[gy] {
			if !ink {
				continue
			}
			for dy := range s {
				for dx := range s {
					b.set(x+gx*s+dx, y+gy*s+dy)
				}
			}
		}
	}
}

func (b *bitmap) set(x, y int) {
	if x >= 0 && x < b.w && y >= 0 && y < b.h {
		b.dots[y*b.w+x] = true
	}
}

func (b *bitmap) at(x, y int) bool {
	return x >= 0 && x < b.w && y >= 0 && y < b.h && b.dots[y*b.w+x]
}

// lines draws the bitmap as lines of half-block characters, trailing
// paper left off.
func (b *bitmap) lines() []string {
	blocks := [4]string{" ", "▄", "▀", "█"} // index: upper<<1 | lower
	out := make([]string, 0, (b.h+1)/2)
	var line strings.Builder
	for y := 0; y < b.h; y += 2 {
		line.Reset()
		spaces := 0
		for x := range b.w {
			i := 0
			if b.at(x, y) {
				i |= 2
			}
			if b.at(x, y+1) {
				i |= 1
			}
			if i == 0 {
				spaces++
				continue
			}
			line.WriteString(strings.Repeat(" ", spaces))
			spaces = 0
			line.WriteString(blocks[i])
		}
		out = append(out, line.String())
	}
	return out
}

// runWidth is how many dots wide text is at scale 1, a dot of space
// between characters; every character must be in the font.
func runWidth(text string) int {
	w := 0
	for _, r := range text {
		g, _ := glyphOf(r)
		w += g.width() + 1
	}
	return max(w-1, 0)
}

// stampRun draws text at scale s from dot (x, y), taking rows of each
// glyph's rows.
func (b *bitmap) stampRun(text string, x, y, s, rows int) {
	for _, r := range text {
		g, _ := glyphOf(r)
		b.stamp(g, x, y, s, rows)
		x += (g.width() + 1) * s
	}
}

// bigLines lays text out in large type at scale s in lines no wider than
// width columns, breaking at spaces: the lines of half-blocks, or false if
// a word is wider than a line. A line of type is 4s rows tall, with s
// rows between lines.
func bigLines(text string, s, width int) ([]string, bool) {
	words := strings.Fields(text)
	var rows []string // the words of each line of type
	for _, word := range words {
		if runWidth(word)*s > width {
			return nil, false
		}
		if n := len(rows); n > 0 && runWidth(rows[n-1]+" "+word)*s <= width {
			rows[n-1] += " " + word
			continue
		}
		rows = append(rows, word)
	}
	var out []string
	for i, row := range rows {
		if i > 0 {
			for range s {
				out = append(out, "")
			}
		}
		b := newBitmap(runWidth(row)*s, glyphRows*s)
		b.stampRun(row, 0, 0, s, glyphRows)
		out = append(out, b.lines()...)
	}
	return out, true
}

// largest lays text out in the largest type that fits width by height,
// up to scale most, trying scales from the largest down; false if even
// the smallest does not fit, or the font lacks a character.
func largest(text string, width, height, most int) ([]string, bool) {
	text = norm.NFC.String(text) // an accent typed as a combining mark joins its letter
	if !inFont(text) || strings.TrimSpace(text) == "" {
		return nil, false
	}
	for s := min(most, height/4); s >= 1; s-- {
		if lines, ok := bigLines(text, s, width); ok && len(lines) <= height {
			return lines, true
		}
	}
	return nil, false
}
