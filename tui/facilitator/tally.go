package facilitator

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// tallyLines draw opportunities and barriers by theme as bars: one line
// per theme when there is room, else the theme's name above its bars.
func (m *Screen) tallyLines(w, h int) []string {
	m.scroll[paneTally] = min(m.scroll[paneTally], max(len(m.chart.rows)-1, 0))
	k := tallyKey{w: w, h: h, scroll: m.scroll[paneTally], focused: m.pane == paneTally, chart: m.chart}
	return tui.Remember(&m.drawn.tally, k, drawTally)
}

// drawTally draws the tally chart for what its key names.
func drawTally(k tallyKey) []string {
	w, h := k.w, k.h
	title := "Tally by theme"
	if k.focused {
		title = tui.Accent.Render("▸ " + title)
	} else {
		title = tui.Bold.Render("  " + title)
	}
	lines := []string{tui.TwoSides(title, tui.Dim.Render("g by sector"), w), tui.Fit("  "+tui.Good.Render("█ opportunities")+"  "+tui.Barrier.Render("░ barriers"), w)}
	peak := k.chart.peak
	if peak == 0 {
		for _, l := range tui.Wrap("No opportunities or barriers yet.", max(w-2, 1)) {
			lines = append(lines, "  "+tui.Dim.Render(l))
		}
		return lines
	}
	const labelWidth = 24
	// Room for "(12 reframed)" after the barrier bars, when a row has any.
	reframed := 0
	if k.chart.reframed {
		reframed = 14
	}
	oneLine := w >= labelWidth+24+reframed
	barRoom := max((w-12-reframed)/2, 1)
	if oneLine {
		barRoom = max((w-labelWidth-10-reframed)/2, 1)
	}
	for _, r := range k.chart.rows[k.scroll:] {
		o, b := r.Counts[inquiry.Opportunity], r.Counts[inquiry.Barrier]
		// Each bar and its count take a fixed column, so the barrier bars
		// line up under each other.
		bars := pad(tui.Good.Render(bar("█", o, peak, barRoom))+" "+fmt.Sprint(o), barRoom+4) +
			tui.Barrier.Render(bar("░", b, peak, barRoom)) + " " + fmt.Sprint(b)
		if r.Reframed > 0 {
			bars += tui.Dim.Render(fmt.Sprintf(" (%d reframed)", r.Reframed))
		}
		if oneLine {
			if len(lines) >= h {
				break
			}
			lines = append(lines, tui.Fit("  "+pad(tui.Fit(r.Theme.Label, labelWidth-2), labelWidth-2)+" "+bars, w))
			continue
		}
		if len(lines)+2 > h {
			break
		}
		lines = append(lines, tui.Fit("  "+r.Theme.Label, w), tui.Fit("    "+bars, w))
	}
	return lines
}

// bar is n out of peak drawn in at most room cells; any count above zero
// shows at least one cell.
func bar(glyph string, n, peak, room int) string {
	if n == 0 || peak == 0 {
		return ""
	}
	cells := max(n*room/peak, 1)
	return strings.Repeat(glyph, cells)
}

// tallyKey is what the tally chart shows: its size, its scroll, whether
// it has the focus, and the chart.
type tallyKey struct {
	w, h, scroll int
	focused      bool
	chart        *tallyChart
}

// tallyChart is what the tally chart draws: the tally's themes with an
// opportunity or a barrier, their counts, and the peak the bars are
// scaled to. It is made anew only when one of those changes (see
// recount), and never changed, so that a key may hold it.
type tallyChart struct {
	peak int
	rows []inquiry.TallyRow
	// reframed is set when a row has barriers with reframes.
	reframed bool
	// shown is a compact record of the above (each row's label and
	// counts, and the peak), to tell a new chart from the last.
	shown string
}

func newTallyChart(t inquiry.Tally) *tallyChart {
	c := &tallyChart{peak: t.Max(inquiry.Opportunity, inquiry.Barrier)}
	var b strings.Builder
	b.WriteString(strconv.Itoa(c.peak))
	for _, r := range t.Rows() {
		if r.Sum(inquiry.Opportunity, inquiry.Barrier) == 0 {
			continue
		}
		c.rows = append(c.rows, r)
		c.reframed = c.reframed || r.Reframed > 0
		b.WriteByte('\x1e')
		b.WriteString(r.Theme.Label)
		b.WriteByte('\x1f')
		b.WriteString(strconv.Itoa(r.Counts[inquiry.Opportunity]))
		b.WriteByte('\x1f')
		b.WriteString(strconv.Itoa(r.Counts[inquiry.Barrier]))
		b.WriteByte('\x1f')
		b.WriteString(strconv.Itoa(r.Reframed))
	}
	c.shown = b.String()
	return c
}
