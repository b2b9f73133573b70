package inquiry

import (
	"slices"
	"testing"
)

func agreed(by Actor, who, id string) Event {
	return Event{Type: ContributionAgreed, Actor: by, Target: id, Agreement: &Agreement{Participant: who}}
}

func unagreed(by Actor, who, id string) Event {
	return Event{Type: AgreementWithdrawn, Actor: by, Target: id, Agreement: &Agreement{Participant: who}}
}

func TestCheckAgreements(t *testing.T) {
	// roomLog: c-1 Alice's barrier, c-2 Bob's opportunity, c-3 merged,
	// c-4 hidden, c-5 withdrawn, c-6 erased, c-7 Table 3's, c-9 deleted.
	l := roomLog(t)
	l.append(agreed(alice, alice.ID, "c-2"))
	w := l.replay()
	checkRules(t, w, []ruleCase{
		{"Bob agrees with Alice's", agreed(bob, bob.ID, "c-1"), nil},
		{"a scribe agrees for their table", agreed(scribe, table3, "c-2"), nil},
		{"a facilitator agrees for a table", agreed(facilitator, table3, "c-1"), nil},
		{"Alice agrees with what she agreed with", agreed(alice, alice.ID, "c-2"), ErrDuplicate},
		{"Alice agrees with her own", agreed(alice, alice.ID, "c-1"), ErrInvalid},
		{"Alice agrees in Bob's name", agreed(alice, bob.ID, "c-1"), ErrNotAllowed},
		{"a scribe agrees for someone with a terminal", agreed(scribe, bob.ID, "c-1"), ErrNotAllowed},
		{"with a hidden one", agreed(alice, alice.ID, "c-4"), ErrNotFound},
		{"with a deleted one", agreed(alice, alice.ID, "c-9"), ErrNotFound},
		{"with a merged-away duplicate", agreed(bob, bob.ID, "c-3"), ErrNotFound},
		{"with a withdrawn one", agreed(alice, alice.ID, "c-5"), ErrNotFound},
		{"with one that does not exist", agreed(alice, alice.ID, "c-99"), ErrNotFound},
		{"without saying who", Event{Type: ContributionAgreed, Actor: alice, Target: "c-1"}, ErrInvalid},
		{"Alice takes hers back", unagreed(alice, alice.ID, "c-2"), nil},
		{"Bob takes back one he never gave", unagreed(bob, bob.ID, "c-1"), ErrDuplicate},
	})
	l.append(closed())
	checkRules(t, l.replay(), []ruleCase{
		{"after the workshop closed", agreed(bob, bob.ID, "c-1"), ErrClosed},
		{"taken back after it closed", unagreed(alice, alice.ID, "c-2"), ErrClosed},
	})
}

func TestCheckAgreementKeepsToWhatAParticipantSees(t *testing.T) {
	l := baseLog(t)
	l.append(settingsChanged(facilitator, VisibleNever, false))
	checkRules(t, l.replay(), []ruleCase{
		{"Bob cannot see Alice's", agreed(bob, bob.ID, "c-1"), ErrNotFound},
		{"a scribe sees the room for the table", agreed(scribe, table3, "c-1"), nil},
	})
}

func TestAgreementsCountOnTheOriginal(t *testing.T) {
	l := roomLog(t) // c-3 Alice's is merged into c-2 Bob's
	steps := []struct {
		name  string
		event Event
		on    string
		want  []string
	}{
		{"Alice agrees", agreed(alice, alice.ID, "c-2"), "c-2", []string{alice.ID}},
		{"Table 3 agrees", agreed(scribe, table3, "c-2"), "c-2", []string{alice.ID, table3}},
		{"Alice takes hers back", unagreed(alice, alice.ID, "c-2"), "c-2", []string{table3}},
		{"Alice agrees again", agreed(alice, alice.ID, "c-2"), "c-2", []string{table3, alice.ID}},
		{"Bob agrees with c-8", agreed(bob, bob.ID, "c-8"), "c-8", []string{bob.ID}},
		// Merging c-8 into c-2 brings Bob's agreement with it.
		{"c-8 is merged into c-2", merged(facilitator, "c-8", "c-2"), "c-2", []string{table3, alice.ID, bob.ID}},
		{"the merge is undone", unmerged(facilitator, "c-8", "c-2"), "c-2", []string{table3, alice.ID}},
		{"Bob withdraws", withdrew(bob, bob.ID), "c-8", nil},
	}
	for _, s := range steps {
		l.append(s.event)
		w := l.replay()
		if got := w.Agreements(s.on); !slices.Equal(got, s.want) {
			t.Errorf("%s: agreements with %s = %v, want %v", s.name, s.on, got, s.want)
		}
	}
	w := l.replay()
	if !w.Agreed(alice.ID, "c-2") || w.Agreed(alice.ID, "c-8") {
		t.Errorf("Agreed: Alice agrees with c-2 and not c-8")
	}
}

func TestBuiltOnListsWhatBuildsOnAContribution(t *testing.T) {
	l := baseLog(t)
	l.append(building(added(bob, "c-2", bob.ID, "design/barriers", Barrier, "And the grants are small."), "c-1"))
	l.append(added(bob, "c-3", bob.ID, "design/barriers", Barrier, "Unrelated."))
	l.append(building(added(scribe, "c-4", table3, "design/barriers", Barrier, "Table 3 says the same."), "c-1"))
	w := l.replay()
	if got := ids(w.BuiltOn("c-1")); !slices.Equal(got, []string{"c-2", "c-4"}) {
		t.Errorf("BuiltOn(c-1) = %v, want [c-2 c-4]", got)
	}
	if got := w.BuiltOn("c-3"); len(got) != 0 {
		t.Errorf("BuiltOn(c-3) = %v, want none", ids(got))
	}
}
