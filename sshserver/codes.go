package sshserver

import (
	"slices"
	"strings"
	"time"
)

// maxKnownCodes is how many codes found from one address are remembered,
// so that a room that has joined can still look its code up after a
// prankster on the same network has used up the allowance of wrong ones.
const maxKnownCodes = 8

// maxDelaySteps caps the doubling of JoinDelay at 16 times.
const maxDelaySteps = 4

// codeLedger is what one address has tried as join codes: the different
// wrong codes within the window, lookups under way, and codes it has
// found. It is guarded by the origins' mutex.
type codeLedger struct {
	misses   []codeMiss // distinct wrong codes, oldest first
	inflight int        // lookups reserved and not yet settled
	known    []string   // codes found from this address, newest last
	next     time.Time  // when the last reserved lookup was let go
}

type codeMiss struct {
	code string
	at   time.Time
}

// normaliseCode is the form a code is remembered in: codes are looked up
// without regard to case, and a guesser's long strings are cut short.
func normaliseCode(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if len(code) > 64 {
		code = code[:64]
	}
	return code
}

// forget drops wrong codes that have left the window.
func (l *codeLedger) forget(now time.Time, window time.Duration) {
	i := 0
	for i < len(l.misses) && now.Sub(l.misses[i].at) >= window {
		i++
	}
	l.misses = l.misses[i:]
}

// idle reports whether nothing in the ledger still counts.
func (l *codeLedger) idle(now time.Time, window time.Duration) bool {
	l.forget(now, window)
	return len(l.misses) == 0 && l.inflight == 0
}

func (l *codeLedger) missed(code string) bool {
	return slices.ContainsFunc(l.misses, func(m codeMiss) bool { return m.code == code })
}

// lookupTicket is a lookup the ledger has allowed: wait for it, then look
// the code up and settle it.
type lookupTicket struct {
	wait     time.Duration
	reserved bool // counted in inflight until settled
}

// reserve asks to look a code up. A code found from this address before,
// or already known to be wrong, is looked up at once: neither tells a
// guesser anything new. Any other code needs room in the allowance; once
// half of it is used, the lookup waits (see Config.JoinDelay), and
// concurrent lookups are spaced out by the same wait.
func (l *codeLedger) reserve(code string, now time.Time, limit int, window, delay time.Duration) (lookupTicket, bool) {
	l.forget(now, window)
	if slices.Contains(l.known, code) || l.missed(code) {
		return lookupTicket{}, true
	}
	used := len(l.misses) + l.inflight
	if used >= limit {
		return lookupTicket{}, false
	}
	d := lookupDelay(used, limit, delay)
	start := now
	if l.next.After(start) {
		start = l.next
	}
	start = start.Add(d)
	l.next = start
	l.inflight++
	return lookupTicket{wait: start.Sub(now), reserved: true}, true
}

// lookupDelay is how long a lookup waits when used of limit wrong codes
// are spent: nothing for the first half, then delay, doubling with each
// further wrong code up to 16 times delay.
func lookupDelay(used, limit int, delay time.Duration) time.Duration {
	over := used - limit/2
	if over < 0 || delay <= 0 {
		return 0
	}
	return delay << min(over, maxDelaySteps)
}

// settle records how a reserved lookup went. looked is false when the
// lookup never happened (the session ended while it waited).
func (l *codeLedger) settle(t lookupTicket, code string, looked, found bool, now time.Time) {
	if t.reserved {
		l.inflight--
	}
	switch {
	case !looked:
	case found:
		if !slices.Contains(l.known, code) {
			l.known = append(l.known, code)
			if len(l.known) > maxKnownCodes {
				l.known = l.known[1:]
			}
		}
	case !l.missed(code):
		l.misses = append(l.misses, codeMiss{code: code, at: now})
	}
}
