package sshserver

import "time"

// clock is where the server's limits read the time and set their timers.
// It is the system clock, except in end-to-end tests that need to move
// time on by hand: an idle timeout of two hours, or a connection that has
// stalled for thirty seconds, can then be tested over real SSH without
// waiting and without depending on how fast the machine is. Tests of one
// part (lookups_test.go) use testing/synctest on the system clock instead;
// it cannot serve the end-to-end tests, because its clock moves only when
// every goroutine of the test is blocked on something it controls, and a
// server and client talking over 127.0.0.1 wait on the network.
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
