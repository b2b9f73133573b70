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
	for _, l := range tui.Wrap("Welcome, "+m.view.name+". A facilitator lets people in to this workshop: please wait here.", w) {
		b.Line(l)
	}
	b.Line("")
	for _, l := range tui.Wrap("This screen moves on by itself when they do. There is nothing to press meanwhile.", w) {
		b.Line(tui.Dim.Render(l))
	}
	if m.resumeCode != "" && m.s.IdentityFor == nil {
		b.Line("")
		for _, l := range tui.Wrap("If your connection drops, connect again and give your resume code "+m.resumeCode+".", w) {
			b.Line(l)
		}
	}
	b.Line("")
	b.Line(m.notice.Lines(w))
	b.Fill(m.frame.Height - 1)
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
