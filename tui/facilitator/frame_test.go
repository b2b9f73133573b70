package facilitator

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestRoomIsDrawnAfreshForANewSize: a room drawn while the window was too
// small, or for another size, is never what the next size shows.
func TestRoomIsDrawnAfreshForANewSize(t *testing.T) {
	store, sum := datatest.Workshop(t)
	s := tuitest.FacilitatorSession(t, store, sum.Code)
	s.Width, s.Height = 20, 5
	m := New(s)
	m.Update(tui.BellMsg{}) // the room rings while the window is tiny
	if v := m.View(); !strings.Contains(v.Content, "Too small") {
		t.Fatalf("a 20x5 window shows:\n%s", v.Content)
	}
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "Anchorage · Anchors and services") || !strings.Contains(v, "Live contributions, newest first") {
		t.Fatalf("after growing to 100x30 the room shows:\n%s", v)
	}
}
