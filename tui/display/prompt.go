package display

import (
	"fmt"

	"github.com/anchorage/anchorage/tui"
)

// The prompt panel: the prompt open for everyone in large type, its place
// in the guide and its clock; in a self-paced workshop, or before the
// first prompt is opened, the guide's phases. On auto, the tally follows
// where there is room.

// largestPrompt and largestClock are the largest scales the prompt and the
// clock are drawn at: beyond them a short prompt or the clock would fill
// the wall with a few letters.
const largestPrompt, largestClock = 4, 8

// promptLines is the prompt panel in w by h.
func (p page) promptLines(w, h int) []string {
	wl := p.wall
	tallyRoom := 0
	if wl.auto {
		// The tally takes at most a third of the panel, and what it needs.
		tallyRoom = min(len(wl.tally.rows)+4, max(h/3, 6))
	}
	var lines []string
	if wl.selfPaced || wl.place == "" {
		lines = p.guideLines(w, h-tallyRoom)
	} else {
		lines = p.openPrompt(w, h-tallyRoom, wl.auto)
	}
	if rest := h - len(lines) - 1; wl.auto && rest >= 4 {
		lines = append(lines, "")
		lines = append(lines, tallyLines(wl.tally, w, rest)...)
	}
	return lines
}

// openPrompt is the open prompt, its place and its clock, in w by h; the
// clock takes no more than a quarter of the height where the tally
// follows, and what the prompt leaves where it is alone.
func (p page) openPrompt(w, h int, tallyFollows bool) []string {
	wl := p.wall
	state := stateOf(wl.clock, p.at)
	clockRoom := 0
	if state != clockNone {
		clockRoom = 6 // a blank line, the smallest digits and their label
	}
	lines := []string{tui.Accent.Render(wl.place), ""}
	room := max(h-len(lines)-clockRoom, 1)
	text, ok := largest(wl.prompt, w, room, largestPrompt)
	if !ok {
		text = wrapped(wl.prompt, w, room, tui.Bold.Render)
	}
	lines = append(lines, text...)
	if state != clockNone {
		lines = append(lines, "")
		room := h - len(lines)
		if tallyFollows {
			room = min(room, max(h/4, 6))
		}
		lines = append(lines, p.clockBlock(state, w, room)...)
	}
	return lines
}

// clockBlock is the clock in w by h: the time left in block digits, with
// what the clock is doing under them (counting, paused, or up).
func (p page) clockBlock(state clockState, w, h int) []string {
	text := clockText(p.wall.clock.Remaining(p.at))
	label, ink := tui.Dim.Render("time left"), tui.Accent.Render
	switch state {
	case clockPaused:
		label, ink = tui.Warn.Render("paused"), tui.Dim.Render
	case clockUp:
		label, ink = tui.Warn.Render(tui.Bold.Render("Time is up")), tui.Warn.Render
	}
	digits, ok := clockLines(text, w, h-1, largestClock)
	if !ok {
		return []string{ink(text) + "  " + label}
	}
	return append(inked(digits, ink), label)
}

// guideLines is the guide's phases, with how many are in each now: for a
// self-paced workshop, where everyone moves at their own pace, and for a
// facilitator-led one before its first prompt is open.
func (p page) guideLines(w, h int) []string {
	wl := p.wall
	say := "The facilitator will open the first prompt for everyone."
	if wl.selfPaced {
		say = "Self-paced: everyone moves through the guide at their own pace."
	}
	lines := append(wrapped(say, w, 2, tui.Accent.Render), "")
	room := h - len(lines)
	// Each phase in large type with its summary on up to two lines, if
	// they all fit so; else a line each, with its summary if there is room.
	phases := make([][]string, len(wl.phases))
	need := 0
	for i, ph := range wl.phases {
		title, ok := largest(ph.title, w, 4, 1)
		if !ok {
			need = room + 1
			break
		}
		phases[i] = append(inked(title, tui.Bold.Render), beside(wrapped(ph.summary, w-14, 2, tui.Dim.Render), ph.here, w)...)
		need += len(phases[i]) + 1
	}
	if need <= room {
		for _, ph := range phases {
			lines = append(lines, ph...)
			lines = append(lines, "")
		}
		return lines
	}
	for _, ph := range wl.phases {
		if len(lines) >= h {
			break
		}
		lines = append(lines, beside([]string{tui.Bold.Render(ph.title)}, ph.here, w)...)
		if 2*len(wl.phases) <= room {
			lines = append(lines, tui.Dim.Render(tui.Fit("  "+ph.summary, w)))
		}
	}
	return lines
}

// beside puts how many are in a phase now at the right of its first line.
func beside(lines []string, here, w int) []string {
	if here > 0 && len(lines) > 0 {
		lines[0] = tui.TwoSides(lines[0], tui.Accent.Render(fmt.Sprintf("%d here now", here)), w)
	}
	return lines
}

// inked styles each line.
func inked(lines []string, ink func(string) string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if l != "" {
			out[i] = ink(l)
		}
	}
	return out
}
