package paint

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/vt"
)

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
	term := vt.NewEmulator(20, 4)
	v := tea.NewView(strings.Repeat("abcdefghij", 5) + "\nsecond\n" + strings.Repeat("x", 19) + "日")
	v.AltScreen = true
	if err := New(term, 20, 4).Paint(v); err != nil {
		t.Fatal(err)
	}
	// The wide character at the edge would not fit: it is left out, not
	// wrapped onto the next row.
	if got, want := term.String(), "abcdefghijabcdefghij\nsecond\nxxxxxxxxxxxxxxxxxxx\n"; got != want {
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
	term := vt.NewEmulator(40, 10)
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
	if d := differ(snapshot(term), intended(small, 30, 6)); d != "" {
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
