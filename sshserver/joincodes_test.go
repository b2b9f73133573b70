package sshserver

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestCodeLedgerCountsDifferentWrongCodesWithinTheWindow(t *testing.T) {
	start := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	const limit, window, delay = 6, 10 * time.Minute, time.Second
	var l codeLedger
	try := func(code string, at time.Duration, found bool) (time.Duration, bool) {
		now := start.Add(at)
		ticket, ok := l.reserve(code, now, limit, window, delay)
		if ok {
			l.settle(ticket, code, true, found, now)
		}
		return ticket.wait, ok
	}
	steps := []struct {
		code     string
		at       time.Duration
		found    bool
		wantWait time.Duration
		wantOK   bool
	}{
		{"harbour-talk", 0, true, 0, true}, // found: remembered as known
		{"wrong-1", 0, false, 0, true},     // the first half of the allowance goes free
		{"wrong-1", 0, false, 0, true},     // a repeat counts once, and waits for nothing
		{"wrong-2", 0, false, 0, true},     //
		{"wrong-3", 0, false, 0, true},     // 3 used: half the allowance
		{"wrong-4", time.Minute, false, delay, true},
		{"wrong-5", 2 * time.Minute, false, 2 * delay, true},
		{"wrong-6", 3 * time.Minute, false, 4 * delay, true}, // 6 used: the limit
		{"wrong-7", 4 * time.Minute, false, 0, false},        // refused
		{"wrong-3", 4 * time.Minute, false, 0, true},         // a known wrong code tells nothing new
		{"harbour-talk", 5 * time.Minute, true, 0, true},     // a code found before still works
		{"wrong-8", window, false, delay, true},              // the first three have left the window: 3 used
	}
	for i, s := range steps {
		wait, ok := try(s.code, s.at, s.found)
		if ok != s.wantOK || wait != s.wantWait {
			t.Errorf("step %d (%s at %s): allowed %v after %s; want %v after %s", i, s.code, s.at, ok, wait, s.wantOK, s.wantWait)
		}
	}
}

func TestConcurrentLookupsCannotOverrunTheAllowance(t *testing.T) {
	now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	var l codeLedger
	var waits []time.Duration
	allowed := 0
	for i := range 10 { // ten lookups reserved before any is settled
		ticket, ok := l.reserve(fmt.Sprintf("wrong-%d", i), now, 6, time.Minute, time.Second)
		if ok {
			allowed++
			waits = append(waits, ticket.wait)
		}
	}
	want := []time.Duration{0, 0, 0, time.Second, 3 * time.Second, 7 * time.Second}
	if allowed != 6 || fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("allowed %d lookups waiting %v; want 6 waiting %v (each spaced after the last)", allowed, waits, want)
	}
}

// TestWrongJoinCodesAreLimitedPerAddressAcrossConnections tries codes from
// one address over several connections, each within its own limit of 3:
// the address's allowance of 6 still runs out, with a doubling wait once
// half is used, while another address and a code already found carry on.
func TestWrongJoinCodesAreLimitedPerAddressAcrossConnections(t *testing.T) {
	clock := newManualClock()
	p, probeScreens := withProbes()
	alice := newKey(t)
	srv := startServer(t, "", probeScreens, withClock(clock), withFacilitators(t, alice), withConfig(func(c *Config) {
		c.MaxJoinAttempts, c.JoinMissesPerAddress, c.JoinMissWindow, c.JoinDelay = 3, 6, 10*time.Minute, time.Second
	}))
	if r := run(t, srv.addr, "alice", "workshop new --title Talk --code harbour-talk", withKeys(alice)); r.status != 0 {
		t.Fatalf("setting up: %+v", r)
	}
	screen := func(from string) *terminal {
		t.Helper()
		client, _ := dialFrom(t, from, srv.addr, "harbour-talk", keyless())
		term := openTerminalOn(t, client, 80, 24)
		p.next(t)
		term.waitFor("[p 80x24]")
		return term
	}

	room := screen("127.0.0.1")
	room.typeText("k")
	room.waitFor("found=1") // the room has found its code from this address

	first := screen("127.0.0.1")
	for i := 1; i <= 3; i++ {
		first.typeText("x")
		first.waitFor(fmt.Sprintf("tries=%d", i))
	}
	second := screen("127.0.0.1")
	for i, wait := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		second.typeText("x")
		clock.waitForTimer(t, wait, fmt.Sprintf("wrong code %d from the address to wait", i+4))
		if second.screen.Contains(fmt.Sprintf("tries=%d", i+1)) {
			t.Fatalf("lookup %d went ahead without its wait", i+4)
		}
		clock.Advance(wait)
		second.waitFor(fmt.Sprintf("tries=%d", i+1))
	}

	third := screen("127.0.0.1")
	third.typeText("x")
	if status := third.exit(); status != 1 || !strings.Contains(third.errs.String(), "Too many wrong join codes have come from your network in the last 10 minutes") {
		t.Errorf("a seventh wrong code from the address: exit %d, stderr %q; want the address's limit explained", status, third.errs.String())
	}

	room.typeText("k")
	room.waitFor("found=2") // a code already found still works
	elsewhere := screen("127.0.0.2")
	elsewhere.typeText("x")
	elsewhere.waitFor("tries=1") // another address has its own allowance, unspent

	clock.Advance(10 * time.Minute)
	later := screen("127.0.0.1")
	later.typeText("x")
	later.waitFor("tries=1") // the window has passed
}
