package participant

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

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

// session is a participant's session in the room with a code.
func session(t *testing.T, room tui.Room, code string) tui.Session {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return tui.Session{ID: "s-" + t.Name(), Context: ctx, Room: room, Code: code, Width: 80, Height: 24}
}

// joined is a participant's screen that has joined the room through the
// join form, at the first prompt of the guide, driven without a program.
func joined(tb testing.TB, room *tuitest.MemRoom) *Screen {
	tb.Helper()
	m := New(tui.Session{ID: "p-bench", Room: room, Code: room.Workshop().Code, Width: 80, Height: 24}).(*Screen)
	for _, r := range "Ann" {
		m.Update(tuitest.Key(string(r)))
	}
	m.Update(tuitest.Key("enter"))
	m.Update(tuitest.Key("tab"))
	m.Update(tuitest.Key("space"))
	_, join := m.Update(tuitest.Key("enter"))
	if join == nil {
		tb.Fatal("the join form did not submit")
	}
	m.Update(join())
	if m.stage != stageGuide {
		tb.Fatalf("the participant did not reach the guide: %q", m.notice.Text)
	}
	return m
}

// ring records an event in a room held in memory, as a facilitator unless
// it names its actor, and rings the screen.
func ring(t *testing.T, r *tuitest.MemRoom, m tea.Model, e inquiry.Event) {
	t.Helper()
	r.Record(t, e)
	m.Update(tui.BellMsg{})
}
