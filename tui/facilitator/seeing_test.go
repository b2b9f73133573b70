package facilitator

import (
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestFacilitatorChangesWhatParticipantsSeeOfEachOther(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("seeing live, named")

	fac.Key("s")
	fac.See("What participants see of each other", "(●) Live")
	fac.Key("down") // on reveal
	fac.Key("space")
	fac.See("(●) On reveal", "[✓] Anonymous")
	fac.Key("enter")
	tuitest.Eventually(t, "the settings to change", func() bool { return tuitest.HasEvent(store, sum.ID, inquiry.SettingsChanged) })
	e := tuitest.LastEvent(t, store, sum.ID, inquiry.SettingsChanged)
	if want := (inquiry.Settings{Visibility: inquiry.VisibleOnReveal, Anonymous: true}); *e.Settings != want || e.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("settings %+v by %v, want %+v by the facilitator", *e.Settings, e.Actor, want)
	}
	fac.See("seeing on reveal, anonymous")
}

func TestFacilitatorRevealsTheOpenPrompt(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	open := tuitest.PromptAt(t, 0, 1)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: open}})
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Now open: Discover 2", "seeing on reveal")

	fac.Key("v")
	tuitest.Eventually(t, "the open prompt to be revealed", func() bool { return tuitest.HasEvent(store, sum.ID, inquiry.PromptRevealed) })
	if e := tuitest.LastEvent(t, store, sum.ID, inquiry.PromptRevealed); e.Target != string(open) {
		t.Fatalf("revealed %q, want the open prompt %q", e.Target, open)
	}
	fac.See("✓ Revealed Discover 2")
	fac.Key("o")
	fac.See("What made it work? What did each side bring?", "● open now · revealed")
}
