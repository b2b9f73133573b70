package tui

import (
	"context"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

func TestFacilitatorErasesAParticipantOnlyAfterConfirming(t *testing.T) {
	store, sum := newRoom(t)
	g, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	ann := joinDirectly(t, store, sum.ID, "Ann")
	joinDirectly(t, store, sum.ID, "Bo")
	addContribution(t, store, sum.ID, ann, designPrompt(t, g), inquiry.Opportunity, "My neighbour's story about the clinic")

	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 80, 24)
	fac.key("e")
	fac.see("To erase someone, pick them in the people pane first")
	fac.key("tab")
	fac.key("tab")
	fac.see("▸ People", "▸   Ann · away")

	fac.key("e")
	fac.see("Erase Ann for good?", "y erase Ann for good")
	fac.key("enter") // not a yes
	fac.key("n")
	fac.see("Nothing was changed.")
	if hasEvent(store, sum.ID, inquiry.ParticipantErased) {
		t.Fatal("Ann was erased without a yes")
	}

	fac.key("e")
	fac.see("Erase Ann for good?")
	fac.key("y")
	e := lastEventEventually(t, store, sum.ID, inquiry.ParticipantErased)
	if e.Target != ann || e.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("erased %s by %v, want Ann by the facilitator", e.Target, e.Actor)
	}
	fac.see("(erased)", "Bo · away")
	fac.key("shift+tab")
	fac.key("shift+tab")
	fac.see("(erased at the author's request)")
	if fac.scr.Contains("clinic") {
		t.Fatalf("the erased participant's words are still on screen:\n%s", fac.scr.Text())
	}
}

func TestPeoplePaneShowsWhoWithdrewAndWhoIsScribed(t *testing.T) {
	store, sum := newRoom(t)
	cy := joinDirectly(t, store, sum.ID, "Cy")
	_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
		Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:other"},
		Participant: &inquiry.ParticipantDetails{ID: "table-1", Name: inquiry.Words{Text: "Table 1"}, ConsentAt: stampTime(), Scribed: true},
	})
	if err != nil {
		t.Fatalf("scribed join: %v", err)
	}
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 80, 24)
	fac.key("tab")
	fac.key("tab")
	fac.see("Cy · away", "Table 1 · scribed")

	_, err = store.Append(context.Background(), sum.ID, inquiry.Event{
		Type: inquiry.ParticipantWithdrawn, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: cy}, Target: cy,
	})
	if err != nil {
		t.Fatalf("withdraw: %v", err)
	}
	fac.see("Cy (withdrew)")
}
