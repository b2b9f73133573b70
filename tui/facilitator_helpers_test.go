package tui

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

// addContribution records a contribution with themes, as its author's
// screen would, and returns its ID.
func addContribution(t *testing.T, store *data.Store, ws, who string, prompt inquiry.PromptRef, kind inquiry.Kind, text string, themes ...string) string {
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
