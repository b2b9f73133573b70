package inquiry

import (
	"slices"
	"testing"
)

// reframing is a reframe by its author, answering a barrier.
func reframing(by Actor, id, author string, ref PromptRef, barrier, text string) Event {
	e := added(by, id, author, ref, Reframe, text)
	e.Contribution.Answers = barrier
	return e
}

// reframeLog is baseLog (c-1, Alice's barrier at design/barriers) with more
// barriers in every state a reframe can meet.
//
//	c-2 Bob's barrier at design/each-side   c-4 Bob's barrier, hidden
//	c-3 Bob's barrier, deleted               c-5 Alice's opportunity
func reframeLog(t *testing.T) *testLog {
	l := baseLog(t)
	l.append(added(bob, "c-2", bob.ID, "design/each-side", Barrier, "Each side waits for the other."))
	l.append(added(bob, "c-3", bob.ID, "design/barriers", Barrier, "Scratch that."))
	l.append(deleted(bob, "c-3"))
	l.append(added(bob, "c-4", bob.ID, "design/barriers", Barrier, "The officer in charge is useless."))
	l.append(hidden(facilitator, "c-4", "Names a council officer."))
	l.append(added(alice, "c-5", alice.ID, "design/opportunities", Opportunity, "The new locality plan."))
	return l
}

func TestReframeRules(t *testing.T) {
	w := reframeLog(t).replay()
	noAnswer := added(alice, "r-1", alice.ID, "design/barriers", Reframe, "A ten-year fund.")
	barrierAnswering := reframing(alice, "r-1", alice.ID, "design/barriers", "c-1", "A ten-year fund.")
	barrierAnswering.Contribution.Kind = Barrier
	checkRules(t, w, []ruleCase{
		{"own barrier", reframing(alice, "r-1", alice.ID, "design/barriers", "c-1", "A ten-year fund."), nil},
		{"another's barrier they can see", reframing(alice, "r-1", alice.ID, "design/each-side", "c-2", "Meet halfway."), nil},
		{"a scribe for a table", reframing(scribe, "r-1", table3, "design/barriers", "c-1", "Pool the budgets."), nil},
		{"without naming the barrier", noAnswer, ErrInvalid},
		{"a barrier answering a barrier", barrierAnswering, ErrInvalid},
		{"an unknown barrier", reframing(alice, "r-1", alice.ID, "design/barriers", "c-99", "Words."), ErrNotFound},
		{"a deleted barrier", reframing(alice, "r-1", alice.ID, "design/barriers", "c-3", "Words."), ErrNotFound},
		{"someone else's hidden barrier", reframing(alice, "r-1", alice.ID, "design/barriers", "c-4", "Words."), ErrNotFound},
		{"not a barrier", reframing(alice, "r-1", alice.ID, "design/opportunities", "c-5", "Words."), ErrInvalid},
		{"at another prompt than its barrier", reframing(alice, "r-1", alice.ID, "design/each-side", "c-1", "Words."), ErrInvalid},
		{"at a prompt that asks for no barriers", reframing(alice, "r-1", alice.ID, "design/opportunities", "c-1", "Words."), ErrInvalid},
	})
}

func TestReframeEditRules(t *testing.T) {
	l := reframeLog(t)
	l.append(reframing(alice, "r-1", alice.ID, "design/each-side", "c-2", "Meet halfway."))
	w := l.replay()
	reframe := ContributionDetails{ID: "r-1", Participant: alice.ID, Prompt: "design/each-side", Kind: Reframe, Answers: "c-2"}
	otherBarrier := reframe
	otherBarrier.Answers = "c-1"
	toOpportunity := reframe
	toOpportunity.Kind, toOpportunity.Answers = Opportunity, ""
	barrier := ContributionDetails{ID: "c-2", Participant: bob.ID, Prompt: "design/each-side", Kind: Barrier}
	barrierToOpportunity := barrier
	barrierToOpportunity.Kind = Opportunity
	becomeReframe := barrier
	becomeReframe.Kind = Reframe
	checkRules(t, w, []ruleCase{
		{"new words for a reframe", edited(alice, reframe, "Meet halfway, monthly."), nil},
		{"a reframe moved to another barrier", edited(alice, otherBarrier, "Meet halfway."), ErrInvalid},
		{"a reframe made an opportunity", edited(alice, toOpportunity, "Meet halfway."), ErrInvalid},
		{"a barrier with a reframe made an opportunity", edited(bob, barrierToOpportunity, "Each side waits."), ErrReframedBarrier},
		{"a barrier made a reframe", edited(bob, becomeReframe, "Each side waits."), ErrInvalid},
		{"new words for a reframed barrier", edited(bob, barrier, "Each side waits, politely."), nil},
	})

	// Once its reframes are taken back, a barrier may become something else.
	l.append(deleted(alice, "r-1"))
	checkRules(t, l.replay(), []ruleCase{
		{"a barrier whose reframe was deleted made an opportunity", edited(bob, barrierToOpportunity, "Each side waits."), nil},
	})
}

func TestReframesAreListedUnderTheirBarrierAndCountedApart(t *testing.T) {
	l := reframeLog(t)
	l.append(themesChanged(facilitator, "c-1", "third-sector"))
	l.append(reframing(alice, "r-1", alice.ID, "design/barriers", "c-1", "A ten-year fund."))
	l.append(reframing(bob, "r-2", bob.ID, "design/barriers", "c-1", "Pool the budgets."))
	l.append(reframing(bob, "r-3", bob.ID, "design/barriers", "c-1", "Scratch that."))
	l.append(deleted(bob, "r-3"))
	l.append(reframing(bob, "r-4", bob.ID, "design/barriers", "c-4", "Train new officers."))
	w := l.replay()

	ids := func(cs []*Contribution) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	if got, want := ids(w.Reframes("c-1")), []string{"r-1", "r-2", "r-3"}; !slices.Equal(got, want) {
		t.Errorf("Reframes(c-1) = %v, want %v (gone ones included)", got, want)
	}
	if got, want := ids(w.LiveReframes("c-1")), []string{"r-1", "r-2"}; !slices.Equal(got, want) {
		t.Errorf("LiveReframes(c-1) = %v, want %v", got, want)
	}
	if got := w.Reframes("c-2"); len(got) != 0 {
		t.Errorf("an unreframed barrier has reframes %v", ids(got))
	}

	tally := w.Tally()
	tests := []struct {
		what      string
		got, want int
	}{
		{"barriers (c-1, c-2; c-3 deleted, c-4 hidden)", tally.Totals[Barrier], 2},
		{"reframes (r-1, r-2, r-4; r-3 deleted)", tally.Totals[Reframe], 3},
		{"live contributions", tally.Contributions, 6},
		{"barriers reframed (c-1 only: c-4 is hidden)", tally.Reframed, 1},
		{"third sector's barriers", tallyRow(t, tally, "third-sector").Counts[Barrier], 1},
		{"third sector's barriers reframed", tallyRow(t, tally, "third-sector").Reframed, 1},
		{"unthemed barriers reframed", tally.Unthemed.Reframed, 0},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %d, want %d", tt.what, tt.got, tt.want)
		}
	}

	// The tally follows the barrier's state: hiding c-1 takes its
	// reframed mark away; deleting both live reframes does too.
	hiddenLog := *l
	hiddenLog.events = slices.Clone(l.events)
	hiddenLog.append(hidden(facilitator, "c-1", "Off topic."))
	if got := hiddenLog.replay().Tally().Reframed; got != 0 {
		t.Errorf("after hiding the barrier, %d barriers reframed, want 0", got)
	}
	l.append(deleted(alice, "r-1"))
	l.append(deleted(bob, "r-2"))
	if got := l.replay().Tally(); got.Reframed != 0 || tallyRow(t, got, "third-sector").Reframed != 0 {
		t.Errorf("after deleting its reframes the barrier is still counted as reframed")
	}
}

func TestVotesTakeReframesOnlyAsReframes(t *testing.T) {
	l := reframeLog(t)
	l.append(reframing(alice, "r-1", alice.ID, "design/barriers", "c-1", "A ten-year fund."))
	l.append(voteOpened(facilitator, "v-1", "Which barriers matter most?", 3, Barrier))
	overBarriers := l.replay()
	checkRules(t, overBarriers, []ruleCase{
		{"dots on a barrier", voteCast(bob, "v-1", bob.ID, map[string]int{"c-1": 1}), nil},
		{"dots on a reframe in a vote over barriers", voteCast(bob, "v-1", bob.ID, map[string]int{"r-1": 1}), ErrInvalid},
	})
	l.append(voteClosed(facilitator, "v-1"))
	checkRules(t, l.replay(), []ruleCase{
		{"a vote over reframes", voteOpened(facilitator, "v-2", "Which way through first?", 3, Reframe), nil},
		{"a vote over a kind nobody has", voteOpened(facilitator, "v-2", "Which?", 3, Kind("wish")), ErrInvalid},
	})
	l.append(voteOpened(facilitator, "v-2", "Anything at all", 3))
	checkRules(t, l.replay(), []ruleCase{
		{"dots on a reframe in a vote over any kind", voteCast(bob, "v-2", bob.ID, map[string]int{"r-1": 2}), nil},
	})
}

func TestReframeIsNotAKindToPick(t *testing.T) {
	p := Prompt{ID: "any"}
	if slices.Contains(p.KindChoices(), Reframe) || Reframe.Valid() {
		t.Errorf("a reframe is offered as a kind to pick, or a guide may ask for it")
	}
	if !Reframe.Known() || Reframe.Label() != "Reframe" || Reframe.Plural() != "Reframes" {
		t.Errorf("Reframe: known %v, label %q, plural %q", Reframe.Known(), Reframe.Label(), Reframe.Plural())
	}
	g := exportGuide()
	g.Phases[2].Prompts[1].Kinds = []Kind{Reframe}
	if err := g.Validate(); err == nil {
		t.Errorf("a guide whose prompt asks for reframes was accepted")
	}
}
