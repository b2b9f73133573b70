package participant

import (
	"strings"

	"github.com/anchorage/anchorage/tui"
)

// screenTitle is the first line of a screen opened from the guide (their
// own words, others', the vote, every key): "Anchorage · " and what the
// screen is, with right (styled) on the right. A narrow window, or a
// language whose words run longer, goes without "Anchorage · " before it
// cuts what the screen is.
func screenTitle(title, right string, w int) string {
	left := tui.Title.Render("Anchorage") + tui.Dim.Render(" · ") + title
	if tui.Width(left)+1+tui.Width(right) > w {
		left = tui.Title.Render(title)
	}
	return tui.TwoSides(left, right, w)
}

// noticeLines is the notice as a screen shows it, on as many lines as the
// window's width allows (tui.NoticeRows), and the rows a screen keeps for
// it: never fewer than two, so that a list does not jump when a notice
// comes and goes.
func (m *Screen) noticeLines(w int) (notice string, keep int) {
	notice = m.notice.LinesUpTo(w, tui.NoticeRows(w))
	rows := 0
	if notice != "" {
		rows = strings.Count(notice, "\n") + 1
	}
	return notice, max(rows, 2)
}
