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
	fac.See("Open a dot vote", "✓Opportunity", "2 contributions on the ballot now (opportunities)")
	fac.Type("Which should we start with?")
	fac.Key("tab") // kinds: opportunities, as they are
	fac.Key("tab") // any prompt
	fac.Key("tab") // not only the highlighted
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
	fac.See("Dot vote · open", "Which should we start with?", "Over opportunities", "5 dots each · 0 of 2 voted", "No dots placed yet")

	// Ann places her dots from her own screen.
	_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
		Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: ann},
		Ballot: &inquiry.Ballot{Vote: v.ID, Participant: ann, Dots: map[string]int{transport: 3, rooms: 2}},
	})
	if err != nil {
		t.Fatalf("cast: %v", err)
	}
	fac.See("1 of 2 voted", "   1 ●●● 3 · Ann", "“Shared transport for hospital vis", "   2 ●●  2 · Bo", "“Open the health centre's rooms")

	fac.Key("d")
	fac.See("Close the vote “Which should we start with?”?")
	fac.Key("y")
	closed := tuitest.LastEventEventually(t, store, sum.ID, inquiry.VoteClosed)
	if closed.Target != v.ID {
		t.Fatalf("closed vote %q, want %q", closed.Target, v.ID)
	}
	fac.See("Dot vote · closed", "d opens a new vote", "   1 ●●● 3 · Ann")
}

// TestVoteFormLimitsTheBallot: the vote form limits a vote to kinds
// (reframes among them), to one prompt, or to the highlighted ones; it
// counts the ballot as every participant will see it before it opens,
// and the vote opened carries the limits.
func TestVoteFormLimitsTheBallot(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	bo := tuitest.Join(t, store, sum.ID, "Bo")
	both := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	first := tuitest.PromptFor(t, inquiry.Opportunity)
	starred := addContribution(t, store, sum.ID, ann, both, inquiry.Opportunity, "Share the minibus")
	addContribution(t, store, sum.ID, bo, both, inquiry.Opportunity, "Open the hall at night")
	barrier := addContribution(t, store, sum.ID, ann, both, inquiry.Barrier, "Funding a year at a time")
	addContribution(t, store, sum.ID, bo, first, inquiry.Opportunity, "A shared volunteer pool")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: bo},
		Contribution: &inquiry.ContributionDetails{ID: "reframe", Participant: bo, Prompt: both, Kind: inquiry.Reframe,
			Text: inquiry.Words{Text: "Three-year grants"}, Answers: barrier}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionHighlighted, Target: starred, Curation: &inquiry.Curation{Highlight: true}})
	refs := promptRefs(tuitest.Folded(t, store, sum.ID).Guide)
	place := func(ref inquiry.PromptRef) int { return slices.Index(refs, ref) }

	for _, tc := range []struct {
		name   string
		keys   []string
		ballot string // what the form says before it opens
		want   inquiry.Vote
	}{
		{"every opportunity", nil, "3 contributions on the ballot now (opportunities)",
			inquiry.Vote{Kinds: []inquiry.Kind{inquiry.Opportunity}}},
		{"one prompt's", append([]string{"tab", "tab"}, repeat("right", place(first)+1)...), "1 contribution on the ballot now (opportunities at Design 1",
			inquiry.Vote{Kinds: []inquiry.Kind{inquiry.Opportunity}, Prompt: first}},
		{"reframes", append([]string{"tab", "space"}, append(repeat("right", len(inquiry.Kinds)), "space")...), "1 contribution on the ballot now (reframes)",
			inquiry.Vote{Kinds: []inquiry.Kind{inquiry.Reframe}}},
		{"the highlighted", []string{"tab", "tab", "tab", "space"}, "1 contribution on the ballot now (opportunities, highlighted ones only)",
			inquiry.Vote{Kinds: []inquiry.Kind{inquiry.Opportunity}, Highlighted: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
			fac.See("Three-year grants")
			fac.Key("d")
			fac.See("Open a dot vote")
			for _, k := range tc.keys {
				fac.Key(k)
			}
			fac.See(tc.ballot)
			fac.Key("enter")
			fac.See("Dot vote · open")
			got := tuitest.LastEvent(t, store, sum.ID, inquiry.VoteOpened).Vote
			if !slices.Equal(got.Kinds, tc.want.Kinds) || got.Prompt != tc.want.Prompt || got.Highlighted != tc.want.Highlighted {
				t.Fatalf("opened a vote over %v at %q (highlighted %v), want %v at %q (highlighted %v)",
					got.Kinds, got.Prompt, got.Highlighted, tc.want.Kinds, tc.want.Prompt, tc.want.Highlighted)
			}
			fac.Key("d")
			fac.Key("y")
			fac.See("Dot vote · closed")
		})
	}
}

func repeat(key string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = key
	}
	return out
}

// TestVotePaneRanksTiesAsEveryScreenDoes: equal dots share a rank, and
// the next skips as many ("1, 2, 2, 4"), as inquiry ranks them; the
// turnout counts only those who can vote.
func TestVotePaneRanksTiesAsEveryScreenDoes(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	bo := tuitest.Join(t, store, sum.ID, "Bo")
	cy := tuitest.Join(t, store, sum.ID, "Cy")
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	var ids []string
	for i, text := range []string{"First idea", "Second idea", "Third idea", "Fourth idea"} {
		ids = append(ids, addContribution(t, store, sum.ID, []string{ann, bo, cy}[i%3], design, inquiry.Opportunity, text))
	}
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: "Start with?", Dots: 4}})
	cast := func(who string, dots map[string]int) {
		tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: who},
			Ballot: &inquiry.Ballot{Vote: "v1", Participant: who, Dots: dots}})
	}
	cast(ann, map[string]int{ids[0]: 3, ids[1]: 1})
	cast(bo, map[string]int{ids[2]: 2, ids[1]: 1, ids[3]: 1})
	dee := tuitest.Join(t, store, sum.ID, "Dee") // who leaves, and no longer counts
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: dee}, Target: dee})

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 40)
	fac.Key("tab")
	fac.Key("tab")
	fac.Key("tab")
	fac.See("▸ Dot vote · open", "4 dots each · 2 of 3 voted",
		"   1 ●●● 3 · Ann", "   2 ●●  2 · Bo", "   2 ●●  2 · Cy", "   4 ●   1 · Ann")
}
