package facilitator

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Pacing from the room view: open a prompt for everyone, and run its
// timebox. The rules allow opening prompts only in a facilitator-led
// workshop; in a self-paced one the facilitator is told so.

// roomTickMsg is the countdown's second going by.
type roomTickMsg struct{}

// promptRefs are the guide's prompts in order.
func promptRefs(g inquiry.Guide) []inquiry.PromptRef {
	var refs []inquiry.PromptRef
	for p, ph := range g.Phases {
		for q := range ph.Prompts {
			refs = append(refs, g.Ref(p, q))
		}
	}
	return refs
}

// nextPrompt is the prompt after the one open for everyone: the first if
// none is open, -1 after the last.
func (m *Screen) nextPrompt() int {
	refs := promptRefs(m.ws.Guide)
	for i, r := range refs {
		if r == m.ws.Current.Prompt {
			if i+1 < len(refs) {
				return i + 1
			}
			return -1
		}
	}
	return 0
}

// selfPaced says, in a self-paced workshop, why there is nothing to open
// for everyone, and reports whether it did.
func (m *Screen) selfPaced() bool {
	if m.ws.Pacing == inquiry.FacilitatorPaced {
		return false
	}
	m.notice = tui.Notice{Text: "This workshop is self-paced: each participant moves on when ready, so nothing is opened for everyone.", Bad: true}
	return true
}

// openNext opens the next prompt for everyone, with its timebox.
func (m *Screen) openNext() tea.Cmd {
	if m.selfPaced() {
		return nil
	}
	i := m.nextPrompt()
	if i < 0 {
		m.notice = tui.Notice{Text: fullPlace(m.ws.Guide, m.ws.Current.Prompt) + " is the last prompt. o chooses another to open."}
		return nil
	}
	return m.openPrompt(promptRefs(m.ws.Guide)[i], true)
}

// openPrompt opens a prompt for everyone; with its timebox if it has one
// and the facilitator wants it.
func (m *Screen) openPrompt(ref inquiry.PromptRef, timebox bool) tea.Cmd {
	pace := inquiry.Pace{Prompt: ref}
	done := "Opened " + fullPlace(m.ws.Guide, ref) + " for everyone"
	if p, ok := m.ws.Guide.Prompt(ref); ok && timebox && p.Timebox > 0 {
		pace.EndsAt = stampTime().Add(time.Duration(p.Timebox))
		done += fmt.Sprintf(", with %s on the clock", minutes(time.Duration(p.Timebox)))
	}
	return m.record(inquiry.Event{Type: inquiry.PromptOpened, Pace: &pace}, done+".", nil)
}

// shift gives the open prompt's timebox d more time, or with d negative
// less: added to a timebox that has run out (or that had none) it counts
// from now, and taken past now it ends the timebox (inquiry.Timebox.Shift).
// Quick presses add up before the store has answered the first.
func (m *Screen) shift(d time.Duration) tea.Cmd {
	if m.selfPaced() {
		return nil
	}
	tb := m.ws.Timebox()
	if tb.Prompt == "" {
		m.notice = tui.Notice{Text: "No prompt is open for everyone yet: n opens the next one.", Bad: true}
		return nil
	}
	if d < 0 && !tb.Has() {
		m.notice = tui.Notice{Text: "The open prompt has no timebox to shorten: + gives it one.", Bad: true}
		return nil
	}
	if m.askedFor == tb.Prompt && !m.askedEnd.IsZero() {
		tb.EndsAt = m.askedEnd // a press before the last one was recorded
	}
	now := stampTime()
	pace := tb.Shift(d, now)
	m.askedEnd, m.askedFor = pace.EndsAt, tb.Prompt
	done := fmt.Sprintf("Added %s: the timebox now ends at %s.", minutes(d), clock(pace.EndsAt))
	switch {
	case d < 0 && tb.Paused():
		left := max(pace.EndsAt.Sub(tb.PausedAt), 0)
		done = fmt.Sprintf("Took off %s: %s left when the clock resumes.", minutes(-d), countdownText(left))
	case d < 0 && !pace.EndsAt.After(now):
		done = fmt.Sprintf("Took off %s: time is up on every screen.", minutes(-d))
	case d < 0:
		done = fmt.Sprintf("Took off %s: the timebox now ends at %s.", minutes(-d), clock(pace.EndsAt))
	case tb.Paused():
		left := pace.EndsAt.Sub(tb.PausedAt)
		done = fmt.Sprintf("Added %s: %s left when the clock resumes.", minutes(d), countdownText(left))
	}
	end := pace.EndsAt
	e := inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &pace}
	return m.record(e, done, func(m *Screen, _ bool) {
		if m.askedEnd.Equal(end) {
			m.askedEnd = time.Time{}
		}
	})
}

// endTimebox ends the open prompt's timebox now.
func (m *Screen) endTimebox() tea.Cmd {
	if m.selfPaced() {
		return nil
	}
	cur := m.ws.Current
	if cur.Prompt == "" {
		m.notice = tui.Notice{Text: "No prompt is open for everyone, so there is no timebox to end.", Bad: true}
		return nil
	}
	m.askedEnd = time.Time{}
	e := inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: cur.Prompt}}
	return m.record(e, "Time is up for "+fullPlace(m.ws.Guide, cur.Prompt)+": everyone's countdown shows it.", nil)
}

// pause stops the open prompt's clock, or starts it again: every screen's
// countdown holds, then carries on from the time that was left.
func (m *Screen) pause() tea.Cmd {
	if m.selfPaced() {
		return nil
	}
	tb := m.ws.Timebox()
	now := time.Now()
	if !tb.Has() || tb.Ended || (!tb.Paused() && tb.Up(now)) {
		m.notice = tui.Notice{Text: "No timebox is running to pause: + gives the open prompt some time.", Bad: true}
		return nil
	}
	pace := &inquiry.Pace{Prompt: tb.Prompt}
	if tb.Paused() {
		return m.record(inquiry.Event{Type: inquiry.TimeboxResumed, Pace: pace},
			"The clock runs again: "+countdownText(tb.Remaining(now))+" left.", nil)
	}
	return m.record(inquiry.Event{Type: inquiry.TimeboxPaused, Pace: pace},
		"Paused with "+countdownText(tb.Remaining(now))+" left: space starts the clock again.", nil)
}

// timeLeft is how long the open prompt's timebox has to run (zero once it
// has ended; held while it is paused); has is false when there is none.
func (m *Screen) timeLeft(at time.Time) (left time.Duration, has bool) {
	if m.ws == nil {
		return 0, false
	}
	tb := m.ws.Timebox()
	return tb.Remaining(at), tb.Has()
}

// tick keeps the countdown going: one wake-up as each shown second passes,
// only while the clock runs. When it ends or is paused, or the facilitator
// leaves the room, the next tick is simply not asked for; an idle room
// never redraws.
func (m *Screen) tick() tea.Cmd {
	if m.ticking || m.ws == nil {
		return nil
	}
	tb, now := m.ws.Timebox(), time.Now()
	if !tb.Running(now) {
		return nil
	}
	m.ticking = true
	// Wake just after the shown second changes.
	wait := tb.Remaining(now)%time.Second + 5*time.Millisecond
	return tea.Tick(wait, func(time.Time) tea.Msg { return roomTickMsg{} })
}

// countdown is the timebox as the header shows it: "7:42 left", "7:42
// left, paused", or "time is up" as participants' screens say it; ""
// when there is none.
func (m *Screen) countdown() string {
	tb, now := m.ws.Timebox(), time.Now()
	switch {
	case !tb.Has():
		return ""
	case tb.Paused():
		return countdownText(tb.Remaining(now)) + " left, paused"
	case tb.Up(now):
		return "time is up"
	}
	return countdownText(tb.Remaining(now)) + " left"
}

// countdownText is a time left as a clock shows it: "7:42".
func countdownText(left time.Duration) string {
	s := int((left + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// minutes is a duration as "5 min".
func minutes(d time.Duration) string {
	if d%time.Minute != 0 {
		return d.String()
	}
	return fmt.Sprintf("%d min", int(d/time.Minute))
}

// clock is a time of day as the room reads it.
func clock(t time.Time) string { return t.Local().Format("15:04") }

// paceLine says which prompt is open for everyone, how long it has left
// and how many have answered it.
func (m *Screen) paceLine(w int) string {
	ws := m.ws
	cur := ws.Current.Prompt
	// From the fullest to the tightest; the first that fits is shown.
	var variants []string
	switch {
	case cur != "":
		where := tui.Bold.Render(fullPlace(ws.Guide, cur))
		answered, of := m.index.progress(cur)
		progress := tui.Dim.Render(fmt.Sprintf(" · %d of %d have answered", answered, of))
		tight := tui.Dim.Render(fmt.Sprintf(" · %d/%d answered", answered, of))
		if of == 0 {
			progress, tight = tui.Dim.Render(" · nobody has joined yet"), ""
		}
		timer, ends, left := "", "", ""
		if cd := m.countdown(); cd != "" {
			tb, now := ws.Timebox(), time.Now()
			style := tui.Accent
			if tb.Remaining(now) < time.Minute || tb.Paused() {
				style = tui.Warn
			}
			mark := "⏱ "
			if tb.Paused() {
				mark = "⏸ "
			}
			timer = tui.Dim.Render(" · ") + style.Render(mark+cd)
			left = tui.Dim.Render(" · ") + style.Render(mark+strings.TrimSuffix(strings.TrimSuffix(cd, ", paused"), " left"))
			switch {
			case tb.Paused():
			case tb.Up(now):
				ends = tui.Dim.Render(" (ended " + clock(tb.EndsAt) + ")")
			default:
				ends = tui.Dim.Render(" (ends " + clock(tb.EndsAt) + ")")
			}
		}
		now := tui.Dim.Render("Now open: ") + where
		short := tui.Bold.Render(shortPlace(ws.Guide, cur))
		variants = []string{now + timer + ends + progress, now + timer + progress, short + timer + tight, short + left + tight}
	case ws.Pacing == inquiry.FacilitatorPaced:
		variants = []string{
			tui.Dim.Render("Facilitator-led: no prompt is open yet (n opens the first for everyone)"),
			tui.Dim.Render("No prompt open yet (n opens one)"),
		}
	default:
		variants = []string{tui.Dim.Render("Self-paced: each participant moves on when ready"), tui.Dim.Render("Self-paced")}
	}
	for _, v := range variants {
		if tui.Width(v) <= w {
			return v
		}
	}
	return tui.Fit(variants[len(variants)-1], w)
}
