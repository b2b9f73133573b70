package data

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// BenchmarkReadWhileAppending is what participants' screens do when they
// list others' contributions: Read the shared fold, from many sessions at
// once, while contributions are being committed. Readers share one lock
// per workshop, so this also shows what they cost each other.
func BenchmarkReadWhileAppending(b *testing.B) {
	s := openStore(b, b.TempDir(), unlimited)
	ws := openWorkshop(b, s, "bench-0002")
	const writers = 8
	for w := range writers {
		mustAppend(b, s, ws.ID, joining(participant(w)))
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := 0; ctx.Err() == nil; i++ {
				id := fmt.Sprintf("%s-r%d", participant(w), i)
				if _, err := s.Append(ctx, ws.ID, adding(participant(w), id, "Share the hall on Tuesdays")); err != nil && ctx.Err() == nil {
					b.Error(err)
					return
				}
			}
		})
	}
	b.SetParallelism(16) // many sessions reading at once
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := s.Read(ws.ID, func(w *inquiry.Workshop) { _ = w.Summary() }); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.StopTimer()
	cancel()
	wg.Wait()
}
