package sshserver

import "time"

// clock is where the server's limits read the time and set their timers.
// It is the system clock, except in tests that need to move time on by
// hand: an idle timeout of two hours, or a connection that has stalled for
// thirty seconds, can then be tested without waiting and without a test
// that depends on how fast the machine is.
type clock interface {
	Now() time.Time
	// AfterFunc calls f in its own goroutine once d has passed.
	AfterFunc(d time.Duration, f func()) timer
}

// timer is the part of *time.Timer the limits use.
type timer interface {
	Stop() bool
	Reset(d time.Duration) bool
}

// systemClock is the real time.
type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) AfterFunc(d time.Duration, f func()) timer { return time.AfterFunc(d, f) }

// sleep waits for d on c, or until done is closed; it reports whether the
// whole wait passed.
func sleep(c clock, d time.Duration, done <-chan struct{}) bool {
	if d <= 0 {
		return true
	}
	woke := make(chan struct{})
	t := c.AfterFunc(d, func() { close(woke) })
	select {
	case <-woke:
		return true
	case <-done:
		t.Stop()
		return false
	}
}
