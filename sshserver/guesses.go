package sshserver

import (
	"slices"
	"time"
)

// maxKnownCodes is how many codes found from one address are remembered,
// so that the rest of a room can look its code up at once, whatever a
// prankster on the same network has tried.
const maxKnownCodes = 8

// guessPolicy is how an address's lookups are slowed once it has tried
// many wrong codes (see Config.JoinFreeMisses).
type guessPolicy struct {
	free     int           // distinct wrong codes within window that cost nothing
	window   time.Duration // how long a wrong code counts
	delay    time.Duration // the first wait, doubling with each further wrong code
	maxDelay time.Duration // the longest one wrong code makes the next lookup wait
	maxWait  time.Duration // the longest a lookup queues; beyond it, it is refused
}

// step is how far apart lookups from an address are spaced when used
// wrong codes (tried or under way) count against it: nothing for the
// first free ones, then delay, doubling up to maxDelay.
func (p guessPolicy) step(used int) time.Duration {
	over := used - p.free
	if over < 0 || p.delay <= 0 {
		return 0
	}
	if over >= 30 || p.delay<<over > p.maxDelay {
		return p.maxDelay
	}
	return p.delay << over
}

// guessLedger is what one address has tried as codes: the distinct wrong
// codes within the window, the lookups under way, the codes it has found,
// and when its last slowed lookup was let go. It never refuses a code
// outright: it only makes lookups from a busy address wait, so the right
// code always gets in, after at most maxDelay once guessing stops. It is
// guarded by the origins' mutex.
type guessLedger struct {
	misses   []codeMiss // distinct wrong codes, oldest first
	inflight int        // lookups reserved and not yet settled
	known    []string   // codes found from this address, newest last
	next     time.Time  // when the last slowed lookup was let go
}

type codeMiss struct {
	code string
	at   time.Time
}

// forget drops wrong codes that have left the window.
func (l *guessLedger) forget(now time.Time, window time.Duration) {
	i := 0
	for i < len(l.misses) && now.Sub(l.misses[i].at) >= window {
		i++
	}
	l.misses = l.misses[i:]
}

// idle reports whether nothing in the ledger still counts.
func (l *guessLedger) idle(now time.Time, window time.Duration) bool {
	l.forget(now, window)
	return len(l.misses) == 0 && l.inflight == 0 && !l.next.After(now)
}

func (l *guessLedger) missed(code string) bool {
	return slices.ContainsFunc(l.misses, func(m codeMiss) bool { return m.code == code })
}

// slot is a lookup the ledger has let through: wait until at, then look
// the code up and settle it.
type slot struct {
	at       time.Time
	prev     time.Time // the ledger's next before this slot took its place
	reserved bool      // counted in inflight until settled
}

// reserve asks to look a code up. A code found from this address before,
// or already known to be wrong, is looked up at once: neither tells a
// guesser anything new. Any other code counts as a guess: once the free
// wrong codes are used, guesses from the address go one at a time, spaced
// by a growing step, so that however many connections guess at once they
// learn no more. A guess that would queue for longer than maxWait is
// refused (false), and the time until the queue is that short returned.
func (l *guessLedger) reserve(code string, now time.Time, p guessPolicy) (slot, time.Duration, bool) {
	l.forget(now, p.window)
	if slices.Contains(l.known, code) || l.missed(code) {
		return slot{at: now}, 0, true
	}
	at, prev := now, l.next
	if step := p.step(len(l.misses) + l.inflight); step > 0 {
		if l.next.After(now) {
			at = l.next
		}
		at = at.Add(step)
		if wait := at.Sub(now); wait > p.maxWait {
			return slot{}, wait - p.maxWait, false
		}
		l.next = at
	}
	l.inflight++
	return slot{at: at, prev: prev, reserved: true}, 0, true
}

// settle records how a reserved lookup went. looked is false when the
// lookup never happened (the person left, or the session ended, while it
// waited): then it was no guess, and if it was the last in the queue its
// place is given back.
func (l *guessLedger) settle(s slot, code string, looked, found bool, now time.Time) {
	if s.reserved {
		l.inflight--
	}
	switch {
	case !looked:
		if s.reserved && l.next.Equal(s.at) {
			l.next = s.prev
		}
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
