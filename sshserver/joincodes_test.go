package sshserver

import (
	"fmt"
	"testing"
	"time"
)

// testPolicy is the default policy with small numbers.
var testPolicy = guessPolicy{free: 3, window: 10 * time.Minute, delay: time.Second, maxDelay: 4 * time.Second, maxWait: 10 * time.Second}

func TestGuessLedgerSlowsAnAddressButNeverLocksItOut(t *testing.T) {
	start := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	var l guessLedger
	try := func(code string, at time.Duration, found bool) time.Duration {
		now := start.Add(at)
		s, _, ok := l.reserve(code, now, testPolicy)
		if !ok {
			t.Fatalf("%s at %s was refused: an address is slowed, never locked out", code, at)
		}
		l.settle(s, code, true, found, s.at)
		return s.at.Sub(now)
	}
	steps := []struct {
		code     string
		at       time.Duration
		found    bool
		wantWait time.Duration
	}{
		{"harbour-talk", 0, true, 0}, // found: remembered as known
		{"wrong-1", 0, false, 0},     // the free wrong codes cost nothing
		{"wrong-1", 0, false, 0},     // a repeat counts once, and waits for nothing
		{"wrong-2", 0, false, 0},     //
		{"wrong-3", 0, false, 0},     // 3 used: the free ones
		{"wrong-4", time.Minute, false, time.Second},
		{"wrong-5", 2 * time.Minute, false, 2 * time.Second},
		{"wrong-6", 3 * time.Minute, false, 4 * time.Second},
		{"wrong-7", 4 * time.Minute, false, 4 * time.Second},              // the longest step
		{"castle-talk", 5 * time.Minute, true, 4 * time.Second},           // the right code, new here: waits its step and is found
		{"castle-talk", 5 * time.Minute, true, 0},                         // and once found, at once
		{"wrong-3", 5 * time.Minute, false, 0},                            // a known wrong code tells nothing new
		{"harbour-talk", 5 * time.Minute, true, 0},                        // a code found before still works
		{"wrong-8", 10*time.Minute + time.Second, false, 2 * time.Second}, // the first three have left the window: 4 left
		{"wrong-9", 20 * time.Minute, false, 0},                           // all have left it
	}
	for i, s := range steps {
		if wait := try(s.code, s.at, s.found); wait != s.wantWait {
			t.Errorf("step %d (%s at %s): waited %s; want %s", i, s.code, s.at, wait, s.wantWait)
		}
	}
}

func TestConcurrentGuessesAreSpacedOutAndTheQueueIsBounded(t *testing.T) {
	now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	var l guessLedger
	var waits []time.Duration
	var retry time.Duration
	for i := range 10 { // ten lookups reserved before any is settled
		s, r, ok := l.reserve(fmt.Sprintf("wrong-%d", i), now, testPolicy)
		if !ok {
			retry = r
			break
		}
		waits = append(waits, s.at.Sub(now))
	}
	// 0, 0, 0 free; then 1 s, 2 s and 4 s apart: 1, 3, 7; the next would
	// wait 11 s, beyond the 10 s a lookup may queue.
	want := []time.Duration{0, 0, 0, time.Second, 3 * time.Second, 7 * time.Second}
	if fmt.Sprint(waits) != fmt.Sprint(want) || retry != time.Second {
		t.Errorf("lookups waited %v and the next was told to wait %s; want %v (each spaced after the last), then 1s", waits, retry, want)
	}
}

func TestConnectionDelayDoublesWithEachWrongCode(t *testing.T) {
	cfg := DefaultConfig()
	var got []time.Duration
	for misses := range 8 {
		got = append(got, connectionDelay(misses, cfg))
	}
	want := []time.Duration{0, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("waits after 0..7 wrong codes on a connection: %v, want %v", got, want)
	}
}
