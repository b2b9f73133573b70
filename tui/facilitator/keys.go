package facilitator

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// The room view's keys: what each does depends on what the facilitator is
// doing — a question asked, a form open, the details of a contribution,
// or the room itself (see roomKeys for the whole list).

// paste goes to whatever is being typed into.
func (m *Screen) paste(p tea.PasteMsg) tea.Cmd {
	text := inquiry.CleanLine(p.Content)
	switch {
	case m.stage != stageRoom:
	case m.mode == modeScribe:
		cmd, _ := m.desk.update(p)
		return cmd
	case m.ask != nil && m.ask.input != nil:
		tui.PasteLine(m.ask.input, text)
	case m.searching:
		tui.PasteLine(&m.search, text)
	case m.mode == modeVoteForm && m.voteForm.focus == voteTitle:
		tui.PasteLine(&m.voteForm.title, text)
	case m.mode == modeThemes && m.themes.adding && m.themes.onKeywords:
		tui.PasteLine(&m.themes.keywords, text)
	case m.mode == modeThemes && m.themes.adding:
		tui.PasteLine(&m.themes.label, text)
	}
	return nil
}

func (m *Screen) key(k tea.KeyPressMsg) tea.Cmd {
	if m.stage == stageChoose {
		return m.chooseKey(k)
	}
	if m.reading != nil {
		m.readKey(k)
		return nil
	}
	switch {
	case m.searching:
		return m.searchKey(k)
	case m.ask != nil:
		return m.askKey(k)
	}
	switch m.mode {
	case modePrompts:
		return m.pickerKey(k)
	case modeSettings:
		return m.settingsKey(k)
	case modeVoteForm:
		return m.voteKey(k)
	case modeThemes:
		return m.themesKey(k)
	case modeMerge:
		return m.mergeKey(k)
	case modePeople:
		return m.peopleMergeKey(k)
	case modeScribe:
		cmd, leave := m.desk.update(k)
		if leave {
			m.mode = modeRoom
		}
		return cmd
	}
	if m.help {
		return m.keysKey(k)
	}
	if m.detail {
		if key.Matches(k, detailKeys.Read) {
			m.readWhole()
			return nil
		}
		if cmd, done := m.curateKey(k); done {
			return cmd
		}
	}
	return m.roomKey(k)
}

// roomKey handles the keys of the room itself.
func (m *Screen) roomKey(k tea.KeyPressMsg) tea.Cmd {
	r := roomKeys
	if delta, ok := tui.Move(k, pageStep); ok {
		m.move(delta)
		return nil
	}
	if m.pane == panePeople {
		if cmd, done := m.peopleKey(k); done {
			return cmd
		}
	}
	switch {
	case key.Matches(k, r.NextPane):
		m.focus(1)
	case key.Matches(k, r.PrevPane):
		m.focus(-1)
	case key.Matches(k, r.Open):
		if m.detail {
			m.detail = false
		} else {
			m.openDetails()
		}
	case key.Matches(k, r.Search):
		m.searching = true
		m.search.SetValue(m.filter.search)
		m.search.CursorEnd()
		m.search.Focus()
	case key.Matches(k, r.Phase):
		m.refilter(&m.filter.phase, len(m.ws.Guide.Phases))
	case key.Matches(k, r.Kind):
		m.refilter(&m.filter.kind, len(inquiry.AllKinds))
	case key.Matches(k, r.Theme):
		m.refilter(&m.filter.theme, len(m.ws.Themes()))
	case key.Matches(k, r.Partner):
		m.refilter(&m.filter.partner, len(m.ws.Guide.PartnerList()))
	case key.Matches(k, r.Clear):
		m.setFilter(noFilter())
	case key.Matches(k, r.Keys):
		m.help, m.keysTop = true, 0
	case key.Matches(k, r.NextPrompt):
		return m.openNext()
	case key.Matches(k, r.Prompts):
		m.openPicker()
	case key.Matches(k, r.MoreTime):
		if k.String() == "5" {
			return m.shift(5 * time.Minute)
		}
		return m.shift(time.Minute)
	case key.Matches(k, r.LessTime):
		return m.shift(-time.Minute)
	case key.Matches(k, r.Pause):
		return m.pause()
	case key.Matches(k, r.EndTime):
		return m.endTimebox()
	case key.Matches(k, r.Seeing):
		m.openSettings()
	case key.Matches(k, r.Reveal):
		return m.reveal(m.ws.Current.Prompt)
	case key.Matches(k, wallKey):
		return m.nextWallPanel()
	case key.Matches(k, r.Vote):
		m.dotVote()
	case key.Matches(k, r.Scribe):
		if m.desk == nil {
			m.desk = newScribeDesk(m.s)
			m.desk.ws = m.ws
		}
		m.mode, m.notice = modeScribe, tui.Notice{}
	case key.Matches(k, r.Erase):
		m.notice = tui.Notice{Text: "To erase someone, pick them in the people pane first (tab moves there).", Bad: true}
	case key.Matches(k, r.Lobby):
		return m.lobby()
	case key.Matches(k, r.Sectors):
		m.switchTally()
	case key.Matches(k, r.Back):
		switch {
		case m.detail:
			m.detail = false
		case m.filter.active():
			m.setFilter(noFilter())
		default:
			m.leaveRoom()
		}
	case key.Matches(k, r.Chooser):
		m.leaveRoom()
	case key.Matches(k, r.Quit):
		return m.frame.End("Goodbye.")
	}
	return nil
}

// focus moves the focus between the panes; the vote pane joins once there
// is a vote. The right-hand column follows the focus.
func (m *Screen) focus(delta int) {
	n := panes
	if len(m.ws.Votes) == 0 {
		n = paneVote
	}
	m.pane = dashboardPane(tui.Cycle(int(m.pane), delta, int(n)))
	if m.pane != paneFeed {
		m.side, m.detail = m.pane, false
	}
}

// refilter steps one of the feed's filters and starts the feed again from
// the newest match.
func (m *Screen) refilter(choice *int, n int) {
	*choice = step(*choice, n)
	m.setFilter(m.filter)
}

// setFilter narrows the feed afresh: the one time the whole feed is
// looked through again.
func (m *Screen) setFilter(f feedFilter) {
	m.filter = f
	m.feed.rebuild(m.ws, f)
	m.pick("")
	m.detail, m.pane = false, paneFeed
	m.scroll[paneFeed] = 0
}

// searchKey edits the search words; enter applies them, esc abandons them.
func (m *Screen) searchKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, searchKeys.Search):
		f := m.filter
		f.search = strings.ToLower(inquiry.CleanLine(m.search.Value()))
		m.searching = false
		m.setFilter(f)
		return nil
	case key.Matches(k, searchKeys.Cancel):
		m.searching = false
		return nil
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(k)
	return cmd
}

// move moves the feed's selection, or the people pane's cursor, or
// scrolls the other panes.
func (m *Screen) move(delta int) {
	switch m.pane {
	case paneFeed:
		m.moveInFeed(delta)
	case panePeople:
		m.movePerson(delta)
	default:
		m.scroll[m.pane] = max(m.scroll[m.pane]+max(min(delta, 1000), -1000), 0)
	}
}
