package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"github.com/anchorage/anchorage/tui/grapheme"
	"github.com/anchorage/anchorage/tui/paint"
)

// typeInto presses each key on the editor: single characters (a family
// emoji is one) are typed, longer names are named keys ("ctrl+w",
// "alt+enter").
func typeInto(e *editor, keys ...string) {
	for _, k := range keys {
		if grapheme.Count(k) == 1 {
			e.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
			continue
		}
		e.Update(editorKey(k))
	}
}

// editorKey is the key press a terminal's named key arrives as.
func editorKey(name string) tea.KeyPressMsg {
	var k tea.Key
	for {
		mod, rest, ok := strings.Cut(name, "+")
		if !ok {
			break
		}
		k.Mod |= map[string]tea.KeyMod{"ctrl": tea.ModCtrl, "alt": tea.ModAlt, "shift": tea.ModShift}[mod]
		name = rest
	}
	named := map[string]rune{
		"enter": tea.KeyEnter, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
		"left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp, "down": tea.KeyDown,
		"home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if code, ok := named[name]; ok {
		k.Code = code
	} else {
		k.Code = []rune(name)[0]
	}
	return tea.KeyPressMsg(k)
}

func chars(s string) []string { return strings.Split(s, "") }

func TestEditorKeysEditTheText(t *testing.T) {
	tests := []struct {
		name   string
		keys   []string
		want   string
		cursor int
	}{
		{"typing", chars("hello"), "hello", 5},
		{"backspace", append(chars("hello"), "backspace", "backspace"), "hel", 3},
		{"left then type", append(chars("helo"), "left", "l"), "hello", 4},
		{"home and end", append(chars("world"), "home", "h", "i", " ", "end", "!"), "hi world!", 9},
		{"delete word back", append(chars("shared premises"), "ctrl+w"), "shared ", 7},
		{"word moves", append(chars("one two three"), "alt+b", "alt+b", "ctrl+k"), "one ", 4},
		{"new line", append(chars("a"), "alt+enter", "b"), "a\nb", 3},
		{"ctrl+u clears to line start", append(chars("first"), "alt+enter", "s", "e", "c", "ctrl+u"), "first\n", 6},
		{"delete forward", append(chars("abc"), "home", "delete"), "bc", 0},
		{"ctrl letters are not typed", append(chars("ab"), "ctrl+o", "ctrl+c"), "ab", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEditor("", 0)
			e.Focus()
			typeInto(&e, tt.keys...)
			if e.Value() != tt.want || e.cursor != tt.cursor {
				t.Errorf("text %q cursor %d, want %q cursor %d", e.Value(), e.cursor, tt.want, tt.cursor)
			}
		})
	}
}

func TestEditorUnfocusedIgnoresKeys(t *testing.T) {
	e := newEditor("", 0)
	typeInto(&e, chars("abc")...)
	if e.Value() != "" {
		t.Fatalf("an unfocused editor took %q", e.Value())
	}
}

func TestEditorLimitStopsTypingAndInserting(t *testing.T) {
	e := newEditor("", 5)
	e.Focus()
	typeInto(&e, chars("abcdefg")...)
	if e.Value() != "abcde" {
		t.Fatalf("typed past the limit: %q", e.Value())
	}
	e.Reset()
	if fitted := e.InsertString("0123456789"); fitted || e.Value() != "01234" {
		t.Fatalf("InsertString over the limit = %v, %q", fitted, e.Value())
	}
}

func TestEditorWrapsAtSpacesAndShowsTheCursorRow(t *testing.T) {
	e := newEditor("", 0)
	e.Focus()
	e.SetWidth(len([]rune(gutter)) + 10)
	e.SetHeight(3)
	e.SetValue("community anchors lead locally")
	typeInto(&e, "home")
	want := "┃ community \n┃ anchors \n┃ lead "
	if got := e.View(newStyles()); got != want {
		t.Fatalf("view =\n%q\nwant\n%q", got, want)
	}
	// With the cursor at the end, the view scrolls to show its row.
	typeInto(&e, "end")
	view := e.View(newStyles())
	if !strings.HasSuffix(view, "┃ locally") {
		t.Fatalf("the view does not scroll to the cursor's row:\n%s", view)
	}
	c := e.Cursor()
	if c == nil || c.Y != 2 || c.X != len([]rune(gutter))+len("locally") {
		t.Fatalf("cursor at %+v, want the end of the last row shown", c)
	}
}

func TestEditorUpAndDownFollowWrappedRows(t *testing.T) {
	e := newEditor("", 0)
	e.Focus()
	e.SetWidth(len([]rune(gutter)) + 10)
	e.SetValue("abcdefghij klmno\nxyz")
	// Up from the end of "xyz" lands on the wrapped row above, at the same
	// column; down comes back.
	typeInto(&e, "up")
	rows := e.rows()
	at, col := e.position(rows)
	if at != len(rows)-2 || col != 3 {
		t.Fatalf("after up: row %d col %d of %d rows, want the row above at column 3", at, col, len(rows))
	}
	typeInto(&e, "down")
	if at, col := e.position(e.rows()); at != len(rows)-1 || col != 3 {
		t.Fatalf("after down: row %d col %d, want the last row at column 3", at, col)
	}
}

func TestEditorPlaceholderWhenEmpty(t *testing.T) {
	e := newEditor("Type here", 0)
	e.SetWidth(30)
	e.SetHeight(2)
	if got := ansi.Strip(e.View(newStyles())); got != "┃ Type here\n┃ " {
		t.Fatalf("empty view = %q", got)
	}
}

func TestEditorKeepsALetterThatArrivedJoinedToAnEscape(t *testing.T) {
	e := newEditor("", 0)
	e.Focus()
	// ESC then W read together is reported as alt+shift+w.
	e.Update(tea.KeyPressMsg{Code: 'w', ShiftedCode: 'W', Mod: tea.ModAlt | tea.ModShift})
	typeInto(&e, chars("rite")...)
	if e.Value() != "Write" {
		t.Fatalf("text = %q, want the W kept", e.Value())
	}
}

func TestEditorNewLineKeys(t *testing.T) {
	// ctrl+j is the one every terminal can send (a Mac's Terminal without
	// Option as Meta has no alt+enter); shift+enter arrives where the
	// keyboard enhancements the painter asks for are known.
	for _, key := range []string{"alt+enter", "shift+enter", "ctrl+j"} {
		t.Run(key, func(t *testing.T) {
			e := newEditor("", 0)
			e.Focus()
			typeInto(&e, "a", key, "b")
			if e.Value() != "a\nb" {
				t.Errorf("%s: text %q, want a new line between a and b", key, e.Value())
			}
		})
	}
}

const family = "👨\u200d👩\u200d👧"

func TestEditorMovesAndDeletesWholeCharacters(t *testing.T) {
	for _, c := range []string{family, "🇬🇧", "👍🏽", "e\u0301", "❤️", "日", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"} {
		t.Run(c, func(t *testing.T) {
			e := newEditor("", 0)
			e.Focus()
			e.SetValue("a" + c + "b")
			typeInto(&e, "left", "left")
			if want := 1; e.cursor != want {
				t.Fatalf("two lefts from the end: cursor %d, want %d (before %q)", e.cursor, want, c)
			}
			typeInto(&e, "right")
			if want := 1 + len([]rune(c)); e.cursor != want {
				t.Fatalf("right: cursor %d, want %d (after %q)", e.cursor, want, c)
			}
			typeInto(&e, "backspace")
			if e.Value() != "ab" || e.cursor != 1 {
				t.Fatalf("backspace: %q cursor %d, want %q deleted whole", e.Value(), e.cursor, c)
			}
			e.SetValue("a" + c + "b")
			typeInto(&e, "home", "right", "delete")
			if e.Value() != "ab" {
				t.Fatalf("delete: %q, want %q deleted whole", e.Value(), c)
			}
			e.SetValue("one " + c + c)
			typeInto(&e, "ctrl+w")
			if e.Value() != "one " {
				t.Fatalf("ctrl+w: %q, want the word of %q deleted", e.Value(), c)
			}
		})
	}
}

func TestEditorLimitCountsCharactersNotCodePoints(t *testing.T) {
	e := newEditor("", 3)
	e.Focus()
	typeInto(&e, family, "🇬🇧", "e\u0301", "x")
	if want := family + "🇬🇧e\u0301"; e.Value() != want {
		t.Fatalf("text %q, want three characters kept and the fourth refused", e.Value())
	}
	e.Reset()
	if fitted := e.InsertString(strings.Repeat(family, 4)); fitted || e.Value() != strings.Repeat(family, 3) {
		t.Fatalf("InsertString of four families in a limit of 3 = %v, %q", fitted, e.Value())
	}
	// Accents stacked on one letter are one character, but not without end.
	e = newEditor("", 3)
	e.InsertString("e" + strings.Repeat("\u0301", 100))
	if n := len(e.text); n > 3*runesPerChar {
		t.Fatalf("one letter with 100 accents kept %d code points; want at most %d", n, 3*runesPerChar)
	}
}

func TestEditorTypingJoinsAndCursorStaysBetweenCharacters(t *testing.T) {
	e := newEditor("", 0)
	e.Focus()
	typeInto(&e, "e", "\u0301")
	if e.cursor != 2 {
		t.Fatalf("after e and an accent: cursor %d, want 2 (after the é)", e.cursor)
	}
	typeInto(&e, "left")
	if e.cursor != 0 {
		t.Fatalf("left over é: cursor %d, want 0", e.cursor)
	}
	// One half of a flag typed before another joins into one: the cursor
	// goes after the flag, never inside it.
	e.SetValue("🇧")
	typeInto(&e, "home", "🇬")
	if e.Value() != "🇬🇧" || e.cursor != 2 {
		t.Fatalf("text %q cursor %d, want the flag whole and the cursor after it", e.Value(), e.cursor)
	}
}

func TestEditorWrapsBetweenCharactersNeverInside(t *testing.T) {
	e := newEditor("", 0)
	e.Focus()
	e.SetWidth(gutterWidth + 5)
	e.SetHeight(4)
	e.SetValue(family + family + family + " abc")
	// Three families take six columns: two fit a row of five.
	want := "┃ " + family + family + "\n┃ " + family + " \n┃ abc\n┃ "
	if got := e.View(newStyles()); got != want {
		t.Fatalf("view =\n%q\nwant\n%q", got, want)
	}
	if c := e.Cursor(); c == nil || c.X != gutterWidth+3 || c.Y != 2 {
		t.Fatalf("cursor %+v, want after abc on the third row", c)
	}
	typeInto(&e, "up")
	if at, col := e.position(e.rows()); at != 1 || col != 2 {
		t.Fatalf("up from column 3: row %d col %d, want row 1 column 2 (after the family, not inside it)", at, col)
	}
}

// The cursor the editor asks for sits right after the text as a terminal
// that measures characters draws it, painted by tui/paint: with widths
// added up code point by code point it sat a column left of "I ❤️ it".
func TestEditorCursorFollowsTheTextAsTheTerminalDrawsIt(t *testing.T) {
	for _, text := range []string{"I ❤️ it", family + family + " abc", "日本語 e\u0301", "👍🏽🇬🇧 1️⃣ ok", "Gàidhlig"} {
		t.Run(text, func(t *testing.T) {
			e := newEditor("", 0)
			e.Focus()
			e.SetWidth(30)
			e.SetHeight(2)
			e.SetValue(text)
			term := vt.NewEmulator(30, 2)
			v := tea.NewView(e.View(newStyles()))
			v.AltScreen, v.Cursor = true, e.Cursor()
			if err := paint.New(term, 30, 2).Paint(v); err != nil {
				t.Fatal(err)
			}
			at := term.CursorPosition()
			before := term.CellAt(at.X-1, at.Y)
			if before.Width == 0 && at.X > 1 {
				before = term.CellAt(at.X-2, at.Y) // the second column of a wide character
			}
			last := []rune(text)[len([]rune(text))-1]
			if !strings.ContainsRune(before.Content, last) || term.CellAt(at.X, at.Y).Content != " " {
				t.Fatalf("the cursor is at %v, after %q; want it right after the last character of %q\n%s", at, before.Content, text, term.String())
			}
		})
	}
}
