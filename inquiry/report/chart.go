package report

import (
	"strings"

	"github.com/anchorage/anchorage/inquiry"
)

// The charts are horizontal bars, opportunities above barriers, under each
// theme's name, with the count written beside each bar. Every chart in a
// report has the same geometry and the same scale (the largest count of
// any one bar in the whole room), so a bar of 4 is as long in a sector's
// chart as in the room's, and bars can be compared across charts.
const (
	chartWidth = 340 // the viewBox width, in SVG units
	numberRoom = 34  // room for the count after the longest bar
	lineHeight = 16  // a line of the theme's name
	barHeight  = 12
	barGap     = 3  // between a theme's two bars
	rowGap     = 12 // between themes
	wrapAt     = 42 // characters of a theme's name on one line
)

// chartKinds are the kinds the charts show, in order, with the class that
// colours their bars.
var chartKinds = []inquiry.Kind{inquiry.Opportunity, inquiry.Barrier}

// chart is one SVG bar chart.
type chart struct {
	// ID names the chart in the page and in tests (data-chart).
	ID     string
	Title  string
	Height int
	Width  int
	Rows   []chartRow
}

type chartRow struct {
	Theme string // the theme's ID, "" for the unthemed row
	Label []textLine
	Bars  []chartBar
}

type textLine struct {
	Y    int
	Text string
}

type chartBar struct {
	Kind       inquiry.Kind
	Count      int
	Y, W       int
	NumX, NumY int
	// Says is the bar in words, for a tooltip: "Housing: 5 opportunities".
	Says string
}

// countRow is what a chart row counts: a theme and its count of each kind.
type countRow struct {
	Theme  inquiry.Theme
	Counts map[inquiry.Kind]int
}

// Opportunities and Barriers are the row's counts, for the table.
func (r countRow) Opportunities() int { return r.Counts[inquiry.Opportunity] }
func (r countRow) Barriers() int      { return r.Counts[inquiry.Barrier] }

// newChart lays out rows as a chart on the given scale (the count a full
// bar stands for; at least 1).
func newChart(id, title string, rows []countRow, scale int) chart {
	c := chart{ID: id, Title: title, Width: chartWidth}
	scale = max(scale, 1)
	full := chartWidth - numberRoom
	y := 0
	for _, r := range rows {
		row := chartRow{Theme: r.Theme.ID}
		for _, line := range inquiry.Wrap(r.Theme.Label, wrapAt) {
			row.Label = append(row.Label, textLine{Y: y + 12, Text: line})
			y += lineHeight
		}
		y += 2
		row.Bars = bars(r, y, full, scale)
		y += len(chartKinds) * (barHeight + barGap)
		y += rowGap - barGap
		c.Rows = append(c.Rows, row)
	}
	c.Height = max(y, 1)
	return c
}

// bars lays out a row's bars from y down, on a scale where full units
// stand for scale.
func bars(r countRow, y, full, scale int) []chartBar {
	var out []chartBar
	for _, k := range chartKinds {
		n := r.Counts[k]
		w := n * full / scale
		if n > 0 {
			w = max(w, 2) // a count of one is never invisible
		}
		out = append(out, chartBar{
			Kind: k, Count: n, Y: y, W: w, NumX: w + 4, NumY: y + barHeight - 2,
			Says: r.Theme.Label + ": " + inquiry.Plural(n, string(k), strings.ToLower(k.Plural())),
		})
		y += barHeight + barGap
	}
	return out
}

// themeChart is the room's opportunities and barriers by theme: a chart,
// and the same numbers as a table for screen readers.
type themeChart struct {
	Chart chart
	Rows  []countRow
	// Scale is the largest count of any bar, which every chart shares.
	Scale int
}

// newThemeChart charts the themes with at least one opportunity or
// barrier, in the tally's order (most first, unthemed last).
func newThemeChart(t inquiry.Tally) themeChart {
	var tc themeChart
	for _, r := range t.Rows() {
		if r.Sum(chartKinds...) == 0 {
			continue
		}
		tc.Rows = append(tc.Rows, countRow{Theme: r.Theme, Counts: r.Counts})
		for _, k := range chartKinds {
			tc.Scale = max(tc.Scale, r.Counts[k])
		}
	}
	tc.Chart = newChart("themes", "Opportunities and barriers by theme", tc.Rows, tc.Scale)
	return tc
}
