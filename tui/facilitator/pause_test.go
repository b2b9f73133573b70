package facilitator

import (
	"testing"
	"time"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestFacilitatorTakesAMinuteOffAndPausesTheTimebox: - takes a minute
// off, space pauses every screen's clock (the countdown stops ticking and
// says it is paused) and starts it again with the time that was left.
func TestFacilitatorTakesAMinuteOffAndPausesTheTimebox(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	end := time.Now().Add(20 * time.Minute).UTC().Truncate(time.Second)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 0, 0), EndsAt: end}})
	m := New(tuitest.FacilitatorSession(t, store, sum.Code))
	fac := tuitest.Run(t, m, 100, 30)
	fac.See("(ends "+clock(end)+")", "space pause")

	fac.Key("-")
	end = end.Add(-time.Minute)
	tuitest.Eventually(t, "a minute to be taken off", func() bool {
		return tuitest.Folded(t, store, sum.ID).Timebox().EndsAt.Equal(end)
	})
	fac.See("(ends "+clock(end)+")", "✓ Took off 1 min")

	fac.Key("space")
	tuitest.LastEventEventually(t, store, sum.ID, inquiry.TimeboxPaused)
	fac.See("⏸", "left, paused", "space resume", "✓ Paused with")
	// A screen of its own, so the test does not reach into the running one.
	if paused := (&Screen{ws: tuitest.Folded(t, store, sum.ID)}); paused.tick() != nil {
		t.Fatal("the countdown asks for ticks while the clock is paused")
	}

	fac.Key("+")
	fac.See("left when the clock resumes")
	fac.Key("space")
	tuitest.LastEventEventually(t, store, sum.ID, inquiry.TimeboxResumed)
	fac.See("✓ The clock runs again", "space pause")
	if tb := tuitest.Folded(t, store, sum.ID).Timebox(); tb.Paused() || tb.Remaining(time.Now()) < 19*time.Minute {
		t.Fatalf("after pausing, a minute more and resuming the clock has %s left (paused %v), want about 20 minutes", tb.Remaining(time.Now()), tb.Paused())
	}
}

func TestAMinuteOffTheLastMinuteEndsTheTimebox(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 0, 0), EndsAt: time.Now().Add(40 * time.Second)}})
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("⏱ 0:")
	fac.Key("-")
	fac.See("✓ Took off 1 min: time is up on every screen.", "⏱ time is up")
	if !tuitest.Folded(t, store, sum.ID).Timebox().Up(time.Now()) {
		t.Fatal("a minute off the last 40 seconds left time on the clock")
	}
}
