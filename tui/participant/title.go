package participant

import "github.com/anchorage/anchorage/tui"

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
