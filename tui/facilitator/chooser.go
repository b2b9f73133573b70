package facilitator

import (
	"fmt"

	"charm.land/bubbles/v2/key"
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
	who := " · facilitator"
	if name := inquiry.CleanLine(m.s.Actor.Name); name != "" {
		who = " · " + name + ", facilitator"
	}
	b.Line(tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(who), tui.Dim.Render(inquiry.Plural(len(m.workshops), "workshop", "workshops")), w))
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
			tui.Dim.Render("· "+inquiry.Plural(s.Participants, "person", "people")+" · "+inquiry.Plural(s.Contributions, "contribution", "contributions")))
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
	b.Line(tui.FooterKeeping(w, chooserKeys.Quit, chooserKeys.Choose, chooserKeys.Watch))
	return b.String()
}

func (m *Screen) chooseKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, chooserKeys.Choose):
		delta := 1
		if s := k.String(); s == "up" || s == "k" {
			delta = -1
		}
		m.cursor = min(max(m.cursor+delta, 0), max(len(m.workshops)-1, 0))
	case key.Matches(k, chooserKeys.Watch):
		if len(m.workshops) > 0 {
			m.notice = tui.Notice{}
			m.openRoom(m.workshops[m.cursor])
			return tea.Batch(m.watch.Listen(), m.tick())
		}
	case key.Matches(k, chooserKeys.Quit):
		return m.frame.End("Goodbye.")
	}
	return nil
}
