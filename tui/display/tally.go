package display

import (
	"fmt"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// The tally: opportunities and barriers by theme, one bar a theme with its
// opportunities and then its barriers, every bar on one scale (the theme
// with the most of both together fills the width), and the numbers beside
// them. The rows are fitted to the space: the themes with the most first,
// and "and N more themes" rather than a list that scrolls.

// maxBar is the longest a bar is drawn, in columns.
const maxBar = 100

// tallyLines is the tally in w by h.
func tallyLines(t tally, w, h int) []string {
	legend := tui.Good.Render("█ "+inquiry.Plural(t.opportunities, "opportunity", "opportunities")) + "   " +
		tui.Barrier.Render("▒ "+inquiry.Plural(t.barriers, "barrier", "barriers"))
	labelW, countW := labelWidth(t.rows, w), countWidth(t.peak)
	// Bars longer than maxBar would only put the numbers far from them.
	barRoom := min(max(w-labelW-2-2*countW-2, 1), maxBar)
	w = min(w, labelW+2+barRoom+2+2*countW)
	const heading = "Opportunities and barriers by theme"
	lines := []string{tui.Bold.Render(tui.Fit(heading, w)), tui.Fit(legend, w)}
	if tui.Width(heading)+3+tui.Width(legend) <= w {
		lines = []string{tui.TwoSides(tui.Bold.Render(heading), legend, w)}
	}
	lines = append(lines, "")
	if len(t.rows) == 0 {
		return append(lines, tui.Dim.Render("No opportunities or barriers yet."))
	}
	room := h - len(lines)
	rows := t.rows
	more := 0
	if len(rows) > room {
		rows, more = rows[:max(room-1, 0)], len(rows)-max(room-1, 0)
	}
	spaced := more == 0 && 2*len(rows)-1 <= room
	for i, r := range rows {
		if spaced && i > 0 {
			lines = append(lines, "")
		}
		o, b := bars(r.opportunities, r.barriers, t.peak, barRoom)
		bar := tui.Good.Render(strings.Repeat("█", o)) + tui.Barrier.Render(strings.Repeat("▒", b))
		lines = append(lines, padTo(tui.Fit(r.label, labelW), labelW)+"  "+
			padTo(bar, barRoom)+"  "+
			tui.Good.Render(fmt.Sprintf("%*d", countW, r.opportunities))+
			tui.Barrier.Render(fmt.Sprintf("%*d", countW, r.barriers)))
	}
	if more > 0 {
		lines = append(lines, tui.Dim.Render("and "+inquiry.Plural(more, "more theme", "more themes")))
	}
	return lines
}

// labelWidth is the column the themes' names take: as wide as the
// longest, but no more than a third of the line.
func labelWidth(rows []tallyRow, w int) int {
	lw := 0
	for _, r := range rows {
		lw = max(lw, tui.Width(r.label))
	}
	return max(min(lw, w/3), 1)
}

// countWidth is the column a count takes: the peak's digits and a space.
func countWidth(peak int) int { return len(fmt.Sprint(peak)) + 1 }

// bars are the cells of a theme's opportunities and barriers, on the scale
// where peak fills room: the whole bar rounded as one, so that bars of the
// same total are the same length, and any count above zero at least one
// cell.
func bars(opportunities, barriers, peak, room int) (o, b int) {
	if peak == 0 {
		return 0, 0
	}
	total := (2*(opportunities+barriers)*room + peak) / (2 * peak)
	o = (2*opportunities*room + peak) / (2 * peak)
	if opportunities > 0 {
		o = max(o, 1)
	}
	b = total - o
	if barriers > 0 {
		b = max(b, 1)
	}
	if o+b > room {
		o = room - b
	}
	return o, b
}
