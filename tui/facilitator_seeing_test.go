package tui

import (
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

func TestFacilitatorChangesWhatParticipantsSeeOfEachOther(t *testing.T) {
	store, sum := pacedRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("seeing live, named")

	fac.key("s")
	fac.see("What participants see of each other", "(●) Live")
	fac.key("down") // on reveal
	fac.key("space")
	fac.see("(●) On reveal", "[✓] Anonymous")
	fac.key("enter")
	eventually(t, "the settings to change", func() bool { return hasEvent(store, sum.ID, inquiry.SettingsChanged) })
	e := lastEvent(t, store, sum.ID, inquiry.SettingsChanged)
	if want := (inquiry.Settings{Visibility: inquiry.VisibleOnReveal, Anonymous: true}); *e.Settings != want || e.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("settings %+v by %v, want %+v by the facilitator", *e.Settings, e.Actor, want)
	}
	fac.see("seeing on reveal, anonymous")
}

func TestFacilitatorRevealsTheOpenPrompt(t *testing.T) {
	store, sum := pacedRoom(t)
	open := promptAt(t, 0, 1)
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal}})
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: open}})
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("Now open: Discover 2", "seeing on reveal")

	fac.key("v")
	eventually(t, "the open prompt to be revealed", func() bool { return hasEvent(store, sum.ID, inquiry.PromptRevealed) })
	if e := lastEvent(t, store, sum.ID, inquiry.PromptRevealed); e.Target != string(open) {
		t.Fatalf("revealed %q, want the open prompt %q", e.Target, open)
	}
	fac.see("✓ Revealed Discover 2")
	fac.key("o")
	fac.see("What made it work? What did each side bring?", "● open now · revealed")
}
