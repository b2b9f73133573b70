package facilitator

import (
	"context"
	"slices"
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestFacilitatorRunsADotVoteWithLiveResults(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	bo := tuitest.Join(t, store, sum.ID, "Bo")
	transport := addContribution(t, store, sum.ID, ann, tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier), inquiry.Opportunity, "Shared transport for hospital visits")
	rooms := addContribution(t, store, sum.ID, bo, tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier), inquiry.Opportunity, "Open the health centre's rooms in the evening")
	addContribution(t, store, sum.ID, bo, tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier), inquiry.Barrier, "Funding cycles are too short")

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Funding cycles are too short")
	fac.Key("d")
	fac.See("Open a dot vote", "✓Opportunity", "2 contributions to vote on now")
	fac.Type("Which should we start with?")
	fac.Key("tab") // kinds: opportunities, as they are
	fac.Key("tab")
	fac.Key("right")
	fac.Key("right")
	fac.See("◂ 5 ▸ each")
	fac.Key("enter")

	opened := tuitest.LastEventEventually(t, store, sum.ID, inquiry.VoteOpened)
	v := opened.Vote
	if v.Title != "Which should we start with?" || v.Dots != 5 || !slices.Equal(v.Kinds, []inquiry.Kind{inquiry.Opportunity}) || opened.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("opened %+v by %v", *v, opened.Actor)
	}
	fac.See("Dot vote · open", "Which should we start with?", "5 dots each · 0 of 2 voted", "No dots placed yet")

	// Ann places her dots from her own screen.
	_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
		Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: ann},
		Ballot: &inquiry.Ballot{Vote: v.ID, Participant: ann, Dots: map[string]int{transport: 3, rooms: 2}},
	})
	if err != nil {
		t.Fatalf("cast: %v", err)
	}
	fac.See("1 of 2 voted", "   1 ●●● 3 · Ann", "“Shared transport for hospital vis", "   2 ●● 2 · Bo", "“Open the health centre's rooms")

	fac.Key("d")
	fac.See("Close the vote “Which should we start with?”?")
	fac.Key("y")
	closed := tuitest.LastEventEventually(t, store, sum.ID, inquiry.VoteClosed)
	if closed.Target != v.ID {
		t.Fatalf("closed vote %q, want %q", closed.Target, v.ID)
	}
	fac.See("Dot vote · closed", "d opens a new vote", "   1 ●●● 3 · Ann")
}
