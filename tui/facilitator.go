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
	panes
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
}

// NewFacilitator returns the facilitator screen for a session. With a
// join code it goes straight to that workshop.
func NewFacilitator(s Session) tea.Model {
	m := &Facilitator{s: s, st: newStyles(), width: s.Width, height: s.Height, filter: noFilter()}
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

// Init starts listening when the session went straight to a workshop.
func (m *Facilitator) Init() tea.Cmd {
	return listen(m.s.context(), m.bell)
}

// watch opens a workshop's room view: fold its log, join the live feed and
// show this facilitator as present.
func (m *Facilitator) watch(sum inquiry.Summary) {
	ws, err := inquiry.Replay(m.s.Room.Events(sum.ID, 0))
	if err != nil {
		m.notice = notice{text: "This workshop's log could not be read: " + err.Error(), bad: true}
		return
	}
	m.ws = ws
	m.bell, m.stopWatch = m.s.Room.Watch(sum.ID)
	_, m.leave = m.s.Room.Enter(sum.ID, inquiry.Presence{Session: m.s.ID, Role: inquiry.RoleFacilitator, Name: "facilitator", Since: time.Now()})
	m.present = m.s.Room.Present(sum.ID)
	m.stage = stageRoom
	m.scroll = [panes]int{}
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
	m.workshops = orderWorkshops(m.s.Room.Workshops())
	m.stage = stageChoose
}

// catchUp folds in what the room has recorded since the last look.
func (m *Facilitator) catchUp() {
	for _, e := range m.s.Room.Events(m.ws.ID, m.ws.Head) {
		if err := m.ws.Apply(e); err != nil {
			m.notice = notice{text: "The workshop's log did not add up: " + err.Error(), bad: true}
			return
		}
	}
	m.present = m.s.Room.Present(m.ws.ID)
}

// Update handles keys, size changes and the room's bell.
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
		return m, listen(m.s.context(), m.bell)
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m *Facilitator) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "ctrl+c":
		m.stage = stageEnd
		m.notice = notice{text: "Goodbye."}
		return m, tea.Quit
	}
	if m.stage == stageChoose {
		switch k.String() {
		case "up", "k":
			m.cursor = max(m.cursor-1, 0)
		case "down", "j":
			m.cursor = min(m.cursor+1, max(len(m.workshops)-1, 0))
		case "enter":
			if len(m.workshops) > 0 {
				m.notice = notice{}
				m.watch(m.workshops[m.cursor])
				return m, listen(m.s.context(), m.bell)
			}
		case "q", "esc":
			m.stage = stageEnd
			m.notice = notice{text: "Goodbye."}
			return m, tea.Quit
		}
		return m, nil
	}
	if m.searching {
		return m, m.searchKey(k)
	}
	switch k.String() {
	case "tab", "right":
		m.pane = (m.pane + 1) % panes
	case "shift+tab", "left":
		m.pane = (m.pane + panes - 1) % panes
	case "up":
		m.move(-1)
	case "down":
		m.move(1)
	case "pgup":
		m.move(-10)
	case "pgdown":
		m.move(10)
	case "home":
		m.selected, m.scroll[m.pane] = "", 0
	case "enter":
		m.detail = !m.detail && m.pane == paneFeed
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
		m.filter, m.selected, m.detail = noFilter(), "", false
	case "?":
		m.help = !m.help
	case "esc":
		if m.detail || m.filter.active() {
			m.detail = false
			m.filter, m.selected = noFilter(), ""
			return m, nil
		}
		m.unwatch()
	case "w":
		m.unwatch()
	case "q":
		m.stage = stageEnd
		m.notice = notice{text: "Goodbye."}
		return m, tea.Quit
	}
	return m, nil
}

// refilter steps one of the feed's filters and starts the feed again from
// the newest match.
func (m *Facilitator) refilter(choice *int, n int) {
	*choice = step(*choice, n)
	m.selected, m.detail = "", false
	m.pane = paneFeed
}

// searchKey edits the search words; enter applies them, esc abandons them.
func (m *Facilitator) searchKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "enter":
		m.filter.search = strings.ToLower(inquiry.CleanLine(m.search.Value()))
		m.searching, m.selected, m.pane = false, "", paneFeed
		return nil
	case "esc":
		m.searching = false
		return nil
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(k)
	return cmd
}

// move moves the feed's selection, or scrolls the other panes.
func (m *Facilitator) move(delta int) {
	if m.pane != paneFeed {
		m.scroll[m.pane] = max(m.scroll[m.pane]+delta, 0)
		return
	}
	feed := m.feed()
	if len(feed) == 0 {
		return
	}
	at := max(m.selectedIndex(feed), 0)
	at = min(max(at+delta, 0), len(feed)-1)
	m.selected = feed[at].ID
	if at == 0 {
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
		v.SetContent(m.viewRoom())
		if m.searching {
			v.Cursor = offsetCursor(m.search.Cursor(), 0, m.height-2)
		}
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
	if m.notice.text == "" {
		return ""
	}
	if m.notice.bad {
		return fit(m.st.bad.Render(m.notice.text), w)
	}
	return fit(m.st.good.Render(m.notice.text), w)
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
