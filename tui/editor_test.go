package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// typeInto presses each key on the editor: single characters are typed,
// longer names are named keys.
func typeInto(e *editor, keys ...string) {
	for _, k := range keys {
		if len([]rune(k)) == 1 {
			e.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
			continue
		}
		e.Update(keyPress(k))
	}
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
