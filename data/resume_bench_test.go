package data

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkResumeCode is a room of 500 people without keys opening the
// guide at once: each one's screen asks for their resume code (in its
// Update, so the screen waits for it). It reports codes per second and the
// longest wait for one.
func BenchmarkResumeCode(b *testing.B) {
	s := openStore(b, b.TempDir())
	ws := openWorkshop(b, s, "bench-0003")
	const room = 500
	for i := range room {
		mustAppend(b, s, ws.ID, joining(fmt.Sprintf("p-%06d", i)))
	}
	var next atomic.Int64
	var worst atomic.Int64
	b.SetParallelism(32) // 64 people joining at once on two cores
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := fmt.Sprintf("p-%06d", next.Add(1)%room)
			t0 := time.Now()
			if _, err := s.ResumeCode(ws.ID, id); err != nil {
				b.Error(err)
				return
			}
			d := int64(time.Since(t0))
			for w := worst.Load(); d > w && !worst.CompareAndSwap(w, d); w = worst.Load() {
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "codes/s")
	b.ReportMetric(float64(worst.Load())/1e6, "max-wait-ms")
}
