package sshserver

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// running counts the running timers set for d.
func (c *manualClock) running(d time.Duration) int {
	n := 0
	for _, p := range c.pending() {
		if p == d {
			n++
		}
	}
	return n
}

// TestIdleTimeoutCountsKeypressesNotScreenUpdates runs a facilitator who
// watches a live room without typing and a participant who types, on a
// clock the test moves: the watcher's screen is written to all along, yet
// is ended two hours after the last keypress; the typist is ended two
// hours after theirs.
func TestIdleTimeoutCountsKeypressesNotScreenUpdates(t *testing.T) {
	clock := newManualClock()
	alice := newKey(t)
	srv := startServer(t, "", withClock(clock), withFacilitators(t, alice), withConfig(func(c *Config) {
		c.IdleTimeout, c.MaxConnectionTime, c.StallTimeout = 2*time.Hour, 100*time.Hour, 1000*time.Hour
	}))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	watcher := openTerminal(t, srv.addr, "harbour-talk", 100, 30, withKeys(alice))
	watcher.waitFor("Harbour talk", "Waiting for the first contribution")
	typist := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	typist.waitFor("Your name or pseudonym")
	waitUntil(t, "both screens' idle timers to start", func() bool { return clock.running(2*time.Hour) == 2 })

	clock.Advance(time.Hour)
	joinAndContribute(t, typist.typeText, typist.waitFor, "Ann",
		"The library could host the advice sessions", "Nobody owns the shared calendar")
	watcher.waitFor("2 contributions: 1 opportunity, 1 barrier") // output, no input

	clock.Advance(time.Hour) // two hours since the watcher's last keypress
	if status := watcher.exit(); status != 1 {
		t.Errorf("the idle watcher's session: exit %d, want 1", status)
	}
	for _, want := range []string{"ended after 2 hours without a keypress", "Everything you saved is kept", "ssh -p ", "harbour-talk@"} {
		if !strings.Contains(watcher.errs.String(), want) {
			t.Errorf("the idle watcher was told %q; want it to say %q", watcher.errs.String(), want)
		}
	}

	typist.typeText("Still here")
	typist.waitFor("Still here")
	clock.Advance(time.Hour) // one hour since the typist's last keypress
	if !slices.Contains(clock.pending(), time.Hour) {
		t.Fatal("after an hour's quiet the typist's idle timer did not set itself for the hour left")
	}
	typist.typeText("!")
	typist.waitFor("Still here!")
	clock.Advance(2 * time.Hour)
	if status := typist.exit(); status != 1 || !strings.Contains(typist.errs.String(), "without a keypress") {
		t.Errorf("the typist two hours after the last keypress: exit %d, stderr %q", status, typist.errs.String())
	}
}

func TestConnectionTimeLimitEndsEveryScreenOnTheConnection(t *testing.T) {
	clock := newManualClock()
	p, probeScreens := withProbes()
	srv := startServer(t, "", probeScreens, withClock(clock), withConfig(func(c *Config) {
		c.IdleTimeout, c.MaxConnectionTime, c.StallTimeout = 100*time.Hour, 3*time.Hour, 1000*time.Hour
	}))
	client, _ := dial(t, srv.addr, "harbour-talk", keyless())
	first := openTerminalOn(t, client, 80, 24)
	p.next(t)
	first.waitFor("[p 80x24]")
	clock.waitForTimer(t, 3*time.Hour, "the connection's time limit")

	clock.Advance(time.Hour)
	second := openTerminalOn(t, client, 80, 24)
	p.next(t)
	second.waitFor("[p 80x24]")
	clock.waitForTimer(t, 2*time.Hour, "the second session to take the connection's time left")

	clock.Advance(2 * time.Hour)
	for name, term := range map[string]*terminal{"first": first, "second": second} {
		if status := term.exit(); status != 1 || !strings.Contains(term.errs.String(), "connected for 3 hours, the longest a connection may last here") {
			t.Errorf("%s session at the limit: exit %d, stderr %q", name, status, term.errs.String())
		}
	}
}
