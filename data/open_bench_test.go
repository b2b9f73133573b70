package data

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// BenchmarkOpen opens a store whose one workshop holds n contributions at
// one prompt. After a clean close ("stop=clean") the start restores the
// snapshot the close took and folds nothing; after a kill that came just
// before a snapshot was due ("stop=kill") it folds the 4,095 events after
// the last one, with every check. The check of the whole chain runs after.
func BenchmarkOpen(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 30_000} {
		for _, stop := range []string{"clean", "kill"} {
			dir := filledStore(b, n, stop == "kill")
			benchmarkOpen(b, fmt.Sprintf("contributions=%d/stop=%s", n, stop), dir, n)
		}
	}
}

// filledStore is a closed store holding one workshop of n contributions
// at one prompt; with killed, its files are copied as a kill leaves them
// when DefaultSnapshotEvery-1 of them came after the last snapshot.
func filledStore(b *testing.B, n int, killed bool) string {
	dir := b.TempDir()
	tail := min(DefaultSnapshotEvery-1, n)
	const people = 20
	// One snapshot, when the events before the tail are in.
	every := 1 + people + n - tail
	s := openStore(b, dir, func(o *Options) { o.SnapshotEvery = every }, unlimited)
	ws := openWorkshop(b, s, "bench-0001")
	for p := range people {
		mustAppend(b, s, ws.ID, joining(participant(p)))
	}
	fill := func(from, to int) {
		if err := run(people, func(p int) error {
			for i := from + p; i < to; i += people {
				e := adding(participant(p), fmt.Sprintf("c%05d", i), fmt.Sprintf("Contribution %d: share the hall on Tuesdays", i))
				if _, err := s.Append(testContext(b), ws.ID, e); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	if !killed {
		fill(0, n)
		s.Close()
		return dir
	}
	fill(0, n-tail)
	for deadline := time.Now().Add(testTimeout); tail < n; time.Sleep(5 * time.Millisecond) {
		var h snapshotHeader
		if err := s.view(func(txn *badger.Txn) error { _, err := readSnapshotHeader(txn, ws.ID, &h); return err }); err != nil {
			b.Fatal(err)
		}
		if h.Head >= uint64(every) {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("no snapshot at event %d within %s", every, testTimeout)
		}
	}
	fill(n-tail, n)
	killedDir := filepath.Join(b.TempDir(), "killed")
	copyFiles(b, dir, killedDir)
	s.Close()
	return killedDir
}

func benchmarkOpen(b *testing.B, name, dir string, n int) {
	b.Run(name, func(b *testing.B) {
		for b.Loop() {
			// Each start takes a snapshot when it closes: start from the
			// files as they were.
			b.StopTimer()
			fresh := filepath.Join(b.TempDir(), "data")
			copyFiles(b, dir, fresh)
			b.StartTimer()
			o := Options{Dir: fresh}
			unlimited(&o)
			s, err := Open(o)
			if err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if err := s.Read(s.Workshops()[0].ID, func(w *inquiry.Workshop) {
				if len(w.Contributions) != n {
					b.Fatalf("%d contributions, want %d", len(w.Contributions), n)
				}
			}); err != nil {
				b.Fatal(err)
			}
			s.Close()
			b.StartTimer()
		}
	})
}
