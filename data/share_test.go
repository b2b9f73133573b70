package data

import (
	"fmt"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// TestReadersShareTheCommittersContributions: the readers' fold holds
// each contribution the committer's fold made rather than a copy of its
// own (some 400 bytes a contribution), whether readers catch up after
// every event or after many, after an edit, and after a restart, when
// the committer takes its fold from the readers'.
func TestReadersShareTheCommittersContributions(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, unlimited)
	ws := openWorkshop(t, s, "SHARED")
	mustAppend(t, s, ws.ID, joining("ann"))
	for i := range 60 {
		mustAppend(t, s, ws.ID, adding("ann", fmt.Sprintf("c%02d", i), "Shared budgets"))
		if i%7 == 0 {
			if err := s.Read(ws.ID, func(*inquiry.Workshop) {}); err != nil {
				t.Fatal(err)
			}
		}
	}
	edit := adding("ann", "c03", "Shared budgets with the council")
	edit.Type = inquiry.ContributionEdited
	mustAppend(t, s, ws.ID, edit)
	checkShared(t, s, ws.ID, 60)

	s = openStore(t, dir, unlimited)
	mustAppend(t, s, ws.ID, adding("ann", "c60", "A named officer"))
	checkShared(t, s, ws.ID, 61)
}

// checkShared closes s, so that the committer's fold is still, and checks
// that the readers' fold holds the committer's contributions themselves.
func checkShared(t *testing.T, s *Store, workshopID string, want int) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	committer := s.committer.folds[workshopID]
	err := s.Read(workshopID, func(w *inquiry.Workshop) {
		if len(w.Contributions) != want {
			t.Fatalf("the readers' fold holds %d contributions; want %d", len(w.Contributions), want)
		}
		for _, c := range w.Contributions {
			if theirs, _ := committer.Contribution(c.ID); theirs != c {
				t.Errorf("the readers' fold holds its own copy of %s, not the committer's", c.ID)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}
