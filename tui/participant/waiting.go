package participant

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// The lobby's waiting screen: where someone who has joined waits, when a
// facilitator holds a lobby, until a facilitator lets them in. There is
// nothing to do there but wait or leave; the screen moves on by itself.

// viewWaiting draws the waiting screen.
func (m *Screen) viewWaiting() string {
	w := m.frame.Width
	var b tui.Lines
	b.Line(tui.Fit(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+tui.Bold.Render(m.view.title), w))
	b.Line(tui.Rule(w))
	b.Line("")
	for _, l := range tui.Wrap(m.say("lobby.welcome", "name", m.view.name), w) {
		b.Line(l)
	}
	b.Line("")
	for _, l := range tui.Wrap(m.say("lobby.by_itself"), w) {
		b.Line(tui.Dim.Render(l))
	}
	if m.resumeCode != "" && m.s.IdentityFor == nil {
		b.Line("")
		for _, l := range tui.Wrap(m.say("resume.keep", "code", m.resumeCode), w) {
			b.Line(l)
		}
	}
	b.Line("")
	b.Line(m.notice.Lines(w))
	b.Fill(m.frame.Height - 1)
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
	if !m.view.reachable(m.compose.form.At()) {
		text = m.say("guide.welcome_unopened", "name", m.view.name)
	}
	if m.resumeCode != "" && m.s.IdentityFor == nil {
		text += " " + m.say("resume.keep", "code", m.resumeCode)
	}
	return text
}
