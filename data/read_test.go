package data

import (
	"errors"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

func TestReadSeesTheCommittedStateAsTheLogGrows(t *testing.T) {
	s := openStore(t, t.TempDir())
	sum := openWorkshop(t, s, "read-test")
	count := func() (n int) {
		t.Helper()
		if err := s.Read(sum.ID, func(w *inquiry.Workshop) { n = len(w.Participants) }); err != nil {
			t.Fatalf("Read: %v", err)
		}
		return n
	}
	if n := count(); n != 0 {
		t.Fatalf("participants before anyone joined = %d", n)
	}
	mustAppend(t, s, sum.ID, joining("p-ann"))
	if n := count(); n != 1 {
		t.Fatalf("participants after a join = %d, want 1", n)
	}
	mustAppend(t, s, sum.ID, joining("p-bo"))
	if n := count(); n != 2 {
		t.Fatalf("participants after a second join = %d, want 2", n)
	}
	if err := s.Read("0000000000000000", func(*inquiry.Workshop) {}); !errors.Is(err, inquiry.ErrNotFound) {
		t.Fatalf("Read of an unknown workshop = %v, want ErrNotFound", err)
	}
}
