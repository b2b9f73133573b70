package inquiry

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

func TestVoteRanksShareTiesAndSkipPlaces(t *testing.T) {
	cases := []struct {
		dots, ranks []int
	}{
		{nil, nil},
		{[]int{4}, []int{1}},
		{[]int{5, 3, 3, 1}, []int{1, 2, 2, 4}},
		{[]int{2, 2, 2}, []int{1, 1, 1}},
		{[]int{3, 2, 2, 2, 1}, []int{1, 2, 2, 2, 5}},
		{[]int{4, 4, 2, 2, 1}, []int{1, 1, 3, 3, 5}},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.dots), func(t *testing.T) {
			results := make([]VoteResult, len(c.dots))
			for i, d := range c.dots {
				results[i] = VoteResult{Contribution: fmt.Sprint("c-", i), Dots: d}
			}
			rank(results)
			var got []int
			for _, r := range results {
				got = append(got, r.Rank)
			}
			if !slices.Equal(got, c.ranks) {
				t.Errorf("ranks of %v = %v, want %v", c.dots, got, c.ranks)
			}
		})
	}
}

// limitedVote opens a vote with the limits the facilitator can set.
func limitedVote(id string, dots int, prompt PromptRef, highlightedOnly bool, kinds ...Kind) Event {
	e := voteOpened(facilitator, id, "Which first?", dots, kinds...)
	e.Vote.Prompt, e.Vote.Highlighted = prompt, highlightedOnly
	return e
}

// votingLog is roomLog with its open vote closed, so another can open,
// and a second highlighted contribution, Bob's barrier c-10.
func votingLog(t *testing.T) *testLog {
	l := roomLog(t)
	l.append(voteClosed(facilitator, "v-1"))
	l.append(added(bob, "c-10", bob.ID, "design/barriers", Barrier, "No bus after six."))
	l.append(highlighted(facilitator, "c-10", true))
	return l
}

func TestCheckVoteLimits(t *testing.T) {
	w := votingLog(t).replay()
	checkRules(t, w, []ruleCase{
		{"limited to a prompt", limitedVote("v-2", 3, "design/opportunities", false, Opportunity), nil},
		{"limited to a prompt, any kind", limitedVote("v-2", 3, "design/barriers", false), nil},
		{"limited to a prompt that does not exist", limitedVote("v-2", 3, "design/nowhere", false), ErrNotFound},
		{"limited to a prompt that asks for none of its kinds", limitedVote("v-2", 3, "design/barriers", false, Opportunity), ErrInvalid},
		{"limited to the highlighted", limitedVote("v-2", 3, "", true), nil},
		{"limited to the highlighted opportunities", limitedVote("v-2", 3, "", true, Opportunity), nil},
		{"limited to highlighted stories, and none is", limitedVote("v-2", 3, "", true, Story), ErrInvalid},
		{"limited to the highlighted of a prompt with none", limitedVote("v-2", 3, "discover/best-time", true), ErrInvalid},
	})
}

func TestVoteCandidatesFollowItsLimits(t *testing.T) {
	// Live in roomLog: c-1 (barrier), c-2 (opportunity), c-7 (action),
	// c-8 (opportunity, highlighted); votingLog adds c-10 (barrier,
	// highlighted). Merged, hidden, withdrawn, erased and deleted ones are
	// never on a ballot.
	cases := []struct {
		name string
		vote Event
		want []string
	}{
		{"any kind", limitedVote("v-2", 3, "", false), []string{"c-1", "c-2", "c-7", "c-8", "c-10"}},
		{"opportunities", limitedVote("v-2", 3, "", false, Opportunity), []string{"c-2", "c-8"}},
		{"one prompt", limitedVote("v-2", 3, "design/barriers", false), []string{"c-1", "c-10"}},
		{"one prompt and a kind", limitedVote("v-2", 3, "design/opportunities", false, Opportunity), []string{"c-2", "c-8"}},
		{"the highlighted", limitedVote("v-2", 3, "", true), []string{"c-8", "c-10"}},
		{"the highlighted barriers", limitedVote("v-2", 3, "", true, Barrier), []string{"c-10"}},
		{"the highlighted of one prompt", limitedVote("v-2", 3, "design/opportunities", true), []string{"c-8"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := votingLog(t)
			l.append(c.vote)
			w := l.replay()
			v, _ := w.Vote("v-2")
			if got := ids(v.Candidates()); !slices.Equal(got, c.want) {
				t.Errorf("candidates = %v, want %v", got, c.want)
			}
			if got := ids(l.replayBefore(c.vote).PreviewBallot(*c.vote.Vote)); !slices.Equal(got, c.want) {
				t.Errorf("the preview before opening = %v, want %v", got, c.want)
			}
			for _, cand := range w.Contributions {
				if v.Admits(cand) != slices.Contains(c.want, cand.ID) {
					t.Errorf("Admits(%s) = %v, but Candidates says otherwise", cand.ID, v.Admits(cand))
				}
			}
		})
	}
}

func ids(cs []*Contribution) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func TestAVoteOverTheHighlightedKeepsTheBallotItOpenedWith(t *testing.T) {
	l := votingLog(t)
	l.append(limitedVote("v-2", 2, "", true))
	l.append(voteCast(bob, "v-2", bob.ID, map[string]int{"c-8": 2}))
	l.append(highlighted(facilitator, "c-2", true))  // highlighted after: not on the ballot
	l.append(highlighted(facilitator, "c-8", false)) // no longer highlighted: stays on it
	w := l.replay()
	v, _ := w.Vote("v-2")
	if got := ids(v.Candidates()); !slices.Equal(got, []string{"c-8", "c-10"}) {
		t.Errorf("candidates after highlights changed = %v, want the ballot it opened with", got)
	}
	checkRules(t, w, []ruleCase{
		{"a dot on a contribution highlighted since", voteCast(alice, "v-2", alice.ID, map[string]int{"c-2": 1}), ErrInvalid},
		{"a dot on one on the ballot", voteCast(alice, "v-2", alice.ID, map[string]int{"c-8": 1, "c-10": 1}), nil},
	})
	if got := v.Results(); !reflect.DeepEqual(got, []VoteResult{{"c-8", 2, 1}}) {
		t.Errorf("results = %v: Bob's dots should stay on c-8", got)
	}
}

func TestAVoteOverAPromptShowsOnlyItsCandidatesToEveryone(t *testing.T) {
	l := votingLog(t)
	l.append(added(bob, "c-11", bob.ID, "design/each-side", Barrier, "The forms."))
	l.append(settingsChanged(facilitator, VisibleNever, false))
	l.append(limitedVote("v-2", 2, "design/barriers", false, Barrier))
	w := l.replay()
	if !w.VisibleTo(alice.ID, contribution(t, w, "c-10")) {
		t.Errorf("Bob's barrier is on the ballot: Alice should see it whatever the settings")
	}
	if w.VisibleTo(alice.ID, contribution(t, w, "c-11")) {
		t.Errorf("Bob's barrier to another prompt is not on the ballot: with visibility off Alice should not see it")
	}
}

func TestScribesPlaceTheirTablesDots(t *testing.T) {
	w := roomLog(t).replay() // v-1 is open, over opportunities
	checkRules(t, w, []ruleCase{
		{"a scribe for a scribed table", voteCast(scribe, "v-1", table3, map[string]int{"c-2": 1, "c-8": 2}), nil},
		{"a facilitator for a scribed table", voteCast(facilitator, "v-1", table3, map[string]int{"c-2": 3}), nil},
		{"a scribe for a participant with a terminal", voteCast(scribe, "v-1", bob.ID, map[string]int{"c-2": 1}), ErrNotAllowed},
		{"a participant for a table", voteCast(bob, "v-1", table3, map[string]int{"c-2": 1}), ErrNotAllowed},
		{"a table's dots over its allowance", voteCast(scribe, "v-1", table3, map[string]int{"c-2": 4}), ErrInvalid},
	})
}

func TestVoteTurnoutCountsOnlyThoseWhoCanVote(t *testing.T) {
	// roomLog: Alice and Bob have terminals, Table 3 is scribed, Carol
	// withdrew and Dan was erased; Alice has voted in v-1.
	l := roomLog(t)
	type step struct {
		name   string
		events []Event
		want   Turnout
		says   string
	}
	steps := []step{
		{"Alice has voted", nil, Turnout{Voted: 1, Voters: 2, Tables: 1}, "1 of 2 voted · 0 of 1 table"},
		{"the scribe votes for Table 3", []Event{voteCast(scribe, "v-1", table3, map[string]int{"c-2": 1})},
			Turnout{Voted: 1, Voters: 2, TablesVoted: 1, Tables: 1}, "1 of 2 voted · 1 of 1 table"},
		{"Erin joins and Bob votes", []Event{joined(Actor{Role: RoleParticipant, ID: "p-erin"}, "Erin"), voteCast(bob, "v-1", bob.ID, map[string]int{"c-8": 3})},
			Turnout{Voted: 2, Voters: 3, TablesVoted: 1, Tables: 1}, "2 of 3 voted · 1 of 1 table"},
		{"Alice takes her dots off", []Event{voteCast(alice, "v-1", alice.ID, map[string]int{})},
			Turnout{Voted: 1, Voters: 3, TablesVoted: 1, Tables: 1}, "1 of 3 voted · 1 of 1 table"},
		{"Bob withdraws, his dots with him", []Event{withdrew(bob, bob.ID)},
			Turnout{Voted: 0, Voters: 2, TablesVoted: 1, Tables: 1}, "0 of 2 voted · 1 of 1 table"},
		{"the vote closes, and Fiona joins after", []Event{voteClosed(facilitator, "v-1"), joined(Actor{Role: RoleParticipant, ID: "p-fiona"}, "Fiona")},
			Turnout{Voted: 0, Voters: 2, TablesVoted: 1, Tables: 1}, "0 of 2 voted · 1 of 1 table"},
	}
	for _, s := range steps {
		for _, e := range s.events {
			l.append(e)
		}
		w := l.replay()
		v, _ := w.Vote("v-1")
		if got := v.Turnout(); got != s.want {
			t.Errorf("%s: turnout = %+v, want %+v", s.name, got, s.want)
		}
		if got := v.Turnout().String(); got != s.says {
			t.Errorf("%s: says %q, want %q", s.name, got, s.says)
		}
	}
	if got := (Turnout{Voted: 3, Voters: 58}).String(); got != "3 of 58 voted" {
		t.Errorf("without tables: %q", got)
	}
	if got := (Turnout{Voted: 3, Voters: 58, TablesVoted: 1, Tables: 2}).String(); got != "3 of 58 voted · 1 of 2 tables" {
		t.Errorf("with two tables: %q", got)
	}
}

func TestPluralGivesTheNounItsNumber(t *testing.T) {
	cases := []struct {
		n    int
		want string
	}{{0, "0 dots"}, {1, "1 dot"}, {2, "2 dots"}, {-1, "-1 dot"}, {11, "11 dots"}}
	for _, c := range cases {
		if got := Plural(c.n, "dot", "dots"); got != c.want {
			t.Errorf("Plural(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// replayBefore folds the log without its last event, which must be e.
func (l *testLog) replayBefore(e Event) *Workshop {
	l.t.Helper()
	if last := l.events[len(l.events)-1]; last.Type != e.Type {
		l.t.Fatalf("the log ends with %s, not %s", last.Type, e.Type)
	}
	w, err := Replay(l.events[:len(l.events)-1])
	if err != nil {
		l.t.Fatalf("Replay: %v", err)
	}
	return w
}
