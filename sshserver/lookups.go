package sshserver

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/anchorage/anchorage/inquiry"
)

// The limits on guessing codes. Every code a visitor looks up (a join
// code in the SSH user name or typed on the join screen, a resume code, an
// enrolment code) is a guess, and goes through reserveGuess and run:
//
//   - per connection, MaxJoinAttempts wrong codes, shared by all its
//     sessions, each making the next lookup on the connection wait longer
//     (JoinDelay, doubling, up to JoinMaxDelay); the wrong code that
//     reaches the limit makes the session exit with status 1, and no
//     further code is looked up on the connection;
//   - per address, the guessLedger: a growing wait, never a lockout.
//
// Lookups that are not guesses are not counted: a facilitator's commands
// and screens (the key is a facilitator's, checked in the handshake, and
// a facilitator may see every workshop anyway), the scribe check (it
// finds something only for a key a facilitator enrolled for that very
// workshop, and a miss goes on to the participant's counted lookup), and
// the log's note of the user name (it answers nobody).

// tooManyCodes is what someone is told when their connection has used up
// its wrong codes.
const tooManyCodes = "Too many wrong join codes. Check the code with your facilitator and connect again."

// tooManyFromHere is what someone is told when codes are being guessed
// from their address so fast that their own lookup would wait beyond
// Config.JoinMaxWait: when to try again.
func tooManyFromHere(retry time.Duration) string {
	return fmt.Sprintf("Too many wrong codes from here; wait %d s and try again.", seconds(retry))
}

// seconds rounds a wait up to whole seconds, at least one.
func seconds(d time.Duration) int64 {
	return max(1, int64((d+time.Second-1)/time.Second))
}

// codeRefusal is a lookup the limits did not make. Its message is for the
// person; it matches inquiry.ErrTooManyCodes. retry is how long to wait
// before trying again, 0 once the connection may try no more: a screen
// says it in the person's language (RetryAfter).
type codeRefusal struct {
	text  string
	retry time.Duration
}

func (r codeRefusal) Error() string { return r.text }
func (r codeRefusal) Unwrap() error { return inquiry.ErrTooManyCodes }

// RetryAfter is how long to wait before trying again; 0 for never on
// this connection.
func (r codeRefusal) RetryAfter() time.Duration { return r.retry }

// guess is one code lookup the limits have let through: run it after its
// wait. It is settled (counted in or out) exactly once: when it runs, or
// when the session ends first.
type guess struct {
	server  *Server
	conn    *connState
	key     string // "" for typing that cannot be a code: nothing to look up
	slot    slot
	wait    time.Duration
	settled sync.Once
	release func() // stops the settling at the session's end
}

// reserveGuess asks the connection's and its address's limits to look up
// a code, under key (the code's kind and its normal form, or "" when what
// was typed cannot be a code). done is closed when the session ends: a
// guess reserved and never run is settled then.
func (s *Server) reserveGuess(cs *connState, key string, done <-chan struct{}) (*guess, error) {
	misses := cs.joinMisses.Load()
	if misses >= int32(s.cfg.MaxJoinAttempts) {
		return nil, codeRefusal{text: tooManyCodes}
	}
	g := &guess{server: s, conn: cs, key: key, wait: connectionDelay(int(misses), s.cfg)}
	if key == "" {
		return g, nil
	}
	now := s.clock.Now()
	sl, retry, ok := s.origins.reserveLookup(cs.origin, key, now)
	if !ok {
		if say, unlogged := s.origins.shouldLogRefusal(cs.origin, refusedJoinCode, now); say {
			s.log.Warn("code lookup refused: too many codes being tried from one address",
				"remote", s.hashRemote(cs.conn.RemoteAddr()), "unlogged_since", unlogged)
		}
		return nil, codeRefusal{text: tooManyFromHere(retry), retry: retry}
	}
	g.slot, g.wait = sl, max(g.wait, sl.at.Sub(now))
	g.release = whenDone(done, func() { g.settle(false, false) })
	return g, nil
}

// connectionDelay is how long a lookup waits on a connection that has
// tried misses wrong codes: nothing for the first, then JoinDelay,
// doubling up to JoinMaxDelay.
func connectionDelay(misses int, cfg Config) time.Duration {
	if misses == 0 {
		return 0
	}
	return guessPolicy{delay: cfg.JoinDelay, maxDelay: cfg.JoinMaxDelay}.step(misses - 1)
}

// run waits out the guess's wait (returning ctx's error, or
// context.Canceled once the session has ended, if they come first), then
// calls find, counts a miss, and reports whether the code was found and
// whether this miss used up the connection's wrong codes.
func (g *guess) run(ctx context.Context, done <-chan struct{}, find func() bool) (found, spent bool, err error) {
	if g.release != nil {
		g.release()
	}
	if err := g.sleep(ctx, done); err != nil {
		g.settle(false, false)
		return false, false, err
	}
	found = g.key != "" && find()
	g.settle(true, found)
	if found {
		return true, false, nil
	}
	return false, g.conn.joinMisses.Add(1) >= int32(g.server.cfg.MaxJoinAttempts), nil
}

func (g *guess) sleep(ctx context.Context, done <-chan struct{}) error {
	if g.wait <= 0 {
		return ctx.Err()
	}
	woke := make(chan struct{})
	t := g.server.clock.AfterFunc(g.wait, func() { close(woke) })
	defer t.Stop()
	select {
	case <-woke:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-done:
		return context.Canceled
	}
}

func (g *guess) settle(looked, found bool) {
	g.settled.Do(func() {
		if g.key != "" {
			g.server.origins.settleLookup(g.conn.origin, g.slot, g.key, looked, found, g.server.clock.Now())
		}
	})
}

// whenDone calls f once done is closed, unless the returned stop is
// called first.
func whenDone(done <-chan struct{}, f func()) (stop func()) {
	stopped := make(chan struct{})
	go func() {
		select {
		case <-done:
			f()
		case <-stopped:
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(stopped) }) }
}

// joinKey is the key a join code is counted under, "" if what was typed
// cannot be a join code.
func joinKey(typed string) string {
	code, err := inquiry.ParseJoinCode(typed)
	if err != nil {
		return ""
	}
	return "join:" + code.String()
}

// resumeKey is the key a resume code is counted under: resume codes, like
// join codes, are read without regard to case, spaces and dashes.
func resumeKey(workshopID, typed string) string {
	code := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, typed)
	if code == "" || len(code) > 32 {
		return ""
	}
	return "resume:" + workshopID + ":" + code
}
