package data

import (
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// The events that came with agreements, undone merges, organisation
// changes and pausing: a retry after a lost acknowledgement gets the
// event that recorded it the first time, not an error.
func TestRepeatsOfAgreementsAndUndoneMergesReturnTheOriginal(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0002")
	mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, joining("bob"))
	mustAppend(t, s, ws.ID, adding("ann", "c1", "Shared budgets"))
	mustAppend(t, s, ws.ID, adding("bob", "c2", "Budgets we share"))
	bob := inquiry.Actor{Role: inquiry.RoleParticipant, ID: "bob"}
	agreeing := inquiry.Event{Type: inquiry.ContributionAgreed, Actor: bob, Target: "c1", Agreement: &inquiry.Agreement{Participant: "bob"}}
	agreed := mustAppend(t, s, ws.ID, agreeing)
	merging := inquiry.Event{Type: inquiry.ContributionMerged, Actor: host, Target: "c2", Curation: &inquiry.Curation{Into: "c1"}}
	mustAppend(t, s, ws.ID, merging)
	undoing := inquiry.Event{Type: inquiry.ContributionUnmerged, Actor: host, Target: "c2", Curation: &inquiry.Curation{Into: "c1"}}
	undone := mustAppend(t, s, ws.ID, undoing)
	profiling := inquiry.Event{Type: inquiry.OrganisationChanged, Actor: bob, Target: "bob", Profile: &inquiry.Profile{Organisation: "Funder"}}
	profiled := mustAppend(t, s, ws.ID, profiling)
	withdrawing := inquiry.Event{Type: inquiry.AgreementWithdrawn, Actor: bob, Target: "c1", Agreement: &inquiry.Agreement{Participant: "bob"}}
	withdrawn := mustAppend(t, s, ws.ID, withdrawing)

	tests := []struct {
		name   string
		repeat inquiry.Event
		want   inquiry.Event
	}{
		{"an undone merge undone again", undoing, undone},
		{"the same organisation again", profiling, profiled},
		{"an agreement taken back twice", withdrawing, withdrawn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustAppend(t, s, ws.ID, tt.repeat)
			if got.Seq != tt.want.Seq || got.Hash != tt.want.Hash {
				t.Errorf("got event %d, want the original %d", got.Seq, tt.want.Seq)
			}
		})
	}
	// Agreeing again after taking it back is a new agreement, not a repeat.
	again := mustAppend(t, s, ws.ID, agreeing)
	if again.Seq == agreed.Seq {
		t.Errorf("agreeing again after taking it back returned the first agreement")
	}
	if got := mustAppend(t, s, ws.ID, agreeing); got.Seq != again.Seq {
		t.Errorf("a retried agreement = event %d, want %d", got.Seq, again.Seq)
	}
	checkLog(t, s, ws.ID, 11)
}
