package paint

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/hinshun/vt10x"
)

// screen is what a terminal shows: every cell's character and style, and
// the cursor.
type screen struct {
	cells  [][]vt10x.Glyph
	cursor vt10x.Cursor
	shown  bool
}

func snapshot(term vt10x.Terminal) screen {
	term.Lock()
	defer term.Unlock()
	cols, rows := term.Size()
	s := screen{cells: make([][]vt10x.Glyph, rows), cursor: term.Cursor(), shown: term.CursorVisible()}
	for y := range rows {
		s.cells[y] = make([]vt10x.Glyph, cols)
		for x := range cols {
			g := term.Cell(x, y)
			g.Mode &^= 1 << 7 // vt10x marks cells it wrapped after; not something a person sees
			s.cells[y][x] = g
		}
	}
	return s
}

func (s screen) text() string {
	var b strings.Builder
	for _, row := range s.cells {
		for _, g := range row {
			b.WriteRune(g.Char)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// differ says where two screens differ, or "" if they do not.
func differ(got, want screen) string {
	for y := range want.cells {
		for x := range want.cells[y] {
			if got.cells[y][x] != want.cells[y][x] {
				return fmt.Sprintf("cell %d,%d is %+v, want %+v\ngot:\n%swant:\n%s", x, y, got.cells[y][x], want.cells[y][x], got.text(), want.text())
			}
		}
	}
	if got.shown != want.shown || (want.shown && (got.cursor.X != want.cursor.X || got.cursor.Y != want.cursor.Y)) {
		return fmt.Sprintf("cursor at %d,%d shown %v, want %d,%d shown %v", got.cursor.X, got.cursor.Y, got.shown, want.cursor.X, want.cursor.Y, want.shown)
	}
	return ""
}

// fresh is the screen a terminal shows when v is the first frame painted.
func fresh(t *testing.T, v tea.View, cols, rows int) screen {
	t.Helper()
	term := vt10x.New(vt10x.WithSize(cols, rows))
	if err := New(term, cols, rows).Paint(v); err != nil {
		t.Fatal(err)
	}
	return snapshot(term)
}

// pieces are what the screens' rows are made of: words, styles (as the
// screens' ink writes them), wide and combined characters, spaces.
var pieces = []string{
	"Anchorage", "hall", "council", " ", "  ", "·", "─", "┃ ", "✓", "“quoted”", "é",
	"…", "x",
	"\x1b[1;36m", "\x1b[90m", "\x1b[m", "\x1b[0m", "\x1b[7m", "\x1b[38;5;240m", "\x1b[1m", "\x1b[33;41m",
}

func randomView(r *rand.Rand, cols, rows int) tea.View {
	lines := make([]string, r.IntN(rows+3))
	for i := range lines {
		var b strings.Builder
		for range r.IntN(cols / 2) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lines[i] = b.String()
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	if r.IntN(4) > 0 {
		v.Cursor = tea.NewCursor(r.IntN(cols), r.IntN(rows))
	}
	return v
}

// mutate changes a few rows of a view, as a typed key or a new
// contribution does.
func mutate(r *rand.Rand, v tea.View, cols, rows int) tea.View {
	lines := strings.Split(v.Content, "\n")
	for range 1 + r.IntN(3) {
		i := r.IntN(len(lines))
		switch r.IntN(3) {
		case 0:
			lines[i] += pieces[r.IntN(len(pieces))]
		case 1:
			if n := len(lines[i]); n > 0 {
				lines[i] = lines[i][:r.IntN(n)]
			}
		default:
			lines[i] = randomView(r, cols, 2).Content
		}
	}
	next := tea.NewView(strings.Join(lines, "\n"))
	next.AltScreen = true
	next.Cursor = v.Cursor
	if r.IntN(3) == 0 {
		next.Cursor = tea.NewCursor(r.IntN(cols), r.IntN(rows))
	}
	return next
}

func TestEveryFrameLooksAsIfPaintedWhole(t *testing.T) {
	for seed := range uint64(8) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 1))
			cols, rows := 20+r.IntN(70), 5+r.IntN(25)
			term := vt10x.New(vt10x.WithSize(cols, rows))
			p := New(term, cols, rows)
			v := randomView(r, cols, rows)
			for frame := range 300 {
				if frame%50 == 49 {
					v = randomView(r, cols, rows)
				} else {
					v = mutate(r, v, cols, rows)
				}
				if err := p.Paint(v); err != nil {
					t.Fatal(err)
				}
				if d := differ(snapshot(term), fresh(t, v, cols, rows)); d != "" {
					t.Fatalf("frame %d painted over the last differs from the frame painted whole: %s\nview %q", frame, d, v.Content)
				}
			}
		})
	}
}

func TestATypedCharacterCostsAFewBytes(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, 80, 24)
	rows := make([]string, 24)
	for i := range rows {
		rows[i] = fmt.Sprintf("\x1b[90mrow %d of a busy screen, with words enough to fill it\x1b[m", i)
	}
	view := func(editor string) tea.View {
		rows[12] = "\x1b[36m┃\x1b[m " + editor
		v := tea.NewView(strings.Join(rows, "\n"))
		v.AltScreen = true
		v.Cursor = tea.NewCursor(2+len(editor), 12)
		return v
	}
	if err := p.Paint(view("The village hall")); err != nil {
		t.Fatal(err)
	}
	first := out.Len()
	out.Reset()
	if err := p.Paint(view("The village hall!")); err != nil {
		t.Fatal(err)
	}
	if out.Len() == 0 || out.Len() > 30 {
		t.Errorf("one typed character took %d bytes (%q); want a few, at most 30 (the first frame took %d)", out.Len(), out.String(), first)
	}
	out.Reset()
	if err := p.Paint(view("The village hall!")); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("an unchanged frame wrote %q", out.String())
	}
}

func TestRowsLongerThanTheScreenAreCutNotWrapped(t *testing.T) {
	v := tea.NewView(strings.Repeat("abcdefghij", 5) + "\nsecond\n" + strings.Repeat("x", 19) + "日")
	v.AltScreen = true
	got := strings.ReplaceAll(fresh(t, v, 20, 4).text(), "\x00", " ")
	// The wide character at the edge would not fit: it is left out, not
	// wrapped onto the next row.
	want := "abcdefghijabcdefghij\nsecond              \nxxxxxxxxxxxxxxxxxxx \n                    \n"
	if got != want {
		t.Errorf("screen:\n%q\nwant:\n%q", got, want)
	}
}

func TestInvalidUTF8IsShownAsAReplacementCharacter(t *testing.T) {
	cells := parseRow(nil, "a\xe2b", 10)
	if len(cells) < 2 || cells[0].text != "a" || cells[1].text != "\uFFFD" {
		t.Errorf("cells %+v; want a, then U+FFFD for the broken bytes", cells)
	}
}

func TestAResizedTerminalIsPaintedWhole(t *testing.T) {
	term := vt10x.New(vt10x.WithSize(40, 10))
	p := New(term, 40, 10)
	big := tea.NewView(strings.Repeat("wide row of the first size, long\n", 10))
	big.AltScreen = true
	if err := p.Paint(big); err != nil {
		t.Fatal(err)
	}
	term.Resize(30, 6)
	p.Resize(30, 6)
	small := tea.NewView("smaller\nscreen")
	small.AltScreen = true
	if err := p.Paint(small); err != nil {
		t.Fatal(err)
	}
	if d := differ(snapshot(term), fresh(t, small, 30, 6)); d != "" {
		t.Error(d)
	}
}

func TestAGoodbyeStaysOnTheMainScreenAndCloseRestoresTheTerminal(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, 80, 24)
	room := tea.NewView("the room")
	room.AltScreen = true
	room.Cursor = tea.NewCursor(3, 0)
	if err := p.Paint(room); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), bracketedPasteOn+altScreenOn) {
		t.Errorf("the first frame began %q; want pastes bracketed, then the alternate screen", out.String()[:min(out.Len(), 20)])
	}
	out.Reset()
	if err := p.Paint(tea.NewView("Goodbye. Everything you saved is kept.\n")); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.HasPrefix(got, altScreenOff) || !strings.Contains(got, "Goodbye. Everything you saved is kept.\r\n") {
		t.Errorf("the goodbye wrote %q; want the main screen, then the words", got)
	}
	out.Reset()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); strings.Contains(got, altScreenOff) || !strings.Contains(got, cursorShow) || !strings.Contains(got, bracketedPasteOff) {
		t.Errorf("close wrote %q; want the cursor shown and pastes as keys, staying on the main screen", got)
	}
	out.Reset()
	if err := p.Close(); err != nil || out.Len() != 0 {
		t.Errorf("a second close wrote %q, %v", out.String(), err)
	}
}

func TestWrapPaintsTheFirstFrameAtInitAndEachUpdate(t *testing.T) {
	var out bytes.Buffer
	inner := &counter{}
	m := Wrap(inner, New(&out, 40, 5))
	m.Init()
	if !strings.Contains(out.String(), "count 0") {
		t.Fatalf("Init painted %q; want the first frame", out.String())
	}
	out.Reset()
	m.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if !strings.Contains(out.String(), "1") {
		t.Errorf("Update painted %q; want the count's new digit", out.String())
	}
	if v := m.View(); v.Content != "" {
		t.Errorf("the wrapper's own view is %q; want nothing for Bubble Tea to draw", v.Content)
	}
}

// counter is a model that counts the messages it is given.
type counter struct{ n int }

func (c *counter) Init() tea.Cmd { return nil }
func (c *counter) Update(tea.Msg) (tea.Model, tea.Cmd) {
	c.n++
	return c, nil
}
func (c *counter) View() tea.View {
	v := tea.NewView(fmt.Sprintf("count %d", c.n))
	v.AltScreen = true
	return v
}

func TestARowWithAWideCharacterIsWrittenWhole(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, 40, 3)
	view := func(row string) tea.View {
		v := tea.NewView("top\n" + row)
		v.AltScreen = true
		return v
	}
	if err := p.Paint(view("🙂 the hall is open")); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := p.Paint(view("🙂 the hall is open!")); err != nil {
		t.Fatal(err)
	}
	// Row 2, column 1: erased, then every cell of it, since the terminal
	// may measure the emoji otherwise and put the "!" somewhere else.
	if want := "\x1b[2H" + eraseLineRight + "🙂 the hall is open!"; out.String() != want {
		t.Errorf("the changed row wrote %q; want %q", out.String(), want)
	}
}
