package display

import (
	"strings"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// page is one frame of the wall: what it shows, on a screen of a size, at
// a moment (the clock and the turn of the reveals read it), with the way
// in for participants.
type page struct {
	wall wall
	w, h int
	at   time.Time
	join Join
	// qr is the workshop's QR code, drawn, and qrWidth its width.
	qr      []string
	qrWidth int
}

// qrGap is the space between the panel and the QR code beside it, and
// minPanel the narrowest panel the QR code may leave.
const qrGap, minPanel = 3, 60

// margin is the space at either side: more on a wider screen, so that the
// text does not run to the wall's edges.
func margin(w int) int { return max(2, w/30) }

// draw lays the page out: the workshop's title at the top, the join line
// at the bottom, and between them the panel the wall shows, with the QR
// code at its right where there is room. Every line is at most the
// screen's width, and there are never more lines than its height, so
// nothing scrolls.
func (p page) draw() string {
	mx := margin(p.w)
	inner := p.w - 2*mx
	bodyH := max(p.h-4, 1)
	panelW := inner
	withQR := p.qr != nil && inner-p.qrWidth-qrGap >= minPanel && bodyH >= len(p.qr)+1
	if withQR {
		panelW -= p.qrWidth + qrGap
	}
	body := p.panel(panelW, bodyH)
	var side []string
	if withQR {
		side = make([]string, bodyH)
		top := bodyH - len(p.qr) - 1
		copy(side[top:], p.qr)
		side[bodyH-1] = tui.Dim.Render(center("Scan to join with an SSH app", p.qrWidth))
	}

	indent := strings.Repeat(" ", mx)
	var out tui.Lines
	out.Line(indent + p.header(inner))
	out.Line("")
	for i := range bodyH {
		line := ""
		if i < len(body) {
			line = tui.Fit(body[i], panelW)
		}
		if side != nil && side[i] != "" {
			line = padTo(line, panelW) + strings.Repeat(" ", qrGap) + side[i]
		}
		out.Line(strings.TrimRight(indent+line, " "))
	}
	out.Line("")
	out.Line(indent + tui.Fit("Join: "+tui.Bold.Render(p.join.Command(p.wall.code)), inner))
	return out.String()
}

// header is the workshop's title, and whether it has closed.
func (p page) header(w int) string {
	right := ""
	if !p.wall.open {
		right = tui.Warn.Render("This workshop has closed")
	}
	return tui.TwoSides(tui.Title.Render(p.wall.title), right, w)
}

// panel is what the wall shows between its title and its join line.
func (p page) panel(w, h int) []string {
	var lines []string
	switch p.wall.shows {
	case inquiry.PanelTally:
		lines = tallyLines(p.wall.tally, w, h)
	case inquiry.PanelVotes:
		lines = voteLines(p.wall, w, h)
	case inquiry.PanelReveals:
		lines = revealLines(p.wall.reveal, w, h, p.at)
	default:
		lines = p.promptLines(w, h)
	}
	return lines[:min(len(lines), h)]
}

// center pads a plain line on the left to sit in the middle of width w.
func center(s string, w int) string {
	return strings.Repeat(" ", max((w-tui.Width(s))/2, 0)) + s
}

// padTo pads a line with spaces to width w.
func padTo(s string, w int) string {
	return s + strings.Repeat(" ", max(w-tui.Width(s), 0))
}

// wrapped is plain text wrapped to width w in at most n lines, the last
// cut with an ellipsis if it does not all fit, each line styled by ink.
func wrapped(text string, w, n int, ink func(string) string) []string {
	if n <= 0 {
		return nil
	}
	lines := tui.Wrap(text, w)
	if len(lines) > n {
		// What is left, run on, is wider than the line: Fit cuts it
		// with the ellipsis.
		lines[n-1] = tui.Fit(strings.Join(lines[n-1:], " "), w)
		lines = lines[:n]
	}
	for i, l := range lines {
		lines[i] = ink(l)
	}
	return lines
}
