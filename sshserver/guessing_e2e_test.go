package sshserver

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestOneAddressGuessingSlowsItButTheRightCodeStillGetsIn is a community
// hall behind one NAT router where someone tries 24 different wrong codes
// over six connections: every lookup from the address is slowed (the
// connection's own wait and the address's growing step, whichever is
// longer), none is refused, and then the right code of a workshop nobody
// there has joined yet gets in after the wait it was told, which is
// seconds, not minutes. The rest of the room then joins at once, and
// another address never waited at all.
func TestOneAddressGuessingSlowsItButTheRightCodeStillGetsIn(t *testing.T) {
	clock := newManualClock()
	p, probeScreens := withProbes()
	alice := newKey(t)
	srv := startServer(t, "", probeScreens, withClock(clock), withFacilitators(t, alice), withConfig(func(c *Config) {
		c.StallTimeout = 1000 * time.Hour // its timers would be mistaken for a lookup's
	}))
	for _, code := range []string{"harbour-talk", "castle-talk"} {
		if r := run(t, srv.addr, "alice", "workshop new --title Talk --code "+code, withKeys(alice)); r.status != 0 {
			t.Fatalf("setting up: %+v", r)
		}
	}
	screen := func(from, user string) *terminal {
		t.Helper()
		client, _ := dialFrom(t, from, srv.addr, user, keyless())
		term := openTerminalOn(t, client, 80, 24)
		p.next(t)
		term.waitFor("[p 80x24]")
		return term
	}
	// The waits before each wrong code, four on each connection: the
	// connection's 0, 1 s, 2 s, 4 s; the address's step once its 10 free
	// wrong codes are spent, 1 s doubling to 30 s.
	waits := [][]time.Duration{
		{0, 1, 2, 4}, {0, 1, 2, 4}, {0, 1, 2, 4},
		{4, 8, 16, 30}, {30, 30, 30, 30}, {30, 30, 30, 30},
	}
	var total time.Duration
	for c, seconds := range waits {
		guesser := screen("127.0.0.1", "guesser")
		for i, s := range seconds {
			wait := s * time.Second
			guesser.typeText("x")
			if wait > 0 {
				clock.waitForTimer(t, wait, fmt.Sprintf("wrong code %d on connection %d to wait", i+1, c+1))
				clock.Advance(wait)
				total += wait
			}
			guesser.waitFor(fmt.Sprintf("tries=%d", i+1))
		}
	}

	room := screen("127.0.0.1", "castle-talk")
	room.typeText("K")
	room.waitFor("wait=30s") // told at once how long
	clock.waitForTimer(t, 30*time.Second, "the right code's lookup to wait")
	if room.screen.Contains("found=1") {
		t.Fatal("the right code went ahead of the guesses' pace")
	}
	clock.Advance(30 * time.Second)
	room.waitFor("found=1")
	for range 3 { // the rest of the room, at once
		neighbour := screen("127.0.0.1", "castle-talk")
		neighbour.typeText("k")
		neighbour.waitFor("found=1")
	}

	other := screen("127.0.0.1", "harbour-talk") // a code not found from here yet, the blocking way
	other.typeText("k")
	clock.waitForTimer(t, 30*time.Second, "a second new code to wait its step")
	clock.Advance(30 * time.Second)
	other.waitFor("found=1")

	elsewhere := screen("127.0.0.2", "guesser")
	elsewhere.typeText("x")
	elsewhere.waitFor("tries=1") // no wait: another address

	for _, term := range []*terminal{room, other} {
		if text := term.screen.Text(); strings.Contains(text, "Too many") {
			t.Errorf("a right code was refused:\n%s", text)
		}
	}
	t.Logf("24 wrong codes from one address took %s of the clock; the right code then waited 30s", total)
}
