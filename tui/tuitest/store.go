package tuitest

import (
	"context"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Store is a room that tests also fold whole, as they can the server's
// store (data.Store), which tests of screens use for what the store does
// that a MemRoom does not: its rules for retries and erasure, its bells,
// drafts and resume codes.
type Store interface {
	tui.Room
	Workshop(id string) (*inquiry.Workshop, error)
}

// Facilitator is whom tests act as when they pace, curate and record
// events: the facilitator whose screen is under test.
var Facilitator = inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:test"}

// Folded is the workshop as the store folds its whole log, as an export
// would.
func Folded(t testing.TB, s Store, id string) *inquiry.Workshop {
	t.Helper()
	ws, err := s.Workshop(id)
	if err != nil {
		t.Fatalf("read workshop: %v", err)
	}
	return ws
}

// Record appends an event as Facilitator, unless it names its actor; a
// refusal fails the test.
func Record(t testing.TB, room tui.Room, ws string, e inquiry.Event) inquiry.Event {
	t.Helper()
	if e.Actor.Role == "" {
		e.Actor = Facilitator
	}
	got, err := room.Append(context.Background(), ws, e)
	if err != nil {
		t.Fatalf("append %s: %v", e.Type, err)
	}
	return got
}

// ParticipantSession is a session of someone without a key who connected
// with the code, on an 80x24 terminal; it ends with the test.
func ParticipantSession(t testing.TB, room tui.Room, code string) tui.Session {
	return tui.Session{ID: "s-" + t.Name(), Context: t.Context(), Room: room, Code: code, Width: 80, Height: 24}
}

// FacilitatorSession is Facilitator's session, with the code or without,
// on a 100x30 terminal; it ends with the test.
func FacilitatorSession(t testing.TB, room tui.Room, code string) tui.Session {
	return tui.Session{ID: "f-" + t.Name(), Context: t.Context(), Room: room, Code: code, Width: 100, Height: 30,
		Actor: Facilitator}
}

// Join records a participant joining the room, as their screen would, and
// returns their ID ("p-" and the name).
func Join(t testing.TB, room tui.Room, ws, name string) string {
	t.Helper()
	id := "p-" + name
	Record(t, room, ws, inquiry.Event{
		Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
		Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: name}, ConsentAt: time.Now()},
	})
	return id
}

// Contribute records a participant's contribution straight into the room,
// as their own screen would.
func Contribute(t testing.TB, room tui.Room, ws, participant, id string, ref inquiry.PromptRef, kind inquiry.Kind, text string, themes ...string) {
	t.Helper()
	Record(t, room, ws, inquiry.Event{
		Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: participant},
		Contribution: &inquiry.ContributionDetails{ID: id, Participant: participant, Prompt: ref, Kind: kind,
			Text: inquiry.Words{Text: text}, Themes: themes},
	})
}

// LastEvent is the workshop's last event of a type, failing the test if
// there is none.
func LastEvent(t testing.TB, room tui.Room, ws string, typ inquiry.EventType) inquiry.Event {
	t.Helper()
	if e, ok := lastEvent(room, ws, typ); ok {
		return e
	}
	t.Fatalf("no %s event in the log", typ)
	return inquiry.Event{}
}

// LastEventEventually waits for the workshop's log to hold an event of a
// type, and returns the last.
func LastEventEventually(t testing.TB, room tui.Room, ws string, typ inquiry.EventType) inquiry.Event {
	t.Helper()
	Eventually(t, "a "+string(typ)+" event in the log", func() bool { return HasEvent(room, ws, typ) })
	return LastEvent(t, room, ws, typ)
}

// HasEvent reports whether the workshop's log holds an event of a type.
func HasEvent(room tui.Room, ws string, typ inquiry.EventType) bool {
	_, ok := lastEvent(room, ws, typ)
	return ok
}

func lastEvent(room tui.Room, ws string, typ inquiry.EventType) (inquiry.Event, bool) {
	events := room.Events(ws, 0)
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Type == typ {
			return events[i], true
		}
	}
	return inquiry.Event{}, false
}
