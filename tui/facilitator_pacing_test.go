package tui

import (
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

func TestFacilitatorOpensTheNextPromptForEveryoneWithItsTimebox(t *testing.T) {
	store, sum := pacedRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 80, 24)
	fac.see("no prompt is open yet")

	fac.key("n")
	eventually(t, "the first prompt to be opened", func() bool { return hasEvent(store, sum.ID, inquiry.PromptOpened) })
	e := lastEvent(t, store, sum.ID, inquiry.PromptOpened)
	if e.Pace.Prompt != promptAt(t, 0, 0) || e.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("opened %q as %v, want the first prompt by the facilitator", e.Pace.Prompt, e.Actor)
	}
	if got := e.Pace.EndsAt.Sub(e.At); got < 9*time.Minute || got > 10*time.Minute {
		t.Fatalf("the timebox ends %s after opening, want the prompt's own 10 minutes", got)
	}
	fac.see("Now open: Discover 1", "⏱", "left", "✓ Opened Discover 1 for everyone")

	fac.key("n")
	eventually(t, "the second prompt to be opened", func() bool {
		return lastEvent(t, store, sum.ID, inquiry.PromptOpened).Pace.Prompt == promptAt(t, 0, 1)
	})
	fac.see("Now open: Discover 2")
}

func TestFacilitatorChoosesAPromptToOpenWithoutItsTimebox(t *testing.T) {
	store, sum := pacedRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("no prompt is open yet")

	fac.key("o")
	fac.see("Open a prompt for everyone", "Timebox on")
	for range 3 {
		fac.key("down") // from Discover 1 to Dream 1
	}
	fac.key("t")
	fac.see("Timebox off")
	fac.key("enter")
	eventually(t, "the chosen prompt to be opened", func() bool { return hasEvent(store, sum.ID, inquiry.PromptOpened) })
	e := lastEvent(t, store, sum.ID, inquiry.PromptOpened)
	if e.Pace.Prompt != promptAt(t, 1, 0) || !e.Pace.EndsAt.IsZero() {
		t.Fatalf("opened %q ending %v, want Dream 1 with no timebox", e.Pace.Prompt, e.Pace.EndsAt)
	}
	fac.see("Now open: Dream 1 · nobody has joined yet")
	if fac.scr.Contains("⏱") {
		t.Fatalf("a prompt opened without a timebox shows a countdown:\n%s", fac.scr.Text())
	}
}

func TestFacilitatorExtendsAndEndsTheTimebox(t *testing.T) {
	store, sum := pacedRoom(t)
	end := time.Now().Add(20 * time.Minute).UTC().Truncate(time.Second)
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: promptAt(t, 0, 0), EndsAt: end}})
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("(ends " + clock(end) + ")")

	for _, step := range []struct {
		key  string
		adds time.Duration
	}{{"+", time.Minute}, {"5", 5 * time.Minute}} {
		end = end.Add(step.adds)
		fac.key(step.key)
		eventually(t, "the timebox to be extended by "+step.key, func() bool {
			return workshop(t, store, sum.ID).Current.EndsAt.Equal(end)
		})
		if e := lastEvent(t, store, sum.ID, inquiry.TimeboxChanged); e.Actor.Role != inquiry.RoleFacilitator {
			t.Fatalf("the timebox was changed by %v", e.Actor)
		}
		fac.see("(ends " + clock(end) + ")")
	}

	fac.key("0")
	eventually(t, "the timebox to be ended", func() bool {
		return lastEvent(t, store, sum.ID, inquiry.TimeboxChanged).Pace.EndsAt.IsZero()
	})
	fac.see("⏱ time is up")
}

func TestCountdownTicksOnlyWhileATimeboxRuns(t *testing.T) {
	store, sum := pacedRoom(t)
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: promptAt(t, 0, 0), EndsAt: time.Now().Add(time.Hour)}})
	m := NewFacilitator(facilitatorSession(t, store, sum.Code)).(*Facilitator)
	if m.tick() == nil {
		t.Fatal("a running timebox asks for no tick")
	}
	if m.tick() != nil {
		t.Fatal("a second countdown started beside the first")
	}
	if _, cmd := m.Update(roomTickMsg{}); cmd == nil {
		t.Fatal("the countdown stopped while the timebox still runs")
	}

	record(t, store, sum.ID, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: promptAt(t, 0, 0)}})
	m.catchUp()
	if _, cmd := m.Update(roomTickMsg{}); cmd != nil {
		t.Fatal("the countdown keeps ticking after the timebox ended")
	}
	if got := m.countdown(); got != "time is up" {
		t.Fatalf("an ended timebox shows %q", got)
	}
}

func TestFacilitatorSeesWhoHasAnsweredTheOpenPrompt(t *testing.T) {
	store, sum := pacedRoom(t)
	open := promptAt(t, 0, 0)
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: open}})
	ann := joinDirectly(t, store, sum.ID, "Ann")
	bo := joinDirectly(t, store, sum.ID, "Bo")
	joinDirectly(t, store, sum.ID, "Cy")
	addContribution(t, store, sum.ID, ann, open, inquiry.Story, "The food bank and the GP surgery shared a van")

	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("1 of 3 have answered")
	fac.key("tab")
	fac.key("tab")
	fac.see("▸ People", "✓ Ann", "  Bo", "  Cy")

	addContribution(t, store, sum.ID, bo, open, inquiry.Strength, "Volunteers who know every street")
	fac.see("2 of 3 have answered", "✓ Bo")
	if fac.scr.Contains("✓ Cy") {
		t.Fatalf("Cy is marked as having answered:\n%s", fac.scr.Text())
	}

	// The line of who is here marks them too.
	_, leave := store.Enter(sum.ID, inquiry.Presence{Session: "ann-1", Role: inquiry.RoleParticipant, Participant: ann, Name: "Ann", Prompt: open})
	t.Cleanup(leave)
	fac.see("Here now: ✓Ann (Discover 1)")
}

func TestOpeningAPromptInASelfPacedWorkshopSaysWhyNot(t *testing.T) {
	store, sum := newRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("Self-paced")
	fac.key("n")
	fac.see("Not saved: participants pace themselves in this workshop.")
	if hasEvent(store, sum.ID, inquiry.PromptOpened) {
		t.Fatal("a self-paced workshop had a prompt opened for everyone")
	}
}
