package facilitator

import (
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// The room's state is the store's shared fold of the workshop, the one
// participants' screens read too (tui.Room.Read): a room of sixty with
// three facilitators folds each event once, not once a screen, and opening
// the room folds nothing. The screen looks at it only inside a Read, which
// is read only and quick; between Reads it keeps what it drew and its own
// indexes, by ID, never a pointer into the fold.

// openRoom opens a workshop's room view: index its contributions, join
// the live feed and show this facilitator as present.
func (m *Screen) openRoom(sum inquiry.Summary) {
	m.workshop, m.folded, m.head = sum.ID, nil, 0
	m.stage, m.mode, m.ask, m.desk = stageRoom, modeRoom, nil, nil
	m.scroll, m.person, m.selected, m.since, m.detail = [panes]int{}, "", "", 0, false
	m.code, m.joining = shownCode{}, peopleMerge{}
	m.drawn = parts{} // another workshop's rows may share IDs, not its guide
	var name string
	if !m.inRoom(func() { m.catchUp(); name = m.ws.ActorName(m.s.Actor) }) {
		m.leaveRoom()
		return
	}
	m.watch = m.s.Watch(sum.ID)
	// Present by name, as the other facilitators and scribes see them.
	_, m.leave = m.s.Enter(sum.ID, inquiry.Presence{Session: m.s.ID, Role: inquiry.RoleFacilitator, Name: name, Since: time.Now()})
	m.present = m.s.Room.Present(sum.ID)
	m.where = wherePresent(m.present)
}

// leaveRoom leaves the room view for the chooser.
func (m *Screen) leaveRoom() {
	if m.watch != nil {
		m.watch.Stop()
		m.leave()
	}
	m.workshop, m.folded, m.watch, m.leave = "", nil, nil, nil
	m.index, m.desk, m.mode, m.ask, m.merging = nil, nil, modeRoom, nil, ""
	m.workshops = orderWorkshops(m.s.Room.Workshops())
	m.stage = stageChoose
}

// inRoom runs f with the room's shared state in m.ws (and the desk's),
// for as long as f runs, and reports whether it could: not in the
// chooser, nor when the store cannot read the workshop (which it then
// says).
func (m *Screen) inRoom(f func()) bool {
	if m.stage != stageRoom {
		return false
	}
	err := m.s.Room.Read(m.workshop, func(ws *inquiry.Workshop) {
		m.ws = ws
		if m.desk != nil {
			m.desk.ws = ws
		}
		defer func() {
			m.ws = nil
			if m.desk != nil {
				m.desk.ws = nil
			}
		}()
		f()
	})
	if err != nil {
		m.notice = tui.Notice{Text: "This workshop could not be read: " + tui.Friendly(err), Bad: true}
		return false
	}
	return true
}

// catchUp takes in what the room has recorded since the last look. The
// work is in proportion to the new events: each updates the feed and the
// index only for the contributions it touched. A fold the store has made
// afresh (after an erasure, which rewrites the log) is indexed afresh.
func (m *Screen) catchUp() {
	ws := m.ws
	if ws != m.folded {
		m.folded, m.head = ws, ws.Head
		m.index = newRoomIndex(ws)
		m.feed.rebuild(ws, m.filter)
		m.recount()
		if m.sectors.on {
			m.countSectors(time.Now())
		}
	}
	head := m.head
	for _, e := range m.s.Room.Events(ws.ID, m.head) {
		if e.Seq > ws.Head {
			break // published since the fold was read: the next bell brings it
		}
		m.head = e.Seq
		for _, c := range m.index.note(ws, e) {
			m.feed.touch(c)
		}
	}
	if m.head != head {
		m.recount()
		m.refreshSectors(time.Now())
	}
	m.present = m.s.Room.Present(ws.ID)
	m.where = wherePresent(m.present)
	m.readTextUse()
}

// recount takes the tally and the vote's results afresh after new events:
// both cost in proportion to the themes and the dots placed, not to the
// contributions.
func (m *Screen) recount() {
	m.tally, m.results = m.ws.Tally(), nil
	if c := newTallyChart(m.tally); m.chart == nil || c.shown != m.chart.shown {
		m.chart = c
	}
	if v := m.shownVote(); v != nil {
		m.results = v.Results()
	}
}
