package facilitator

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestFacilitatorOpensTheNextPromptForEveryoneWithItsTimebox(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 80, 24)
	fac.See("no prompt is open yet")

	fac.Key("n")
	tuitest.Eventually(t, "the first prompt to be opened", func() bool { return tuitest.HasEvent(store, sum.ID, inquiry.PromptOpened) })
	e := tuitest.LastEvent(t, store, sum.ID, inquiry.PromptOpened)
	if e.Pace.Prompt != tuitest.PromptAt(t, 0, 0) || e.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("opened %q as %v, want the first prompt by the facilitator", e.Pace.Prompt, e.Actor)
	}
	if got := e.Pace.EndsAt.Sub(e.At); got < 9*time.Minute || got > 10*time.Minute {
		t.Fatalf("the timebox ends %s after opening, want the prompt's own 10 minutes", got)
	}
	fac.See("Now open: Discover 1 · 1 of 11", "⏱", "left", "✓ Opened Discover 1 · 1 of 11 for everyone")

	fac.Key("n")
	tuitest.Eventually(t, "the second prompt to be opened", func() bool {
		return tuitest.LastEvent(t, store, sum.ID, inquiry.PromptOpened).Pace.Prompt == tuitest.PromptAt(t, 0, 1)
	})
	fac.See("Now open: Discover 2")
}

func TestFacilitatorChoosesAPromptToOpenWithoutItsTimebox(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("no prompt is open yet")

	fac.Key("o")
	fac.See("Open a prompt for everyone", "Timebox on")
	for range 3 {
		fac.Key("down") // from Discover 1 to Dream 1
	}
	fac.Key("t")
	fac.See("Timebox off")
	fac.Key("enter")
	tuitest.Eventually(t, "the chosen prompt to be opened", func() bool { return tuitest.HasEvent(store, sum.ID, inquiry.PromptOpened) })
	e := tuitest.LastEvent(t, store, sum.ID, inquiry.PromptOpened)
	if e.Pace.Prompt != tuitest.PromptAt(t, 1, 0) || !e.Pace.EndsAt.IsZero() {
		t.Fatalf("opened %q ending %v, want Dream 1 with no timebox", e.Pace.Prompt, e.Pace.EndsAt)
	}
	fac.See("Now open: Dream 1 · 4 of 11 · nobody has joined yet")
	if fac.Screen.Contains("⏱") {
		t.Fatalf("a prompt opened without a timebox shows a countdown:\n%s", fac.Screen.Text())
	}
}

func TestFacilitatorExtendsAndEndsTheTimebox(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	end := time.Now().Add(20 * time.Minute).UTC().Truncate(time.Second)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 0, 0), EndsAt: end}})
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("(ends " + clock(end) + ")")

	for _, step := range []struct {
		key  string
		adds time.Duration
	}{{"+", time.Minute}, {"5", 5 * time.Minute}} {
		end = end.Add(step.adds)
		fac.Key(step.key)
		tuitest.Eventually(t, "the timebox to be extended by "+step.key, func() bool {
			return tuitest.Folded(t, store, sum.ID).Current.EndsAt.Equal(end)
		})
		if e := tuitest.LastEvent(t, store, sum.ID, inquiry.TimeboxChanged); e.Actor.Role != inquiry.RoleFacilitator {
			t.Fatalf("the timebox was changed by %v", e.Actor)
		}
		fac.See("(ends " + clock(end) + ")")
	}

	fac.Key("0")
	tuitest.Eventually(t, "the timebox to be ended", func() bool {
		return tuitest.LastEvent(t, store, sum.ID, inquiry.TimeboxChanged).Pace.EndsAt.IsZero()
	})
	fac.See("⏱ time is up")
}

func TestCountdownTicksOnlyWhileATimeboxRuns(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 0, 0), EndsAt: time.Now().Add(time.Hour)}})
	m := New(tuitest.FacilitatorSession(t, store, sum.Code)).(*Screen)
	var first, second tea.Cmd
	m.inRoom(func() { first, second = m.tick(), m.tick() })
	if first == nil {
		t.Fatal("a running timebox asks for no tick")
	}
	if second != nil {
		t.Fatal("a second countdown started beside the first")
	}
	if _, cmd := m.Update(roomTickMsg{}); cmd == nil {
		t.Fatal("the countdown stopped while the timebox still runs")
	}

	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 0, 0)}})
	if _, cmd := m.Update(roomTickMsg{}); cmd != nil {
		t.Fatal("the countdown keeps ticking after the timebox ended")
	}
	var got string
	m.inRoom(func() { got = m.countdown() })
	if got != "time is up" {
		t.Fatalf("an ended timebox shows %q", got)
	}
}

func TestFacilitatorSeesWhoHasAnsweredTheOpenPrompt(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	open := tuitest.PromptAt(t, 0, 0)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: open}})
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	bo := tuitest.Join(t, store, sum.ID, "Bo")
	tuitest.Join(t, store, sum.ID, "Cy")
	addContribution(t, store, sum.ID, ann, open, inquiry.Story, "The food bank and the GP surgery shared a van")

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("1 of 3 have answered")
	fac.Key("tab")
	fac.Key("tab")
	fac.See("▸ People", "✓ Ann", "  Bo", "  Cy")

	addContribution(t, store, sum.ID, bo, open, inquiry.Strength, "Volunteers who know every street")
	fac.See("2 of 3 have answered", "✓ Bo")
	if fac.Screen.Contains("✓ Cy") {
		t.Fatalf("Cy is marked as having answered:\n%s", fac.Screen.Text())
	}

	// The line of who is here marks them too.
	_, leave := store.Enter(sum.ID, inquiry.Presence{Session: "ann-1", Role: inquiry.RoleParticipant, Participant: ann, Name: "Ann", Prompt: open})
	t.Cleanup(leave)
	fac.See("Here now: ✓Ann (Discover 1)")
}

func TestOpeningAPromptInASelfPacedWorkshopSaysWhyNot(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Self-paced")
	fac.Key("n")
	fac.See("This workshop is self-paced: each participant moves on when ready")
	if tuitest.HasEvent(store, sum.ID, inquiry.PromptOpened) {
		t.Fatal("a self-paced workshop had a prompt opened for everyone")
	}
}
