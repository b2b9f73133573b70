package tui

import (
	"strings"
	"unicode"

	"github.com/anchorage/anchorage/inquiry"
)

// cleanTyped is what the editor takes of typed or pasted text: what
// inquiry.CleanText keeps of each character, so that the editor shows the
// words as they will be saved, and never echoes a control character, a C1
// code or a bidirectional override to the writer's own terminal (a key
// can carry any of them; a terminal that does not mark pastes sends a
// paste as keys). What only makes sense beside its neighbours is kept for
// CleanText to judge in context when the words are saved: a combining mark
// (typed after its letter), and the joiners, selectors and tags of an
// emoji.
func cleanTyped(s string) string {
	if plainTyped(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\u200d' || r == '\ufe0e' || r == '\ufe0f' || r >= '\U000e0020' && r <= '\U000e007f':
			b.WriteRune(r) // parts of an emoji
		case unicode.In(r, unicode.M):
			b.WriteRune(r)
		default:
			b.WriteString(inquiry.CleanText(string(r)))
		}
	}
	return b.String()
}

// plainTyped reports whether s is printable ASCII and new lines: nothing
// to clean, the usual key.
func plainTyped(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c >= 0x7f {
			return false
		}
	}
	return true
}
