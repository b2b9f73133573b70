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

func TestRingsDuringAParticipantsGapAreAnsweredByOneCatchUp(t *testing.T) {
	bell := make(chan struct{}, 1)
	gapOver := make(chan time.Time)
	waited := make(chan time.Duration, 1)
	after := func(d time.Duration) <-chan time.Time {
		waited <- d
		return gapOver
	}
	bell <- struct{}{} // a contribution at this prompt, just after the last catch-up
	out := runCmd(listenEvery(context.Background(), bell, time.Hour, after))

	var d time.Duration
	select {
	case d = <-waited:
	case <-time.After(5 * time.Second):
		t.Fatal("gave up after 5s waiting for the command to wait out its gap")
	}
	if d <= 0 || d > time.Hour {
		t.Fatalf("waited %v; want the rest of the one-hour gap", d)
	}
	bell <- struct{}{} // another, while the gap runs
	select {
	case msg := <-out:
		t.Fatalf("answered with %T before the gap was over", msg)
	default:
	}
	close(gapOver)
	if _, ok := waitMsg(t, out, "the catch-up after the gap").(bellMsg); !ok {
		t.Fatal("the gap ended without a bellMsg")
	}
	if len(bell) != 0 {
		t.Error("the ring during the gap is still waiting: it would cause a second, empty catch-up")
	}
}

func TestFacilitatorsBellIsAnsweredAtOnce(t *testing.T) {
	bell := make(chan struct{}, 1)
	bell <- struct{}{}
	after := func(time.Duration) <-chan time.Time {
		t.Error("a facilitator's screen waited before catching up")
		return nil
	}
	if _, ok := waitMsg(t, runCmd(listenEvery(context.Background(), bell, 0, after)), "the bell").(bellMsg); !ok {
		t.Fatal("the bell was not answered with a bellMsg")
	}
}

func TestAnEndedSessionStopsWaitingOutItsGap(t *testing.T) {
	bell := make(chan struct{}, 1)
	bell <- struct{}{}
	ctx, cancel := context.WithCancel(context.Background())
	never := func(time.Duration) <-chan time.Time {
		cancel() // the connection drops while the gap runs
		return nil
	}
	if msg := waitMsg(t, runCmd(listenEvery(ctx, bell, time.Hour, never)), "the command to end"); msg != nil {
		t.Fatalf("an ended session got %T; want nothing", msg)
	}
}
