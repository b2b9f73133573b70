package paint

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
)

// The oracle is github.com/charmbracelet/x/vt, a terminal emulator that
// segments text into grapheme clusters and knows how wide each one is. The
// painter's bytes are replayed on one, and what it shows is compared with
// the frame intended: each row of the view written on a terminal wider
// than the row, whatever the painter makes of it, then cut at the
// screen's edge (a character that would cross it is left out, not
// wrapped). So the oracle measures characters itself, independently of
// the painter's own parsing.
//
// x/vt measures with the same tables as tui/grapheme (x/ansi's grapheme
// widths), and so as terminals that segment by grapheme do: "❤️" with its
// variation selector is two columns, a family one character of two. A
// terminal that adds up code points draws both otherwise; that is the
// disagreement the painter's rule of writing a row with a wide character
// whole is for, and it is not what this oracle checks.

// screen is what a terminal shows: every cell, and the cursor.
type screen struct {
	cells  [][]uv.Cell
	cursor uv.Position
	shown  bool
}

func snapshot(term *vt.Emulator) screen {
	s := screen{cells: make([][]uv.Cell, term.Height()), cursor: term.CursorPosition(), shown: !term.CursorHidden()}
	for y := range s.cells {
		s.cells[y] = make([]uv.Cell, term.Width())
		for x := range s.cells[y] {
			s.cells[y][x] = *term.CellAt(x, y)
		}
	}
	return s
}

func (s screen) text() string {
	var b strings.Builder
	for _, row := range s.cells {
		for _, c := range row {
			b.WriteString(c.Content)
		}
		b.WriteString("|\n")
	}
	return b.String()
}

// oracle draws the frames intended, on a terminal it keeps (an emulator
// holds megabytes of buffers: one is made for many frames).
type oracle struct{ wide *vt.Emulator }

// intended is the screen a view should leave on a terminal of cols x rows.
func (o *oracle) intended(v tea.View, cols, rows int) screen {
	lines := strings.Split(v.Content, "\n")
	lines = lines[:min(len(lines), rows)]
	wide := cols + 1 // wider than any row: no character takes more columns than bytes
	for _, row := range lines {
		wide = max(wide, len(row)+1)
	}
	if o.wide == nil {
		o.wide = vt.NewEmulator(wide, rows)
	} else {
		o.wide.Resize(wide, rows)
	}
	_, _ = o.wide.WriteString("\x1b[m\x1b[H\x1b[2J")
	for y, row := range lines {
		_, _ = o.wide.WriteString(fmt.Sprintf("\x1b[m\x1b[%dH%s", y+1, row))
	}
	s := screen{cells: make([][]uv.Cell, rows), shown: v.Cursor != nil}
	for y := range rows {
		s.cells[y] = make([]uv.Cell, cols)
		for x := range cols {
			c := *o.wide.CellAt(x, y)
			if x+c.Width > cols {
				c = uv.EmptyCell // a wide character that would cross the edge
			}
			s.cells[y][x] = c
		}
	}
	if v.Cursor != nil {
		s.cursor = uv.Pos(min(max(v.Cursor.X, 0), cols-1), min(max(v.Cursor.Y, 0), rows-1))
	}
	return s
}

// intended is the screen a view should leave on a terminal of cols x rows.
func intended(v tea.View, cols, rows int) screen {
	var o oracle
	return o.intended(v, cols, rows)
}

// differ says where two screens differ, or "" if they do not.
func differ(got, want screen) string {
	for y := range want.cells {
		for x := range want.cells[y] {
			if g, w := got.cells[y][x], want.cells[y][x]; !g.Equal(&w) {
				return fmt.Sprintf("cell %d,%d is %q (width %d, %v), want %q (width %d, %v)\ngot:\n%swant:\n%s",
					x, y, g.Content, g.Width, g.Style, w.Content, w.Width, w.Style, got.text(), want.text())
			}
		}
	}
	if got.shown != want.shown || (want.shown && got.cursor != want.cursor) {
		return fmt.Sprintf("cursor at %v shown %v, want %v shown %v\n%s", got.cursor, got.shown, want.cursor, want.shown, got.text())
	}
	return ""
}

// pieces are what the screens' rows are made of: words, styles (as the
// screens' ink writes them), spaces, and characters wide, combined and
// joined: CJK, a heart with and without its emoji variation selector, skin
// tones, flags (the flag of Scotland is a tag sequence), a family joined by
// zero-width joiners, a keycap, accents as combining marks.
var pieces = []string{
	"Anchorage", "hall", "council", " ", "  ", "·", "─", "┃ ", "✓", "“quoted”", "é", "…", "x",
	"日本", "語", "한국", "❤️", "❤", "I ❤️ it", "👍🏽", "👋🏿", "🇬🇧", "🇫🇷🇩🇪",
	"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
	"👨\u200d👩\u200d👧", "👩🏽\u200d💻", "1️⃣", "e\u0301", "Gàidhlig", "a\u0308\u0323",
	"\x1b[1;36m", "\x1b[90m", "\x1b[m", "\x1b[0m", "\x1b[7m", "\x1b[38;5;240m", "\x1b[1m", "\x1b[33;41m",
}

// A row is a list of pieces, so that a row is changed and cut between
// pieces, never inside an escape sequence or a character.
type rows [][]string

func randomRows(r *rand.Rand, cols, n int) rows {
	out := make(rows, r.IntN(n+3))
	for i := range out {
		out[i] = randomRow(r, cols)
	}
	return out
}

func randomRow(r *rand.Rand, cols int) []string {
	row := make([]string, r.IntN(cols/2))
	for i := range row {
		row[i] = pieces[r.IntN(len(pieces))]
	}
	return row
}

// mutate changes a few rows, as a typed key or a new contribution does.
func (rs rows) mutate(r *rand.Rand, cols int) rows {
	next := make(rows, len(rs))
	copy(next, rs)
	if len(next) == 0 {
		return append(next, randomRow(r, cols))
	}
	for range 1 + r.IntN(3) {
		i := r.IntN(len(next))
		switch r.IntN(4) {
		case 0:
			next[i] = append(next[i][:len(next[i]):len(next[i])], pieces[r.IntN(len(pieces))])
		case 1:
			next[i] = next[i][:r.IntN(len(next[i])+1)]
		case 2:
			at := r.IntN(len(next[i]) + 1)
			next[i] = append(append(append([]string{}, next[i][:at]...), pieces[r.IntN(len(pieces))]), next[i][at:]...)
		default:
			next[i] = randomRow(r, cols)
		}
	}
	return next
}

func (rs rows) view(cursor *tea.Cursor) tea.View {
	lines := make([]string, len(rs))
	for i, row := range rs {
		lines[i] = strings.Join(row, "")
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	v.Cursor = cursor
	return v
}

func randomCursor(r *rand.Rand, cols, n int) *tea.Cursor {
	if r.IntN(4) == 0 {
		return nil
	}
	return tea.NewCursor(r.IntN(cols+2)-1, r.IntN(n+2)-1)
}

func TestEveryFrameShowsTheViewOnAWidthAwareTerminal(t *testing.T) {
	for seed := range uint64(12) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 2))
			cols, n := 10+r.IntN(70), 3+r.IntN(20)
			term := vt.NewEmulator(cols, n)
			p := New(term, cols, n)
			var o oracle
			rs, cursor := randomRows(r, cols, n), randomCursor(r, cols, n)
			for frame := range 300 {
				switch {
				case frame%60 == 59:
					rs = randomRows(r, cols, n)
				case frame%97 == 96:
					cols, n = 10+r.IntN(70), 3+r.IntN(20)
					term.Resize(cols, n)
					p.Resize(cols, n)
				case frame%41 == 40:
					p.Repaint()
				default:
					rs = rs.mutate(r, cols)
				}
				if r.IntN(3) == 0 {
					cursor = randomCursor(r, cols, n)
				}
				v := rs.view(cursor)
				if err := p.Paint(v); err != nil {
					t.Fatal(err)
				}
				if d := differ(snapshot(term), o.intended(v, cols, n)); d != "" {
					t.Fatalf("frame %d (%dx%d): %s\nview %q", frame, cols, n, d, v.Content)
				}
			}
		})
	}
}
