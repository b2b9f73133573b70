package facilitator

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// stage is whether the facilitator is choosing a workshop or in its room.
type stage int

const (
	stageChoose stage = iota
	stageRoom
)

// dashboardPane is the part of the room view that has the focus, or the
// one shown alone on a narrow terminal.
type dashboardPane int

const (
	paneFeed dashboardPane = iota
	paneTally
	panePeople
	paneVote
	panes
)

// roomMode is what the room view's keys are doing: watching, or one of
// the facilitator's forms and pickers, which take the keys until closed.
type roomMode int

const (
	modeRoom     roomMode = iota
	modePrompts           // choosing a prompt to open or reveal
	modeSettings          // what participants see of each other
	modeVoteForm          // opening a dot vote
	modeThemes            // changing a contribution's themes
	modeMerge             // picking the contribution a duplicate repeats
	modeScribe            // writing for a table or a person
	modePeople            // picking the participant another one is
)

// Screen is the facilitator's screen: choose a workshop, then watch
// the room live — contributions as they arrive, opportunities and barriers
// by theme, and who is where in the guide — and run it: open prompts for
// everyone and keep their time, say what participants see of each other,
// curate contributions, run dot votes, write for people without a laptop
// and erase a participant who asks. Every act is an event in the
// facilitator's name.
type Screen struct {
	s      tui.Session
	frame  tui.Frame
	stage  stage
	notice tui.Notice

	workshops []inquiry.Summary
	cursor    int

	// workshop is the room's workshop; ws its state, the store's shared
	// fold, only while the screen is in a Read (see inRoom). folded is
	// the fold the feed and the index were made from (compared, never
	// looked into, outside a Read), and head its last event they took in.
	workshop string
	ws       *inquiry.Workshop
	folded   *inquiry.Workshop
	head     uint64
	present  []inquiry.Presence
	watch    *tui.Watch
	leave    func()
	pane     dashboardPane
	scroll   [panes]int

	// The feed: what it is narrowed to, the contribution picked out (""
	// follows the newest) and the newest's Seq when it stopped following
	// (see picking.go), whether its details are open, and the search being
	// typed.
	filter    feedFilter
	selected  string
	since     uint64
	detail    bool
	searching bool
	search    textinput.Model
	help      bool // the list of keys is shown
	keysTop   int  // how far the list of keys is scrolled

	// Kept between bells, so that a keystroke never recounts the room:
	// the filtered feed, who has answered what, and the tally.
	feed  feedList
	index *roomIndex
	tally inquiry.Tally
	// chart is what the tally chart draws of the tally.
	chart   *tallyChart
	results []inquiry.VoteResult         // of the vote the vote pane shows
	where   map[string]inquiry.PromptRef // connected participants, and where each is

	// side is the pane the right-hand column shows beside the feed on a
	// wide terminal; person is the participant the people pane's cursor
	// is on, by ID, so that it stays on them as others join or merge.
	side   dashboardPane
	person string
	// code is a resume code the facilitator asked to see, and whose;
	// joining is the person being merged into another (see people_merge.go).
	code    shownCode
	joining peopleMerge
	// textUse is the workshop's words against its budget, read when the
	// room rings (see storageLine); sectors is the tally by sector.
	textUse textUse
	sectors sectorPane

	mode     roomMode
	ask      *roomQuestion // a yes-or-no, or a reason, on the line above the keys
	picker   promptPicker
	settings settingsForm
	voteForm voteForm
	themes   themePicker
	merging  string // the duplicate whose original is being picked
	desk     *scribeDesk
	reading  *tui.Reader // a contribution's words shown whole (reading.go)

	// ticking is set while a countdown tick is on its way; askedEnd is
	// the timebox end last asked for (for askedFor), so that quick presses
	// of + add up before the store answers.
	ticking  bool
	askedEnd time.Time
	askedFor inquiry.PromptRef

	// drawn keeps the parts of the room view it drew, for the inputs each
	// shows, so that a message draws again only what it changed; drawnNow
	// is the room as Update drew it, for the View that follows.
	drawn    parts
	drawnNow struct {
		ok      bool
		content string
		cursor  *tea.Cursor
	}
}

// New returns the facilitator screen for a session. With a
// join code it goes straight to that workshop.
func New(s tui.Session) tea.Model {
	m := &Screen{s: s, frame: tui.NewFrame(s, "Goodbye.", "The server is shutting down. Everything saved is kept."),
		filter: noFilter(), side: paneTally}
	m.search = tui.NewLineInput("words to look for", 40)
	m.search.Prompt = "search › "
	m.workshops = orderWorkshops(s.Room.Workshops())
	if s.Code != "" {
		if sum, ok := s.Room.ByCode(s.Code); ok {
			m.openRoom(sum)
			return m
		}
		m.notice = tui.Notice{Text: fmt.Sprintf("No workshop has the code %q: choose one below.", s.Code), Bad: true}
	}
	return m
}

// Init starts listening when the session went straight to a workshop,
// and the countdown if a timebox is running.
func (m *Screen) Init() tea.Cmd {
	var tick tea.Cmd
	m.inRoom(func() { tick = m.tick() })
	return tea.Batch(m.watch.Listen(), tick)
}

// Update handles keys, size changes, the room's bell, the countdown's
// ticks and the outcome of what the facilitator did; in the room, with
// the room's state in hand (see inRoom).
func (m *Screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.drawnNow.ok = false // drawn for the View after the last Update only
	if cmd, done := m.frame.Update(msg); done {
		return m, cmd
	}
	var cmd tea.Cmd
	if !m.inRoom(func() {
		cmd = m.update(msg)
		// The program draws the screen right after Update: drawing it in
		// the same Read makes a message one wait for the shared state, not
		// two, which is most of what a bell costs a busy room's
		// facilitators (saved → on every facilitator, PERFORMANCE.md). A
		// window too small shows no room, so none is drawn for it.
		if m.stage == stageRoom && !m.frame.Small() && !m.frame.Ended() {
			m.drawnNow.content, m.drawnNow.cursor = m.viewRoom()
			m.drawnNow.ok = true
		}
	}) {
		cmd = m.update(msg)
	}
	return m, cmd
}

func (m *Screen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tui.BellMsg:
		if m.stage != stageRoom {
			return nil
		}
		m.catchUp()
		return tea.Batch(m.watch.Listen(), m.tick(), m.sectorTick())
	case roomTickMsg:
		m.ticking = false
		return m.tick()
	case sectorTickMsg:
		m.sectors.waiting = false
		if m.stage == stageRoom && m.sectors.stale {
			m.refreshSectors(time.Now())
		}
		return m.sectorTick()
	case actedMsg:
		return m.acted(msg)
	case codeMsg:
		if m.stage == stageRoom {
			return m.gotCode(msg)
		}
		return nil
	case scribeSavedMsg:
		if m.stage == stageRoom && m.desk != nil {
			m.catchUp()
			m.desk.update(msg)
		}
		return nil
	case tea.PasteMsg:
		return m.paste(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return nil
}

// View draws the chooser or the room, with the room's state in hand, or
// gives the room as Update has just drawn it.
func (m *Screen) View() tea.View {
	return m.frame.View(func() (content string, cursor *tea.Cursor) {
		if d := &m.drawnNow; d.ok {
			d.ok = false
			return d.content, d.cursor
		}
		if !m.inRoom(func() { content, cursor = m.viewRoom() }) {
			content = m.viewChoose()
		}
		return content, cursor
	})
}

// shortPlace names where a prompt sits as the room says it aloud:
// "Design 2" (inquiry.Place, the one numbering of every screen).
func shortPlace(g inquiry.Guide, ref inquiry.PromptRef) string {
	if p, ok := g.Place(ref); ok {
		return p.Short()
	}
	return "starting"
}

// fullPlace names where a prompt sits in full: "Design 2 · 7 of 11".
func fullPlace(g inquiry.Guide, ref inquiry.PromptRef) string {
	if p, ok := g.Place(ref); ok {
		return p.String()
	}
	return "starting"
}

// participantName is the name a participant gave, for the room view.
func (m *Screen) participantName(id string) string {
	if p, ok := m.ws.Participant(id); ok && p.Name != "" {
		return p.Name
	}
	return "(erased)"
}

// partnerLabel is a partner's label in this workshop's guide.
func partnerLabel(g inquiry.Guide, id string) string {
	if p, ok := g.Partner(id); ok {
		return p.Label
	}
	return id
}
