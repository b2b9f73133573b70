package paint

import tea "charm.land/bubbletea/v2"

// Wrap returns a model that paints inner's view with p after Init and
// after every message Update handles. Run it with tea.WithoutRenderer so
// that Bubble Tea draws nothing itself, and call p.Close when the program
// has ended. Painting happens on the program's own goroutine, so a client
// that stops reading holds up only its own screen.
//
// ctrl+l repaints the whole screen on every screen, as in a shell: the
// model never sees it.
func Wrap(inner tea.Model, p *Painter) tea.Model {
	return &painted{inner: inner, p: p}
}

type painted struct {
	inner tea.Model
	p     *Painter
}

// Init starts the inner model and paints its first frame at once.
func (m *painted) Init() tea.Cmd {
	cmd := m.inner.Init()
	_ = m.p.Paint(m.inner.View()) // a failed write ends the session through its connection
	return cmd
}

// Update lets the inner model handle msg, then paints what it shows.
func (m *painted) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.p.Resize(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+l" {
			m.p.Repaint()
			_ = m.p.Paint(m.inner.View())
			return m, nil
		}
	}
	next, cmd := m.inner.Update(msg)
	m.inner = next
	_ = m.p.Paint(next.View())
	return m, cmd
}

// View is empty: the program runs without a renderer, and the Painter has
// already drawn the inner model's view.
func (m *painted) View() tea.View { return tea.View{} }
