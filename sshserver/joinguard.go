package sshserver

import (
	"fmt"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

const tooManyCodes = "Too many wrong join codes. Check the code with your facilitator and connect again."

// tooManyCodesFromAddress is what someone is told when their address has
// used up its allowance of wrong join codes.
func tooManyCodesFromAddress(window time.Duration) string {
	return fmt.Sprintf("Too many wrong join codes have come from your network in the last %s. "+
		"Check the code with your facilitator and try again in a few minutes.", humanDuration(window))
}

// joinGuard is the Room a participant's screen is given: the store, with
// every join code lookup counted, so that codes cannot be found by trying
// them one after another. Two limits apply:
//
//   - per connection, MaxJoinAttempts wrong codes, shared by all the
//     connection's sessions; the next lookup ends the session, and a new
//     session on the connection is refused;
//   - per address, across all its connections, JoinMissesPerAddress
//     different wrong codes within JoinMissWindow, with a growing wait
//     before each lookup once half are used (see Config.JoinDelay); a
//     lookup beyond the limit ends the session with a message.
//
// (The participant's screen has its own limit per session and says
// goodbye itself when it reaches it; this guard is the server's.)
type joinGuard struct {
	tui.Room
	server *Server
	conn   *connState
	ending *ending
}

// ByCode looks a code up, if the limits allow, and counts a miss.
func (g *joinGuard) ByCode(code string) (inquiry.Summary, bool) {
	var w inquiry.Summary
	found := g.lookup(normaliseCode(code), func() bool {
		var ok bool
		w, ok = g.Room.ByCode(code)
		return ok
	})
	return w, found
}

// Resume looks a resume code up under the same limits as a join code: a
// resume code opens someone's words to whoever types it.
func (g *joinGuard) Resume(workshopID, code string) (string, bool) {
	var id string
	found := g.lookup("resume:"+normaliseCode(code), func() bool {
		var ok bool
		id, ok = g.Room.Resume(workshopID, code)
		return ok
	})
	return id, found
}

// lookup runs find if the connection's and the address's allowances of
// wrong guesses permit, after any wait they impose, and counts a miss.
func (g *joinGuard) lookup(key string, find func() bool) bool {
	s := g.server
	if g.exhausted() {
		g.ending.end(tooManyCodes)
		return false
	}
	ticket, ok := s.origins.reserveLookup(g.conn.origin, key, s.clock.Now())
	if !ok {
		if say, unlogged := s.origins.shouldLogRefusal(g.conn.origin, refusedJoinCode, s.clock.Now()); say {
			s.log.Warn("join codes refused: too many wrong codes from one address",
				"remote", s.hashRemote(g.conn.conn.RemoteAddr()), "unlogged_since", unlogged)
		}
		g.ending.end(tooManyCodesFromAddress(s.cfg.JoinMissWindow))
		return false
	}
	looked := sleep(s.clock, ticket.wait, g.ending.done)
	found := looked && find()
	s.origins.settleLookup(g.conn.origin, ticket, key, looked, found, s.clock.Now())
	if looked && !found {
		g.conn.joinMisses.Add(1)
	}
	return found
}

// exhausted reports whether the connection has used up its wrong codes.
func (g *joinGuard) exhausted() bool {
	return g.conn.joinMisses.Load() >= int32(g.server.cfg.MaxJoinAttempts)
}
