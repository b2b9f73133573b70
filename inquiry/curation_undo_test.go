package inquiry

import "testing"

func unmerged(by Actor, id, from string) Event {
	return Event{Type: ContributionUnmerged, Actor: by, Target: id, Curation: &Curation{Into: from}}
}

func TestCheckUndoingAMerge(t *testing.T) {
	w := roomLog(t).replay() // c-3 is merged into c-2
	checkRules(t, w, []ruleCase{
		{"a facilitator undoes it", unmerged(facilitator, "c-3", "c-2"), nil},
		{"a participant undoes it", unmerged(alice, "c-3", "c-2"), ErrNotAllowed},
		{"a scribe undoes it", unmerged(scribe, "c-3", "c-2"), ErrNotAllowed},
		{"naming the wrong original", unmerged(facilitator, "c-3", "c-8"), ErrConflict},
		{"without the original", Event{Type: ContributionUnmerged, Actor: facilitator, Target: "c-3"}, ErrInvalid},
		{"one never merged", unmerged(facilitator, "c-8", "c-2"), ErrInvalid},
		{"one deleted", unmerged(facilitator, "c-9", "c-2"), ErrNotFound},
	})
}

func TestUndoingAMergeShowsTheDuplicateAgain(t *testing.T) {
	l := roomLog(t) // v-1 open, Alice has 2 dots on c-2
	l.append(added(alice, "c-12", alice.ID, "design/opportunities", Opportunity, "Share the hall, again."))
	l.append(voteCast(bob, "v-1", bob.ID, map[string]int{"c-12": 2}))
	l.append(merged(facilitator, "c-12", "c-2"))
	before := l.replay()
	if v, _ := before.Vote("v-1"); v.Results()[0] != (VoteResult{"c-2", 4, 1}) {
		t.Fatalf("results while merged = %v, want c-2 with Bob's 2 dots too", v.Results())
	}
	l.append(unmerged(facilitator, "c-12", "c-2"))
	w := l.replay()
	c := contribution(t, w, "c-12")
	if !c.Live() || c.MergedInto != "" || c.UnmergedFrom != "c-2" || c.UnmergedAt.IsZero() {
		t.Errorf("c-12 after the undo = %+v, want live, once merged into c-2", c)
	}
	if got, was := w.Tally().Contributions, before.Tally().Contributions; got != was+1 {
		t.Errorf("the tally counts %d, want %d: the duplicate counts again", got, was+1)
	}
	v, _ := w.Vote("v-1")
	dots := map[string]int{}
	for _, r := range v.Results() {
		dots[r.Contribution] = r.Dots
	}
	if dots["c-12"] != 2 || dots["c-2"] != 2 {
		t.Errorf("results %v: Bob's dots on c-12 should count for c-12 again, Alice's 2 stay on c-2", v.Results())
	}
	checkRules(t, w, []ruleCase{
		{"undoing it again is a repeat", unmerged(facilitator, "c-12", "c-2"), ErrDuplicate},
		{"it can be merged again", merged(facilitator, "c-12", "c-8"), nil},
	})
}
