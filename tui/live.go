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
	return listenEvery(ctx, bell, nil, 0, time.After)
}

// chatterGap is the shortest time between two catch-ups of a participant's
// screen for others' words at their prompt. In a busy room those arrive
// several a second and each redraws the screen; a person reads "Others
// here: 14" no worse for its changing every two seconds, and the server
// draws a fraction of the frames. Words after a quiet spell, and anything
// else the screen shows (a prompt opened, a contribution hidden, the
// workshop closing), are shown at once.
const chatterGap = 2 * time.Second

// listenEvery is listen with a second, slower bell: a ring of chatter that
// comes within gap of when the command was armed (just after the last
// catch-up) waits out the gap, unless the bell rings meanwhile, and
// whatever rang in the wait is read by the same catch-up. after is
// time.After; tests pass their own.
func listenEvery(ctx context.Context, bell, chatter <-chan struct{}, gap time.Duration, after func(time.Duration) <-chan time.Time) tea.Cmd {
	if bell == nil {
		return nil
	}
	armed := time.Now()
	return func() tea.Msg {
		select {
		case <-bell:
		case <-chatter: // a nil chatter never rings
			if wait := gap - time.Since(armed); wait > 0 {
				select {
				case <-after(wait):
				case <-bell:
				case <-ctx.Done():
					return nil
				}
			}
		case <-ctx.Done():
			return nil
		}
		// The catch-up this answers reads every event published so far, so
		// a ring that came meanwhile is answered too.
		drain(bell)
		drain(chatter)
		return bellMsg{}
	}
}

// drain takes a waiting ring off a bell, if there is one.
func drain(bell <-chan struct{}) {
	select {
	case <-bell:
	default:
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
