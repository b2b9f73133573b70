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

// openNext opens the next prompt for everyone, with its timebox.
func (m *Screen) openNext() tea.Cmd {
	i := m.nextPrompt()
	if i < 0 {
		m.notice = tui.Notice{Text: phaseTitle(m.ws.Guide, m.ws.Current.Prompt) + " is the last prompt. o chooses another to open."}
		return nil
	}
	return m.openPrompt(promptRefs(m.ws.Guide)[i], true)
}

// openPrompt opens a prompt for everyone; with its timebox if it has one
// and the facilitator wants it.
func (m *Screen) openPrompt(ref inquiry.PromptRef, timebox bool) tea.Cmd {
	pace := inquiry.Pace{Prompt: ref}
	done := "Opened " + phaseTitle(m.ws.Guide, ref) + " for everyone"
	if p, ok := m.ws.Guide.Prompt(ref); ok && timebox && p.Timebox > 0 {
		pace.EndsAt = stampTime().Add(time.Duration(p.Timebox))
		done += fmt.Sprintf(", with %s on the clock", minutes(time.Duration(p.Timebox)))
	}
	return m.record(inquiry.Event{Type: inquiry.PromptOpened, Pace: &pace}, done+".", nil)
}

// extend adds time to the open prompt's timebox: to its end while it
// runs, or from now once it has ended or if it had none.
func (m *Screen) extend(d time.Duration) tea.Cmd {
	cur := m.ws.Current
	if cur.Prompt == "" {
		m.notice = tui.Notice{Text: "No prompt is open for everyone yet: n opens the next one.", Bad: true}
		return nil
	}
	base := cur.EndsAt
	if m.askedEnd.After(base) && m.askedFor == cur.Prompt {
		base = m.askedEnd // a press before the last one was recorded
	}
	if t := stampTime(); base.Before(t) {
		base = t
	}
	end := base.Add(d)
	m.askedEnd, m.askedFor = end, cur.Prompt
	e := inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: cur.Prompt, EndsAt: end}}
	return m.record(e, fmt.Sprintf("Added %s: the timebox now ends at %s.", minutes(d), clock(end)), func(m *Screen, _ bool) {
		if m.askedEnd.Equal(end) {
			m.askedEnd = time.Time{}
		}
	})
}

// endTimebox ends the open prompt's timebox now.
func (m *Screen) endTimebox() tea.Cmd {
	cur := m.ws.Current
	if cur.Prompt == "" {
		m.notice = tui.Notice{Text: "No prompt is open for everyone, so there is no timebox to end.", Bad: true}
		return nil
	}
	m.askedEnd = time.Time{}
	e := inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: cur.Prompt}}
	return m.record(e, "Time is up for "+phaseTitle(m.ws.Guide, cur.Prompt)+": everyone's countdown shows it.", nil)
}

// timeLeft is how long the open prompt's timebox has to run (zero or less
// once it has ended); has is false when there is no timebox.
func (m *Screen) timeLeft(at time.Time) (left time.Duration, has bool) {
	if m.ws == nil || m.ws.Current.Prompt == "" || m.ws.Current.EndsAt.IsZero() {
		return 0, false
	}
	return m.ws.Current.EndsAt.Sub(at), true
}

// tick keeps the countdown going: one wake-up as each shown second passes,
// only while a timebox runs. When it ends, or the facilitator leaves the
// room, the next tick is simply not asked for; an idle room never redraws.
func (m *Screen) tick() tea.Cmd {
	if m.ticking {
		return nil
	}
	left, has := m.timeLeft(time.Now())
	if !has || left <= 0 {
		return nil
	}
	m.ticking = true
	// Wake just after the shown second changes.
	wait := left%time.Second + 5*time.Millisecond
	return tea.Tick(wait, func(time.Time) tea.Msg { return roomTickMsg{} })
}

// countdown is the timebox as the header shows it: "7:42 left", or "time
// is up" as participants' screens say it; "" when there is none.
func (m *Screen) countdown() string {
	left, has := m.timeLeft(time.Now())
	switch {
	case !has:
		return ""
	case left <= 0:
		return "time is up"
	}
	s := int(left / time.Second)
	return fmt.Sprintf("%d:%02d left", s/60, s%60)
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
		where := tui.Bold.Render(phaseTitle(ws.Guide, cur))
		answered, of := m.index.progress(cur)
		progress := tui.Dim.Render(fmt.Sprintf(" · %d of %d have answered", answered, of))
		tight := tui.Dim.Render(fmt.Sprintf(" · %d/%d answered", answered, of))
		if of == 0 {
			progress, tight = tui.Dim.Render(" · nobody has joined yet"), ""
		}
		timer, ends, left := "", "", ""
		if cd := m.countdown(); cd != "" {
			style := tui.Accent
			if l, _ := m.timeLeft(time.Now()); l < time.Minute {
				style = tui.Warn
			}
			timer, left = tui.Dim.Render(" · ")+style.Render("⏱ "+cd), tui.Dim.Render(" · ")+style.Render("⏱ "+strings.TrimSuffix(cd, " left"))
			ends = tui.Dim.Render(" (ends " + clock(ws.Current.EndsAt) + ")")
			if l, _ := m.timeLeft(time.Now()); l <= 0 {
				ends = tui.Dim.Render(" (ended " + clock(ws.Current.EndsAt) + ")")
			}
		}
		now := tui.Dim.Render("Now open: ") + where
		variants = []string{now + timer + ends + progress, now + timer + progress, where + left + tight}
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
