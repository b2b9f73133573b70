package tui

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

// newPacedRoom opens a real store in a temporary folder with one
// facilitator-led workshop on the default guide.
func newPacedRoom(t *testing.T) (*data.Store, inquiry.Summary) {
	t.Helper()
	store, err := data.Open(data.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = store.Close() })
	guide, ok := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok {
		t.Fatal("the default guide is missing")
	}
	sum, err := store.OpenWorkshop(context.Background(), inquiry.System, inquiry.WorkshopDetails{
		Title: "Anchors and services", Guide: guide, Pacing: inquiry.FacilitatorPaced,
	})
	if err != nil {
		t.Fatalf("open workshop: %v", err)
	}
	return store, sum
}

// contribute records a contribution as its author's screen would, and
// returns its ID.
func contribute(t *testing.T, store *data.Store, ws, who string, prompt inquiry.PromptRef, kind inquiry.Kind, text string, themes ...string) string {
	t.Helper()
	id := fmt.Sprintf("c-%s-%d", who, time.Now().UnixNano())
	_, err := store.Append(context.Background(), ws, inquiry.Event{
		Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: who},
		Contribution: &inquiry.ContributionDetails{ID: id, Participant: who, Prompt: prompt, Kind: kind,
			Text: inquiry.Words{Text: text}, Themes: themes},
	})
	if err != nil {
		t.Fatalf("contribute %q: %v", text, err)
	}
	return id
}

// facilitate records an event in a facilitator's name, as another
// facilitator's screen would.
func facilitate(t *testing.T, store *data.Store, ws string, e inquiry.Event) {
	t.Helper()
	e.Actor = inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:other"}
	if _, err := store.Append(context.Background(), ws, e); err != nil {
		t.Fatalf("%s: %v", e.Type, err)
	}
}

// lastEvent is the workshop's last event of a type, failing the test if
// there is none.
func lastEvent(t *testing.T, store *data.Store, ws string, typ inquiry.EventType) inquiry.Event {
	t.Helper()
	events := store.Events(ws, 0)
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Type == typ {
			return events[i]
		}
	}
	t.Fatalf("no %s event in the log", typ)
	return inquiry.Event{}
}

// hasEvent reports whether the workshop's log holds an event of a type.
func hasEvent(store *data.Store, ws string, typ inquiry.EventType) bool {
	for _, e := range store.Events(ws, 0) {
		if e.Type == typ {
			return true
		}
	}
	return false
}

// promptAt is the default guide's prompt at phase p, prompt q.
func promptAt(t *testing.T, p, q int) inquiry.PromptRef {
	t.Helper()
	g, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	return g.Ref(p, q)
}
