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

// BenchmarkContributionAtOnePrompt is the worst case of a growing
// workshop: every contribution at the prompt every participant is on. One
// op is one contribution committed and twenty participants' screens
// reading what they show of the prompt through the shared fold:
// "read=counts" as the fold's counts and a page of 20 allow
// (OthersCount, OwnCount, OthersPage), "read=scan" as the participant
// screen does today (every contribution at the prompt through VisibleTo).
func BenchmarkContributionAtOnePrompt(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 30_000} {
		s := openStore(b, b.TempDir(), unlimited)
		ws := openWorkshop(b, s, "bench-0003")
		const people = 20
		for p := range people {
			mustAppend(b, s, ws.ID, joining(participant(p)))
		}
		if err := run(people, func(p int) error {
			for i := p; i < n; i += people {
				e := adding(participant(p), fmt.Sprintf("c%05d", i), "Share the hall on Tuesdays")
				if _, err := s.Append(testContext(b), ws.ID, e); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		reads := map[string]func(w *inquiry.Workshop, me string) int{
			"counts": func(w *inquiry.Workshop, me string) int {
				here, _ := w.OwnCount(me, bestPrompt)
				return w.OthersCount(bestPrompt, me) + here + len(w.OthersPage(bestPrompt, me, 0, 20))
			},
			"scan": func(w *inquiry.Workshop, me string) int {
				seen := 0
				for _, c := range w.Answers(bestPrompt) {
					if c.Participant != me && w.VisibleTo(me, c) {
						seen++
					}
				}
				return seen
			},
		}
		for _, how := range []string{"counts", "scan"} {
			b.Run(fmt.Sprintf("contributions=%d/read=%s", n, how), func(b *testing.B) {
				i := 0
				for b.Loop() {
					i++
					e := adding(participant(i%people), fmt.Sprintf("%s-%d", how, i), "Share the hall on Tuesdays")
					if _, err := s.Append(testContext(b), ws.ID, e); err != nil {
						b.Fatal(err)
					}
					for p := range people {
						if err := s.Read(ws.ID, func(w *inquiry.Workshop) { reads[how](w, participant(p)) }); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
