package sshserver

import (
	"strings"
	"testing"
	"time"
)

// floodConfig makes input limits small enough to reach in a test.
func floodConfig(c *Config) {
	c.InputBurst, c.InputRate, c.InputFloodTimeout = 4096, 1024, 10*time.Second
	c.StallTimeout, c.IdleTimeout = 1000*time.Hour, 1000*time.Hour
}

// advanceWaits moves the clock on by each short wait the server begins
// (a held-back read waiting for its bucket to refill) until done holds,
// and returns the time moved.
func advanceWaits(t *testing.T, clock *manualClock, what string, done func() bool) time.Duration {
	t.Helper()
	var moved time.Duration
	for !done() {
		var wait time.Duration
		waitUntil(t, what, func() bool {
			if done() {
				return true
			}
			for _, d := range clock.pending() {
				if d > 0 && d < time.Minute && (wait == 0 || d < wait) {
					wait = d
				}
			}
			return wait > 0
		})
		if wait == 0 {
			break
		}
		clock.Advance(wait)
		moved += wait
		if moved > time.Hour {
			t.Fatalf("moved the clock an hour on waiting for %s", what)
		}
	}
	return moved
}

func TestPastedParagraphArrivesAtOnceAndMoreIsHeldBackNotLost(t *testing.T) {
	clock := newManualClock()
	p, probeScreens := withProbes()
	srv := startServer(t, "", probeScreens, withClock(clock), withConfig(floodConfig))
	term := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	p.next(t)
	term.waitFor("[p 80x24]")

	term.typeText(strings.Repeat("a", 3000)) // a long paragraph, within the burst
	term.waitFor("typed=3000")

	term.typeText(strings.Repeat("b", 3000)) // past the burst
	term.waitFor("typed=4096")
	moved := advanceWaits(t, clock, "the rest of the paste", func() bool { return term.screen.Contains("typed=6000") })
	if want := time.Duration((6000 - 4096) * float64(time.Second) / 1024); moved < want-100*time.Millisecond || moved > want+time.Second {
		t.Errorf("the 1904 bytes over the burst took %s of the clock; at 1024 bytes a second they take %s", moved, want)
	}
	// The paste used the bucket up: a key a second later has its token.
	clock.Advance(time.Second)
	term.typeText("c")
	term.waitFor("typed=6001")
	if strings.Contains(term.errs.String(), "ended") {
		t.Errorf("a paste ended the session: %q", term.errs.String())
	}
}

func TestInputFloodEndsOnlyTheFloodersSession(t *testing.T) {
	clock := newManualClock()
	p, probeScreens := withProbes()
	srv := startServer(t, "", probeScreens, withClock(clock), withConfig(floodConfig))
	person := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	p.next(t)
	person.waitFor("[p 80x24]")
	bot := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	p.next(t)
	bot.waitFor("[p 80x24]")

	go func() {
		chunk := []byte(strings.Repeat("z", 32<<10))
		for {
			if _, err := bot.stdin.Write(chunk); err != nil {
				return // the session has ended
			}
		}
	}()
	bot.waitFor("typed=4096")
	person.typeText("hello")
	person.waitFor("typed=5") // while the bot is held back

	moved := advanceWaits(t, clock, "the flood to be stopped", func() bool {
		select {
		case err := <-bot.done:
			bot.done <- err
			return true
		default:
			return false
		}
	})
	if status := bot.exit(); status != 1 || !strings.Contains(bot.errs.String(), "kept sending more than a person types or pastes") {
		t.Errorf("the flood: exit %d, stderr %q; want the session ended with a reason", status, bot.errs.String())
	}
	if moved < 10*time.Second {
		t.Errorf("the flood was stopped after %s of held-back input; the limit is 10s", moved)
	}
	person.typeText("again")
	person.waitFor("typed=10")
	t.Logf("the flood was held to 1 KiB/s and ended after %s of the clock", moved)
}
