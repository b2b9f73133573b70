package facilitator

import (
	"testing"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestTheRoomOpensFromTheSharedFoldAlone: a facilitator opening a big
// workshop indexes the store's shared fold and reads only the events
// published after it, never the log from its start, which the store keeps
// only a tail of decoded (issue 15).
func TestTheRoomOpensFromTheSharedFoldAlone(t *testing.T) {
	room := &tuitest.EventReads{MemRoom: tuitest.NewMemRoom(t, 60, 2000, inquiry.SelfPaced)}
	head := uint64(room.Shown())
	m := New(tui.Session{
		ID: "f-open", Room: room, Code: room.Workshop().Code, Width: 80, Height: 24,
		Actor: inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:open"},
	}).(*Screen)
	m.View()
	room.Ring(t, m, room.ContributionEvent(3, 2001))
	m.View()
	if len(room.After) == 0 {
		t.Fatal("the room read no events at all: the new contribution was not taken in")
	}
	for _, after := range room.After {
		if after < head {
			t.Fatalf("the room read the log from event %d; the shared fold was at %d (reads from: %v)", after, head, room.After)
		}
	}
}
