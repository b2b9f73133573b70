package data

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// BenchmarkHeapPerContribution is the store's live heap for one workshop
// of n contributions at one prompt, per contribution: the committer's and
// the readers' folds, the tail of decoded events and Badger's memtables,
// measured after a restart (from a snapshot) once its chain is checked.
// Badger's memtable (about 10 MB) is the same at any size, so the figure
// at 30,000 is the one to read.
func BenchmarkHeapPerContribution(b *testing.B) {
	for _, n := range []int{1_000, 30_000} {
		dir := b.TempDir()
		s := openStore(b, dir, unlimited)
		ws := openWorkshop(b, s, "bench-0001")
		const people = 20
		for p := range people {
			mustAppend(b, s, ws.ID, joining(participant(p)))
		}
		if err := run(people, func(p int) error {
			for i := p; i < n; i += people {
				e := adding(participant(p), fmt.Sprintf("c%05d", i), fmt.Sprintf("lg%04d-%03d share the hall", p, i))
				if _, err := s.Append(testContext(b), ws.ID, e); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		s.Close()
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			var per float64
			for b.Loop() {
				before := liveHeap()
				o := Options{Dir: dir}
				unlimited(&o)
				s, err := Open(o)
				if err != nil {
					b.Fatal(err)
				}
				<-s.checked
				if err := s.Read(ws.ID, func(*inquiry.Workshop) {}); err != nil {
					b.Fatal(err)
				}
				per = float64(liveHeap()-before) / float64(n)
				s.Close()
			}
			b.ReportMetric(per, "heap-bytes/contribution")
		})
	}
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
