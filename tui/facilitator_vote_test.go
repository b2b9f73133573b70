package tui

import (
	"context"
	"slices"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

func TestFacilitatorRunsADotVoteWithLiveResults(t *testing.T) {
	store, sum := newRoom(t)
	g, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	ann := joinDirectly(t, store, sum.ID, "Ann")
	bo := joinDirectly(t, store, sum.ID, "Bo")
	transport := addContribution(t, store, sum.ID, ann, designPrompt(t, g), inquiry.Opportunity, "Shared transport for hospital visits")
	rooms := addContribution(t, store, sum.ID, bo, designPrompt(t, g), inquiry.Opportunity, "Open the health centre's rooms in the evening")
	addContribution(t, store, sum.ID, bo, designPrompt(t, g), inquiry.Barrier, "Funding cycles are too short")

	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("Funding cycles are too short")
	fac.key("d")
	fac.see("Open a dot vote", "✓Opportunity", "2 contributions to vote on now")
	fac.typeText("Which should we start with?")
	fac.key("tab") // kinds: opportunities, as they are
	fac.key("tab")
	fac.key("right")
	fac.key("right")
	fac.see("◂ 5 ▸ each")
	fac.key("enter")

	opened := lastEventEventually(t, store, sum.ID, inquiry.VoteOpened)
	v := opened.Vote
	if v.Title != "Which should we start with?" || v.Dots != 5 || !slices.Equal(v.Kinds, []inquiry.Kind{inquiry.Opportunity}) || opened.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("opened %+v by %v", *v, opened.Actor)
	}
	fac.see("Dot vote · open", "Which should we start with?", "5 dots each · 0 of 2 voted", "No dots placed yet")

	// Ann places her dots from her own screen.
	_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
		Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: ann},
		Ballot: &inquiry.Ballot{Vote: v.ID, Participant: ann, Dots: map[string]int{transport: 3, rooms: 2}},
	})
	if err != nil {
		t.Fatalf("cast: %v", err)
	}
	fac.see("1 of 2 voted", "   1 ●●● 3 · Ann", "“Shared transport for hospital vis", "   2 ●● 2 · Bo", "“Open the health centre's rooms")

	fac.key("d")
	fac.see("Close the vote “Which should we start with?”?")
	fac.key("y")
	closed := lastEventEventually(t, store, sum.ID, inquiry.VoteClosed)
	if closed.Target != v.ID {
		t.Fatalf("closed vote %q, want %q", closed.Target, v.ID)
	}
	fac.see("Dot vote · closed", "d opens a new vote", "   1 ●●● 3 · Ann")
}
