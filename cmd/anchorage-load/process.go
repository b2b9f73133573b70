package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// memory is the server's resident memory at the moments that matter, in
// KiB; all zero without --pid.
type memory struct {
	Before    int64 `json:"before"`
	AfterRamp int64 `json:"after_ramp"`
	AtEnd     int64 `json:"at_end"`
	Peak      int64 `json:"peak"`
}

// cpu is processor time used over the run's steady phase (after the ramp),
// in seconds: the server's (with --pid) and the load generator's own, which
// share the machine.
type cpu struct {
	Server float64 `json:"server_s"`
	Load   float64 `json:"load_generator_s"`
	Wall   float64 `json:"wall_s"`
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
	// The steady phase's start: wall clock and processor seconds.
	wall         time.Time
	server, load float64
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

// afterRamp reads the memory once the ramp has settled, and starts the
// processor clocks of the steady phase.
func (s *sampler) afterRamp() {
	if s.pid != 0 {
		time.Sleep(settleAfterRamp)
		s.record(func(m *memory, kib int64) { m.AfterRamp = kib })
	}
	s.wall, s.server, s.load = time.Now(), processCPU(s.pid), selfCPU()
}

// atEnd reads the memory and the processor time at the end of the steady
// phase.
func (s *sampler) atEnd() {
	s.record(func(m *memory, kib int64) { m.AtEnd = kib })
	c := cpu{Load: selfCPU() - s.load, Wall: time.Since(s.wall).Seconds()}
	if s.pid != 0 {
		c.Server = processCPU(s.pid) - s.server
	}
	s.r.mu.Lock()
	s.r.cpu = c
	s.r.mu.Unlock()
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

// clockTicks is the unit of /proc/PID/stat's times (USER_HZ), 100 on
// every Linux this runs on.
const clockTicks = 100

// processCPU is the processor seconds (user and system) a process has used;
// 0 if it cannot be read.
func processCPU(pid int) float64 {
	if pid == 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: count fields
	// after its closing parenthesis. utime and stime are fields 14 and 15.
	_, rest, ok := strings.Cut(string(b), ") ")
	if !ok {
		return 0
	}
	fields := strings.Fields(rest)
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseFloat(fields[11], 64)
	stime, _ := strconv.ParseFloat(fields[12], 64)
	return (utime + stime) / clockTicks
}

// selfCPU is the processor seconds this process has used.
func selfCPU() float64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(u.Utime) + tv(u.Stime)
}
