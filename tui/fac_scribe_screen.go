package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// Scribe is the screen of a scribe a facilitator enrolled for one
// workshop: the workshop's name and the scribe desk, nothing of curation
// or pacing.
type Scribe struct {
	s             Session
	width, height int
	ws            *inquiry.Workshop
	bell          <-chan struct{}
	stopWatch     func()
	desk          *scribeDesk
	ended         bool
	notice        notice // said when the screen ends, or when the log does not add up
}

// NewScribe returns the scribe screen for a session whose join code
// (s.Code) names the workshop and whose Actor is the scribe.
func NewScribe(s Session) tea.Model {
	m := &Scribe{s: s, width: s.Width, height: s.Height}
	sum, ok := s.Room.ByCode(s.Code)
	if !ok {
		m.ended = true
		m.notice = notice{text: fmt.Sprintf("No workshop has the code %q. Ask the facilitator for it and connect again.", s.Code)}
		return m
	}
	// The Room's published log, checked by the store (see Room.Events).
	ws, err := inquiry.ReplayStamped(s.Room.Events(sum.ID, 0))
	if err != nil {
		m.ended = true
		m.notice = notice{text: "This workshop's log could not be read: " + err.Error()}
		return m
	}
	m.ws = ws
	m.bell, m.stopWatch = s.Room.Watch(sum.ID)
	atEnd(s.context(), m.stopWatch)
	m.desk = newScribeDesk(s, ws)
	return m
}

// Init starts listening to the workshop, or ends at once if there is none.
func (m *Scribe) Init() tea.Cmd {
	if m.ended {
		return tea.Quit
	}
	return listen(m.s.context(), m.bell)
}

// catchUp folds in what the room has recorded since the last look.
func (m *Scribe) catchUp() {
	for _, e := range m.s.Room.Events(m.ws.ID, m.ws.Head) {
		if err := m.ws.Apply(e); err != nil {
			m.desk.notice = notice{text: "The workshop's log did not add up: " + err.Error(), bad: true}
			return
		}
	}
}

// Update handles keys, size changes and the room's bell.
func (m *Scribe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil
	case ShutdownMsg:
		m.ended = true
		m.notice = notice{text: "The server is shutting down. Everything saved is kept."}
		return m, tea.Quit
	case bellMsg:
		if m.ws == nil {
			return m, nil
		}
		m.catchUp()
		return m, listen(m.s.context(), m.bell)
	case scribeSavedMsg:
		m.catchUp()
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			m.ended = true
			m.notice = notice{text: "Goodbye. Everything saved is kept."}
			return m, tea.Quit
		}
	}
	if m.desk == nil {
		return m, nil
	}
	cmd, _ := m.desk.update(msg) // esc at the top stays here: ctrl+c leaves
	return m, cmd
}

// View draws the workshop's name above the desk.
func (m *Scribe) View() tea.View {
	var v tea.View
	v.AltScreen = true
	switch {
	case m.ended:
		v.AltScreen = false
		v.SetContent(m.notice.text + "\n")
		return v
	case m.width < minWidth || m.height < minHeight:
		v.SetContent(tooSmall(m.width, m.height))
		return v
	}
	w := m.width
	var b screen
	b.line(twoSides(Title.Render("Anchorage")+Dim.Render(" · ")+m.ws.Title, Accent.Render(m.ws.Code)+Dim.Render(" · scribe"), w))
	b.line(Rule(w))
	bodyHeight := max(m.height-b.n-3, 1)
	body, cursor := m.desk.view(w, bodyHeight)
	v.Cursor = offsetCursor(cursor, 0, b.n)
	for i := range bodyHeight {
		b.line(at(body, i))
	}
	b.line(Rule(w))
	b.line(noticeText(m.desk.notice, w))
	b.line(HelpLine(w, append(m.desk.help(), "ctrl+c", "leave")...))
	v.SetContent(b.String())
	return v
}

// noticeText is a notice on one line, in the colour of its news.
func noticeText(n notice, w int) string {
	if n.text == "" {
		return ""
	}
	if n.bad {
		return fit(Bad.Render(n.text), w)
	}
	return fit(Good.Render(n.text), w)
}
