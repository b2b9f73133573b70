package data

import (
	"fmt"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// BenchmarkOpen opens a store whose one workshop holds n contributions at
// one prompt, after a clean close: the start restores the snapshot the
// close took and folds nothing; the check of the whole chain runs after.
func BenchmarkOpen(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 30_000} {
		dir := b.TempDir()
		s := openStore(b, dir)
		ws := openWorkshop(b, s, "bench-0001")
		const people = 20
		for p := range people {
			mustAppend(b, s, ws.ID, joining(participant(p)))
		}
		if err := run(people, func(p int) error {
			for i := p; i < n; i += people {
				e := adding(participant(p), fmt.Sprintf("c%05d", i), fmt.Sprintf("Contribution %d: share the hall on Tuesdays", i))
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
			for b.Loop() {
				s, err := Open(Options{Dir: dir})
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := s.Read(ws.ID, func(w *inquiry.Workshop) {
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
}
