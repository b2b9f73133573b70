package inquiry

import (
	"slices"
	"testing"
)

// TestCountsAgreeWithAScanAfterEveryEvent folds logs with every kind of
// event and, after each event, for every prompt and every person (and one
// who never joined), compares the kept counts and pages with a walk over
// the prompt's contributions through VisibleTo, the rule screens use.
func TestCountsAgreeWithAScanAfterEveryEvent(t *testing.T) {
	for name, log := range foldLogs(t) {
		t.Run(name, func(t *testing.T) {
			w := &Workshop{}
			for _, e := range stored(t, log) {
				if err := w.Apply(e); err != nil {
					t.Fatal(err)
				}
				checkCounts(t, w, e)
			}
		})
	}
}

func checkCounts(t *testing.T, w *Workshop, after Event) {
	t.Helper()
	people := []string{"", "p-nobody"}
	for _, p := range w.Participants {
		people = append(people, p.ID)
	}
	for ref := range w.order {
		for _, me := range people {
			var others []*Contribution
			answers := w.Answers(ref)
			for i := len(answers) - 1; i >= 0; i-- {
				if c := answers[i]; c.Participant != me && w.VisibleTo(me, c) {
					others = append(others, c)
				}
			}
			if got := w.OthersCount(ref, me); got != len(others) {
				t.Fatalf("after event %d (%s): OthersCount(%s, %q) = %d, a scan finds %d", after.Seq, after.Type, ref, me, got, len(others))
			}
			if got := w.OthersPage(ref, me, 0, len(others)+5); !slices.Equal(got, others) {
				t.Fatalf("after event %d: OthersPage(%s, %q) whole = %v, want %v", after.Seq, ref, me, ids(got), ids(others))
			}
			var paged []*Contribution
			for offset := 0; ; offset += 2 {
				page := w.OthersPage(ref, me, offset, 2)
				if len(page) == 0 {
					break
				}
				paged = append(paged, page...)
			}
			if !slices.Equal(paged, others) {
				t.Fatalf("after event %d: pages of two of %s for %q = %v, want %v", after.Seq, ref, me, ids(paged), ids(others))
			}
			here, all := 0, 0
			var latest *Contribution
			for _, c := range w.Contributions {
				if c.Participant != me || c.Deleted || c.Withdrawn || c.Erased {
					continue
				}
				all++
				if c.Prompt == ref {
					here++
					latest = c
				}
			}
			if h, a := w.OwnCount(me, ref); h != here || a != all {
				t.Fatalf("after event %d: OwnCount(%q, %s) = %d, %d; a scan finds %d, %d", after.Seq, me, ref, h, a, here, all)
			}
			if got := w.LatestOwn(me, ref); got != latest {
				t.Fatalf("after event %d: LatestOwn(%q, %s) = %v, want %v", after.Seq, me, ref, got, latest)
			}
		}
	}
}

func TestOthersPageIsEmptyForNoRoom(t *testing.T) {
	w := roomLog(t).replay()
	if got := w.OthersPage("design/opportunities", alice.ID, 0, 0); got != nil {
		t.Errorf("a page of no room = %v, want nil", ids(got))
	}
	if got := w.OthersPage("design/opportunities", alice.ID, -1, 5); got != nil {
		t.Errorf("a page at a negative offset = %v, want nil", ids(got))
	}
	if got := w.OthersPage("design/opportunities", alice.ID, 99, 5); len(got) != 0 {
		t.Errorf("a page past the end = %v, want none", ids(got))
	}
	// c-2 is Bob's and shown; c-3 is Alice's own; c-5 withdrawn; c-8
	// Alice's own: Alice sees one other.
	if n := w.OthersCount("design/opportunities", alice.ID); n != 1 {
		t.Errorf("Alice sees %d others' contributions at design/opportunities, want 1 (Bob's c-2)", n)
	}
}

func TestConcernNamesThePromptAndAuthorOfWhatAnEventTouches(t *testing.T) {
	w := roomLog(t).replay()
	cases := []struct {
		e    Event
		want Concern
	}{
		{added(bob, "c-10", bob.ID, "design/barriers", Barrier, "Words."),
			Concern{Type: ContributionAdded, Prompt: "design/barriers", Participant: bob.ID}},
		{deleted(alice, "c-8"), Concern{Type: ContributionDeleted, Prompt: "design/opportunities", Participant: alice.ID}},
		{hidden(facilitator, "c-2", "A reason."), Concern{Type: ContributionHidden, Prompt: "design/opportunities", Participant: bob.ID}},
		{highlighted(facilitator, "c-1", true), Concern{Type: ContributionHighlighted, Prompt: "design/barriers", Participant: alice.ID}},
		{joined(carol, "Carol"), Concern{Type: ParticipantJoined, Participant: carol.ID}},
		{voteCast(bob, "v-1", bob.ID, map[string]int{"c-2": 1}), Concern{Type: VoteCast, Participant: bob.ID}},
		{withdrew(bob, bob.ID), Concern{Type: ParticipantWithdrawn, Participant: bob.ID, Room: true}},
		{settingsChanged(facilitator, VisibleNever, false), Concern{Type: SettingsChanged, Room: true}},
		{promptRevealed(facilitator, "design/barriers"), Concern{Type: PromptRevealed, Room: true}},
		{closed(), Concern{Type: WorkshopClosed, Room: true}},
		{agreed(bob, bob.ID, "c-1"), Concern{Type: ContributionAgreed, Prompt: "design/barriers", Participant: bob.ID}},
		{unagreed(bob, bob.ID, "c-1"), Concern{Type: AgreementWithdrawn, Prompt: "design/barriers", Participant: bob.ID}},
		{Event{Type: DisplayPanelChosen, Actor: facilitator}, Concern{Type: DisplayPanelChosen}},
	}
	for _, tt := range cases {
		if got := w.Concern(tt.e); got != tt.want {
			t.Errorf("Concern(%s) = %+v, want %+v", tt.e.Type, got, tt.want)
		}
	}
}

func TestAReturningParticipantIsRecognisedWithWhatTheyWrote(t *testing.T) {
	_, events := facilitatedExportLog(t)
	w, err := Replay(events)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := w.ByIdentity("id-p-dev")
	if !ok || p.ID != "p-dev" {
		t.Fatalf("ByIdentity(id-p-dev) = %v, %v; want Dev", p, ok)
	}
	if _, ok := w.ByIdentity(""); ok {
		t.Errorf("an empty identity recognised someone")
	}
	if got := ids(w.Authored("p-dev")); !slices.Equal(got, []string{"c-07", "c-08", "c-16"}) {
		t.Errorf("Dev's contributions = %v, want c-07, c-08 then c-16", got)
	}
}
