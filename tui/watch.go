package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// BellMsg says the workshop changed: read what is new, then listen again.
type BellMsg struct{}

// Watch is a screen's watch on a workshop: the store's bell, rung after
// each change the screen shows, heard one ring at a time. It is re-armed
// after each ring, so a screen reads new events at its own pace: a busy
// room coalesces into one ring, and a stalled session never holds up
// anyone else's. It stops when the session ends, or on Stop.
type Watch struct {
	ctx           context.Context
	bell, chatter <-chan struct{}
	stop          func()
}

// Watch watches everything that happens in the workshop, presence
// included: the facilitator's view of the room.
func (s Session) Watch(workshopID string) *Watch {
	bell, stop := s.Room.Watch(workshopID)
	return newWatch(s.Ctx(), bell, nil, stop)
}

// WatchFor watches only what a screen shows of the workshop: events news
// accepts ring at once, events chatter accepts (others' words, several a
// second in a busy room) at most once every ChatterGap.
func (s Session) WatchFor(workshopID string, news, chatter func(inquiry.Event) bool) *Watch {
	bell, stopNews := s.Room.WatchFor(workshopID, news)
	slow, stopChatter := s.Room.WatchFor(workshopID, chatter)
	return newWatch(s.Ctx(), bell, slow, func() { stopNews(); stopChatter() })
}

// WatchConcerns is WatchFor by what each event touches (inquiry.Concern),
// so that a contribution hidden or agreed with at another prompt rings
// neither bell.
func (s Session) WatchConcerns(workshopID string, news, chatter func(inquiry.Concern) bool) *Watch {
	bell, stopNews := s.Room.WatchConcerns(workshopID, news)
	slow, stopChatter := s.Room.WatchConcerns(workshopID, chatter)
	return newWatch(s.Ctx(), bell, slow, func() { stopNews(); stopChatter() })
}

func newWatch(ctx context.Context, bell, chatter <-chan struct{}, stop func()) *Watch {
	return &Watch{ctx: ctx, bell: bell, chatter: chatter, stop: AtEnd(ctx, stop)}
}

// Listen waits for the next ring and answers it with a BellMsg; a screen
// returns it from Init, and from Update after each BellMsg. A nil Watch
// never rings.
func (w *Watch) Listen() tea.Cmd {
	if w == nil {
		return nil
	}
	gap := time.Duration(0)
	if w.chatter != nil {
		gap = ChatterGap
	}
	return listenEvery(w.ctx, w.bell, w.chatter, gap, time.After)
}

// Stop stops watching before the session ends.
func (w *Watch) Stop() {
	if w != nil {
		w.stop()
	}
}

// ChatterGap is the shortest time between two catch-ups of a
// participant's screen for others' words at their prompt. In a busy room
// those arrive several a second and each redraws the screen; a person
// reads "Others here: 14" no worse for its changing every two seconds, and
// the server draws a fraction of the frames. Words after a quiet spell,
// and anything else the screen shows (a prompt opened, a contribution
// hidden, the workshop closing), are shown at once.
const ChatterGap = 2 * time.Second

// listenEvery waits for a bell, or for a second, slower one: a ring of
// chatter that comes within gap of when the command was armed (just after
// the last catch-up) waits out the gap, unless the bell rings meanwhile,
// and whatever rang in the wait is read by the same catch-up. after is
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
		return BellMsg{}
	}
}

// drain takes a waiting ring off a bell, if there is one.
func drain(bell <-chan struct{}) {
	select {
	case <-bell:
	default:
	}
}

// AtEnd runs done when the session's connection ends, so that a dropped
// line stops its watch and leaves the room, and returns a function that
// runs it sooner (once: the session's end then does nothing). The caller
// passes the context and function rather than the model, which its own
// goroutine keeps changing. context.AfterFunc costs no goroutine until the
// context ends: a thousand idle sessions hold none for this.
func AtEnd(ctx context.Context, done func()) (now func()) {
	stop := context.AfterFunc(ctx, done)
	return func() {
		if stop() {
			done()
		}
	}
}
