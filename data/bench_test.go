package data

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkCommit measures contributions committed per second, and the
// 99th-percentile latency of one Append, with 1, 64 and 256 people
// submitting at once into one workshop, with synchronous writes on a
// temporary folder.
func BenchmarkCommit(b *testing.B) {
	for _, writers := range []int{1, 64, 256} {
		b.Run(fmt.Sprintf("writers=%d", writers), func(b *testing.B) {
			s := openStore(b, b.TempDir(), unlimited)
			ws := openWorkshop(b, s, "bench-0001")
			for w := range writers {
				mustAppend(b, s, ws.ID, joining(participant(w)))
			}
			before := s.Stats()
			latencies := make([][]time.Duration, writers)
			b.ResetTimer()
			start := time.Now()
			err := run(writers, func(w int) error {
				n := b.N / writers
				if w < b.N%writers {
					n++
				}
				for i := range n {
					id := fmt.Sprintf("%s-c%d", participant(w), i)
					t0 := time.Now()
					if _, err := s.Append(testContext(b), ws.ID, adding(participant(w), id, "We ran the community hub together with the health board")); err != nil {
						return err
					}
					latencies[w] = append(latencies[w], time.Since(t0))
				}
				return nil
			})
			elapsed := time.Since(start)
			b.StopTimer()
			if err != nil {
				b.Fatal(err)
			}
			all := slices.Concat(latencies...)
			slices.Sort(all)
			stats := s.Stats()
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "contributions/s")
			b.ReportMetric(float64(all[(len(all)-1)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(stats.Events-before.Events)/float64(max(1, stats.Batches-before.Batches)), "events/batch")
		})
	}
}
