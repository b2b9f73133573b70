package sshserver

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

// manualClock is a clock that moves only when a test says so. Timers fire
// in Advance, in the order they fall due, on the test's goroutine.
type manualClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*manualTimer
}

type manualTimer struct {
	c      *manualClock
	at     time.Time
	set    time.Duration // the duration it was last set for
	f      func()
	active bool
}

func newManualClock() *manualClock {
	return &manualClock{now: time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)}
}

// withClock runs the server on c.
func withClock(c clock) serverOption {
	return serverOption{server: func(s *Server) { s.clock = c }}
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) AfterFunc(d time.Duration, f func()) timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &manualTimer{c: c, at: c.now.Add(d), set: d, f: f, active: true}
	c.timers = append(c.timers, t)
	return t
}

func (t *manualTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	was := t.active
	t.active = false
	return was
}

func (t *manualTimer) Reset(d time.Duration) bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	was := t.active
	t.at, t.set, t.active = t.c.now.Add(d), d, true
	return was
}

// Advance moves the clock on by d and fires every timer that falls due.
func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	var due []*manualTimer
	for _, t := range c.timers {
		if t.active && !t.at.After(c.now) {
			t.active = false
			due = append(due, t)
		}
	}
	c.mu.Unlock()
	slices.SortStableFunc(due, func(a, b *manualTimer) int { return a.at.Compare(b.at) })
	for _, t := range due {
		t.f()
	}
}

// pending lists the durations the active timers were set for.
func (c *manualClock) pending() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	var ds []time.Duration
	for _, t := range c.timers {
		if t.active {
			ds = append(ds, t.set)
		}
	}
	return ds
}

// waitForTimer waits until a timer set for exactly d is running: the
// server has begun to wait for something.
func (c *manualClock) waitForTimer(t *testing.T, d time.Duration, what string) {
	t.Helper()
	waitUntil(t, what+fmt.Sprintf(" (a %s timer)", d), func() bool { return slices.Contains(c.pending(), d) })
}

// waitUntil polls cond until it holds, failing the test after testDeadline.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(testDeadline)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", testDeadline, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
