package inquiry

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// TestTwoFoldsShareContributionsAndNeitherChangesTheOthers folds each log
// of foldLogs twice, lets the second fold take the first's contributions
// half way through (as the store's readers take the committer's), and
// folds both on: each ends as a replay of the whole log, and neither
// changed the other's contributions on the way.
func TestTwoFoldsShareContributionsAndNeitherChangesTheOthers(t *testing.T) {
	atEveryEventOfEveryLog(t, checkSharingAt)
}

// checkSharingAt folds the first k events twice, lets the second fold take
// the first's contributions, folds both on to the end and compares each
// with want.
func checkSharingAt(t *testing.T, events []Event, k int, want *Workshop) {
	t.Helper()
	first, errA := ReplayStamped(events[:k])
	second, errB := ReplayStamped(events[:k])
	if err := errors.Join(errA, errB); err != nil {
		t.Fatal(err)
	}
	for _, c := range first.Contributions {
		if !second.Share(c) {
			t.Fatalf("at event %d the second fold did not take contribution %s, equal to its own", k, c.ID)
		}
	}
	if !reflect.DeepEqual(second, first) {
		t.Fatalf("sharing at event %d changed the second fold: %s", k, foldDiff(second, first))
	}
	before, err := first.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events[k:] {
		if err := second.ApplyStamped(e); err != nil {
			t.Fatalf("after sharing at %d, event %d: %v", k, e.Seq, err)
		}
	}
	if after, err := first.Snapshot(); err != nil || !bytes.Equal(after, before) {
		t.Fatalf("the first fold changed as the fold sharing its contributions at event %d folded on (err %v)", k, err)
	}
	for _, e := range events[k:] {
		if err := first.ApplyStamped(e); err != nil {
			t.Fatalf("after sharing at %d, the first fold refused event %d: %v", k, e.Seq, err)
		}
	}
	for _, w := range []*Workshop{first, second} {
		if !reflect.DeepEqual(w, want) {
			t.Fatalf("folds sharing contributions from event %d differ from a replay: %s", k, foldDiff(w, want))
		}
	}
}

// TestShareRefusesAContributionThatDiffers: a fold keeps its own
// contribution when the other fold's is not the same (it was edited
// since, or is another contribution), and refuses one it does not hold.
func TestShareRefusesAContributionThatDiffers(t *testing.T) {
	ally := Actor{Role: RoleParticipant, ID: "p-ally"}
	l := &checkedLog{t: t}
	l.add(opened())
	l.add(joined(ally, "Ally"))
	l.add(added(ally, "c-1", ally.ID, "design/barriers", Barrier, "The kitchen is shut on Sundays."))
	events := stored(t, l.events)
	first, err := ReplayStamped(events)
	if err != nil {
		t.Fatal(err)
	}
	second, err := ReplayStamped(events)
	if err != nil {
		t.Fatal(err)
	}
	own, _ := second.Contribution("c-1")
	edited := *own
	edited.Text = "The kitchen is shut on Sundays and Mondays."
	if second.Share(&edited) {
		t.Error("a fold took a contribution with other words in place of its own")
	}
	if got, _ := second.Contribution("c-1"); got != own {
		t.Error("a refused share changed the fold's contribution")
	}
	stranger := edited
	stranger.ID = "c-9"
	if second.Share(&stranger) {
		t.Error("a fold took a contribution it does not hold")
	}
	theirs, _ := first.Contribution("c-1")
	if !second.Share(theirs) {
		t.Fatal("a fold refused an equal contribution")
	}
	for name, list := range map[string][]*Contribution{
		"by ID":     {contribution(t, second, "c-1")},
		"in order":  second.Contributions,
		"authored":  second.Authored(ally.ID),
		"at prompt": second.Answers("design/barriers"),
	} {
		if len(list) != 1 || list[0] != theirs {
			t.Errorf("after sharing, the fold's %s list does not hold the shared contribution", name)
		}
	}
}
