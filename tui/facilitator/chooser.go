package facilitator

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

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

func (m *Screen) viewChoose() string {
	w := m.frame.Width
	var b tui.Lines
	b.Line(tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · facilitator"), tui.Dim.Render(count(len(m.workshops), "workshop", "workshops")), w))
	b.Line(tui.Rule(w))
	if len(m.workshops) == 0 {
		b.Line("No workshops yet. Create one with:")
		b.Line(tui.Accent.Render(`  ssh -p 23234 HOST workshop new --title "..."`))
	}
	room := max(m.frame.Height-6, 1)
	first := max(0, min(m.cursor-room/2, len(m.workshops)-room))
	for i := first; i < len(m.workshops) && i < first+room; i++ {
		s := m.workshops[i]
		state := tui.Good.Render("open  ")
		if !s.Open {
			state = tui.Dim.Render("closed")
		}
		line := fmt.Sprintf("%-16s %s %s %s", s.Code, state, s.Title,
			tui.Dim.Render("· "+count(s.Participants, "person", "people")+" · "+count(s.Contributions, "contribution", "contributions")))
		if i == m.cursor {
			line = tui.Selected.Render("▸") + " " + line
		} else {
			line = "  " + line
		}
		b.Line(tui.Fit(line, w))
	}
	b.Fill(m.frame.Height - 3)
	b.Line(m.notice.Line(w))
	b.Fill(m.frame.Height - 1)
	b.Line(tui.HelpLine(w, "↑↓", "choose", "enter", "watch the room", "q", "quit"))
	return b.String()
}

func (m *Screen) chooseKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "up", "k":
		m.cursor = max(m.cursor-1, 0)
	case "down", "j":
		m.cursor = min(m.cursor+1, max(len(m.workshops)-1, 0))
	case "enter":
		if len(m.workshops) > 0 {
			m.notice = tui.Notice{}
			m.openRoom(m.workshops[m.cursor])
			return m, tea.Batch(m.watch.Listen(), m.tick())
		}
	case "q", "esc":
		return m, m.frame.End("Goodbye.")
	}
	return m, nil
}
