package sshserver

import (
	"context"
	"errors"
	"io"
	"testing"
	"testing/synctest"
	"time"

	"charm.land/log/v2"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// oneWorkshop is a Room that knows one join code; the guard calls nothing
// else of it.
type oneWorkshop struct {
	tui.Room
	code string
}

func (r oneWorkshop) ByCode(code string) (inquiry.Summary, bool) {
	mine, _ := inquiry.ParseJoinCode(r.code)
	if typed, err := inquiry.ParseJoinCode(code); err == nil && typed == mine {
		return inquiry.Summary{ID: "w1", Code: r.code}, true
	}
	return inquiry.Summary{}, false
}

// newTestGuard is a join guard on a server with just what it needs, on
// the real clock: inside a synctest bubble, that clock is the bubble's.
func newTestGuard(ctx context.Context, cfg Config) *joinGuard {
	s := &Server{cfg: cfg, origins: newOrigins(cfg), clock: systemClock{}, log: log.New(io.Discard)}
	src, _, _ := s.origins.admit("192.0.2.1", &handshake{}, time.Now())
	return &joinGuard{Room: oneWorkshop{code: "harbour-talk"}, server: s, conn: &connState{origin: src}, ending: newEnding(ctx)}
}

// TestAReservedLookupWaitsOffTheScreenAndEndsWithTheSession runs the
// guard's lookups as a screen that keeps drawing would (the wait known at
// once, the lookup in a goroutine, as a tea.Cmd runs) on synctest's clock:
// a lookup waits exactly what it said; leaving (its context) or the
// session's end stops the wait at once, and neither counts as a guess.
func TestAReservedLookupWaitsOffTheScreenAndEndsWithTheSession(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.JoinFreeMisses = 0 // every new code waits its step: 1 s, doubling
		session, endSession := context.WithCancel(context.Background())
		defer endSession()
		g := newTestGuard(session, cfg)

		type result struct {
			w   inquiry.Summary
			err error
		}
		start := func(code string, ctx context.Context) (time.Duration, chan result) {
			wait, find := g.ReserveCode(code)
			done := make(chan result, 1)
			go func() {
				w, err := find(ctx)
				done <- result{w, err}
			}()
			return wait, done
		}
		finished := func(done chan result) (result, bool) {
			synctest.Wait()
			select {
			case r := <-done:
				return r, true
			default:
				return result{}, false
			}
		}

		wait, done := start("wrong-one", context.Background())
		if wait != time.Second {
			t.Fatalf("the first guess will wait %s; want 1s", wait)
		}
		time.Sleep(wait - time.Millisecond)
		if _, ok := finished(done); ok {
			t.Fatal("the lookup ended before its wait")
		}
		time.Sleep(time.Millisecond)
		if r, ok := finished(done); !ok || !errors.Is(r.err, inquiry.ErrNotFound) {
			t.Fatalf("after its wait the wrong code gave %+v (ended %v); want not found", r, ok)
		}

		leaving, leave := context.WithCancel(context.Background())
		wait, done = start("wrong-two", leaving)
		if wait != 2*time.Second {
			t.Fatalf("the second guess will wait %s; want 2s", wait)
		}
		leave() // ctrl+c while it waits
		if r, ok := finished(done); !ok || !errors.Is(r.err, context.Canceled) {
			t.Fatalf("leaving during the wait gave %+v (ended %v); want it ended at once", r, ok)
		}

		wait, done = start("harbour talk", context.Background())
		if wait != 2*time.Second {
			t.Fatalf("after a left lookup the next waits %s; want 2s: what was never looked up is not a guess", wait)
		}
		time.Sleep(wait)
		if r, ok := finished(done); !ok || r.err != nil || r.w.Code != "harbour-talk" {
			t.Fatalf("the right code, typed with a space, gave %+v (ended %v)", r, ok)
		}
		if wait, _ := g.ReserveCode("Harbour-Talk"); wait != time.Second {
			// Found from here before: no address step, only the
			// connection's wait for its one wrong code.
			t.Errorf("a code found from here waits %s; want the connection's 1s only", wait)
		}

		_, done = start("wrong-three", context.Background())
		g.ending.end("") // the session ends while it waits
		if r, ok := finished(done); !ok || !errors.Is(r.err, context.Canceled) {
			t.Fatalf("the session's end gave %+v (ended %v); want the lookup ended at once", r, ok)
		}
		g.server.origins.mu.Lock()
		inflight := g.conn.origin.guesses.inflight
		g.server.origins.mu.Unlock()
		if inflight != 0 {
			t.Errorf("%d lookups still counted as under way after the session ended", inflight)
		}
	})
}

// TestInputMeterPassesABurstThenTheRate reads a long paste through the
// input meter on synctest's clock: the burst passes at once, the rest at
// the rate, none of it lost.
func TestInputMeterPassesABurstThenTheRate(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		cfg := DefaultConfig()
		cfg.InputBurst, cfg.InputRate, cfg.InputFloodTimeout = 4096, 1024, time.Hour
		r, w := io.Pipe()
		done := make(chan struct{})
		defer close(done)
		m := newInputMeter(r, systemClock{}, cfg, done, func() { t.Error("a paste was taken for a flood") })
		go func() {
			_, _ = w.Write(make([]byte, 6000))
			w.Close()
		}()
		start := time.Now()
		read, burst := 0, time.Duration(-1)
		buf := make([]byte, 32<<10)
		for {
			n, err := m.Read(buf)
			read += n
			if read >= 4096 && burst < 0 {
				burst = time.Since(start)
			}
			if err != nil || read == 6000 {
				break
			}
		}
		took := time.Since(start)
		// The 1,904 bytes beyond the burst come at 1,024 a second, in reads
		// of at least 512: the last waits for its 512 tokens.
		if read != 6000 || burst != 0 || took < 1860*time.Millisecond || took > 2*time.Second {
			t.Errorf("read %d bytes, the burst after %s, all after %s; want 6000, at once, then about 1.9 s", read, burst, took)
		}
	})
}
