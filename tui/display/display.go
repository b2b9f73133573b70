package display

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Screen is the wall display of one workshop. It has no keys (ctrl+c
// leaves and ctrl+l repaints, as on every screen).
//
// It draws at most one frame a second: the bell only marks the room as
// changed, and the room is read, and the frame drawn, on the next tick.
// Ticks come no closer than a second apart, on the second of the clock so
// that the countdown steps evenly, and only while something waits to be
// shown: a change, a running clock, or revealed contributions taking
// turns. A quiet room with no clock running costs nothing.
type Screen struct {
	s        tui.Session
	frame    tui.Frame
	join     Join
	workshop string
	watch    *tui.Watch

	// shown is the room as last read, at is the moment the frame shows,
	// and drawn the frame itself (made in Update, so that View, which
	// the program calls after every message, changes nothing).
	shown wall
	at    time.Time
	drawn string
	qr    []string
	qrW   int

	// changed is set when the bell rang since the last read; ticking
	// while a tick is on its way; last is when the last tick came.
	changed bool
	ticking bool
	last    time.Time

	now func() time.Time
}

// tickMsg is a tick of the display's clock.
type tickMsg struct{ at time.Time }

// New returns the wall display for a facilitator's session; join is where
// participants reach the server. Without a workshop with the session's
// join code it says so and ends.
func New(s tui.Session, join Join) tea.Model {
	m := &Screen{s: s, join: join, now: time.Now,
		frame: tui.NewFrame(s, "The wall display has closed.", "The server is shutting down. Everything saved is kept.")}
	sum, ok := s.Room.ByCode(s.Code)
	if !ok {
		say := fmt.Sprintf("No workshop has the code %q. Connect with its code: %s", s.Code, join.Command("CODE+display"))
		if s.Code == "" {
			say = "The wall display needs a workshop's join code: " + join.Command("CODE+display")
		}
		m.frame.End(say)
		return m
	}
	m.workshop = sum.ID
	m.watch = s.Watch(sum.ID)
	m.qr, m.qrW = qrLines(join, sum.Code)
	// The first frame counts as a tick's: the next comes a second later.
	m.at = m.now()
	m.last = m.at
	m.read()
	m.draw()
	return m
}

// Init listens to the room, and starts the clock if something needs it.
func (m *Screen) Init() tea.Cmd {
	if m.frame.Ended() {
		return tea.Quit
	}
	return tea.Batch(m.watch.Listen(), m.arm())
}

// Update takes the room's bell, the ticks and the terminal's size; it
// ignores keys.
func (m *Screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, done := m.frame.Update(msg); done {
		m.draw()
		return m, cmd
	}
	switch msg := msg.(type) {
	case tui.BellMsg:
		m.changed = true
		return m, tea.Batch(m.watch.Listen(), m.arm())
	case tickMsg:
		m.ticking, m.last, m.at = false, msg.at, msg.at
		if m.changed {
			m.read()
		}
		m.draw()
		return m, m.arm()
	}
	return m, nil
}

// View is the frame drawn last.
func (m *Screen) View() tea.View {
	return m.frame.View(func() (string, *tea.Cursor) { return m.drawn, nil })
}

// read copies what the wall shows out of the room.
func (m *Screen) read() {
	m.changed = false
	present := m.s.Room.Present(m.workshop)
	_ = m.s.Room.Read(m.workshop, func(ws *inquiry.Workshop) { m.shown = readWall(ws, present) })
}

// draw makes the frame for the screen's size, the room as last read and
// the moment of the last tick.
func (m *Screen) draw() {
	if m.frame.Ended() || m.frame.Small() {
		return
	}
	p := page{wall: m.shown, w: m.frame.Width, h: m.frame.Height, at: m.at, join: m.join, qr: m.qr, qrWidth: m.qrW}
	m.drawn = p.draw()
}

// arm sends the next tick, unless one is on its way or nothing needs one.
func (m *Screen) arm() tea.Cmd {
	if m.ticking || !m.needsTick() {
		return nil
	}
	m.ticking = true
	now := m.now()
	return tea.Tick(max(m.nextTick(now).Sub(now), 0), func(t time.Time) tea.Msg { return tickMsg{at: t} })
}

// needsTick reports whether the frame will change with time: the room
// changed, the clock runs, or revealed contributions take turns.
func (m *Screen) needsTick() bool {
	w := m.shown
	switch {
	case m.changed:
		return true
	case w.shows == inquiry.PanelReveals:
		return w.reveal != nil && len(w.reveal.items) > 1
	case w.shows == inquiry.PanelPrompt:
		return w.clock.Running(m.at)
	}
	return false
}

// nextTick is when the next tick comes: a second after the last at the
// soonest, and on the second of the clock's end, so that the time left
// is a whole number of seconds when it is drawn.
func (m *Screen) nextTick(now time.Time) time.Time {
	t := now
	if soonest := m.last.Add(time.Second); t.Before(soonest) {
		t = soonest
	}
	if c := m.shown.clock; c.Has() && !c.Paused() {
		left := c.EndsAt.Sub(t) % time.Second
		if left < 0 {
			left += time.Second
		}
		t = t.Add(left)
	}
	return t
}
