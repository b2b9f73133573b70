package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// bellMsg says the workshop changed: read what is new.
type bellMsg struct{}

// listen waits for the workshop's bell. It is re-armed after each ring, so
// a screen reads new events at its own pace: a busy room coalesces into one
// ring, and a stalled session never holds up anyone else's.
func listen(ctx context.Context, bell <-chan struct{}) tea.Cmd {
	if bell == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case <-bell:
			return bellMsg{}
		case <-ctx.Done():
			return nil
		}
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
