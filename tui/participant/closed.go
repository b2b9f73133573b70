package participant

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// arriveClosed ends the screen of someone arriving at a closed workshop,
// with a sentence that says so: nothing can be joined or saved there, and
// a join form would only fail at its end. In English it is
// inquiry.ClosedSentence, as a scribe is told it.
func (m *Screen) arriveClosed(sum inquiry.Summary) tea.Cmd {
	return m.frame.End(m.say("session.closed", "title", sum.Title))
}
