package facilitator

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// actedMsg reports the outcome of something a facilitator did: an event
// sent to the store, and what to tell them once it is recorded.
type actedMsg struct {
	done string // what happened, said once the store has it
	err  error
	// after runs once the outcome is known, with ok true when the store
	// recorded the event (or already had it).
	after func(m *Screen, ok bool)
}

// record sends one event in the facilitator's name and reports back with
// an actedMsg. Nothing says it is done until the store has committed it.
func (m *Screen) record(e inquiry.Event, done string, after func(m *Screen, ok bool)) tea.Cmd {
	e.Actor = m.s.Actor
	room, ctx, id := m.s.Room, m.s.Ctx(), m.workshop
	m.notice = tui.Notice{Text: "Saving…"}
	return func() tea.Msg {
		_, err := room.Append(ctx, id, e)
		return actedMsg{done: done, err: err, after: after}
	}
}

// acted tells the facilitator how it went and brings the room up to date
// at once, rather than waiting for the bell.
func (m *Screen) acted(msg actedMsg) tea.Cmd {
	ok := msg.err == nil || errors.Is(msg.err, inquiry.ErrDuplicate)
	switch {
	case msg.err == nil:
		m.notice = tui.Notice{Text: "✓ " + msg.done}
	case ok:
		m.notice = tui.Notice{Text: "Already so: nothing needed changing."}
	default:
		m.notice = tui.Notice{Text: "Not saved: " + tui.Friendly(msg.err), Bad: true}
	}
	if m.stage != stageRoom {
		return nil // they left the room while it was saving
	}
	m.catchUp()
	if msg.after != nil {
		msg.after(m, ok)
	}
	return m.tick()
}

// stampTime is the time for the events a facilitator makes: UTC, without the
// monotonic reading, as the store keeps times.
func stampTime() time.Time { return time.Now().UTC().Round(0) }
