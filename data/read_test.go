package data

import (
	"errors"
	"fmt"
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

func TestReadFromManySessionsWhileContributionsCommit(t *testing.T) {
	s := openStore(t, t.TempDir(), unlimited)
	sum := openWorkshop(t, s, "read-many")
	mustAppend(t, s, sum.ID, joining("p-writer"))
	done := make(chan struct{})
	errs := make(chan error, 16)
	for range 8 {
		go func() {
			for {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				var head uint64
				if err := s.Read(sum.ID, func(w *inquiry.Workshop) { head = w.Head }); err != nil {
					errs <- err
					return
				}
				if head == 0 {
					errs <- errors.New("Read saw an empty workshop")
					return
				}
			}
		}()
	}
	for i := range 200 {
		mustAppend(t, s, sum.ID, adding("p-writer", fmt.Sprintf("c%03d", i), "words"))
	}
	close(done)
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	var n int
	_ = s.Read(sum.ID, func(w *inquiry.Workshop) { n = len(w.Contributions) })
	if n != 200 {
		t.Fatalf("Read after the writes sees %d contributions, want 200", n)
	}
}
