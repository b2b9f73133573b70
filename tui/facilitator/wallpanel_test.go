package facilitator

import (
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/display"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestTheFacilitatorStepsTheWallDisplaysPanel: b in the room records the
// next panel, and a wall display of the workshop follows it.
func TestTheFacilitatorStepsTheWallDisplaysPanel(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Live contributions")
	wallSession := tuitest.FacilitatorSession(t, store, sum.Code)
	wallSession.ID, wallSession.Width, wallSession.Height = "wall", 80, 24
	wall := tuitest.Run(t, display.New(wallSession, display.Join{Host: "192.168.1.20", Port: "23234"}), 80, 24)
	wall.See("Self-paced: everyone moves through the guide")

	for _, step := range []struct {
		panel inquiry.Panel
		wall  string
	}{
		{inquiry.PanelPrompt, "Self-paced: everyone moves through the guide"},
		{inquiry.PanelTally, "No opportunities or barriers yet."},
		{inquiry.PanelVotes, "No vote has closed yet."},
		{inquiry.PanelReveals, "Nothing has been revealed yet."},
		{inquiry.PanelAuto, "Self-paced: everyone moves through the guide"},
	} {
		fac.Key("b")
		fac.See("✓ The wall display now shows " + step.panel.Label())
		if got := tuitest.LastEvent(t, store, sum.ID, inquiry.DisplayPanelChosen); got.Target != string(step.panel) || got.Actor != tuitest.Facilitator {
			t.Fatalf("b recorded %+v, want %s by the facilitator", got, step.panel)
		}
		wall.See(step.wall)
	}
}
