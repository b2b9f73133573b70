package participant

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// The lists of others' words and of a vote show each contribution on a
// line or two. Before building on one or placing dots on it, a person can
// open it (r) and read it whole in tui's reader, the one the
// facilitator's details use too: the words wrapped to the window, a
// screenful at a time.

// readWhole opens a contribution to read whole.
func (m *Screen) readWhole(head, text string) {
	m.reading = tui.NewReaderIn(m.words(), head, text)
}

// updateReading handles a key while a contribution is open; it reports
// false when none is.
func (m *Screen) updateReading(msg tea.Msg) bool {
	if m.reading == nil {
		return false
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.reading.Key(k, m.frame.Width, m.frame.Height) {
		m.reading = nil
	}
	return true
}

// viewReading draws the contribution open to be read.
func (m *Screen) viewReading() string {
	return m.reading.View(m.frame.Width, m.frame.Height)
}
