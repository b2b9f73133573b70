package participant

import (
	"context"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestLatecomerJoinsWhileATimeboxRuns is issue 10's first finding: someone
// arriving with the code after the facilitator opened a prompt with its
// timebox, or after its time was up, reaches the join form and then the
// opened prompt with its clock, without a key and coming back with a
// resume code alike.
func TestLatecomerJoinsWhileATimeboxRuns(t *testing.T) {
	for _, tc := range []struct {
		name string
		ends time.Duration
		see  string
	}{
		{"time left", 5 * time.Minute, "left · Discover 2 · 2 of 11"},
		{"time up", -time.Minute, "time is up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, sum := datatest.LedWorkshop(t)
			guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened,
				Pace: &inquiry.Pace{Prompt: guide.Ref(0, 1), EndsAt: time.Now().Add(tc.ends)}})

			first := tuitest.ParticipantSession(t, store, sum.Code)
			ctx, drop := context.WithCancel(context.Background())
			first.Context = ctx
			tt := tuitest.Run(t, New(first), 80, 24)
			tt.FillJoinForm("Late")
			tt.See(tc.see)
			drop()

			ws := tuitest.Folded(t, store, sum.ID)
			code, err := store.ResumeCode(sum.ID, ws.Participants[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			again := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
			again.See("ctrl+r to give your resume code")
			again.Key("ctrl+r")
			again.Type(code)
			again.Key("enter")
			again.See("Welcome back, Late", tc.see)
		})
	}
}

// TestNoClockBeforeTheGuide: a screen still at the join form has no prompt
// on screen, so it starts no countdown, however the room is paced.
func TestNoClockBeforeTheGuide(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened,
		Pace: &inquiry.Pace{Prompt: guide.Ref(0, 0), EndsAt: time.Now().Add(time.Minute)}})
	m := New(tui.Session{ID: "late", Room: store, Code: sum.Code, Width: 80, Height: 24}).(*Screen)
	if cmd := m.clock(); cmd != nil || m.ticking {
		t.Fatal("the join form started a countdown")
	}
}
