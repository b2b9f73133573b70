package inquiry

import (
	"fmt"
	"testing"
)

// BenchmarkReplay folds a whole log, checking the chain, the digests of
// people's words and the rules: what the store does for every workshop at
// start, and a facilitator's screen when it opens a room.
func BenchmarkReplay(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		_, events := largeExportLog(b, n)
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Replay(events); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(events)), "ns/event")
		})
	}
}

// BenchmarkApplyOne folds one new contribution into a workshop of n: the
// work a facilitator's screen does per contribution it is shown.
func BenchmarkApplyOne(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		_, events := largeExportLog(b, n+1)
		last := events[len(events)-1]
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			ws, err := Replay(events[:len(events)-1])
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				// Apply refuses a second application of the same event, so
				// check it as Apply does without folding it in.
				if err := ws.Check(last); err != nil {
					b.Fatal(err)
				}
				if last.ChainHash() != last.Hash {
					b.Fatal("hash")
				}
			}
		})
	}
}

// BenchmarkSummary is the workshop at a glance, which the store recomputes
// after every committed batch and a facilitator's screen on every frame.
func BenchmarkSummary(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		ws, _ := largeExportLog(b, n)
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			for b.Loop() {
				_ = ws.Summary()
			}
		})
	}
}
