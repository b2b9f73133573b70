package participant

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// tickMsg moves a running countdown on by a second.
type tickMsg struct{}

// tick asks for a tickMsg at the next whole second of the countdown, so
// every screen's clock turns over together.
func tick(ends time.Time) tea.Cmd {
	wait := time.Until(ends) % time.Second
	if wait <= 0 {
		wait = time.Second
	}
	return tea.Tick(wait, func(time.Time) tea.Msg { return tickMsg{} })
}

// follow catches the screen up with the facilitator's pacing: a newly
// opened prompt brings everyone to it, and a running timebox starts the
// clock. It returns the command that keeps the clock going.
func (m *Screen) follow() tea.Cmd {
	v := &m.view
	if m.stage != stageGuide && m.stage != stageOthers && m.stage != stageMine && m.stage != stageVote {
		return nil
	}
	if v.current.Prompt != "" && v.current.Prompt != m.followed {
		m.followed = v.current.Prompt
		p, q, ok := v.guide.Locate(v.current.Prompt)
		switch {
		case !ok:
		case m.compose.ref() == v.current.Prompt:
			m.notice = tui.Notice{Text: m.say("guide.opened_here")}
		default:
			m.moveWithTheRoom(p, q)
		}
	}
	return m.clock()
}

// clock starts the countdown's ticks if a timebox is running on the prompt
// on screen and no tick is already on its way. Someone still at the join
// code or the join form has no prompt on screen, and no clock: theirs
// starts when they reach the guide (joinedMsg, resume).
func (m *Screen) clock() tea.Cmd {
	if m.ticking || !m.compose.ready() || !m.timeboxRunning() {
		return nil
	}
	m.ticking = true
	return tick(m.view.timebox.EndsAt)
}

func (m *Screen) timeboxRunning() bool {
	t := m.view.timebox
	return t.Prompt == m.compose.ref() && t.Running(time.Now())
}

// countdown is the time left on the prompt on screen, "" when it has no
// timebox; paused while the facilitator holds the clock, and "time is up"
// once it has run out.
func (m *Screen) countdown() string {
	t := m.view.timebox
	if !t.Has() || t.Prompt != m.compose.ref() {
		return ""
	}
	now := time.Now()
	left := t.Remaining(now).Round(time.Second)
	switch {
	case t.Up(now) || left <= 0:
		return m.say("guide.time_up")
	case t.Paused():
		return m.say("guide.clock_paused", "time", clockTime(left))
	}
	return m.say("guide.clock", "time", clockTime(left))
}

// clockTime is a time left as a clock shows it: 4:05.
func clockTime(left time.Duration) string {
	return fmt.Sprintf("%d:%02d", int(left.Minutes()), int(left.Seconds())%60)
}
