package participant

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// The lobby's waiting screen: where someone who has joined waits, when a
// facilitator holds a lobby, until a facilitator lets them in. There is
// nothing to do there but wait or leave; the screen moves on by itself.

// viewWaiting draws the waiting screen. Its first line is the guide's,
// with the resume code; a short window drops the blank lines first, then
// the rule, then what the wait is like, then the sentence on the resume
// code (which the first line still shows).
func (m *Screen) viewWaiting() string {
	w, h := m.frame.Width, m.frame.Height
	welcome := tui.Wrap(m.say("lobby.welcome", "name", m.view.name), w)
	wait := tui.Wrap(m.say("lobby.by_itself"), w)
	var resume []string
	if m.resumeCode != "" && m.s.IdentityFor == nil {
		resume = tui.Wrap(m.say("resume.keep", "code", m.resumeCode), w)
	}
	notice, _ := m.noticeLines(w)
	rows := h - 2 - len(welcome) // beside the first line, the welcome and the keys
	if notice != "" {
		rows -= strings.Count(notice, "\n") + 1
	}
	fits := func(lines []string) []string {
		if len(lines) > rows {
			return nil
		}
		rows -= len(lines)
		return lines
	}
	resume, wait = fits(resume), fits(wait)
	rule := fits([]string{tui.Rule(w)})
	gaps := min(max(rows, 0), 3)

	var b tui.Lines
	gap := func() {
		if gaps > 0 {
			b.Line("")
			gaps--
		}
	}
	b.Line(drawTitle(titleKey{w: w, title: m.view.title, code: m.view.code, name: m.view.name, resume: m.titleResume()}))
	for _, l := range rule {
		b.Line(l)
	}
	gap()
	for _, l := range welcome {
		b.Line(l)
	}
	gap()
	for _, l := range wait {
		b.Line(tui.Dim.Render(l))
	}
	gap()
	for _, l := range resume {
		b.Line(l)
	}
	if notice != "" {
		b.Line(notice)
	}
	b.Fill(h - 1)
	b.Line(tui.Footer(w, m.keys(tui.Leave)...))
	return b.String()
}

// admitted moves someone waiting on to the guide once a facilitator has
// let them in.
func (m *Screen) admitted() tea.Cmd {
	if m.view.waiting {
		return nil
	}
	cmd := m.arrive(func() string { return m.say("lobby.let_in") + " " + m.welcome() })
	return tea.Batch(cmd, m.follow())
}

// welcomeBack is what someone coming back is told first.
func (m *Screen) welcomeBack() string {
	return m.say("join.welcome_back", "name", m.view.name)
}

// welcome is what someone who has just joined is told first: where to
// start, and without a key, how to come back.
func (m *Screen) welcome() string {
	text := m.say("guide.welcome", "name", m.view.name)
	if m.resumeCode != "" && m.s.IdentityFor == nil {
		// First, so that a narrow window's two lines keep it.
		text += " " + m.say("guide.resume_first", "code", m.resumeCode)
	}
	if !m.view.reachable(m.compose.form.At()) {
		return text + " " + m.say("guide.start_unopened")
	}
	return text + " " + m.say("guide.start")
}
