package facilitator

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Scribe is the screen of a scribe a facilitator enrolled for one
// workshop: the workshop's name and the scribe desk, nothing of curation
// or pacing.
type Scribe struct {
	s     tui.Session
	frame tui.Frame
	ws    *inquiry.Workshop
	watch *tui.Watch
	desk  *scribeDesk
}

// NewScribe returns the scribe screen for a session whose join code
// (s.Code) names the workshop and whose Actor is the scribe.
func NewScribe(s tui.Session) tea.Model {
	m := &Scribe{s: s, frame: tui.NewFrame(s, "Goodbye. Everything saved is kept.", "The server is shutting down. Everything saved is kept.")}
	sum, ok := s.Room.ByCode(s.Code)
	if !ok {
		m.frame.End(fmt.Sprintf("No workshop has the code %q. Ask the facilitator for it and connect again.", s.Code))
		return m
	}
	// The Room's published log, checked by the store (see Room.Events).
	ws, err := inquiry.ReplayStamped(s.Room.Events(sum.ID, 0))
	if err != nil {
		m.frame.End("This workshop's log could not be read: " + err.Error())
		return m
	}
	m.ws = ws
	m.watch = s.Watch(sum.ID)
	m.desk = newScribeDesk(s, ws)
	return m
}

// Init starts listening to the workshop, or ends at once if there is none.
func (m *Scribe) Init() tea.Cmd {
	if m.frame.Ended() {
		return tea.Quit
	}
	return m.watch.Listen()
}

// catchUp folds in what the room has recorded since the last look.
func (m *Scribe) catchUp() {
	for _, e := range m.s.Room.Events(m.ws.ID, m.ws.Head) {
		if err := m.ws.Apply(e); err != nil {
			m.desk.notice = tui.Notice{Text: "The workshop's log did not add up: " + err.Error(), Bad: true}
			return
		}
	}
}

// Update handles keys, size changes and the room's bell.
func (m *Scribe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, done := m.frame.Update(msg); done {
		return m, cmd
	}
	switch msg.(type) {
	case tui.BellMsg:
		m.catchUp()
		return m, m.watch.Listen()
	case scribeSavedMsg:
		m.catchUp()
	}
	if m.desk == nil {
		return m, nil
	}
	cmd, _ := m.desk.update(msg) // esc at the top stays here: ctrl+c leaves
	return m, cmd
}

// View draws the workshop's name above the desk.
func (m *Scribe) View() tea.View {
	return m.frame.View(m.draw)
}

func (m *Scribe) draw() (string, *tea.Cursor) {
	w := m.frame.Width
	var b tui.Lines
	b.Line(tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+m.ws.Title, tui.Accent.Render(m.ws.Code)+tui.Dim.Render(" · scribe"), w))
	b.Line(tui.Rule(w))
	bodyHeight := max(m.frame.Height-b.Len()-3, 1)
	body, cursor := m.desk.view(w, bodyHeight)
	cursor = tui.OffsetCursor(cursor, 0, b.Len())
	for i := range bodyHeight {
		b.Line(at(body, i))
	}
	b.Line(tui.Rule(w))
	b.Line(m.desk.notice.Line(w))
	b.Line(tui.FooterKeeping(w, tui.Leave, m.desk.footer()...))
	return b.String(), cursor
}
