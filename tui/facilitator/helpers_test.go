package facilitator

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// newRoom opens a real store with one self-paced workshop on the default
// guide.
func newRoom(t *testing.T) (*data.Store, inquiry.Summary) {
	t.Helper()
	store := datatest.Open(t)
	return store, tuitest.OpenWorkshop(t, store, "Anchors and services", inquiry.SelfPaced)
}

// pacedRoom opens a facilitator-led workshop on the default guide.
func pacedRoom(t *testing.T) (*data.Store, inquiry.Summary) {
	t.Helper()
	store := datatest.Open(t)
	return store, tuitest.OpenWorkshop(t, store, "Led together", inquiry.FacilitatorPaced)
}

// session is a facilitator's session (tuitest.Facilitator's) in the room,
// on a 100x30 terminal, with a join code or without.
func session(t *testing.T, room tui.Room, code string) tui.Session {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return tui.Session{ID: "f-" + t.Name(), Context: ctx, Room: room, Code: code, Width: 100, Height: 30,
		Actor: tuitest.Facilitator}
}

// participantSession is a participant's session in the room with a code.
func participantSession(t *testing.T, room tui.Room, code string) tui.Session {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return tui.Session{ID: "s-" + t.Name(), Context: ctx, Room: room, Code: code, Width: 80, Height: 24}
}

// addContribution records a contribution with themes, as its author's
// screen would, and returns its ID.
func addContribution(t *testing.T, store tui.Room, ws, who string, prompt inquiry.PromptRef, kind inquiry.Kind, text string, themes ...string) string {
	t.Helper()
	id := fmt.Sprintf("c-%s-%d", who, time.Now().UnixNano())
	tuitest.Contribute(t, store, ws, who, id, prompt, kind, text, themes...)
	return id
}

// ring records an event in a room held in memory, as the facilitator
// unless it names its actor, and rings the screen.
func ring(t *testing.T, r *tuitest.MemRoom, m *Screen, e inquiry.Event) {
	t.Helper()
	r.Record(t, e)
	m.Update(tui.BellMsg{})
}
