package facilitator

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// The tally by sector: for each theme, the opportunities and barriers as
// community anchors, councils, health, the third sector and others saw
// them, on one scale, with the report's small-group rule
// (inquiry.GroupSectors): a sector of fewer than 5 people is never shown
// on its own, and the pane says which were counted with the others. g
// switches the tally pane between by theme and by sector.
//
// The split is a pass over the whole workshop, so it is counted at most
// once a second, when the room rings, and once more a second after the
// last ring, so that it never stays behind.

// sectorRefresh is the shortest time between two counts of the split.
const sectorRefresh = time.Second

// sectorTickMsg asks for the split counted late, once the second is up.
type sectorTickMsg struct{}

// sectorPane is the split as last counted, and when.
type sectorPane struct {
	on      bool // the tally pane shows the split, not the themes
	split   inquiry.SectorSplit
	peak    int
	at      time.Time
	stale   bool // events came since it was counted
	waiting bool // a sectorTickMsg is on its way
}

// switchTally switches the tally pane between by theme and by sector, and
// shows it.
func (m *Screen) switchTally() {
	s := &m.sectors
	s.on = !s.on
	if s.on {
		m.countSectors(time.Now())
	}
	m.side = paneTally
	if m.pane != paneFeed {
		m.pane = paneTally
	}
	m.scroll[paneTally] = 0
}

// refreshSectors counts the split again after new events, if a second
// has passed since the last count; else it marks it to be counted later.
func (m *Screen) refreshSectors(now time.Time) {
	s := &m.sectors
	switch {
	case !s.on:
	case now.Sub(s.at) >= sectorRefresh:
		m.countSectors(now)
	default:
		s.stale = true
	}
}

func (m *Screen) countSectors(now time.Time) {
	s := &m.sectors
	s.split, s.at, s.stale = m.ws.SplitBySector(), now, false
	s.peak = 0
	for _, r := range s.split.Rows {
		for i := range r.Sectors {
			s.peak = max(s.peak, r.Sectors[i][inquiry.Opportunity], r.Sectors[i][inquiry.Barrier])
		}
	}
}

// sectorTick asks to count the split once the second is up, when events
// came since the last count.
func (m *Screen) sectorTick() tea.Cmd {
	s := &m.sectors
	if !s.on || !s.stale || s.waiting {
		return nil
	}
	s.waiting = true
	wait := max(sectorRefresh-time.Since(s.at), 0) + 5*time.Millisecond
	return tea.Tick(wait, func(time.Time) tea.Msg { return sectorTickMsg{} })
}

// sectorLines draw the split: a theme's name, then a line per sector
// shown with its opportunity and barrier bars.
func (m *Screen) sectorLines(w, h int) []string {
	s := &m.sectors
	title := "Tally by sector"
	if m.pane == paneTally {
		title = tui.Accent.Render("▸ " + title)
	} else {
		title = tui.Bold.Render("  " + title)
	}
	lines := []string{tui.TwoSides(title, tui.Dim.Render("g by theme"), w),
		tui.Fit("  "+tui.Good.Render("█ opportunities")+"  "+tui.Barrier.Render("░ barriers"), w)}
	g := s.split.Groups
	note := func(text string) {
		for _, l := range tui.Wrap(text, max(w-2, 1)) {
			lines = append(lines, "  "+tui.Dim.Render(l))
		}
	}
	if g.Withheld || len(g.Shown) == 0 {
		note(fmt.Sprintf("No split by sector yet: fewer than %d people have said something, and a group that small is never shown on its own.", inquiry.SmallGroup))
		return lines
	}
	var counted []string
	for _, sp := range g.Shown {
		counted = append(counted, fmt.Sprintf("%s %d", sp.Sector.Label, sp.People))
	}
	note("People counted: " + strings.Join(counted, ", ") + ".")
	if len(g.Folded) > 0 {
		var folded []string
		for _, sec := range g.Folded {
			folded = append(folded, sec.Label)
		}
		note(fmt.Sprintf("Counted with Others, as fewer than %d people (or so that nobody can be picked out): %s.", inquiry.SmallGroup, strings.Join(folded, ", ")))
	}
	const labelWidth = 16
	barRoom := max((w-labelWidth-12)/2, 1)
	var rows []string
	for _, r := range s.split.Rows {
		some := false
		for i := range r.Sectors {
			some = some || r.Sum(i, inquiry.Opportunity, inquiry.Barrier) > 0
		}
		if !some {
			continue
		}
		rows = append(rows, tui.Fit("  "+tui.Bold.Render(r.Theme.Label), w))
		for i, sp := range g.Shown {
			o, b := r.Sectors[i][inquiry.Opportunity], r.Sectors[i][inquiry.Barrier]
			bars := pad(tui.Good.Render(bar("█", o, s.peak, barRoom))+" "+fmt.Sprint(o), barRoom+4) +
				tui.Barrier.Render(bar("░", b, s.peak, barRoom)) + " " + fmt.Sprint(b)
			rows = append(rows, tui.Fit("    "+pad(tui.Fit(sectorShort(sp.Sector), labelWidth-1), labelWidth)+bars, w))
		}
	}
	if len(rows) == 0 {
		return append(lines, tui.Dim.Render(tui.Fit("  No opportunities or barriers yet.", w)))
	}
	room := max(h-len(lines), 1)
	m.scroll[paneTally] = min(m.scroll[paneTally], max(len(rows)-room, 0))
	end := min(m.scroll[paneTally]+room, len(rows))
	return append(lines, rows[m.scroll[paneTally]:end]...)
}

// sectorShort is a sector's name short enough for a bar's label; the
// lines above the bars give each in full.
func sectorShort(s inquiry.Sector) string {
	switch s.ID {
	case inquiry.SectorCommunity.ID:
		return "Community"
	case inquiry.SectorHealth.ID:
		return "Health and care"
	}
	return s.Label
}
