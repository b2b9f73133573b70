package tui

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui/grapheme"
)

// editor is the multi-line text box a contribution is written in: soft
// wrapping at word boundaries, a real terminal cursor, and the movements
// and deletions people expect from a text box. It is small on purpose:
// every participant session holds one, and a general-purpose text area
// reserves hundreds of kilobytes up front (bubbles' textarea allocates room
// for ten thousand lines), which a thousand sessions cannot afford.
//
// It works in characters as a person sees them (grapheme clusters, see
// tui/grapheme), measured as the painter measures them: left and right
// step over a flag or a family emoji whole, backspace deletes one whole,
// the limit counts it once, and the cursor sits where the terminal draws
// the next character.
type editor struct {
	text        []rune
	cursor      int // index into text, always at the start of a character
	limit       int // maximum characters; 0 for none
	width       int // columns, the gutter included
	height      int // rows shown
	top         int // first visual line shown
	placeholder string
	focused     bool
}

// gutter marks each row of the editor, so the text box is visible on a
// terminal without colour.
const gutter = "┃ "

// runesPerChar bounds the code points the text may hold, per character of
// the limit: room for any emoji people type (a family with skin tones, the
// flag of Scotland, seven code points), while accents stacked without end on
// one letter, a single character, cannot make a draft of megabytes.
const runesPerChar = 8

var gutterWidth = grapheme.Width(gutter)

func newEditor(placeholder string, limit int) editor {
	return editor{placeholder: placeholder, limit: limit, width: 40, height: 3}
}

// Value is the text as typed.
func (e *editor) Value() string { return string(e.text) }

// SetValue replaces the text and puts the cursor at its end.
func (e *editor) SetValue(s string) {
	e.text, e.cursor = e.text[:0], 0
	e.InsertString(s)
}

// Reset empties the editor.
func (e *editor) Reset() { e.text, e.cursor, e.top = nil, 0, 0 }

func (e *editor) Focus() { e.focused = true }
func (e *editor) Blur()  { e.focused = false }

func (e *editor) SetWidth(w int)  { e.width = max(w, gutterWidth+1) }
func (e *editor) SetHeight(h int) { e.height = max(h, 1) }

// InsertString inserts text at the cursor, cleaned (cleanTyped), as much
// as the limit allows, and leaves the cursor after it. It reports whether
// all of it fitted.
func (e *editor) InsertString(s string) bool {
	s = cleanTyped(s)
	r := []rune(s)
	fitted := true
	// A character is at least one code point, so characters need counting
	// only when the code points alone would pass the limit.
	if e.limit > 0 && len(e.text)+len(r) > e.limit {
		if room := max(e.limit-grapheme.Count(string(e.text)), 0); grapheme.Count(s) > room {
			r, fitted = []rune(grapheme.Head(s, room)), false
		}
		if room := e.limit*runesPerChar - len(e.text); len(r) > room {
			r, fitted = r[:max(room, 0)], false
		}
	}
	e.text = append(e.text[:e.cursor], append(r, e.text[e.cursor:]...)...)
	e.cursor += len(r)
	// What was inserted can join the character after it (a letter before
	// an accent that stood alone, one half of a flag before the other):
	// the cursor goes after the whole character.
	if e.cursor < len(e.text) {
		if c := e.charAt(e.cursor); c.start < e.cursor {
			e.cursor = c.end
		}
	}
	return fitted
}

// Update applies a key press and reports whether the text changed.
func (e *editor) Update(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || !e.focused {
		return false
	}
	before := len(e.text)
	switch k.String() {
	// ctrl+j is a new line (LF) on every terminal, one without alt
	// (a Mac's Terminal without Option as Meta) or shift+enter included.
	case "alt+enter", "shift+enter", "ctrl+j":
		e.InsertString("\n")
	case "backspace", "ctrl+h":
		if e.cursor > 0 {
			e.remove(e.charAt(e.cursor-1).start, e.cursor)
		}
	case "delete", "ctrl+d":
		if e.cursor < len(e.text) {
			e.remove(e.cursor, e.charAt(e.cursor).end)
		}
	case "left", "ctrl+b":
		if e.cursor > 0 {
			e.cursor = e.charAt(e.cursor - 1).start
		}
	case "right", "ctrl+f":
		if e.cursor < len(e.text) {
			e.cursor = e.charAt(e.cursor).end
		}
	case "up", "ctrl+p":
		e.moveLine(-1)
	case "down", "ctrl+n":
		e.moveLine(1)
	case "home", "ctrl+a":
		e.cursor = e.startOfLine(e.cursor)
	case "end", "ctrl+e":
		e.cursor = e.endOfLine(e.cursor)
	case "alt+left", "ctrl+left", "alt+b":
		e.cursor = e.wordBack()
	case "alt+right", "ctrl+right", "alt+f":
		e.cursor = e.wordForward()
	case "alt+backspace", "ctrl+w", "ctrl+backspace":
		e.remove(e.wordBack(), e.cursor)
	case "ctrl+k":
		e.remove(e.cursor, e.endOfLine(e.cursor))
	case "ctrl+u":
		e.remove(e.startOfLine(e.cursor), e.cursor)
	default:
		text := typed(k)
		if text == "" {
			return false
		}
		e.InsertString(text)
	}
	return len(e.text) != before || k.Text != ""
}

// remove deletes text[from:to] and leaves the cursor at from, or at the
// start of the character from now falls in, if what was either side of
// the cut joined into one.
func (e *editor) remove(from, to int) {
	if from >= to {
		return
	}
	e.text = append(e.text[:from], e.text[to:]...)
	e.cursor = from
	if from < len(e.text) {
		e.cursor = e.charAt(from).start
	}
}

// char is one character of the text, text[start:end], and the columns it
// takes.
type char struct{ start, end, width int }

// chars walks the characters of text[from:to]; from and to must be
// character boundaries (a line's ends always are: a new line is a
// character of its own).
func (e *editor) chars(from, to int) iter.Seq[char] {
	return func(yield func(char) bool) {
		s := string(e.text[from:to])
		for i := from; s != ""; {
			c, w := grapheme.Next(s)
			n := 1
			if len(c) > 1 {
				n = utf8.RuneCountInString(c)
			}
			if !yield(char{i, i + n, w}) {
				return
			}
			i, s = i+n, s[len(c):]
		}
	}
}

// charAt is the character that text[i] is part of.
func (e *editor) charAt(i int) char {
	for c := range e.chars(e.startOfLine(i), e.endOfLine(i)) {
		if c.end > i {
			return c
		}
	}
	return char{i, i + 1, 0} // i is the line's new line
}

func (e *editor) isSpace(at int) bool { return unicode.IsSpace(e.text[at]) }

// startOfLine and endOfLine find the ends of the typed line (not the
// wrapped row) holding text[i]: after the new line before it, and at the
// new line after it or the end of the text.
func (e *editor) startOfLine(i int) int {
	for i > 0 && e.text[i-1] != '\n' {
		i--
	}
	return i
}

func (e *editor) endOfLine(i int) int {
	for i < len(e.text) && e.text[i] != '\n' {
		i++
	}
	return i
}

// wordBack is where the word before the cursor starts; wordForward where
// the word after it ends.
func (e *editor) wordBack() int {
	var at []int // where each character before the cursor starts
	for c := range e.chars(0, e.cursor) {
		at = append(at, c.start)
	}
	i := len(at)
	for i > 0 && e.isSpace(at[i-1]) {
		i--
	}
	for i > 0 && !e.isSpace(at[i-1]) {
		i--
	}
	if i == len(at) {
		return e.cursor
	}
	return at[i]
}

func (e *editor) wordForward() int {
	i, space := e.cursor, true
	for c := range e.chars(e.cursor, len(e.text)) {
		if !space && e.isSpace(c.start) {
			break
		}
		space = space && e.isSpace(c.start)
		i = c.end
	}
	return i
}

// row is one wrapped line on screen: text[start:end].
type row struct{ start, end int }

// rows wraps the text to the editor's width, breaking after spaces where
// it can and inside a word only when the word is wider than a row, and
// never inside a character.
func (e *editor) rows() []row {
	w := e.width - gutterWidth
	var rows []row
	start, cols := 0, 0
	space, afterSpace := -1, 0 // where the row's last space ends; the columns after it
	for c := range e.chars(0, len(e.text)) {
		if e.text[c.start] == '\n' {
			rows = append(rows, row{start, c.start})
			start, cols, space = c.end, 0, -1
			continue
		}
		for cols+c.width > w && c.start > start {
			if space > start {
				rows = append(rows, row{start, space}) // break after the space
				start, cols = space, afterSpace
			} else {
				rows = append(rows, row{start, c.start}) // a word wider than the row
				start, cols = c.start, 0
			}
			space = -1
		}
		// A character wider than the row is shown alone on it.
		cols += c.width
		if e.isSpace(c.start) {
			space, afterSpace = c.end, 0
		} else {
			afterSpace += c.width
		}
	}
	return append(rows, row{start, len(e.text)})
}

// position is the cursor's row and column among the wrapped rows. At the
// end of a soft-wrapped row the cursor belongs to the start of the next;
// at the end of a typed line or of the text it stays on its row.
func (e *editor) position(rows []row) (int, int) {
	for i, r := range rows {
		if e.cursor < r.start {
			break
		}
		if e.cursor < r.end || e.cursor == r.end && e.endsLine(rows, i) {
			col := 0
			for c := range e.chars(r.start, e.cursor) {
				col += c.width
			}
			return i, col
		}
	}
	return len(rows) - 1, 0
}

// endsLine reports whether row i ends a typed line or the text, rather
// than wrapping onto the next row.
func (e *editor) endsLine(rows []row, i int) bool {
	return i == len(rows)-1 || e.text[rows[i].end] == '\n'
}

// moveLine moves the cursor up or down a wrapped row, keeping its column
// as near as the row allows.
func (e *editor) moveLine(delta int) {
	rows := e.rows()
	at, col := e.position(rows)
	to := at + delta
	if to < 0 || to >= len(rows) {
		return
	}
	r := rows[to]
	i, cols, last := r.start, 0, r.start
	for c := range e.chars(r.start, r.end) {
		if cols+c.width > col {
			break
		}
		cols += c.width
		last, i = c.start, c.end
	}
	if i == r.end && i > r.start && !e.endsLine(rows, to) {
		i = last // the end of a wrapped row is the start of the next: stay on this one
	}
	e.cursor = i
}

// scroll keeps the cursor's row in view.
func (e *editor) scroll(rows []row) int {
	at, _ := e.position(rows)
	if at < e.top {
		e.top = at
	}
	if at >= e.top+e.height {
		e.top = at - e.height + 1
	}
	e.top = min(e.top, max(len(rows)-e.height, 0))
	return at
}

// View draws the rows in view, each behind the gutter; the placeholder
// when empty.
func (e *editor) View(st styles) string {
	lines := make([]string, 0, e.height)
	if len(e.text) == 0 {
		lines = append(lines, gutter+st.dim.Render(grapheme.Truncate(e.placeholder, e.width-gutterWidth, "…")))
	} else {
		rows := e.rows()
		e.scroll(rows)
		for i := e.top; i < len(rows) && len(lines) < e.height; i++ {
			r := rows[i]
			lines = append(lines, gutter+string(e.text[r.start:r.end]))
		}
	}
	for len(lines) < e.height {
		lines = append(lines, gutter)
	}
	return strings.Join(lines, "\n")
}

// Cursor is where the terminal's cursor goes, relative to the editor's top
// left corner; nil when the editor does not have the focus.
func (e *editor) Cursor() *tea.Cursor {
	if !e.focused {
		return nil
	}
	rows := e.rows()
	at := e.scroll(rows)
	_, col := e.position(rows)
	c := tea.NewCursor(gutterWidth+col, at-e.top)
	c.Blink = false
	return c
}

// typed is the text a key press puts in the editor, if any. Alt with a
// character counts as the character: a terminal sends alt as ESC before the
// key, so an Escape pressed just before typing can arrive joined to the
// next letter ("alt+shift+w"), and that letter was typed all the same.
func typed(k tea.KeyPressMsg) string {
	if k.Mod.Contains(tea.ModCtrl) {
		return ""
	}
	if k.Text != "" {
		return k.Text
	}
	if !k.Mod.Contains(tea.ModAlt) || !unicode.IsPrint(k.Code) {
		return ""
	}
	if k.Mod.Contains(tea.ModShift) && k.ShiftedCode != 0 {
		return string(k.ShiftedCode)
	}
	return string(k.Code)
}
