package data

import (
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// TestANamesakeIsShownTheSameBeforeAndAfterARestartOnceTheOtherIsErased:
// two people join as "Bram" (the second shown as "Bram (2)"); the first is
// erased. The name the second is shown by is the same live, after a clean
// restart (from the snapshot the erasure takes) and after a replay of the
// whole rewritten log (no snapshot), so that the exports made before and
// after a restart name them alike.
func TestANamesakeIsShownTheSameBeforeAndAfterARestartOnceTheOtherIsErased(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "bram-1234")
	for _, id := range []string{"first", "second"} {
		e := joining(id)
		e.Participant.Name.Text = "Bram"
		mustAppend(t, s, ws.ID, e)
	}
	shown := func(s *Store) string {
		t.Helper()
		var name string
		if err := s.Read(ws.ID, func(w *inquiry.Workshop) {
			if p, ok := w.Participant("second"); ok {
				name = p.Name
			}
		}); err != nil {
			t.Fatal(err)
		}
		return name
	}
	if got := shown(s); got != "Bram (2)" {
		t.Fatalf("the second Bram is shown as %q, want Bram (2)", got)
	}
	mustAppend(t, s, ws.ID, erasing("first"))
	live := shown(s)
	s.Close()

	s = openStore(t, dir)
	if got := shown(s); got != live {
		t.Errorf("after a restart the second Bram is shown as %q; live, after the erasure, %q", got, live)
	}
	var replayed *inquiry.Workshop
	var err error
	if replayed, err = inquiry.Replay(s.Events(ws.ID, 0)); err != nil {
		t.Fatalf("replay the log: %v", err)
	}
	if p, ok := replayed.Participant("second"); !ok || p.Name != live {
		t.Errorf("a replay of the whole log shows the second Bram as %q; live, after the erasure, %q", p.Name, live)
	}
}
