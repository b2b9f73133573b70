package facilitator

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Scribe is the screen of a scribe a facilitator enrolled for one
// workshop: the workshop's name and the scribe desk, nothing of curation
// or pacing. Like the room, it reads the workshop's state from the store's
// shared fold, in a Read (see inRoom); it keeps none of it between.
type Scribe struct {
	s        tui.Session
	frame    tui.Frame
	workshop string
	watch    *tui.Watch
	desk     *scribeDesk
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
	m.workshop, m.desk = sum.ID, newScribeDesk(s)
	m.desk.alone = true
	m.watch = s.Watch(sum.ID)
	// Present by name, so that the facilitators see who is scribing; the
	// session's end takes them out.
	name := s.Actor.Name
	if name == "" {
		name = inquiry.ShortFingerprint(s.Actor.ID)
	}
	s.Enter(sum.ID, inquiry.Presence{Session: s.ID, Role: inquiry.RoleScribe, Name: name, Since: time.Now()})
	return m
}

// Init starts listening to the workshop, or ends at once if there is none.
func (m *Scribe) Init() tea.Cmd {
	if m.frame.Ended() {
		return tea.Quit
	}
	return m.watch.Listen()
}

// read runs f with the workshop's shared state at the desk, for as long as
// f runs.
func (m *Scribe) read(f func()) error {
	return m.s.Room.Read(m.workshop, func(ws *inquiry.Workshop) {
		m.desk.ws = ws
		defer func() { m.desk.ws = nil }()
		f()
	})
}

// Update handles keys, size changes and the room's bell.
func (m *Scribe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, done := m.frame.Update(msg); done {
		return m, cmd
	}
	if _, ok := msg.(tui.BellMsg); ok {
		return m, m.watch.Listen() // the view reads the room afresh
	}
	if m.frame.Ended() {
		return m, nil
	}
	var cmd tea.Cmd
	if err := m.read(func() { cmd, _ = m.desk.update(msg) }); err != nil { // esc at the top stays here: ctrl+c leaves
		return m, m.frame.End("This workshop could not be read: " + tui.Friendly(err))
	}
	return m, cmd
}

// View draws the workshop's name above the desk.
func (m *Scribe) View() tea.View {
	return m.frame.View(func() (content string, cursor *tea.Cursor) {
		_ = m.read(func() { content, cursor = m.draw() }) // a failed read ends the screen at the next message
		return content, cursor
	})
}

func (m *Scribe) draw() (string, *tea.Cursor) {
	w, ws := m.frame.Width, m.desk.ws
	var b tui.Lines
	b.Line(tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+ws.Title, tui.Accent.Render(ws.Code)+tui.Dim.Render(" · scribe"), w))
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
