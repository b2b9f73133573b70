package paint

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/vt"
)

// busy is a full 80x24 screen with the editor on row 12 holding text, the
// cursor after it.
func busy(text string) tea.View {
	rows := make([]string, 24)
	for i := range rows {
		rows[i] = fmt.Sprintf("\x1b[90mrow %d of a busy screen, with words enough to fill it\x1b[m", i)
	}
	rows[12] = "\x1b[36m┃\x1b[m " + text
	v := tea.NewView(strings.Join(rows, "\n"))
	v.AltScreen = true
	v.Cursor = tea.NewCursor(2+len(text), 12)
	return v
}

func paintAll(t *testing.T, p *Painter, views ...tea.View) {
	t.Helper()
	for _, v := range views {
		if err := p.Paint(v); err != nil {
			t.Fatal(err)
		}
	}
}

func TestATypedCharacterCostsAFewBytes(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, 80, 24)
	paintAll(t, p, busy("The village hall"))
	first := out.Len()
	out.Reset()
	paintAll(t, p, busy("The village hall!"))
	// The cursor stood where the character goes and moves on with it: the
	// character is all the terminal needs.
	if out.String() != "!" {
		t.Errorf("one typed character took %d bytes (%q); want just the character (the first frame took %d)", out.Len(), out.String(), first)
	}
	out.Reset()
	paintAll(t, p, busy("The village hall!"))
	if out.Len() != 0 {
		t.Errorf("an unchanged frame wrote %q", out.String())
	}
	paintAll(t, p, busy("The village ha"))
	if out.Len() == 0 || out.Len() > 30 || strings.Contains(out.String(), syncOn) {
		t.Errorf("a deletion wrote %q; want a few bytes on the cursor's row, unwrapped", out.String())
	}
}

// A three-row update is wrapped in synchronized output, with the cursor
// hidden while it is drawn and shown after, where the view puts it.
func TestAFrameIsDrawnInSynchronizedOutputWithTheCursorHidden(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, 80, 24)
	v := busy("The village hall")
	paintAll(t, p, v)
	out.Reset()
	rows := strings.Split(v.Content, "\n")
	rows[3], rows[4], rows[20] = "a new contribution", "and another", "\x1b[1mSaved ✓\x1b[m"
	next := tea.NewView(strings.Join(rows, "\n"))
	next.AltScreen, next.Cursor = true, v.Cursor
	paintAll(t, p, next)
	got := out.String()
	start, end := syncOn+cursorHide, cursorShow+syncOff
	if !strings.HasPrefix(got, start) || !strings.HasSuffix(got, end) {
		t.Fatalf("the frame wrote %q; want it to begin %q and end %q", got, start, end)
	}
	body := strings.TrimSuffix(strings.TrimPrefix(got, start), end)
	for _, want := range []string{"\x1b[4Ha new contribution", "\x1b[5Hand another", "\x1b[21H\x1b[1mSaved ✓\x1b[m", "\x1b[13;19H"} {
		if !strings.Contains(body, want) {
			t.Errorf("the frame %q does not draw %q", body, want)
		}
	}
	if strings.Count(got, "\x1b[?") != 4 {
		t.Errorf("the frame %q sets modes other than the wrap and the cursor", got)
	}
	if !strings.HasSuffix(body, "\x1b[13;19H") {
		t.Errorf("the frame %q does not end with the cursor back at the editor", body)
	}

	// A frame with the cursor hidden is wrapped without showing it.
	out.Reset()
	next.Cursor = nil
	next.Content = strings.Replace(next.Content, "another", "a third", 1)
	paintAll(t, p, next)
	if got := out.String(); !strings.HasPrefix(got, syncOn+cursorHide) || !strings.HasSuffix(got, syncOff) || strings.Contains(got, cursorShow) {
		t.Errorf("a frame without a cursor wrote %q", got)
	}
}

func TestKeyboardEnhancementsArePushedPerScreenAndPoppedOnClose(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, 80, 24)
	room := tea.NewView("the room")
	room.AltScreen = true
	paintAll(t, p, room)
	if want := bracketedPasteOn + graphemesOn + otherKeysOn + altScreenOn + "\x1b[>1u"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("the first frame began %q; want the modes, then the alternate screen with kitty's flags pushed on it: %q", out.String(), want)
	}
	out.Reset()
	room.KeyboardEnhancements.ReportEventTypes = true
	paintAll(t, p, room)
	if got := out.String(); got != "\x1b[=3;1u" {
		t.Errorf("new flags wrote %q; want them set in place", got)
	}
	out.Reset()
	paintAll(t, p, tea.NewView("Goodbye."))
	if got := out.String(); !strings.HasPrefix(got, "\x1b[<1u"+altScreenOff+"\x1b[>1u") {
		t.Errorf("leaving the alternate screen wrote %q; want its flags popped, the main screen, flags pushed there", got)
	}
	out.Reset()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.HasPrefix(got, "\x1b[<1u"+otherKeysOff) || !strings.Contains(got, graphemesOff) {
		t.Errorf("close wrote %q; want the keyboard back as it was", got)
	}
}

func TestRowsLongerThanTheScreenAreCutNotWrapped(t *testing.T) {
	term := vt.NewEmulator(20, 4)
	v := tea.NewView(strings.Repeat("abcdefghij", 5) + "\nsecond\n" + strings.Repeat("x", 19) + "日")
	v.AltScreen = true
	paintAll(t, New(term, 20, 4), v)
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
	paintAll(t, p, big)
	term.Resize(30, 6)
	p.Resize(30, 6)
	small := tea.NewView("smaller\nscreen")
	small.AltScreen = true
	paintAll(t, p, small)
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
	paintAll(t, p, room)
	out.Reset()
	paintAll(t, p, tea.NewView("Goodbye. Everything you saved is kept.\n"))
	if got := out.String(); !strings.Contains(got, altScreenOff) || !strings.Contains(got, syncOn+cursorHide+"Goodbye. Everything you saved is kept.\r\n"+cursorShow+syncOff) {
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

func TestARowWithAWideCharacterIsWrittenWhole(t *testing.T) {
	var out bytes.Buffer
	p := New(&out, 40, 3)
	view := func(row string) tea.View {
		v := tea.NewView("top\n" + row)
		v.AltScreen = true
		return v
	}
	paintAll(t, p, view("🙂 the hall is open"))
	out.Reset()
	paintAll(t, p, view("🙂 the hall is open!"))
	// Row 2, column 1: erased, then every cell of it, since the terminal
	// may measure the emoji otherwise and put the "!" somewhere else.
	if want := syncOn + "\x1b[2H" + eraseLine + "🙂 the hall is open!" + syncOff; out.String() != want {
		t.Errorf("the changed row wrote %q; want %q", out.String(), want)
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

// ctrl+l clears the screen and draws every row again, whatever the screen
// (the model never sees the key), and the model goes on as before.
func TestCtrlLRepaintsTheWholeScreen(t *testing.T) {
	term := vt.NewEmulator(40, 5)
	var out bytes.Buffer
	inner := &counter{}
	m := Wrap(inner, New(io.MultiWriter(&out, term), 40, 5))
	m.Init()
	m.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	// Something else writes over the screen.
	_, _ = term.WriteString("\x1b[2J\x1b[3;5Hnoise")
	out.Reset()
	m.Update(tea.KeyPressMsg{Code: 'l', Mod: tea.ModCtrl})
	got := out.String()
	if inner.n != 1 {
		t.Errorf("the model was given ctrl+l: count %d, want 1", inner.n)
	}
	if !strings.HasPrefix(got, syncOn+cursorHide+clearScreen) || !strings.HasSuffix(got, syncOff) {
		t.Errorf("ctrl+l wrote %q; want a synchronized frame that clears the screen", got)
	}
	for i, row := range strings.Split(inner.View().Content, "\n") {
		if !strings.Contains(got, row) {
			t.Errorf("ctrl+l did not draw row %d, %q: %q", i, row, got)
		}
	}
	if d := differ(snapshot(term), intended(inner.View(), 40, 5)); d != "" {
		t.Errorf("after ctrl+l: %s", d)
	}
	m.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if d := differ(snapshot(term), intended(inner.View(), 40, 5)); inner.n != 2 || d != "" {
		t.Errorf("after ctrl+l the model counted %d (want 2) and the screen: %s", inner.n, d)
	}
}

// counter is a model that counts the messages it is given, on a screen of
// a few rows with the cursor after the count.
type counter struct{ n int }

func (c *counter) Init() tea.Cmd { return nil }
func (c *counter) Update(tea.Msg) (tea.Model, tea.Cmd) {
	c.n++
	return c, nil
}
func (c *counter) View() tea.View {
	v := tea.NewView(fmt.Sprintf("count %d\nsecond row\n\nfourth row", c.n))
	v.AltScreen = true
	v.Cursor = tea.NewCursor(7, 0)
	return v
}

// Between frames, which is most of a session, a painter holds the screen's
// text alone: the cells a frame's rows were parsed into and the bytes it
// wrote are let go once it is written, on either screen, so a room of
// idle people costs no more than their screens' text.
func TestAPainterHoldsOnlyTheScreensTextBetweenFrames(t *testing.T) {
	goodbye := tea.NewView("Goodbye. Everything you saved is kept.")
	for name, views := range map[string][]tea.View{
		"a whole frame":             {busy("The village hall")},
		"a changed row":             {busy("The village hall"), busy("The village hall!")},
		"a row with wide text":      {busy("The village hall"), busy("村のホール")},
		"a goodbye on the main one": {busy("The village hall"), goodbye},
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			p := New(&out, 80, 24)
			paintAll(t, p, views...)
			if p.was != nil || p.now != nil || p.buf.Cap() != 0 {
				t.Errorf("after the frame the painter holds %d and %d cells of room and %d bytes of output", cap(p.was), cap(p.now), p.buf.Cap())
			}
			if out.Len() == 0 {
				t.Error("nothing was written")
			}
		})
	}
}
