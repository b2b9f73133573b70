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

// BenchmarkReplayStamped folds a whole log the store has already verified,
// checking the rules but not every hash again: what the store does for
// Workshop and its readers' shared fold.
func BenchmarkReplayStamped(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		_, events := largeExportLog(b, n)
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReplayStamped(events); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(events)), "ns/event")
		})
	}
}

// BenchmarkApplyOne folds one new contribution into a workshop of n,
// checking its hash, its words' digest and the rules: the work a
// facilitator's screen does per contribution it is shown.
func BenchmarkApplyOne(b *testing.B) {
	benchmarkApplyOne(b, (*Workshop).Apply)
}

// BenchmarkApplyStampedOne folds one contribution the caller has just
// stamped: the rules without the hash and digest checks, as the committer
// does.
func BenchmarkApplyStampedOne(b *testing.B) {
	benchmarkApplyOne(b, (*Workshop).ApplyStamped)
}

func benchmarkApplyOne(b *testing.B, apply func(*Workshop, Event) error) {
	for _, n := range []int{100, 1_000, 10_000} {
		// New contributions to apply one per iteration; when they run out
		// the workshop is replayed back to n, so it stays within 25% of n.
		extra := max(n/4, 32)
		_, events := largeExportLog(b, n+extra)
		base := len(events) - extra
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			fresh := func() *Workshop {
				ws, err := Replay(events[:base])
				if err != nil {
					b.Fatal(err)
				}
				return ws
			}
			ws, next := fresh(), base
			b.ReportAllocs()
			for b.Loop() {
				if next == len(events) {
					b.StopTimer()
					ws, next = fresh(), base
					b.StartTimer()
				}
				if err := apply(ws, events[next]); err != nil {
					b.Fatal(err)
				}
				next++
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
