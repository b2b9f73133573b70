package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui/words"
)

// Reader shows one text whole, wrapped to the window, a screenful at a
// time: where a list cuts people's words to a line or two, they can be
// read in full before building on them or placing dots (issue 10).
type Reader struct {
	title, text string
	top         int
	say         words.Words // the language of its own words
}

// ReaderKeys scroll a Reader and close it.
var ReaderKeys = struct{ Scroll, Close key.Binding }{
	Scroll: Bind("↑↓/pgdn", "scroll", "up", "down", "pgup", "pgdown", "home", "end"),
	Close:  Bind("esc", "back", "esc", "q", "enter"),
}

// NewReader is a reader of text, under a title that says whose it is,
// its own words in English.
func NewReader(title, text string) *Reader { return NewReaderIn(english(), title, text) }

// NewReaderIn is NewReader with its own words (where it is in the text,
// its keys) in a language: a participant's.
func NewReaderIn(say words.Words, title, text string) *Reader {
	return &Reader{title: title, text: text, say: say}
}

// Key scrolls the text in a window h rows high, and reports whether the
// reader stays open (esc, q and enter close it).
func (r *Reader) Key(k tea.KeyPressMsg, w, h int) (open bool) {
	if key.Matches(k, ReaderKeys.Close) {
		return false
	}
	body := readerBody(h)
	if delta, ok := Move(k, body); ok {
		r.top = min(max(r.top+max(min(delta, 1<<20), -1<<20), 0), max(len(r.lines(w))-body, 0))
	}
	return true
}

// readerBody is the rows a reader's text has in a window h rows high:
// the rest are its title, a rule and its keys.
func readerBody(h int) int { return max(h-3, 1) }

func (r *Reader) lines(w int) []string {
	var out []string
	for _, para := range strings.Split(r.text, "\n") {
		out = append(out, Wrap(para, w)...)
	}
	return out
}

// View draws the reader in a window w x h.
func (r *Reader) View(w, h int) string {
	lines := r.lines(w)
	body := readerBody(h)
	top := min(r.top, max(len(lines)-body, 0))
	shown := lines[top:min(top+body, len(lines))]
	where := r.say.Say("read.lines", "from", top+1, "to", top+len(shown), "n", len(lines))
	if len(lines) <= body {
		where = r.say.Say("read.all")
	}
	var b Lines
	b.Line(TwoSides(Title.Render(r.title), Dim.Render(where), w))
	b.Line(Rule(w))
	for _, l := range shown {
		b.Line(l)
	}
	b.Fill(h - 1)
	b.Line(Footer(w, KeysIn(r.say, ReaderKeys.Scroll, ReaderKeys.Close, Leave)...))
	return b.String()
}
