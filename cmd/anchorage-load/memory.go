package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// memory is the server's resident memory at the moments that matter, in
// KiB; all zero without --pid.
type memory struct {
	Before, AfterRamp, AtEnd, Peak int64
}

// settleAfterRamp is how long the server is left alone after the last
// session is in before its memory is read, so that the frames and
// handshakes of the ramp are done with.
const settleAfterRamp = time.Second

// sampler reads the server's VmRSS now and then, keeping the peak.
type sampler struct {
	r    *run
	pid  int
	quit chan struct{}
	done chan struct{}
	once sync.Once
}

// sampleMemory reads the server's memory before anything connects and
// starts following its peak. Without --pid it does nothing.
func (r *run) sampleMemory() *sampler {
	s := &sampler{r: r, pid: r.cfg.PID, quit: make(chan struct{}), done: make(chan struct{})}
	if s.pid == 0 {
		close(s.done)
		return s
	}
	s.record(func(m *memory, kib int64) { m.Before = kib })
	go func() {
		defer close(s.done)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.quit:
				return
			case <-t.C:
				s.record(func(*memory, int64) {})
			}
		}
	}()
	return s
}

func (s *sampler) afterRamp() {
	if s.pid == 0 {
		return
	}
	time.Sleep(settleAfterRamp)
	s.record(func(m *memory, kib int64) { m.AfterRamp = kib })
}

func (s *sampler) atEnd() {
	s.record(func(m *memory, kib int64) { m.AtEnd = kib })
}

func (s *sampler) stop() {
	s.once.Do(func() {
		if s.pid != 0 {
			close(s.quit)
		}
	})
	<-s.done
}

// record reads VmRSS, keeps the peak and lets set file it.
func (s *sampler) record(set func(m *memory, kib int64)) {
	if s.pid == 0 {
		return
	}
	kib, err := residentKiB(s.pid)
	if err != nil {
		s.r.fail("memory: %v", err)
		return
	}
	s.r.mu.Lock()
	defer s.r.mu.Unlock()
	s.r.memory.Peak = max(s.r.memory.Peak, kib)
	set(&s.r.memory, kib)
}

// residentKiB reads a process's resident set size from /proc/PID/status.
func residentKiB(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read the server's memory: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

// loadAverage is the machine's one-minute load average, as /proc/loadavg
// gives it; "" where there is none.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	fields := strings.Fields(string(b))
	if len(fields) < 3 {
		return ""
	}
	return strings.Join(fields[:3], " ")
}
