package tui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// runCmd runs a command in its own goroutine, as Bubble Tea does, and
// hands back its message.
func runCmd(cmd tea.Cmd) <-chan tea.Msg {
	out := make(chan tea.Msg, 1)
	go func() { out <- cmd() }()
	return out
}

func waitMsg(t *testing.T, out <-chan tea.Msg, what string) tea.Msg {
	t.Helper()
	select {
	case msg := <-out:
		return msg
	case <-time.After(5 * time.Second):
		t.Fatalf("gave up after 5s waiting for %s", what)
		return nil
	}
}

// gapClock stands in for time.After: it records each wait asked for and
// ends it only when the test says.
type gapClock struct {
	waited chan time.Duration
	over   chan time.Time
}

func newGapClock() *gapClock {
	return &gapClock{waited: make(chan time.Duration, 1), over: make(chan time.Time)}
}

func (c *gapClock) after(d time.Duration) <-chan time.Time {
	c.waited <- d
	return c.over
}

// waiting waits until the command is waiting out a gap, and returns the
// wait it asked for.
func (c *gapClock) waiting(t *testing.T) time.Duration {
	t.Helper()
	select {
	case d := <-c.waited:
		return d
	case <-time.After(5 * time.Second):
		t.Fatal("gave up after 5s waiting for the command to wait out its gap")
		return 0
	}
}

func notYet(t *testing.T, out <-chan tea.Msg, why string) {
	t.Helper()
	select {
	case msg := <-out:
		t.Fatalf("answered with %T %s", msg, why)
	default:
	}
}

func TestChatterDuringTheGapIsAnsweredByOneCatchUp(t *testing.T) {
	bell, chatter := make(chan struct{}, 1), make(chan struct{}, 1)
	clock := newGapClock()
	chatter <- struct{}{} // someone's words at this prompt, just after the last catch-up
	out := runCmd(listenEvery(context.Background(), bell, chatter, time.Hour, clock.after))
	if d := clock.waiting(t); d <= 0 || d > time.Hour {
		t.Fatalf("waited %v; want the rest of the one-hour gap", d)
	}
	chatter <- struct{}{} // more words, while the gap runs
	notYet(t, out, "before the gap was over")
	close(clock.over)
	if _, ok := waitMsg(t, out, "the catch-up after the gap").(BellMsg); !ok {
		t.Fatal("the gap ended without a BellMsg")
	}
	if len(chatter) != 0 {
		t.Error("the words during the gap are still ringing: they would cause a second, empty catch-up")
	}
}

func TestNewsCutsTheChattersGapShort(t *testing.T) {
	bell, chatter := make(chan struct{}, 1), make(chan struct{}, 1)
	clock := newGapClock() // its gap never ends
	chatter <- struct{}{}
	out := runCmd(listenEvery(context.Background(), bell, chatter, time.Hour, clock.after))
	clock.waiting(t)
	bell <- struct{}{} // the facilitator opens the next prompt
	if _, ok := waitMsg(t, out, "the news to be answered").(BellMsg); !ok {
		t.Fatal("news during the gap was not answered with a BellMsg")
	}
	if len(bell) != 0 || len(chatter) != 0 {
		t.Error("a ring answered by this catch-up is still waiting")
	}
}

func TestNewsIsAnsweredAtOnce(t *testing.T) {
	for _, tc := range []struct {
		name    string
		chatter chan struct{}
		gap     time.Duration
	}{
		{"a participant's news", make(chan struct{}, 1), time.Hour},
		{"a facilitator's bell", nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bell := make(chan struct{}, 1)
			bell <- struct{}{}
			after := func(time.Duration) <-chan time.Time {
				t.Error("news waited for a gap")
				return nil
			}
			if _, ok := waitMsg(t, runCmd(listenEvery(context.Background(), bell, tc.chatter, tc.gap, after)), "the bell").(BellMsg); !ok {
				t.Fatal("the bell was not answered with a BellMsg")
			}
		})
	}
}

func TestAnEndedSessionStopsWaitingOutItsGap(t *testing.T) {
	bell, chatter := make(chan struct{}, 1), make(chan struct{}, 1)
	chatter <- struct{}{}
	ctx, cancel := context.WithCancel(context.Background())
	never := func(time.Duration) <-chan time.Time {
		cancel() // the connection drops while the gap runs
		return nil
	}
	if msg := waitMsg(t, runCmd(listenEvery(ctx, bell, chatter, time.Hour, never)), "the command to end"); msg != nil {
		t.Fatalf("an ended session got %T; want nothing", msg)
	}
}
