package facilitator

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// The details show as much of a contribution's words as the pane has
// room for; f shows them whole, a screenful at a time (issue 10: long
// text can always be read whole somewhere).

// readWhole opens the picked-out contribution's words in a reader.
func (m *Screen) readWhole() {
	c := m.pickedOut()
	if c == nil || c.Erased || c.Withdrawn {
		return
	}
	m.reading = tui.NewReader(c.Kind.Label()+" by "+m.participantName(c.Participant), c.Text)
}

// readKey scrolls the reader, or closes it.
func (m *Screen) readKey(k tea.KeyPressMsg) {
	if !m.reading.Key(k, m.frame.Width, m.frame.Height) {
		m.reading = nil
	}
}
