package sshserver

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"charm.land/ssh"
)

// A screen that is not yet running takes no size: follow must not wait
// for it, and the changes made meanwhile reach it as the latest alone.
func TestAFollowerIsHandedTheLatestSizeOnceItTakesOne(t *testing.T) {
	term := newTerminalState(ssh.Window{Width: 80, Height: 24})
	taken := make(chan ssh.Window)
	var calls, inFlight, overlapped atomic.Int32
	resize := func(w ssh.Window) {
		calls.Add(1)
		if inFlight.Add(1) > 1 {
			overlapped.Store(1)
		}
		defer inFlight.Add(-1)
		taken <- w // blocks as a screen that has not started does
	}
	done := make(chan func())
	go func() { done <- term.follow(resize) }()
	var stop func()
	select {
	case stop = <-done:
	case <-time.After(testDeadline):
		t.Fatal("waited for follow to return while the screen took no size: it blocked")
	}
	for deadline := time.Now().Add(testDeadline); calls.Load() == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("waited for the first size to be offered to the screen")
		}
	}
	for i := range 50 {
		term.resize(ssh.Window{Width: 100 + i, Height: 30})
	}
	if got := receive(t, taken, "the first size"); got.Width != 80 {
		t.Errorf("first size handed over %dx%d; want the size at follow, 80x24", got.Width, got.Height)
	}
	if got := receive(t, taken, "the latest size"); got.Width != 149 {
		t.Errorf("after a storm of 50 changes the follower was handed %dx%d; want the latest, 149x30", got.Width, got.Height)
	}
	select {
	case w := <-taken:
		t.Errorf("a size was handed over twice after the storm ended: %dx%d", w.Width, w.Height)
	case <-time.After(100 * time.Millisecond):
	}
	if calls.Load() != 2 || overlapped.Load() != 0 {
		t.Errorf("resize called %d times, overlapping: %v; want twice, one at a time", calls.Load(), overlapped.Load() != 0)
	}

	stop()
	term.resize(ssh.Window{Width: 60, Height: 20})
	select {
	case w := <-taken:
		t.Errorf("a size was handed over after stop: %dx%d", w.Width, w.Height)
	case <-time.After(100 * time.Millisecond):
	}
	if got := term.size(); got.Width != 60 || got.Height != 20 {
		t.Errorf("size after stop is %dx%d; want the latest, 60x20", got.Width, got.Height)
	}
}

// Following a size keeps no goroutine waiting: one lives only while a
// change is handed over, so an idle session costs none.
func TestAnIdleFollowerKeepsNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	var stops []func()
	var handed atomic.Int32
	for range 100 {
		term := newTerminalState(ssh.Window{Width: 80, Height: 24})
		stops = append(stops, term.follow(func(ssh.Window) { handed.Add(1) }))
		term.resize(ssh.Window{Width: 60, Height: 20})
	}
	deadline := time.Now().Add(testDeadline)
	for handed.Load() < 100 || runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("waited for 100 idle followers to hand over their sizes and keep no goroutine: %d handed, %d goroutines, %d before",
				handed.Load(), runtime.NumGoroutine(), before)
		}
		time.Sleep(5 * time.Millisecond)
	}
	for _, stop := range stops {
		stop()
	}
}

func receive(t *testing.T, c <-chan ssh.Window, what string) ssh.Window {
	t.Helper()
	select {
	case w := <-c:
		return w
	case <-time.After(testDeadline):
		t.Fatalf("waited for %s to be handed over", what)
		return ssh.Window{}
	}
}
