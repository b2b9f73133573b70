package inquiry

import "slices"

// Tally counts a workshop's live contributions by theme and kind: what the
// facilitators' screens chart as the room talks, and what a report's
// synthesis leads with. Only live contributions are counted: not deleted,
// withdrawn, erased, hidden or merged into another (see Contribution.Live).
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

// numKinds is the number of kinds (len(Kinds)), the width of a row of counts.
const numKinds = 6

// tallyCounts is the tally as the fold keeps it, changed one contribution
// at a time so that no event costs a pass over the whole workshop.
type tallyCounts struct {
	// themes has one row per theme, in taxonomy order.
	themes   [][numKinds]int
	unthemed [numKinds]int
	totals   [numKinds]int
	live     int
}

// count adds a live contribution to the running tally (sign 1) or takes
// it out (sign -1). Contributions that are not live are not counted.
func (w *Workshop) count(c *Contribution, sign int) {
	w.seen.count(c, sign)
	k := slices.Index(Kinds, c.Kind)
	if !c.Live() || k < 0 {
		return
	}
	t := &w.counts
	t.live += sign
	t.totals[k] += sign
	if len(c.Themes) == 0 {
		t.unthemed[k] += sign
	}
	for _, id := range c.Themes {
		// Check admits only themes of the taxonomy, and themes are never
		// taken out of it, so every ID is found.
		if i, ok := w.themes[id]; ok {
			t.themes[i][k] += sign
		}
	}
}

// update changes a contribution and keeps the running tally in step: it
// takes the contribution out as it was and counts it again as it is.
func (w *Workshop) update(c *Contribution, change func()) {
	w.count(c, -1)
	change()
	w.count(c, 1)
}

// Tally counts the workshop's live contributions. The fold keeps the
// counts as events arrive, so this costs a row per theme, not a pass over
// the contributions: cheap enough for every live update.
func (w *Workshop) Tally() Tally {
	themes := w.Themes()
	row := func(t Theme, counts [numKinds]int) TallyRow {
		r := TallyRow{Theme: t, Counts: make(map[Kind]int, len(Kinds))}
		for k, kind := range Kinds {
			r.Counts[kind] = counts[k]
		}
		return r
	}
	t := Tally{
		Themes:        make([]TallyRow, len(themes)),
		Unthemed:      row(Theme{Label: UnthemedLabel}, w.counts.unthemed),
		Totals:        make(map[Kind]int, len(Kinds)),
		Contributions: w.counts.live,
	}
	for i, th := range themes {
		var counts [numKinds]int
		if i < len(w.counts.themes) {
			counts = w.counts.themes[i]
		}
		t.Themes[i] = row(th, counts)
	}
	for k, kind := range Kinds {
		t.Totals[kind] = w.counts.totals[k]
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
