package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

type facilitatorStage int

const (
	stageChoose facilitatorStage = iota
	stageRoom
	stageEnd
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
)

// Facilitator is the facilitator's screen: choose a workshop, then watch
// the room live — contributions as they arrive, opportunities and barriers
// by theme, and who is where in the guide.
type Facilitator struct {
	s             Session
	st            styles
	width, height int
	stage         facilitatorStage
	notice        notice

	workshops []inquiry.Summary
	cursor    int

	ws        *inquiry.Workshop
	present   []inquiry.Presence
	bell      <-chan struct{}
	stopWatch func()
	leave     func()
	pane      dashboardPane
	scroll    [panes]int

	// The feed: what it is narrowed to, the contribution picked out (""
	// follows the newest), whether its details are open, and the search
	// being typed.
	filter    feedFilter
	selected  string
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
	where map[string]inquiry.PromptRef // connected participants, and where each is

	// side is the pane the right-hand column shows beside the feed on a
	// wide terminal; person is the people pane's cursor.
	side   dashboardPane
	person int

	mode     roomMode
	ask      *roomQuestion // a yes-or-no, or a reason, on the line above the keys
	picker   promptPicker
	settings settingsForm
	voteForm voteForm
	themes   themePicker
	merging  string // the duplicate whose original is being picked
	desk     *scribeDesk

	// ticking is set while a countdown tick is on its way; askedEnd is
	// the timebox end last asked for (for askedFor), so that quick presses
	// of + add up before the store answers.
	ticking  bool
	askedEnd time.Time
	askedFor inquiry.PromptRef
}

// NewFacilitator returns the facilitator screen for a session. With a
// join code it goes straight to that workshop.
func NewFacilitator(s Session) tea.Model {
	m := &Facilitator{s: s, st: newStyles(), width: s.Width, height: s.Height, filter: noFilter(), side: paneTally}
	m.search = newLineInput("words to look for", 40)
	m.search.Prompt = "search › "
	m.workshops = orderWorkshops(s.Room.Workshops())
	if s.Code != "" {
		if sum, ok := s.Room.ByCode(s.Code); ok {
			m.watch(sum)
			return m
		}
		m.notice = notice{text: fmt.Sprintf("No workshop has the code %q: choose one below.", s.Code), bad: true}
	}
	return m
}

// orderWorkshops puts open workshops first, newest first within each.
func orderWorkshops(all []inquiry.Summary) []inquiry.Summary {
	var open, closed []inquiry.Summary
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Open {
			open = append(open, all[i])
		} else {
			closed = append(closed, all[i])
		}
	}
	return append(open, closed...)
}

// Init starts listening when the session went straight to a workshop,
// and the countdown if a timebox is running.
func (m *Facilitator) Init() tea.Cmd {
	return tea.Batch(listen(m.s.context(), m.bell), m.tick())
}

// watch opens a workshop's room view: fold its log, join the live feed and
// show this facilitator as present.
func (m *Facilitator) watch(sum inquiry.Summary) {
	events := m.s.Room.Events(sum.ID, 0)
	ws, err := inquiry.Replay(events)
	if err != nil {
		m.notice = notice{text: "This workshop's log could not be read: " + err.Error(), bad: true}
		return
	}
	m.ws = ws
	m.index = newRoomIndex(ws, events)
	m.feed.rebuild(ws, m.filter)
	m.tally = ws.Tally()
	m.bell, m.stopWatch = m.s.Room.Watch(sum.ID)
	_, m.leave = m.s.Room.Enter(sum.ID, inquiry.Presence{Session: m.s.ID, Role: inquiry.RoleFacilitator, Name: "facilitator", Since: time.Now()})
	m.present = m.s.Room.Present(sum.ID)
	m.where = wherePresent(m.present)
	m.stage, m.mode, m.ask, m.desk = stageRoom, modeRoom, nil, nil
	m.scroll, m.person, m.selected, m.detail = [panes]int{}, 0, "", false
	atEnd(m.s.context(), m.stopWatch)
	atEnd(m.s.context(), m.leave)
}

// unwatch leaves the room view for the chooser.
func (m *Facilitator) unwatch() {
	if m.stopWatch != nil {
		m.stopWatch()
		m.leave()
	}
	m.ws, m.bell, m.stopWatch, m.leave = nil, nil, nil, nil
	m.index, m.desk, m.mode, m.ask, m.merging = nil, nil, modeRoom, nil, ""
	m.workshops = orderWorkshops(m.s.Room.Workshops())
	m.stage = stageChoose
}

// catchUp folds in what the room has recorded since the last look. The
// work is in proportion to the new events: each updates the feed and the
// index only for the contributions it touched.
func (m *Facilitator) catchUp() {
	head := m.ws.Head
	for _, e := range m.s.Room.Events(m.ws.ID, m.ws.Head) {
		if err := m.ws.Apply(e); err != nil {
			m.notice = notice{text: "The workshop's log did not add up: " + err.Error(), bad: true}
			break
		}
		for _, c := range m.index.note(m.ws, e) {
			m.feed.touch(c)
		}
	}
	if m.ws.Head != head {
		m.tally = m.ws.Tally()
	}
	m.present = m.s.Room.Present(m.ws.ID)
	m.where = wherePresent(m.present)
}

// Update handles keys, size changes, the room's bell, the countdown's
// ticks and the outcome of what the facilitator did.
func (m *Facilitator) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case ShutdownMsg:
		m.stage = stageEnd
		m.notice = notice{text: "The server is shutting down. Everything saved is kept."}
		return m, tea.Quit
	case bellMsg:
		if m.ws == nil {
			return m, nil
		}
		m.catchUp()
		return m, tea.Batch(listen(m.s.context(), m.bell), m.tick())
	case roomTickMsg:
		m.ticking = false
		return m, m.tick()
	case actedMsg:
		return m, m.acted(msg)
	case scribeSavedMsg:
		if m.ws != nil && m.desk != nil {
			m.catchUp()
			m.desk.update(msg)
		}
		return m, nil
	case tea.PasteMsg:
		return m, m.paste(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

// paste goes to whatever is being typed into.
func (m *Facilitator) paste(p tea.PasteMsg) tea.Cmd {
	text := inquiry.CleanLine(p.Content)
	switch {
	case m.stage != stageRoom:
	case m.mode == modeScribe:
		cmd, _ := m.desk.update(p)
		return cmd
	case m.ask != nil && m.ask.input != nil:
		pasteLine(m.ask.input, text)
	case m.searching:
		pasteLine(&m.search, text)
	case m.mode == modeVoteForm && m.voteForm.focus == voteTitle:
		pasteLine(&m.voteForm.title, text)
	case m.mode == modeThemes && m.themes.adding && m.themes.onKeywords:
		pasteLine(&m.themes.keywords, text)
	case m.mode == modeThemes && m.themes.adding:
		pasteLine(&m.themes.label, text)
	}
	return nil
}

func (m *Facilitator) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if k.String() == "ctrl+c" {
		m.stage = stageEnd
		m.notice = notice{text: "Goodbye."}
		return m, tea.Quit
	}
	if m.stage == stageChoose {
		return m.chooseKey(k)
	}
	switch {
	case m.searching:
		return m, m.searchKey(k)
	case m.ask != nil:
		return m, m.askKey(k)
	}
	switch m.mode {
	case modePrompts:
		return m, m.pickerKey(k)
	case modeSettings:
		return m, m.settingsKey(k)
	case modeVoteForm:
		return m, m.voteKey(k)
	case modeThemes:
		return m, m.themesKey(k)
	case modeMerge:
		return m, m.mergeKey(k)
	case modeScribe:
		cmd, leave := m.desk.update(k)
		if leave {
			m.mode = modeRoom
		}
		return m, cmd
	}
	if m.help {
		return m, m.keysKey(k)
	}
	if m.detail {
		if cmd, done := m.curateKey(k); done {
			return m, cmd
		}
	}
	return m.roomKey(k)
}

func (m *Facilitator) chooseKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "up", "k":
		m.cursor = max(m.cursor-1, 0)
	case "down", "j":
		m.cursor = min(m.cursor+1, max(len(m.workshops)-1, 0))
	case "enter":
		if len(m.workshops) > 0 {
			m.notice = notice{}
			m.watch(m.workshops[m.cursor])
			return m, tea.Batch(listen(m.s.context(), m.bell), m.tick())
		}
	case "q", "esc":
		m.stage = stageEnd
		m.notice = notice{text: "Goodbye."}
		return m, tea.Quit
	}
	return m, nil
}

// keysKey scrolls or closes the list of keys.
func (m *Facilitator) keysKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "up":
		m.keysTop--
	case "down":
		m.keysTop++
	case "pgup":
		m.keysTop -= 10
	case "pgdown":
		m.keysTop += 10
	case "q":
		m.stage = stageEnd
		m.notice = notice{text: "Goodbye."}
		return tea.Quit
	default:
		m.help = false
	}
	return nil
}

// roomKey handles the keys of the room itself.
func (m *Facilitator) roomKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "tab", "right":
		m.focus(1)
	case "shift+tab", "left":
		m.focus(-1)
	case "up":
		m.move(-1)
	case "down":
		m.move(1)
	case "pgup":
		m.move(-10)
	case "pgdown":
		m.move(10)
	case "home":
		m.move(-1 << 30)
	case "end":
		m.move(1 << 30)
	case "enter":
		m.detail = !m.detail && m.pane == paneFeed && m.feed.len() > 0
	case "/":
		m.searching = true
		m.search.SetValue(m.filter.search)
		m.search.CursorEnd()
		m.search.Focus()
	case "p":
		m.refilter(&m.filter.phase, len(m.ws.Guide.Phases))
	case "k":
		m.refilter(&m.filter.kind, len(inquiry.Kinds))
	case "t":
		m.refilter(&m.filter.theme, len(m.ws.Themes()))
	case "r":
		m.refilter(&m.filter.partner, len(m.ws.Guide.PartnerList()))
	case "x":
		m.setFilter(noFilter())
	case "?":
		m.help, m.keysTop = true, 0
	case "n":
		return m, m.openNext()
	case "o":
		m.openPicker()
	case "+", "=", "1":
		return m, m.extend(time.Minute)
	case "5":
		return m, m.extend(5 * time.Minute)
	case "0":
		return m, m.endTimebox()
	case "s":
		m.openSettings()
	case "v":
		return m, m.reveal(m.ws.Current.Prompt)
	case "d":
		m.dotVote()
	case "c":
		if m.desk == nil {
			m.desk = newScribeDesk(m.s, m.ws)
		}
		m.mode, m.notice = modeScribe, notice{}
	case "e":
		return m, m.erase()
	case "esc":
		switch {
		case m.detail:
			m.detail = false
		case m.filter.active():
			m.setFilter(noFilter())
		default:
			m.unwatch()
		}
	case "w":
		m.unwatch()
	case "q":
		m.stage = stageEnd
		m.notice = notice{text: "Goodbye."}
		return m, tea.Quit
	}
	return m, nil
}

// focus moves the focus between the panes; the vote pane joins once there
// is a vote. The right-hand column follows the focus.
func (m *Facilitator) focus(delta int) {
	n := panes
	if len(m.ws.Votes) == 0 {
		n = paneVote
	}
	m.pane = dashboardPane(cycle(int(m.pane), delta, int(n)))
	if m.pane != paneFeed {
		m.side, m.detail = m.pane, false
	}
}

// refilter steps one of the feed's filters and starts the feed again from
// the newest match.
func (m *Facilitator) refilter(choice *int, n int) {
	*choice = step(*choice, n)
	m.setFilter(m.filter)
}

// setFilter narrows the feed afresh: the one time the whole feed is
// looked through again.
func (m *Facilitator) setFilter(f feedFilter) {
	m.filter = f
	m.feed.rebuild(m.ws, f)
	m.selected, m.detail, m.pane = "", false, paneFeed
	m.scroll[paneFeed] = 0
}

// searchKey edits the search words; enter applies them, esc abandons them.
func (m *Facilitator) searchKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "enter":
		f := m.filter
		f.search = strings.ToLower(inquiry.CleanLine(m.search.Value()))
		m.searching = false
		m.setFilter(f)
		return nil
	case "esc":
		m.searching = false
		return nil
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(k)
	return cmd
}

// selectedRank is where the picked-out contribution is in the feed: 0
// (the newest) when none is picked out, -1 when it is no longer there.
func (m *Facilitator) selectedRank() int {
	if m.selected == "" {
		return 0
	}
	c, _ := m.ws.Contribution(m.selected)
	return m.feed.rank(c)
}

// move moves the feed's selection, or the people pane's cursor, or
// scrolls the other panes.
func (m *Facilitator) move(delta int) {
	switch m.pane {
	case paneFeed:
	case panePeople:
		m.movePerson(delta)
		return
	default:
		m.scroll[m.pane] = max(m.scroll[m.pane]+max(min(delta, 1000), -1000), 0)
		return
	}
	n := m.feed.len()
	if n == 0 {
		return
	}
	at := max(m.selectedRank(), 0)
	at = min(max(at+delta, 0), n-1)
	m.selected = m.feed.newest(at).ID
	if at == 0 && m.mode != modeMerge {
		m.selected = "" // back at the top: follow the newest again
	}
}

// View draws the chooser or the room.
func (m *Facilitator) View() tea.View {
	var v tea.View
	v.AltScreen = true
	switch {
	case m.stage == stageEnd:
		v.AltScreen = false
		v.SetContent(m.notice.text + "\n")
	case m.width < minWidth || m.height < minHeight:
		v.SetContent(tooSmall(m.width, m.height))
	case m.stage == stageChoose:
		v.SetContent(m.viewChoose())
	default:
		content, cursor := m.viewRoom()
		v.SetContent(content)
		v.Cursor = cursor
	}
	return v
}

func (m *Facilitator) viewChoose() string {
	st, w := m.st, m.width
	var b screen
	b.line(twoSides(st.title.Render("Anchorage")+st.dim.Render(" · facilitator"), st.dim.Render(count(len(m.workshops), "workshop", "workshops")), w))
	b.line(st.rule(w))
	if len(m.workshops) == 0 {
		b.line("No workshops yet. Create one with:")
		b.line(st.accent.Render(`  ssh -p 23234 HOST workshop new --title "..."`))
	}
	room := max(m.height-6, 1)
	first := max(0, min(m.cursor-room/2, len(m.workshops)-room))
	for i := first; i < len(m.workshops) && i < first+room; i++ {
		s := m.workshops[i]
		state := st.good.Render("open  ")
		if !s.Open {
			state = st.dim.Render("closed")
		}
		line := fmt.Sprintf("%-16s %s %s %s", s.Code, state, s.Title,
			st.dim.Render("· "+count(s.Participants, "person", "people")+" · "+count(s.Contributions, "contribution", "contributions")))
		if i == m.cursor {
			line = st.selected.Render("▸") + " " + line
		} else {
			line = "  " + line
		}
		b.line(fit(line, w))
	}
	b.fill(m.height - 3)
	b.line(m.facilitatorNotice(w))
	b.fill(m.height - 1)
	b.line(st.helpLine(w, "↑↓", "choose", "enter", "watch the room", "q", "quit"))
	return b.String()
}

func (m *Facilitator) facilitatorNotice(w int) string {
	return noticeText(m.st, m.notice, w)
}

// phaseTitle names where a prompt sits, as "Design 2".
func phaseTitle(g inquiry.Guide, ref inquiry.PromptRef) string {
	p, q, ok := g.Locate(ref)
	if !ok {
		return "starting"
	}
	return fmt.Sprintf("%s %d", g.Phases[p].Title, q+1)
}

// participantName is the name a participant gave, for the room view.
func (m *Facilitator) participantName(id string) string {
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

// count is "1 barrier" or "3 barriers".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, strings.TrimSpace(many))
}
