package participant

import (
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// stage is where a participant is on their way through the workshop.
type stage int

const (
	stageCode stage = iota
	stageJoin
	stageGuide
	stageMine
	stageOthers
	stageVote
	stageWaiting
)

// Screen is the screen of someone taking part in a workshop: the join
// code if they did not give one, the join form, then the guide.
type Screen struct {
	s      tui.Session
	frame  tui.Frame
	stage  stage
	notice tui.Notice

	// code is the join code being typed, and join the join form: each
	// only until the person is in (a line input takes some 8 KB, and a
	// joined screen keeps neither).
	code     *textinput.Model
	attempts int
	// looking says a join or resume code is being looked up; queued are
	// those typed meanwhile, to look up in turn.
	looking bool
	queued  []string

	view  view
	watch *tui.Watch
	move  func(inquiry.Presence)

	join    *joinForm
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

	// refused says the screen ended because the person may not be in the
	// workshop (see Failed).
	refused bool
	// reading is a contribution opened from a list to be read whole.
	reading *tui.Reader

	// drawn is the guide screen as last drawn, kept with its parts.
	drawn composeDrawn
	// suit is the language chosen and whether plain text was asked for.
	suit suiting
	// keyList is every key of the screen underneath, open (F1) over it.
	keyList keyList
}

// New returns the participant screen for a session. A code that came with
// the session is looked up once the screen runs (Init), so that the
// screen draws meanwhile.
func New(s tui.Session) tea.Model {
	m := &Screen{s: s, suit: suitingFor(s)}
	m.frame = tui.NewFrame(s, "", "")
	code := tui.NewLineInput("", 32)
	m.code = &code
	m.relabel()
	m.stage = stageCode
	if s.Code != "" {
		m.looking = true
		m.notice = tui.Notice{Text: m.say("code.checking")}
	}
	return m
}

// listen waits for the room's next change that concerns this screen:
// news at once, others' words at this prompt at most once per ChatterGap.
func (m *Screen) listen() tea.Cmd {
	return m.watch.Listen()
}

// Init looks up the code the session came with, if any.
func (m *Screen) Init() tea.Cmd {
	if m.s.Code == "" {
		return nil
	}
	return m.lookUpCode(m.s.Code, true)
}

// enter opens the workshop the code named: start watching, recognise a
// returning key (through any merge; one a facilitator removed is told so
// and goes), and open the view from the shared fold.
func (m *Screen) enter(sum inquiry.Summary) tea.Cmd {
	m.watch = m.s.WatchConcerns(sum.ID, m.interest.news, m.interest.chatter)
	m.view.share = m.sharedThemeIndex(sum.ID)
	m.view.say = m.words() // news from the first fold on is in their language
	if m.s.IdentityFor != nil {
		m.view.identity = m.s.IdentityFor(sum.ID)
	}
	known, blocked := m.recognise(sum.ID)
	if blocked {
		return m.refuse(inquiry.RemovedSentence)
	}
	m.view.id = sum.ID
	if err := m.becomeKnown(known); err != nil {
		return m.unreadable(err)
	}
	switch {
	case m.view.removed != "":
		return m.refuse(m.view.removed)
	case m.view.me != "" && !m.view.left:
		return m.arrive(m.welcomeBack)
	}
	m.code = nil
	m.join = newJoinForm()
	m.relabel()
	m.stage = stageJoin
	return nil
}

// arrive takes someone the workshop knows into it: the guide, saying
// welcome, or the lobby's waiting screen while a facilitator has yet to
// let them in. welcome is called once the guide is on the screen.
func (m *Screen) arrive(welcome func() string) tea.Cmd {
	m.code, m.join = nil, nil
	m.speakAsBefore()
	if m.view.waiting {
		m.stage = stageWaiting
		m.fetchResumeCode()
		m.notice = tui.Notice{}
		return nil
	}
	m.startGuide()
	m.notice = tui.Notice{Text: welcome()}
	return m.clock()
}

// startGuide shows the guide at the first prompt and marks the session
// present in the room.
func (m *Screen) startGuide() {
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
	m.move, _ = m.s.Enter(m.view.id, p)
}

func (m *Screen) presence() inquiry.Presence {
	return inquiry.Presence{
		Session: m.s.ID, Role: inquiry.RoleParticipant, Participant: m.view.me,
		Name: m.view.name, Prompt: m.compose.ref(), Since: time.Now(),
	}
}

// Update handles a message, then tells the store what the screen now
// shows, so the right events ring its bell.
func (m *Screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	model, cmd := m.update(msg)
	var ref inquiry.PromptRef
	if m.compose.ready() {
		ref = m.compose.ref()
	}
	m.interest.note(m.view.me, ref)
	return model, cmd
}

// update handles a message for whichever stage the screen is at.
func (m *Screen) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, done := m.frame.Update(msg); done {
		if m.frame.Ended() {
			m.saveDraft()
		}
		return m, cmd
	}
	switch msg.(type) {
	case tui.BellMsg:
		return m, tea.Batch(m.catchUp(), m.listen())
	case tickMsg:
		m.ticking = false
		return m, m.clock()
	}
	if cmd, done := m.suitKey(msg); done {
		return m, cmd
	}
	if m.keyListKey(msg) {
		return m, nil
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
	case stageWaiting:
		return m, nil // only ctrl+c, which the frame has
	}
	return m, nil
}

// catchUp folds in what the room recorded since the last look, tells the
// person what concerns them, and follows the facilitator's pacing.
func (m *Screen) catchUp() tea.Cmd {
	m.takeIn()
	if news := m.view.takeNews(); len(news) > 0 {
		m.notice = news[len(news)-1]
	}
	switch {
	case m.frame.Ended():
		return nil
	case m.view.removed != "":
		return m.refuse(m.view.removed)
	case m.view.left:
		return m.frame.End(m.say("news.erased"))
	}
	m.takeMerge()
	if m.stage == stageWaiting {
		return m.admitted()
	}
	return m.follow()
}

// unreadable ends the screen for a workshop the store could not read.
func (m *Screen) unreadable(err error) tea.Cmd {
	return m.frame.End(m.say("code.unreadable", "why", m.friendly(err)))
}

// View draws the current stage, or asks for a bigger window.
func (m *Screen) View() tea.View {
	return m.frame.View(func() (string, *tea.Cursor) {
		if m.keyList.open {
			return m.viewKeyList(), nil
		}
		switch m.stage {
		case stageCode:
			return m.viewCode()
		case stageJoin:
			return m.viewJoin()
		case stageGuide:
			return m.viewCompose()
		case stageMine:
			return m.viewMine(), nil
		case stageOthers:
			return m.viewOthers(), nil
		case stageVote:
			return m.viewVote(), nil
		case stageWaiting:
			return m.viewWaiting(), nil
		}
		return "", nil
	})
}

// sharedThemeIndex returns a function fetching the workshop's own theme
// index, which every screen shares.
func (m *Screen) sharedThemeIndex(workshopID string) func() *inquiry.ThemeIndex {
	room := m.s.Room
	return func() *inquiry.ThemeIndex {
		var index *inquiry.ThemeIndex
		if err := room.Read(workshopID, func(w *inquiry.Workshop) { index = w.Suggester() }); err != nil {
			return nil
		}
		return index
	}
}
