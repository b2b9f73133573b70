package participant

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/grapheme"
)

// noteFull tells the writer when what they typed did not all fit: a
// terminal that does not mark pastes sends a long paste as keys, and the
// editor stops at the limit. Saying so, and where it stopped, keeps the
// end of a paste from being lost unnoticed.
func (m *Screen) noteFull(k tea.KeyPressMsg) {
	c := &m.compose
	if k.Text == "" || c.form.Focus() != tui.FieldText {
		return
	}
	words := c.form.Words()
	// A character is at least one byte: below the limit in bytes, the
	// characters need no counting.
	if len(words) < inquiry.MaxTextRunes || grapheme.Count(words) < inquiry.MaxTextRunes {
		return
	}
	m.notice = tui.Notice{Text: m.count("guide.full", inquiry.MaxTextRunes, "end", lastWords(words, 24)), Bad: true}
}

// lastWords is the end of a text, about n characters from a word's start,
// on one line.
func lastWords(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	tail := string(r[len(r)-n:])
	if i := strings.IndexByte(tail, ' '); i >= 0 && i < len(tail)-1 {
		tail = tail[i+1:]
	}
	return "…" + tail
}
