package plain

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// warnAt is how long before a timebox runs out the person is told.
const warnAt = 2 * time.Minute

// clock follows the timebox of the prompt open for everyone, to say when
// two minutes are left and when the time is up: once each, for each time
// the timebox is set to end.
type clock struct {
	tb inquiry.Timebox
	// gen counts the timeboxes followed: a tick armed for an earlier one
	// is ignored.
	gen int
	// warned and upTold are the ends the person was told of.
	warned, upTold time.Time
	// timer is tea.Tick and now time.Now; tests that move the clock and
	// send ticks themselves replace them.
	timer func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	now   func() time.Time
}

func (c *clock) time() time.Time {
	if c.now == nil {
		return time.Now()
	}
	return c.now()
}

// tickMsg is a clock's tick, armed for timebox gen.
type tickMsg struct{ gen int }

// follow takes the timebox as the workshop now has it. The first time,
// nothing that has already happened is told: someone who arrives with a
// minute left is not told that time is running out as if it were news.
func (c *clock) follow(tb inquiry.Timebox) {
	same := tb.Prompt == c.tb.Prompt && tb.EndsAt.Equal(c.tb.EndsAt) && tb.PausedAt.Equal(c.tb.PausedAt) && tb.Ended == c.tb.Ended
	if c.gen > 0 && same {
		return
	}
	first := c.gen == 0
	c.tb = tb
	c.gen++
	if left := tb.Remaining(c.time()); first && left <= warnAt {
		c.warned = tb.EndsAt
		if left == 0 {
			c.upTold = tb.EndsAt
		}
	}
}

// arm returns the tick for the next thing to tell, if the clock runs.
func (c *clock) arm() tea.Cmd {
	now := c.time()
	if !c.tb.Running(now) {
		return nil
	}
	next := c.tb.EndsAt
	if !c.warned.Equal(c.tb.EndsAt) && c.tb.Remaining(now) > warnAt {
		next = c.tb.EndsAt.Add(-warnAt)
	}
	gen := c.gen
	timer := c.timer
	if timer == nil {
		timer = tea.Tick
	}
	return timer(max(next.Sub(now), 0), func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// due is what the clock has to tell now: the minutes left (at two
// minutes) or that the time is up, and for which prompt.
func (c *clock) due(now time.Time) (minutes int, up bool, ref inquiry.PromptRef) {
	if !c.tb.Has() || c.tb.Paused() {
		return 0, false, ""
	}
	left := c.tb.Remaining(now)
	switch {
	case left == 0 && !c.upTold.Equal(c.tb.EndsAt):
		c.upTold = c.tb.EndsAt
		return 0, true, c.tb.Prompt
	case left > 0 && left <= warnAt && !c.warned.Equal(c.tb.EndsAt):
		c.warned = c.tb.EndsAt
		return minutesIn(left), false, c.tb.Prompt
	}
	return 0, false, ""
}

// minutesIn is a time left in whole minutes, rounded up: a minute and a
// half left is "2 minutes".
func minutesIn(d time.Duration) int { return int((d + time.Minute - time.Second) / time.Minute) }

// tick tells what is due and arms the next tick.
func (m *Screen) tick(t tickMsg) tea.Cmd {
	if t.gen != m.clock.gen {
		return nil
	}
	m.tellClock()
	return m.clock.arm()
}

// tellClock tells the person what the clock has to tell.
func (m *Screen) tellClock() {
	minutes, up, ref := m.clock.due(m.clock.time())
	switch {
	case up:
		m.tell(m.w.Say("news.time_up", "place", m.place(ref)))
	case minutes > 0:
		m.tell(m.w.Count("news.minutes_left", minutes, "place", m.place(ref)))
	}
}

// left says the time left at a prompt, for where: "" without a timebox
// there.
func (c *clock) left(m *Screen, ref inquiry.PromptRef) string {
	if !c.tb.Has() || c.tb.Prompt != ref {
		return ""
	}
	left := c.tb.Remaining(c.time())
	switch {
	case left == 0:
		return m.w.Say("plain.where.time_up")
	case c.tb.Paused():
		return m.w.Count("plain.where.paused", minutesIn(left))
	}
	return m.w.Count("plain.where.minutes_left", minutesIn(left))
}
