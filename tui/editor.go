package tui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"
)

// editor is the multi-line text box a contribution is written in: soft
// wrapping at word boundaries, a real terminal cursor, and the movements
// and deletions people expect from a text box. It is small on purpose:
// every participant session holds one, and a general-purpose text area
// reserves hundreds of kilobytes up front (bubbles' textarea allocates room
// for ten thousand lines), which a thousand sessions cannot afford.
type editor struct {
	text        []rune
	cursor      int // index into text
	limit       int // maximum runes; 0 for none
	width       int // columns, the gutter included
	height      int // rows shown
	top         int // first visual line shown
	placeholder string
	focused     bool
}

// gutter marks each row of the editor, so the text box is visible on a
// terminal without colour.
const gutter = "┃ "

func newEditor(placeholder string, limit int) editor {
	return editor{placeholder: placeholder, limit: limit, width: 40, height: 3}
}

// Value is the text as typed.
func (e *editor) Value() string { return string(e.text) }

// SetValue replaces the text and puts the cursor at its end.
func (e *editor) SetValue(s string) {
	e.text = []rune(s)
	if e.limit > 0 && len(e.text) > e.limit {
		e.text = e.text[:e.limit]
	}
	e.cursor = len(e.text)
}

// Reset empties the editor.
func (e *editor) Reset() { e.text, e.cursor, e.top = nil, 0, 0 }

func (e *editor) Focus() { e.focused = true }
func (e *editor) Blur()  { e.focused = false }

func (e *editor) SetWidth(w int)  { e.width = max(w, len(gutter)+1) }
func (e *editor) SetHeight(h int) { e.height = max(h, 1) }

// InsertString inserts text at the cursor, as much as the limit allows.
// It reports whether all of it fitted.
func (e *editor) InsertString(s string) bool {
	r := []rune(s)
	fitted := true
	if e.limit > 0 && len(e.text)+len(r) > e.limit {
		r, fitted = r[:max(e.limit-len(e.text), 0)], false
	}
	e.text = append(e.text[:e.cursor], append(r, e.text[e.cursor:]...)...)
	e.cursor += len(r)
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
	case "alt+enter", "shift+enter", "ctrl+j":
		e.InsertString("\n")
	case "backspace", "ctrl+h":
		if e.cursor > 0 {
			e.remove(e.cursor-1, e.cursor)
		}
	case "delete", "ctrl+d":
		if e.cursor < len(e.text) {
			e.remove(e.cursor, e.cursor+1)
		}
	case "left", "ctrl+b":
		e.cursor = max(e.cursor-1, 0)
	case "right", "ctrl+f":
		e.cursor = min(e.cursor+1, len(e.text))
	case "up", "ctrl+p":
		e.moveLine(-1)
	case "down", "ctrl+n":
		e.moveLine(1)
	case "home", "ctrl+a":
		e.cursor = e.lineStart()
	case "end", "ctrl+e":
		e.cursor = e.lineEnd()
	case "alt+left", "ctrl+left", "alt+b":
		e.cursor = e.wordBack()
	case "alt+right", "ctrl+right", "alt+f":
		e.cursor = e.wordForward()
	case "alt+backspace", "ctrl+w", "ctrl+backspace":
		e.remove(e.wordBack(), e.cursor)
	case "ctrl+k":
		e.remove(e.cursor, e.lineEnd())
	case "ctrl+u":
		e.remove(e.lineStart(), e.cursor)
	default:
		text := typed(k)
		if text == "" {
			return false
		}
		e.InsertString(text)
	}
	return len(e.text) != before || k.Text != ""
}

// remove deletes text[from:to] and leaves the cursor at from.
func (e *editor) remove(from, to int) {
	if from >= to {
		return
	}
	e.text = append(e.text[:from], e.text[to:]...)
	e.cursor = from
}

// lineStart and lineEnd find the ends of the typed line (not the wrapped
// row) the cursor is on.
func (e *editor) lineStart() int {
	i := e.cursor
	for i > 0 && e.text[i-1] != '\n' {
		i--
	}
	return i
}

func (e *editor) lineEnd() int {
	i := e.cursor
	for i < len(e.text) && e.text[i] != '\n' {
		i++
	}
	return i
}

func (e *editor) wordBack() int {
	i := e.cursor
	for i > 0 && unicode.IsSpace(e.text[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(e.text[i-1]) {
		i--
	}
	return i
}

func (e *editor) wordForward() int {
	i := e.cursor
	for i < len(e.text) && unicode.IsSpace(e.text[i]) {
		i++
	}
	for i < len(e.text) && !unicode.IsSpace(e.text[i]) {
		i++
	}
	return i
}

// row is one wrapped line on screen: text[start:end].
type row struct{ start, end int }

// rows wraps the text to the editor's width, breaking after spaces where
// it can and inside a word only when the word is wider than a row.
func (e *editor) rows() []row {
	w := e.width - len([]rune(gutter))
	var rows []row
	start := 0
	for start <= len(e.text) {
		end, cols, lastSpace := start, 0, -1
		for end < len(e.text) && e.text[end] != '\n' {
			rw := runewidth.RuneWidth(e.text[end])
			if cols+rw > w {
				break
			}
			cols += rw
			if e.text[end] == ' ' {
				lastSpace = end
			}
			end++
		}
		switch {
		case end < len(e.text) && e.text[end] == '\n':
			rows = append(rows, row{start, end})
			start = end + 1
			continue
		case end == len(e.text):
			rows = append(rows, row{start, end})
			return rows
		case lastSpace >= start:
			end = lastSpace + 1 // break after the space
		case end == start:
			end++ // a character wider than the row: show it alone
		}
		rows = append(rows, row{start, end})
		start = end
	}
	return rows
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
			return i, runewidth.StringWidth(string(e.text[r.start:e.cursor]))
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
	i, cols := r.start, 0
	for i < r.end {
		rw := runewidth.RuneWidth(e.text[i])
		if cols+rw > col {
			break
		}
		cols += rw
		i++
	}
	if i == r.end && i > r.start && !e.endsLine(rows, to) {
		i-- // the end of a wrapped row is the start of the next: stay on this one
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
		lines = append(lines, gutter+st.dim.Render(Fit(e.placeholder, e.width-len([]rune(gutter)))))
	} else {
		rows := e.rows()
		e.scroll(rows)
		for i := e.top; i < len(rows) && len(lines) < e.height; i++ {
			r := rows[i]
			lines = append(lines, gutter+strings.TrimRight(string(e.text[r.start:r.end]), "\n"))
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
	c := tea.NewCursor(len([]rune(gutter))+col, at-e.top)
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
