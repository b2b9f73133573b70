package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// maxCodeAttempts is how many wrong join codes one connection may try
// before it is closed: enough for typos, few enough to make guessing slow.
const maxCodeAttempts = 5

// Minimum terminal size the participant screens lay out in; below it the
// screen asks for a bigger window and keeps everything typed so far.
const minWidth, minHeight = 30, 10

type participantStage int

const (
	stageCode participantStage = iota
	stageJoin
	stageGuide
	stageMine
	stageOthers
	stageVote
	stageBye
)

// Participant is the screen of someone taking part in a workshop: the join
// code if they did not give one, the join form, then the guide.
type Participant struct {
	s             Session
	width, height int
	stage         participantStage
	notice        notice

	code     textinput.Model
	attempts int

	view      participantView
	bell      <-chan struct{}
	chatter   <-chan struct{} // others' words at this prompt: see chatterGap
	stopWatch func()
	move      func(inquiry.Presence)
	leave     func()

	join    joinForm
	compose composer
	mine    mineList
	others  othersList
	voting  ballotForm

	// followed is the last prompt the facilitator opened that this screen
	// moved to; ticking says a countdown tick is on its way.
	followed inquiry.PromptRef
	ticking  bool
	// resumeCode lets this person carry on after a dropped connection.
	resumeCode string
	// interest tells the store which events should ring this screen.
	interest interestIn

	// drawn is the guide screen as last drawn, kept with its parts.
	drawn composeDrawn
}

// notice is the one line that tells a person what just happened.
type notice struct {
	text string
	bad  bool
}

// NewParticipant returns the participant screen for a session.
func NewParticipant(s Session) tea.Model {
	m := &Participant{s: s, width: s.Width, height: s.Height}
	m.code = newLineInput("join code", 32)
	m.stage = stageCode
	if s.Code != "" {
		if sum, ok := s.Room.ByCode(s.Code); ok {
			m.enter(sum)
		} else {
			m.attempts++
			m.notice = notice{text: fmt.Sprintf("There is no workshop with the code %q. Check the code and type it here.", s.Code), bad: true}
		}
	}
	return m
}

// newLineInput is a one-line input with the settings every form here
// wants: no server-clipboard paste, a steady cursor, a length limit.
func newLineInput(placeholder string, limit int) textinput.Model {
	in := textinput.New()
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.SetWidth(limit + 1)
	in.Prompt = "› "
	in.KeyMap.Paste.SetEnabled(false) // ctrl+v would read the server's clipboard
	in.SetVirtualCursor(false)
	in.Focus()
	return in
}

// listen waits for the room's next change that concerns this screen:
// news at once, others' words at this prompt at most once per chatterGap.
func (m *Participant) listen() tea.Cmd {
	return listenEvery(m.s.context(), m.bell, m.chatter, chatterGap, time.After)
}

// Init starts listening for the workshop's changes when the session
// arrived with a valid code.
func (m *Participant) Init() tea.Cmd {
	return tea.Batch(m.listen(), m.clock())
}

// enter opens the workshop the code named: read its log, start watching,
// and recognise a returning key.
func (m *Participant) enter(sum inquiry.Summary) {
	bell, stopNews := m.s.Room.WatchFor(sum.ID, m.interest.news)
	chatter, stopChatter := m.s.Room.WatchFor(sum.ID, m.interest.chatter)
	m.bell, m.chatter = bell, chatter
	m.stopWatch = func() { stopNews(); stopChatter() }
	m.view.share = m.sharedThemeIndex(sum.ID)
	if m.s.IdentityFor != nil {
		m.view.identity = m.s.IdentityFor(sum.ID)
	}
	m.view.apply(m.s.Room.Events(sum.ID, 0))
	atEnd(m.s.context(), m.stopWatch)
	if m.view.me != "" && !m.view.left {
		m.startGuide()
		m.notice = notice{text: "Welcome back, " + m.view.name + ". Everything is as you left it."}
		return
	}
	m.join = newJoinForm()
	m.join.resume = newResumeForm()
	m.stage = stageJoin
}

// startGuide shows the guide at the first prompt and marks the session
// present in the room.
func (m *Participant) startGuide() {
	m.stage = stageGuide
	m.s.Actor = inquiry.Actor{Role: inquiry.RoleParticipant, ID: m.view.me}
	m.compose = newComposer(&m.view)
	m.restoreDraft()
	if p, q, ok := m.view.guide.Locate(m.view.current.Prompt); ok {
		m.compose.goTo(p, q) // a facilitator-led workshop starts where the room is
		m.followed = m.view.current.Prompt
	}
	m.fetchResumeCode()
	p := m.presence()
	m.move, m.leave = m.s.Room.Enter(m.view.id, p)
	atEnd(m.s.context(), m.leave)
}

func (m *Participant) presence() inquiry.Presence {
	return inquiry.Presence{
		Session: m.s.ID, Role: inquiry.RoleParticipant, Participant: m.view.me,
		Name: m.view.name, Prompt: m.compose.ref(), Since: time.Now(),
	}
}

// update handles a message for whichever stage the screen is at.
func (m *Participant) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil
	case ShutdownMsg:
		m.saveDraft()
		m.stage = stageBye
		m.notice = notice{text: "The server is shutting down. Everything you saved is kept."}
		return m, tea.Quit
	case bellMsg:
		return m, tea.Batch(m.catchUp(), m.listen())
	case tickMsg:
		m.ticking = false
		return m, m.clock()
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			m.saveDraft()
			m.stage = stageBye
			m.notice = notice{text: "Goodbye. Everything you saved is kept."}
			return m, tea.Quit
		}
	}
	switch m.stage {
	case stageCode:
		return m.updateCode(msg)
	case stageJoin:
		return m.updateJoin(msg)
	case stageGuide:
		return m.updateCompose(msg)
	case stageMine:
		return m.updateMine(msg)
	case stageOthers:
		return m.updateOthers(msg)
	case stageVote:
		return m.updateVote(msg)
	}
	return m, nil
}

// catchUp folds in what the room recorded since the last look, tells the
// person what concerns them, and follows the facilitator's pacing.
func (m *Participant) catchUp() tea.Cmd {
	m.view.apply(m.s.Room.Events(m.view.id, m.view.head))
	if news := m.view.takeNews(); len(news) > 0 {
		m.notice = news[len(news)-1]
	}
	if m.view.left && m.stage != stageBye {
		m.stage = stageBye
		m.notice = notice{text: "Your contributions have been withdrawn and your words erased from the workshop. Goodbye."}
		return tea.Quit
	}
	m.refreshOthers()
	return m.follow()
}

func (m *Participant) updateCode(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "enter" {
		code := strings.ToLower(inquiry.CleanLine(m.code.Value()))
		if code == "" {
			m.notice = notice{text: "Type the join code first: the facilitator has it.", bad: true}
			return m, nil
		}
		if sum, ok := m.s.Room.ByCode(code); ok {
			m.notice = notice{}
			m.enter(sum)
			return m, m.listen()
		}
		m.attempts++
		m.code.SetValue("")
		if m.attempts >= maxCodeAttempts {
			m.stage = stageBye
			m.notice = notice{text: "That code was not recognised, and there have been too many tries. Ask the facilitator for the code and connect again.", bad: true}
			return m, tea.Quit
		}
		m.notice = notice{text: fmt.Sprintf("No workshop has the code %q. Please check it and try again.", code), bad: true}
		return m, nil
	}
	var cmd tea.Cmd
	m.code, cmd = m.code.Update(msg)
	return m, cmd
}

// View draws the current stage, or asks for a bigger window.
func (m *Participant) View() tea.View {
	var v tea.View
	v.AltScreen = true
	if m.stage == stageBye {
		v.AltScreen = false
		v.SetContent(m.notice.text + "\n")
		return v
	}
	if m.width < minWidth || m.height < minHeight {
		v.SetContent(tooSmall(m.width, m.height))
		return v
	}
	var body string
	var cursor *tea.Cursor
	switch m.stage {
	case stageCode:
		body, cursor = m.viewCode()
	case stageJoin:
		body, cursor = m.viewJoin()
	case stageGuide:
		body, cursor = m.viewCompose()
	case stageMine:
		body = m.viewMine()
	case stageOthers:
		body = m.viewOthers()
	case stageVote:
		body = m.viewVote()
	}
	v.SetContent(body)
	v.Cursor = cursor
	return v
}

// tooSmall is the screen for a window too small to lay out in.
func tooSmall(w, h int) string {
	lines := []string{"Window too small", fmt.Sprintf("(%dx%d).", w, h), "Please enlarge", fmt.Sprintf("to %dx%d.", minWidth, minHeight), "Your text is kept."}
	for i, l := range lines {
		lines[i] = fit(l, w)
	}
	if h < len(lines) {
		lines = lines[:max(h, 1)]
	}
	return strings.Join(lines, "\n")
}

func (m *Participant) viewCode() (string, *tea.Cursor) {
	w := m.width
	var b screen
	b.line(Title.Render("Anchorage"))
	b.line("")
	for _, l := range wrap("Welcome. Type the join code the facilitator gave you (it looks like harbour-4821), then press enter.", w) {
		b.line(l)
	}
	b.line("")
	cursor := offsetCursor(m.code.Cursor(), 0, b.n)
	b.line(m.code.View())
	b.line("")
	b.line(m.noticeLine(w))
	b.fill(m.height - 1)
	b.line(HelpLine(w, "enter", "join", "ctrl+c", "leave"))
	return b.String(), cursor
}

// noticeLine renders the current notice, wrapped to at most two lines.
func (m *Participant) noticeLine(w int) string {
	if m.notice.text == "" {
		return ""
	}
	style := Good
	if m.notice.bad {
		style = Bad
	}
	lines := wrap(m.notice.text, w)
	if len(lines) > 2 {
		lines = lines[:2]
	}
	for i := range lines {
		lines[i] = style.Render(lines[i])
	}
	return strings.Join(lines, "\n")
}

// offsetCursor moves a component's cursor to where the component is drawn.
func offsetCursor(c *tea.Cursor, x, y int) *tea.Cursor {
	if c == nil {
		return nil
	}
	c.X += x
	c.Y += y
	c.Blink = false // a blink is a redraw per idle session
	return c
}

// sharedThemeIndex returns a function fetching the workshop's own theme
// index, which every screen shares.
func (m *Participant) sharedThemeIndex(workshopID string) func() *inquiry.ThemeIndex {
	room := m.s.Room
	return func() *inquiry.ThemeIndex {
		var index *inquiry.ThemeIndex
		if err := room.Read(workshopID, func(w *inquiry.Workshop) { index = w.Suggester() }); err != nil {
			return nil
		}
		return index
	}
}
