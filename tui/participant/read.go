package participant

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// The lists of others' words and of a vote show each contribution on a
// line or two. Before building on one or placing dots on it, a person can
// open it and read it whole: the words wrapped to the window, scrolling
// if they are longer than it.

// reading is a contribution opened to be read whole.
type reading struct {
	head, text string
	top        int // the first line shown
}

// readKeys scroll the words and close them.
var readKeys = struct{ Scroll, Close key.Binding }{
	Scroll: bind("↑↓", "scroll", "up", "down", "pgup", "pgdown"),
	Close:  bind("esc", "back to the list", "esc", "r", "q", "enter"),
}

// readWhole opens a contribution to read whole.
func (m *Screen) readWhole(head, text string) {
	m.reading = &reading{head: head, text: text}
}

// updateReading handles a key while a contribution is open; it reports
// false when none is.
func (m *Screen) updateReading(msg tea.Msg) bool {
	r := m.reading
	if r == nil {
		return false
	}
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, readKeys.Close):
		m.reading = nil
	case key.Matches(k, readKeys.Scroll):
		lines := len(tui.Wrap(r.text, m.readingWidth()))
		page := max(m.readingRows()-1, 1)
		tui.MoveIn(&r.top, max(lines-m.readingRows()+1, 1), k, page)
	}
	return true
}

func (m *Screen) readingWidth() int { return max(m.frame.Width-2, 10) }

// readingRows is how many lines of words fit between the head and the
// line of keys.
func (m *Screen) readingRows() int { return max(m.frame.Height-4, 1) }

// viewReading draws the contribution open to be read.
func (m *Screen) viewReading() string {
	w, h, r := m.frame.Width, m.frame.Height, m.reading
	lines := tui.Wrap(r.text, m.readingWidth())
	rows := m.readingRows()
	top := min(r.top, max(len(lines)-rows, 0))
	var b tui.Lines
	where := ""
	if len(lines) > rows {
		where = m.say("read.lines", "from", top+1, "to", min(top+rows, len(lines)), "n", len(lines))
	}
	b.Line(tui.TwoSides(tui.Accent.Render(r.head), tui.Dim.Render(where), w))
	b.Line(tui.Rule(w))
	for _, l := range lines[top:min(top+rows, len(lines))] {
		b.Line("  " + l)
	}
	b.Fill(h - 1)
	keys := []key.Binding{readKeys.Close, tui.Leave}
	if len(lines) > rows {
		keys = []key.Binding{readKeys.Scroll, readKeys.Close, tui.Leave}
	}
	b.Line(tui.Footer(w, m.keys(keys...)...))
	return b.String()
}
