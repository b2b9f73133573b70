package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
)

// bellMsg says the workshop changed: read what is new.
type bellMsg struct{}

// listen waits for the workshop's bell. It is re-armed after each ring, so
// a screen reads new events at its own pace: a busy room coalesces into one
// ring, and a stalled session never holds up anyone else's.
func listen(ctx context.Context, bell <-chan struct{}) tea.Cmd {
	return listenEvery(ctx, bell, 0, time.After)
}

// participantBellGap is the shortest time between two catch-ups of a
// participant's screen. In a busy room others' contributions at the same
// prompt arrive several a second and each redraws the screen; a person
// reads "Others here: 14" no worse for its changing at most twice a
// second, and the server draws a fraction of the frames. A ring after a
// quiet spell is answered at once.
const participantBellGap = 500 * time.Millisecond

// listenEvery is listen for a screen that catches up at most once per gap,
// counted from when it was armed (just after the last catch-up). A ring
// that comes sooner waits out the gap, and whatever rings meanwhile is
// read by the same catch-up. after is time.After; tests pass their own.
func listenEvery(ctx context.Context, bell <-chan struct{}, gap time.Duration, after func(time.Duration) <-chan time.Time) tea.Cmd {
	if bell == nil {
		return nil
	}
	armed := time.Now()
	return func() tea.Msg {
		select {
		case <-bell:
		case <-ctx.Done():
			return nil
		}
		if wait := gap - time.Since(armed); wait > 0 {
			select {
			case <-after(wait):
			case <-ctx.Done():
				return nil
			}
			// The catch-up this answers reads every event published so
			// far, so a ring that came during the wait is answered too.
			select {
			case <-bell:
			default:
			}
		}
		return bellMsg{}
	}
}

// atEnd runs done when the session's connection ends, so a dropped line
// stops its watch and leaves the room. The caller passes the context and
// function rather than the model, which its own goroutine keeps changing.
// context.AfterFunc costs no goroutine until the context ends: a thousand
// idle sessions hold none for this.
func atEnd(ctx context.Context, done func()) {
	context.AfterFunc(ctx, done)
}
