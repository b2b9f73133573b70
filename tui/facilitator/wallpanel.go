package facilitator

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// The wall display (tui/display) on the room's projector has no keys of
// its own: the facilitator chooses its panel from here, and every display
// of the workshop follows, since the choice is an event in the log.

// wallKey steps the wall displays to their next panel: auto, the prompt
// and its clock, the tally, the vote results, the revealed contributions.
var wallKey = bind("b", "wall", "b")

// nextWallPanel records the panel after the one the wall shows now.
func (m *Screen) nextWallPanel() tea.Cmd {
	next := m.ws.Display().Panel.Next()
	return m.record(inquiry.Event{Type: inquiry.DisplayPanelChosen, Target: string(next)},
		"The wall display now shows "+next.Label()+".", nil)
}
