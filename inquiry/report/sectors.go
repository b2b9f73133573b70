package report

import (
	"fmt"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
)

// sectorView is opportunities and barriers by theme as each sector saw
// them, side by side: a row per theme, a column per sector, and in each
// cell a small chart of the two bars, on the report's one scale. The
// small-group rule is applied before (see inquiry.GroupSectors).
type sectorView struct {
	// Withheld is set when too few people spoke to split them at all:
	// fewer than SmallGroup.
	Withheld   bool
	SmallGroup int
	// Folded says which sectors are counted with the others, or "".
	Folded  string
	Columns []sectorColumn
	Rows    []sectorRow
}

type sectorColumn struct {
	ID, Label string
	People    int
}

// sectorRow is one theme: a small chart for each column, and the same
// numbers for the screen readers' table (each column's opportunities,
// then its barriers).
type sectorRow struct {
	Theme  string
	Charts []cellChart
	Cells  []int
}

// cellChart is the two bars of one theme for one sector.
type cellChart struct {
	Sector string // the sector's ID
	Theme  string // the theme's ID, "" for unthemed
	Width  int
	Height int
	Bars   []chartBar
}

// The small charts in the cells: narrower than the room's chart, with the
// same bar height and, in proportion, the same scale.
const (
	cellWidth      = 110
	cellNumberRoom = 24
)

// newSectorView lays out the split over the themes the room's chart
// shows, in its order.
func newSectorView(split inquiry.SectorSplit, scale int) sectorView {
	g := split.Groups
	v := sectorView{Withheld: g.Withheld, SmallGroup: inquiry.SmallGroup}
	if len(g.Folded) > 0 {
		var names []string
		for _, s := range g.Folded {
			names = append(names, strings.ToLower(s.Label))
		}
		v.Folded = fmt.Sprintf("No group of fewer than %d people is shown on its own, so %s are counted with the others.",
			inquiry.SmallGroup, list(names))
	}
	for _, sp := range g.Shown {
		v.Columns = append(v.Columns, sectorColumn{ID: sp.Sector.ID, Label: sp.Sector.Label, People: sp.People})
	}
	scale = max(scale, 1)
	height := len(chartKinds)*(barHeight+barGap) - barGap
	for _, r := range split.Rows {
		row := sectorRow{Theme: r.Theme.Label}
		total := 0
		for i, col := range v.Columns {
			counts := countRow{Theme: r.Theme, Counts: r.Sectors[i]}
			row.Charts = append(row.Charts, cellChart{
				Sector: col.ID, Theme: r.Theme.ID, Width: cellWidth, Height: height,
				Bars: bars(counts, 0, cellWidth-cellNumberRoom, scale),
			})
			row.Cells = append(row.Cells, counts.Opportunities(), counts.Barriers())
			total += counts.Opportunities() + counts.Barriers()
		}
		if total > 0 {
			v.Rows = append(v.Rows, row)
		}
	}
	return v
}
