package sshserver

import (
	"fmt"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// originKey names where a connection comes from, as the limits count it:
// an IPv4 address, or the /64 an IPv6 address is in, since one household
// or machine is usually given a whole /64 and could otherwise take a new
// address for every connection.
func originKey(addr net.Addr) string {
	var ip net.IP
	switch a := addr.(type) {
	case *net.TCPAddr:
		ip = a.IP
	case nil:
	default:
		if host, _, err := net.SplitHostPort(a.String()); err == nil {
			ip = net.ParseIP(host)
		}
	}
	if ip == nil {
		return "unknown"
	}
	if v4 := ip.To4(); v4 != nil {
		return v4.String()
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// origin is what the server keeps about one source address: how many
// connections and sessions it has open, its connections still in their
// handshake, and the codes tried from it.
type origin struct {
	key      string
	conns    int
	sessions int
	pending  []*handshake // admitted, not yet in use, oldest first
	guesses  guessLedger
	// refusedLogged is when each kind of refusal for this address was
	// last logged, so that a flood of refusals is not a flood of log
	// lines; refusedQuiet counts those not logged since.
	refusedLogged [refusalKinds]time.Time
	refusedQuiet  [refusalKinds]int
}

// refusalKind is what a logged refusal refused.
type refusalKind int

const (
	refusedConnection refusalKind = iota
	droppedHandshake
	refusedSession
	refusedJoinCode
	refusalKinds
)

// handshake is a connection from its admission until it is in use (its
// first channel, which a client can open only once authenticated). It
// counts what the client has sent, so that when an address has too many
// of them the one that has done least can make room (see admit).
type handshake struct {
	net.Conn
	since time.Time
	read  atomic.Int64
}

// handshakeGrace is how long a new connection is spared from being closed
// to make room: its first bytes (the client's version line and key
// exchange offer) are sent at once, but the server may not have read them
// yet, and until then it looks like a connection left silent.
const handshakeGrace = time.Second

func (h *handshake) Read(p []byte) (int, error) {
	n, err := h.Conn.Read(p)
	h.read.Add(int64(n))
	return n, err
}

// origins holds every address with something open or remembered, and the
// server's totals. One mutex guards it all: every operation is a few map
// and counter updates.
type origins struct {
	mu       sync.Mutex
	cfg      Config
	byKey    map[string]*origin
	conns    int
	sessions int
	sweepAt  int
}

// sweepFloor is the number of addresses remembered before forgotten ones
// are swept out; the threshold doubles with what remains, so sweeping
// costs little per connection however many addresses there are.
const sweepFloor = 1024

func newOrigins(cfg Config) *origins {
	return &origins{cfg: cfg, byKey: map[string]*origin{}, sweepAt: sweepFloor}
}

// headroom is the number of connections allowed for a limit of n
// sessions: a quarter more (at least one), so that people just over the
// session limit can finish the handshake and be told why they are
// refused, while a flood of bare connections is still capped.
func headroom(n int) int { return n + max(1, n/4) }

// refusal says why a connection was closed before its handshake.
type refusal string

const (
	refusedTotal refusal = "too many connections open"
	refusedLocal refusal = "too many connections open from one address"
)

// admit counts a new connection in as an unfinished handshake, or says
// why it is refused. When the address already has as many unfinished
// handshakes as it may (Config.MaxHandshakesPerAddress), the one whose
// client has sent least, the oldest of those, is returned to be closed
// to make room (sparing those younger than handshakeGrace if it can): a connection left silent, or stopped halfway, makes room
// for one that is getting on with its handshake, so a machine opening
// connections in a loop cannot starve the people behind the same router
// (the people already in, with their sessions, never count here). The
// origin returned stays valid until release.
func (o *origins) admit(key string, h *handshake, now time.Time) (src *origin, evicted *handshake, why refusal) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.byKey) >= o.sweepAt {
		o.sweepLocked(now)
	}
	src = o.byKey[key]
	if src == nil {
		src = &origin{key: key}
		o.byKey[key] = src
	}
	switch {
	case o.conns >= headroom(o.cfg.MaxSessions):
		return src, nil, refusedTotal
	case src.conns >= headroom(o.cfg.MaxSessionsPerAddress):
		return src, nil, refusedLocal
	}
	if len(src.pending) >= o.cfg.MaxHandshakesPerAddress {
		i := leastProgressed(src.pending, now)
		evicted = src.pending[i]
		src.pending = slices.Delete(src.pending, i, i+1)
	}
	o.conns++
	src.conns++
	src.pending = append(src.pending, h)
	return src, evicted, ""
}

// leastProgressed is the index of the handshake to close: of those past
// their grace (or of all, if none is), the one whose client has sent
// fewest bytes, the oldest of those.
func leastProgressed(pending []*handshake, now time.Time) int {
	least := 0
	young := func(h *handshake) bool { return now.Sub(h.since) < handshakeGrace }
	for i, h := range pending[1:] {
		l := pending[least]
		if young(h) != young(l) {
			if young(l) {
				least = i + 1
			}
			continue
		}
		if h.read.Load() < l.read.Load() {
			least = i + 1
		}
	}
	return least
}

// inUse marks a connection's handshake finished: it no longer counts
// against its address's unfinished handshakes.
func (o *origins) inUse(src *origin, h *handshake) {
	o.mu.Lock()
	defer o.mu.Unlock()
	src.pending = slices.DeleteFunc(src.pending, func(p *handshake) bool { return p == h })
}

// release counts a connection out.
func (o *origins) release(src *origin, h *handshake) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.conns--
	src.conns--
	src.pending = slices.DeleteFunc(src.pending, func(p *handshake) bool { return p == h })
}

// shouldLogRefusal reports whether a refusal of this kind for this
// address is to be logged now (at most once a minute for each), and how
// many went unlogged before it.
func (o *origins) shouldLogRefusal(src *origin, kind refusalKind, now time.Time) (bool, int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if last := src.refusedLogged[kind]; !last.IsZero() && now.Sub(last) < time.Minute {
		src.refusedQuiet[kind]++
		return false, 0
	}
	quiet := src.refusedQuiet[kind]
	src.refusedLogged[kind], src.refusedQuiet[kind] = now, 0
	return true, quiet
}

// enterSession counts a session in. If the server or the address is at
// its limit it returns what to tell the person instead, and the session
// is not counted.
func (o *origins) enterSession(src *origin) string {
	o.mu.Lock()
	defer o.mu.Unlock()
	switch {
	case o.sessions >= o.cfg.MaxSessions:
		return fmt.Sprintf("The server is full: %d sessions are open, as many as it takes. Please try again in a few minutes.", o.cfg.MaxSessions)
	case src.sessions >= o.cfg.MaxSessionsPerAddress:
		return fmt.Sprintf("Your network already has %d sessions open here, as many as one address may have. "+
			"Close one, or ask the facilitator to raise the limit (ANCHORAGE_MAX_SESSIONS_PER_ADDRESS).", o.cfg.MaxSessionsPerAddress)
	}
	o.sessions++
	src.sessions++
	return ""
}

// leaveSession counts a session out.
func (o *origins) leaveSession(src *origin) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sessions--
	src.sessions--
}

// totals returns the connections and sessions open, for tests and logs.
func (o *origins) totals() (conns, sessions int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.conns, o.sessions
}

// sweepLocked forgets addresses with nothing open and nothing worth
// remembering: no wrong code from them is still within the window.
func (o *origins) sweepLocked(now time.Time) {
	for key, src := range o.byKey {
		if src.conns == 0 && src.sessions == 0 && src.guesses.idle(now, o.cfg.JoinMissWindow) {
			delete(o.byKey, key)
		}
	}
	o.sweepAt = max(sweepFloor, 2*len(o.byKey))
}

// reserveLookup asks the address's ledger to look a code up (see
// guessLedger.reserve).
func (o *origins) reserveLookup(src *origin, code string, now time.Time) (slot, time.Duration, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return src.guesses.reserve(code, now, o.cfg.guessPolicy())
}

// settleLookup records how a reserved lookup went.
func (o *origins) settleLookup(src *origin, s slot, code string, looked, found bool, now time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	src.guesses.settle(s, code, looked, found, now)
}
