package sshserver

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/anchorage/anchorage/tui"
)

// ending ends one screen session, once, for the first reason given, and
// keeps what the person is to be told. The server's limits (idle time,
// connection time, input floods, wrong join codes) end a screen through
// it: its program is asked to quit, and once it has, the server writes
// the message below the screen and exits with status 1.
type ending struct {
	once    sync.Once
	done    chan struct{} // closed once ended, for any reason
	message string        // written before done is closed
	failed  atomic.Bool   // exit with status 1, however the session ends
	program atomic.Pointer[tui.Program]
	stop    func() bool // stops watching the connection's context
}

// fail makes the session exit with status 1 when it ends, without ending
// it now: the screen may be saying goodbye itself (a participant's last
// wrong join code), and the person should not be told twice.
func (e *ending) fail() { e.failed.Store(true) }

// failure reports whether the session is to exit with status 1: it was
// failed, or ended with a message.
func (e *ending) failure() bool { return e.failed.Load() || e.reason() != "" }

// newEnding returns an ending that also happens, without a message, when
// ctx (the connection's) is done.
func newEnding(ctx context.Context) *ending {
	e := &ending{done: make(chan struct{})}
	e.stop = context.AfterFunc(ctx, func() { e.end("") })
	return e
}

// end ends the session with message for the person ("" for none). Only
// the first call counts.
func (e *ending) end(message string) {
	e.once.Do(func() {
		e.message = message
		close(e.done)
		// end can run inside the program's Update (a join code lookup) or
		// its input reader; Quit waits for the program to take the message.
		go func() {
			if p := e.program.Load(); p != nil {
				p.Quit()
			}
		}()
	})
}

// run attaches the program the session runs, and quits it at once if the
// session has already ended.
func (e *ending) run(p *tui.Program) {
	e.program.Store(p)
	if e.ended() {
		go p.Quit()
	}
}

func (e *ending) ended() bool {
	select {
	case <-e.done:
		return true
	default:
		return false
	}
}

// reason is the message for the person, "" if there is none (yet).
func (e *ending) reason() string {
	if !e.ended() {
		return ""
	}
	return e.message
}

// finish marks the session over, whatever ended it, and stops watching.
func (e *ending) finish() {
	e.stop()
	e.end("")
}

// humanDuration says a duration the way a person would: "2 hours",
// "10 minutes", "30 seconds".
func humanDuration(d time.Duration) string {
	unit := func(n int64, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		return unit(int64(d/time.Hour), "hour")
	case d >= time.Minute && d%time.Minute == 0:
		return unit(int64(d/time.Minute), "minute")
	case d >= time.Second && d%time.Second == 0:
		return unit(int64(d/time.Second), "second")
	}
	return d.String()
}
