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
	// Reframed is how many live barriers have at least one live reframe.
	Reframed int
}

// TallyRow is one theme's count of contributions, by kind.
type TallyRow struct {
	Theme Theme
	// Counts has an entry for every kind, zero included.
	Counts map[Kind]int
	// Reframed is how many of the row's barriers have at least one live
	// reframe: a reframe is shown under its barrier, so the row says how
	// many of its barriers someone has turned towards what would help.
	Reframed int
}

// UnthemedLabel names the tally row of contributions that have no theme.
const UnthemedLabel = "Unthemed"

// Unthemed reports whether the row counts contributions that have no theme.
func (r TallyRow) Unthemed() bool { return r.Theme.ID == "" }

// Sum is the row's count over the given kinds, or over every kind (reframes
// included) if none are given: Sum(Opportunity, Barrier) is the length of
// a stacked bar.
func (r TallyRow) Sum(kinds ...Kind) int {
	if len(kinds) == 0 {
		kinds = AllKinds
	}
	n := 0
	for _, k := range kinds {
		n += r.Counts[k]
	}
	return n
}

// numKinds is the number of kinds (len(AllKinds)). A row of counts has a
// slot for each, then one for the barriers reframed.
const (
	numKinds     = 7
	reframedSlot = numKinds
	numSlots     = numKinds + 1
)

// tallyCounts is the tally as the fold keeps it, changed one contribution
// at a time so that no event costs a pass over the whole workshop.
type tallyCounts struct {
	// themes has one row per theme, in taxonomy order.
	themes   [][numSlots]int
	unthemed [numSlots]int
	totals   [numSlots]int
	live     int
	// reframes is each barrier's number of live reframes.
	reframes map[string]int
}

// count adds a live contribution to the running tally (sign 1) or takes
// it out (sign -1). Contributions that are not live are not counted.
func (w *Workshop) count(c *Contribution, sign int) {
	w.seen.count(c, sign)
	k := slices.Index(AllKinds, c.Kind)
	if !c.Live() || k < 0 {
		return
	}
	w.counts.live += sign
	w.countIn(c, k, sign)
	switch c.Kind {
	case Barrier:
		if w.counts.reframes[c.ID] > 0 {
			w.countIn(c, reframedSlot, sign)
		}
	case Reframe:
		w.countReframe(c, sign)
	}
}

// countIn adds sign to one slot of the rows a contribution is counted in.
func (w *Workshop) countIn(c *Contribution, slot, sign int) {
	t := &w.counts
	t.totals[slot] += sign
	if len(c.Themes) == 0 {
		t.unthemed[slot] += sign
	}
	for _, id := range c.Themes {
		// Check admits only themes of the taxonomy, and themes are never
		// taken out of it, so every ID is found.
		if i, ok := w.themes[id]; ok {
			t.themes[i][slot] += sign
		}
	}
}

// countReframe keeps each barrier's number of live reframes, and counts
// the barrier as reframed while it is live and has at least one. Only
// barriers with live reframes have an entry, and the map is nil when none
// has: a fold restored from a snapshot counts only live reframes, and
// must come out the same as one that counted them as they came and went.
func (w *Workshop) countReframe(r *Contribution, sign int) {
	t := &w.counts
	if t.reframes == nil {
		t.reframes = map[string]int{}
	}
	before := t.reframes[r.Answers]
	if t.reframes[r.Answers] = before + sign; before+sign == 0 {
		delete(t.reframes, r.Answers)
		if len(t.reframes) == 0 {
			t.reframes = nil
		}
	}
	b := w.contributions[r.Answers]
	if b == nil || !b.Live() || b.Kind != Barrier {
		return
	}
	if (before == 0 && sign > 0) || (before == 1 && sign < 0) {
		w.countIn(b, reframedSlot, sign)
	}
}

// update changes a contribution and keeps the running tally in step: it
// takes the contribution out as it was and counts it again as it is. A
// contribution in a fold is never changed in place: update changes a copy
// and puts it wherever the old one was (share.go), and returns it.
func (w *Workshop) update(c *Contribution, change func(c *Contribution)) *Contribution {
	w.count(c, -1)
	changed := *c
	w.replace(c, &changed)
	change(&changed)
	w.count(&changed, 1)
	return &changed
}

// Tally counts the workshop's live contributions. The fold keeps the
// counts as events arrive, so this costs a row per theme, not a pass over
// the contributions: cheap enough for every live update.
func (w *Workshop) Tally() Tally {
	themes := w.Themes()
	row := func(t Theme, counts [numSlots]int) TallyRow {
		r := TallyRow{Theme: t, Counts: make(map[Kind]int, len(AllKinds)), Reframed: counts[reframedSlot]}
		for k, kind := range AllKinds {
			r.Counts[kind] = counts[k]
		}
		return r
	}
	t := Tally{
		Themes:        make([]TallyRow, len(themes)),
		Unthemed:      row(Theme{Label: UnthemedLabel}, w.counts.unthemed),
		Totals:        make(map[Kind]int, len(AllKinds)),
		Contributions: w.counts.live,
		Reframed:      w.counts.totals[reframedSlot],
	}
	for i, th := range themes {
		var counts [numSlots]int
		if i < len(w.counts.themes) {
			counts = w.counts.themes[i]
		}
		t.Themes[i] = row(th, counts)
	}
	for k, kind := range AllKinds {
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
