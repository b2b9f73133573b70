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
	welcome := tui.Wrap("Welcome, "+m.view.name+". A facilitator lets people in to this workshop: please wait here.", w)
	wait := tui.Wrap("This screen moves on by itself when they do. There is nothing to press meanwhile.", w)
	var resume []string
	if m.resumeCode != "" && m.s.IdentityFor == nil {
		resume = tui.Wrap("If your connection drops, connect again and give your resume code "+m.resumeCode+".", w)
	}
	notice := m.notice.Lines(w)
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
	b.Line(drawTitle(titleKey{w: w, title: m.view.title, code: m.view.code, name: m.view.name, resume: m.resumeCode}))
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
	b.Line(tui.Footer(w, tui.Leave))
	return b.String()
}

// admitted moves someone waiting on to the guide once a facilitator has
// let them in.
func (m *Screen) admitted() tea.Cmd {
	if m.view.waiting {
		return nil
	}
	cmd := m.arrive(func() string { return "A facilitator let you in. " + m.welcome() })
	return tea.Batch(cmd, m.follow())
}

// welcomeBack is what someone coming back is told first.
func (m *Screen) welcomeBack() string {
	return "Welcome back, " + m.view.name + ". Everything is as you left it."
}

// welcome is what someone who has just joined is told first: where to
// start, and without a key, how to come back.
func (m *Screen) welcome() string {
	text := "Welcome, " + m.view.name + "."
	if m.resumeCode != "" && m.s.IdentityFor == nil {
		// First, so that a narrow window's two lines keep it.
		text += " Your resume code is " + m.resumeCode + ": give it if you connect again."
	}
	if !m.view.reachable(m.compose.form.At()) {
		return text + " The facilitator will open the first prompt for everyone: read it meanwhile."
	}
	return text + " Start with the prompt below."
}
