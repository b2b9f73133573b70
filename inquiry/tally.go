package inquiry

import "slices"

// Tally counts a workshop's live contributions by theme and kind: what the
// facilitators' screens chart as the room talks, and what a report's
// synthesis leads with. Deleted contributions are not counted.
//
// A contribution with several themes counts once in each of their rows, so
// rows can add up to more than Totals; Totals counts each contribution once.
type Tally struct {
	// Themes has one row per theme of the workshop's taxonomy, in taxonomy
	// order (the starting themes, then the guide's), empty rows included.
	Themes []TallyRow
	// Unthemed counts the contributions that have no theme. Its Theme has
	// no ID and the label "Unthemed".
	Unthemed TallyRow
	// Totals counts every live contribution once, by kind.
	Totals map[Kind]int
	// Contributions is the number of live contributions.
	Contributions int
}

// TallyRow is one theme's count of contributions, by kind.
type TallyRow struct {
	Theme Theme
	// Counts has an entry for every kind, zero included.
	Counts map[Kind]int
}

// UnthemedLabel names the tally row of contributions that have no theme.
const UnthemedLabel = "Unthemed"

// Unthemed reports whether the row counts contributions that have no theme.
func (r TallyRow) Unthemed() bool { return r.Theme.ID == "" }

// Sum is the row's count over the given kinds, or over every kind if none
// are given: Sum(Opportunity, Barrier) is the length of a stacked bar.
func (r TallyRow) Sum(kinds ...Kind) int {
	if len(kinds) == 0 {
		kinds = Kinds
	}
	n := 0
	for _, k := range kinds {
		n += r.Counts[k]
	}
	return n
}

// Tally counts the workshop's live contributions. It is one pass over the
// contributions, cheap enough to recompute on every live update.
func (w *Workshop) Tally() Tally {
	themes := w.Themes()
	// Counting into slices indexed by theme and kind, and building the maps
	// once at the end, keeps the pass free of map writes.
	index := make(map[string]int, len(themes))
	for i, t := range themes {
		index[t.ID] = i
	}
	unthemed := len(themes)
	counts := make([]int, (len(themes)+1)*len(Kinds))
	totals := make([]int, len(Kinds))
	live := 0
	for _, c := range w.Contributions {
		k := slices.Index(Kinds, c.Kind)
		if c.Deleted || k < 0 {
			continue
		}
		live++
		totals[k]++
		if len(c.Themes) == 0 {
			counts[unthemed*len(Kinds)+k]++
		}
		for _, id := range c.Themes {
			// Check admits only themes of the taxonomy, which is fixed
			// when the workshop opens, so every ID is found.
			if i, ok := index[id]; ok {
				counts[i*len(Kinds)+k]++
			}
		}
	}
	row := func(i int, t Theme) TallyRow {
		r := TallyRow{Theme: t, Counts: make(map[Kind]int, len(Kinds))}
		for k, kind := range Kinds {
			r.Counts[kind] = counts[i*len(Kinds)+k]
		}
		return r
	}
	t := Tally{
		Themes:        make([]TallyRow, len(themes)),
		Unthemed:      row(unthemed, Theme{Label: UnthemedLabel}),
		Totals:        make(map[Kind]int, len(Kinds)),
		Contributions: live,
	}
	for i, th := range themes {
		t.Themes[i] = row(i, th)
	}
	for k, kind := range Kinds {
		t.Totals[kind] = totals[k]
	}
	return t
}

// Rows are the rows a chart of opportunities and barriers by theme shows:
// every theme with at least one live contribution of any kind, the most
// opportunities and barriers together first, ties in taxonomy order. The
// unthemed row, if it counts anything, comes last: it is not a theme, and
// sorting it among them would make it read like one.
func (t Tally) Rows() []TallyRow {
	var rows []TallyRow
	for _, r := range t.Themes {
		if r.Sum() > 0 {
			rows = append(rows, r)
		}
	}
	// A stable sort keeps taxonomy order among equal rows.
	slices.SortStableFunc(rows, func(a, b TallyRow) int {
		return b.Sum(Opportunity, Barrier) - a.Sum(Opportunity, Barrier)
	})
	if t.Unthemed.Sum() > 0 {
		rows = append(rows, t.Unthemed)
	}
	return rows
}

// Max is the largest Sum(kinds...) of any row, the unthemed row included:
// the scale of a bar chart. Max(Opportunity, Barrier) is the longest
// stacked bar; Max(Opportunity) the longest bar of opportunities alone.
func (t Tally) Max(kinds ...Kind) int {
	m := t.Unthemed.Sum(kinds...)
	for _, r := range t.Themes {
		m = max(m, r.Sum(kinds...))
	}
	return m
}
