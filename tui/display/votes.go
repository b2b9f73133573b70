package display

import (
	"fmt"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// The results of the vote closed last: each contribution that received
// dots, with its rank (the ranks every screen and export gives, ties
// sharing one) and its dots, most first. Results show once a vote has
// closed, as they do on participants' screens; an open vote shows none.

// voteLines is the vote panel in w by h.
func voteLines(wl wall, w, h int) []string {
	v := wl.vote
	if v == nil {
		say := "No vote has closed yet. Its results show here when one does."
		if wl.openVote != "" {
			say = "A dot vote is open: “" + wl.openVote + "”. Its results show here when it closes."
		}
		return wrapped(say, w, h, tui.Dim.Render)
	}
	lines := []string{tui.TwoSides(tui.Bold.Render("Vote results: "+v.title),
		tui.Dim.Render(inquiry.Plural(v.voters, "person voted", "people voted")), w), ""}
	if len(v.lines) == 0 {
		return append(lines, tui.Dim.Render("No dots were placed."))
	}
	room := h - len(lines)
	shown := v.lines
	more := 0
	if len(shown) > room {
		shown, more = shown[:max(room-1, 0)], len(shown)-max(room-1, 0)
	}
	// Each result gets as many lines as the room allows, up to three,
	// with a blank line between results where there is space.
	each, spaced := 1, false
	if more == 0 {
		spaced = 2*len(shown)-1 <= room
		gaps := 0
		if spaced {
			gaps = len(shown) - 1
		}
		each = min(max((room-gaps)/len(shown), 1), 3)
	}
	dotsW := len(inquiry.Plural(v.lines[0].dots, "dot", "dots")) + 2
	textW := max(w-5-dotsW, 1)
	for i, r := range shown {
		if spaced && i > 0 {
			lines = append(lines, "")
		}
		text := wrapped(r.text, textW, each, func(s string) string { return s })
		for j, t := range text {
			lead := "     " + padTo("", dotsW)
			if j == 0 {
				lead = tui.Accent.Render(fmt.Sprintf("%3d. ", r.rank)) +
					padTo(tui.Good.Render(inquiry.Plural(r.dots, "dot", "dots")), dotsW)
			}
			lines = append(lines, lead+t)
		}
	}
	if more > 0 {
		lines = append(lines, tui.Dim.Render(fmt.Sprintf("and %d more that received dots", more)))
	}
	return lines
}
