package display

import (
	"fmt"
	"strings"
	"time"

	"github.com/anchorage/anchorage/tui"
)

// The reveals: when a facilitator reveals a prompt's held-back
// contributions, a few of them, one at a time in large type, turning every
// revealTurn. Only what participants now see is shown, and a name only
// where the workshop is not anonymous.

// revealTurn is how long each revealed contribution stays on the wall:
// long enough to read out and take in.
const revealTurn = 12 * time.Second

// largestReveal is the largest scale a revealed contribution is drawn at.
const largestReveal = 3

// turn is which of n revealed contributions shows at a moment.
func turn(r *reveal, at time.Time) int {
	if len(r.items) == 0 || at.Before(r.since) {
		return 0
	}
	return int(at.Sub(r.since)/revealTurn) % len(r.items)
}

// revealLines is the reveals panel in w by h.
func revealLines(r *reveal, w, h int, at time.Time) []string {
	if r == nil {
		return wrapped("Nothing has been revealed yet. When the facilitator reveals a prompt, "+
			"a few of its contributions show here, one at a time.", w, h, tui.Dim.Render)
	}
	lines := []string{tui.Accent.Render(tui.Fit("Revealed: "+r.place, w))}
	lines = append(lines, wrapped(r.prompt, w, 2, tui.Dim.Render)...)
	lines = append(lines, "")
	if len(r.items) == 0 {
		return append(lines, tui.Dim.Render("Nothing from this prompt to show."))
	}
	i := turn(r, at)
	item := r.items[i]
	room := max(h-len(lines)-2, 1)
	text, ok := largest(item.text, w, room, largestReveal)
	if !ok {
		text = wrapped(item.text, w, room, tui.Bold.Render)
	}
	lines = append(lines, text...)
	who := item.kind.Label()
	if item.name != "" {
		who += " · " + item.name
	}
	lines = append(lines, "", tui.TwoSides(tui.Dim.Render(who), position(i, len(r.items)), w))
	return lines
}

// position is where the one shown is among those revealed: "● ○ ○  1 of 3".
func position(i, n int) string {
	if n < 2 {
		return ""
	}
	marks := make([]string, n)
	for j := range marks {
		marks[j] = "○"
		if j == i {
			marks[j] = "●"
		}
	}
	return tui.Accent.Render(strings.Join(marks, " ")) + tui.Dim.Render(fmt.Sprintf("  %d of %d", i+1, n))
}
