package plain

import (
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/grapheme"
)

// marker is what stands at the start of the line the person types on, so
// that on a dumb terminal they can see where their words go.
const marker = "> "

// maxLine bounds what one line can hold: the longest answer (a
// contribution) with room to spare. The question says what is too long.
const maxLine = 2 * inquiry.MaxTextRunes

// editor is the line being typed and what the terminal shows of it. The
// client's terminal is in raw mode, so the server echoes every character
// typed and rubs characters out itself: with a backspace, a space and a
// backspace, the one thing every terminal does alike. Nothing else is
// written, so the line works on a teletype, a dumb terminal and a screen
// reader alike.
type editor struct {
	text  string
	width int // the terminal's columns, to know where its lines wrap
}

// insert adds typed or pasted text, made one clean line, and returns what
// to echo.
func (e *editor) insert(s string) string {
	s = strings.ReplaceAll(inquiry.CleanText(s), "\n", " ")
	if room := maxLine - inquiry.RuneCount(e.text); inquiry.RuneCount(s) > room {
		s = string([]rune(s)[:max(room, 0)])
	}
	e.text += s
	return s
}

// backspace rubs out the last character and returns what undoes it on the
// terminal. A character on an earlier row of a wrapped line cannot be
// reached by backspacing (most terminals stop at the margin), so then the
// line is written again, whole, on a fresh line.
func (e *editor) backspace() string {
	if e.text == "" {
		return ""
	}
	last, w := lastChar(e.text)
	e.text = e.text[:len(e.text)-len(last)]
	end := grapheme.Width(marker) + grapheme.Width(e.text) + w // where the cursor stood
	if e.width > 0 && (end%e.width == 0 || (end-w)/e.width != (end-1)/e.width) {
		return "\r\n" + marker + e.text
	}
	if w == 0 {
		return ""
	}
	back := strings.Repeat("\b", w)
	return back + strings.Repeat(" ", w) + back
}

// rubOut empties the line and returns what shows it empty: a fresh line,
// which is quicker to read than a row of rubbed-out characters.
func (e *editor) rubOut() string {
	if e.text == "" {
		return ""
	}
	e.text = ""
	return "\r\n" + marker
}

// wordBack rubs out the last word and the spaces after it.
func (e *editor) wordBack() string {
	trimmed := strings.TrimRight(e.text, " ")
	cut := strings.LastIndex(trimmed, " ") + 1
	var echo strings.Builder
	for len(e.text) > cut {
		echo.WriteString(e.backspace())
	}
	return echo.String()
}

// take returns the line as typed and empties it.
func (e *editor) take() string {
	s := e.text
	e.text = ""
	return s
}

func (e *editor) empty() bool { return e.text == "" }

// lastChar is the last character of s and the columns it takes.
func lastChar(s string) (string, int) {
	var char string
	var width int
	for s != "" {
		char, width = grapheme.Next(s)
		s = s[len(char):]
	}
	return char, width
}
