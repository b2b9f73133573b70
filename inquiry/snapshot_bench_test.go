package inquiry

import (
	"fmt"
	"testing"
)

// BenchmarkSnapshot writes a workshop's whole state, and BenchmarkRestore
// reads it back with its indexes and counts rebuilt, and BenchmarkCopy
// makes a second fold of it: what the store does at a clean close and
// every so many events (Snapshot), and at start (Restore, Copy) instead
// of replaying the log.
func BenchmarkSnapshot(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 30_000} {
		w, _ := largeExportLog(b, n)
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				snap, err := w.Snapshot()
				if err != nil {
					b.Fatal(err)
				}
				size = len(snap)
			}
			b.ReportMetric(float64(size)/float64(n), "bytes/contribution")
		})
	}
}

func BenchmarkRestore(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 30_000} {
		w, _ := largeExportLog(b, n)
		snap, err := w.Snapshot()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := RestoreSnapshot(snap); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCopy(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 30_000} {
		w, _ := largeExportLog(b, n)
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w.Copy()
			}
		})
	}
}
