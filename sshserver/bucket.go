package sshserver

import (
	"math"
	"time"
)

// tokenBucket allows a burst of up to capacity at once and then a steady
// perSecond. It is a plain value with no lock and no clock of its own: the
// caller passes the time and holds whatever lock guards it, so that it can
// be tested with made-up times.
type tokenBucket struct {
	capacity  float64
	perSecond float64
	tokens    float64
	last      time.Time
}

// newTokenBucket returns a full bucket.
func newTokenBucket(capacity, perSecond float64, now time.Time) tokenBucket {
	return tokenBucket{capacity: capacity, perSecond: perSecond, tokens: capacity, last: now}
}

// refill adds what has dripped in since the last call.
func (b *tokenBucket) refill(now time.Time) {
	if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = min(b.capacity, b.tokens+elapsed.Seconds()*b.perSecond)
		b.last = now
	}
}

// available is how many tokens there are now.
func (b *tokenBucket) available(now time.Time) float64 {
	b.refill(now)
	return b.tokens
}

// take removes n tokens if there are that many, and reports whether it did.
func (b *tokenBucket) take(now time.Time, n float64) bool {
	b.refill(now)
	if b.tokens < n {
		return false
	}
	b.tokens -= n
	return true
}

// spend removes n tokens even if that leaves the bucket owing.
func (b *tokenBucket) spend(now time.Time, n float64) {
	b.refill(now)
	b.tokens -= n
}

// full reports whether the bucket has refilled completely.
func (b *tokenBucket) full(now time.Time) bool {
	return b.available(now) >= b.capacity
}

// wait is how long until there are n tokens (0 if there are already).
func (b *tokenBucket) wait(now time.Time, n float64) time.Duration {
	missing := n - b.available(now)
	if missing <= 0 {
		return 0
	}
	if b.perSecond <= 0 {
		return time.Duration(1<<63 - 1)
	}
	return time.Duration(math.Ceil(missing / b.perSecond * float64(time.Second)))
}
