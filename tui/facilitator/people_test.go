package facilitator

import (
	"context"
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestFacilitatorErasesAParticipantOnlyAfterConfirming(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	tuitest.Join(t, store, sum.ID, "Bo")
	addContribution(t, store, sum.ID, ann, tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier), inquiry.Opportunity, "My neighbour's story about the clinic")

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 80, 24)
	fac.Key("e")
	fac.See("To erase someone, pick them in the people pane first")
	fac.Key("tab")
	fac.Key("tab")
	fac.See("▸ People", "▸   Ann · away")

	fac.Key("e")
	fac.See("Erase Ann for good?", "y erase Ann for good")
	fac.Key("enter") // not a yes
	fac.Key("n")
	fac.See("Nothing was changed.")
	if tuitest.HasEvent(store, sum.ID, inquiry.ParticipantErased) {
		t.Fatal("Ann was erased without a yes")
	}

	fac.Key("e")
	fac.See("Erase Ann for good?")
	fac.Key("y")
	e := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ParticipantErased)
	if e.Target != ann || e.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("erased %s by %v, want Ann by the facilitator", e.Target, e.Actor)
	}
	fac.See("(erased)", "Bo · away")
	fac.Key("shift+tab")
	fac.Key("shift+tab")
	fac.See("(erased at the author's request)")
	if fac.Screen.Contains("clinic") {
		t.Fatalf("the erased participant's words are still on screen:\n%s", fac.Screen.Text())
	}
}

func TestPeoplePaneShowsWhoWithdrewAndWhoIsScribed(t *testing.T) {
	store, sum := datatest.Workshop(t)
	cy := tuitest.Join(t, store, sum.ID, "Cy")
	_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
		Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:other"},
		Participant: &inquiry.ParticipantDetails{ID: "table-1", Name: inquiry.Words{Text: "Table 1"}, ConsentAt: stampTime(), Scribed: true},
	})
	if err != nil {
		t.Fatalf("scribed join: %v", err)
	}
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 80, 24)
	fac.Key("tab")
	fac.Key("tab")
	fac.See("Cy · away", "Table 1 · scribed")

	_, err = store.Append(context.Background(), sum.ID, inquiry.Event{
		Type: inquiry.ParticipantWithdrawn, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: cy}, Target: cy,
	})
	if err != nil {
		t.Fatalf("withdraw: %v", err)
	}
	fac.See("Cy (withdrew)")
}
