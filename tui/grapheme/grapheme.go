// Package grapheme is the screens' one model of text on a terminal: text is
// a run of characters as a person sees them, grapheme clusters (an "é" made
// of an e and an accent, a flag, a family joined by zero-width joiners),
// each as many columns wide as a terminal that segments by grapheme draws
// it. The painter (tui/paint) measures rows with it and the editor moves,
// deletes, wraps and places its cursor with it, so the two never disagree
// about where a character ends or how wide it is.
//
// Widths are x/ansi's grapheme widths (clipperhouse's UAX #29 segmenter
// and displaywidth), which x/vt and lipgloss use too, and Bubble Tea's
// renderer on a terminal that reports mode 2027. An emoji made wide by its
// variation selector ("❤️", U+2764 U+FE0F) takes two columns, as it does in
// terminals that segment by grapheme (those that know mode 2027, which the
// painter turns on, and several modern ones by default). Terminals that
// still add up widths code point by code point (xterm among them) draw it
// in one column and a family in six; the painter rewrites whole any row
// holding a wide character, so there they misplace at most the cursor on
// that row, never the rest of the screen.
package grapheme

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Method is the width model for code that decodes escape sequences itself
// (the painter): the same as every function here.
const Method = ansi.GraphemeWidth

// Next returns the first character of s (a grapheme cluster) and the
// columns it takes: 0 for a control character or a mark with nothing to
// join, 1 or 2 for the rest.
func Next(s string) (char string, width int) {
	if s == "" {
		return "", 0
	}
	// Two ASCII bytes always have a character boundary between them (bar
	// CR LF), so text in plain ASCII needs no segmenter.
	if c := s[0]; c < utf8.RuneSelf && (len(s) == 1 || s[1] < utf8.RuneSelf && !(c == '\r' && s[1] == '\n')) {
		if c < ' ' || c == 0x7f {
			return s[:1], 0
		}
		return s[:1], 1
	}
	char, width = ansi.FirstGraphemeCluster(s, Method)
	if i := validPrefix(char); i < len(char) {
		// A terminal shows each broken byte as a character of its own
		// (U+FFFD): the character ends before the first, or is it.
		if i == 0 {
			return s[:1], 1
		}
		return ansi.FirstGraphemeCluster(char[:i], Method)
	}
	return char, width
}

// validPrefix is the length of the UTF-8 that s begins with.
func validPrefix(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
}

// Width is the columns s takes; escape sequences in it take none.
func Width(s string) int { return Method.StringWidth(s) }

// Count is the characters in plain text s, as a person counts them: a
// family emoji, a flag or an accented letter made of two code points is
// one.
func Count(s string) int {
	n := 0
	for s != "" {
		c, _ := Next(s)
		s = s[len(c):]
		n++
	}
	return n
}

// Head is the first n characters of plain text s.
func Head(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		c, _ := Next(s[i:])
		i += len(c)
	}
	return s[:i]
}

// Truncate cuts s, which may be styled, to at most width columns, ending
// with tail where it cut. A character is never split.
func Truncate(s string, width int, tail string) string {
	if width <= 0 {
		return ""
	}
	return Method.Truncate(s, width, tail)
}

// Wrap breaks plain text s into lines no wider than width, at spaces where
// it can and inside a word only when the word is wider than a line. A
// hyphen is not a place to break: a join code ("harbour-4821") read off a
// screen must not be split over two lines. A newline in s ends a line;
// runs of spaces are one space.
func Wrap(s string, width int) []string {
	width = max(width, 1)
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, wrapLine(para, width)...)
	}
	return lines
}

// wrapLine wraps one line of text without newlines.
// breaks reports whether a line may break at r: at a space, but not at
// one that says it does not break (a no-break space keeps "Design 2 · 7
// of 11" on one line).
func breaks(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u2007' && r != '\u202f'
}

func wrapLine(s string, width int) []string {
	var lines []string
	var line strings.Builder
	used := 0
	for _, word := range strings.FieldsFunc(s, breaks) {
		w := Width(word)
		if line.Len() > 0 && used+1+w <= width {
			line.WriteByte(' ')
			line.WriteString(word)
			used += 1 + w
			continue
		}
		if line.Len() > 0 {
			lines = append(lines, line.String())
			line.Reset()
		}
		// A mark at the start of a line has nothing to join (it joined
		// the space the line broke at): a terminal shows nothing of it.
		word = trimLoneMarks(word)
		for w > width { // a word wider than a line is cut where it must be
			head := headWithin(word, width)
			lines = append(lines, head)
			word = trimLoneMarks(word[len(head):])
			w = Width(word)
		}
		line.WriteString(word)
		used = w
	}
	return append(lines, line.String())
}

// trimLoneMarks drops the characters of no width that s starts with.
func trimLoneMarks(s string) string {
	for s != "" {
		c, w := Next(s)
		if w > 0 {
			break
		}
		s = s[len(c):]
	}
	return s
}

// headWithin is the longest start of s no wider than width: at least one
// character, so that a line always moves on.
func headWithin(s string, width int) string {
	i, used := 0, 0
	for i < len(s) {
		c, w := Next(s[i:])
		if used+w > width && i > 0 {
			break
		}
		i += len(c)
		used += w
	}
	return s[:i]
}
