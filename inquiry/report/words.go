package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// quote is a contribution in the words its author used.
type quote struct {
	Kind string
	Text string
	// By is the name or pseudonym its author chose; "" when the report
	// leaves names out.
	By      string
	Scribed bool
	// Themes is set where the quote is not already under its theme.
	Themes  string
	Partner string
	Owner   string
	Due     string
	// Agreed says how many others agree with it ("3 others"), "" for none.
	Agreed string
	// Reframes are the live reframes that answer a barrier (see reframesOf).
	Reframes []quote
}

// themeQuotes are a theme's opportunities and barriers, quoted.
type themeQuotes struct {
	Theme         string
	Opportunities []quote
	Barriers      []quote
}

// kindQuotes are the contributions of one other kind, quoted.
type kindQuotes struct {
	Kind   string
	Quotes []quote
}

// reframesOf sorts the live reframes (what would need to be true for a
// barrier not to be in the way) by the barrier the report quotes each
// under: the one it answers, or the one that was merged into as a
// duplicate (inquiry.Workshop.ReframedBarrier). Those whose barrier is not
// quoted (hidden, or taken back) are stray: quoted on their own, so that
// no way through is left out. live holds only what stands, so no reframe
// that was hidden, withdrawn or erased is among them.
func reframesOf(ws *inquiry.Workshop, live []*inquiry.Contribution) (under map[string][]*inquiry.Contribution, stray []*inquiry.Contribution) {
	under = map[string][]*inquiry.Contribution{}
	for _, c := range live {
		if c.Kind != inquiry.Reframe {
			continue
		}
		if b, ok := ws.ReframedBarrier(c); ok {
			under[b.ID] = append(under[b.ID], c)
		} else {
			stray = append(stray, c)
		}
	}
	return under, stray
}

// quote quotes a contribution; withThemes adds its themes, for lists that
// are not already under a theme.
func (b *builder) quote(c *inquiry.Contribution, withThemes bool) quote {
	q := quote{Kind: string(c.Kind), Text: c.Text, Scribed: c.ScribedBy != "", Owner: c.Owner, Due: dueDate(c.Due)}
	if b.named {
		if p, ok := b.ws.Participant(c.Participant); ok {
			q.By = p.Name
		}
	}
	if c.Partner != "" {
		q.Partner = c.Partner
		for _, p := range b.ws.Guide.PartnerList() {
			if p.ID == c.Partner {
				q.Partner = p.Label
			}
		}
	}
	if withThemes {
		q.Themes = strings.Join(b.themeLabels(c), "; ")
	}
	if n := len(b.ws.Agreements(c.ID)); n > 0 {
		q.Agreed = inquiry.Plural(n, "other", "others")
	}
	for _, r := range b.reframes[c.ID] {
		q.Reframes = append(q.Reframes, b.quote(r, false))
	}
	return q
}

func (b *builder) themeLabels(c *inquiry.Contribution) []string {
	labels := make([]string, 0, len(c.Themes))
	for _, id := range c.Themes {
		label := id
		if t, ok := b.ws.Theme(id); ok {
			label = t.Label
		}
		labels = append(labels, label)
	}
	return labels
}

// highlights are the contributions facilitators highlighted.
func (b *builder) highlights() []quote {
	var out []quote
	for _, c := range b.live {
		if c.Highlighted {
			out = append(out, b.quote(c, true))
		}
	}
	return out
}

// said quotes the opportunities and barriers theme by theme, in the
// chart's order, and then the other kinds. A contribution with several
// themes is quoted under each, as it is counted under each.
func (b *builder) said(t inquiry.Tally) ([]themeQuotes, []kindQuotes) {
	var themes []themeQuotes
	for _, row := range t.Rows() {
		if row.Sum(chartKinds...) == 0 {
			continue
		}
		tq := themeQuotes{Theme: row.Theme.Label}
		for _, c := range b.live {
			if !hasTheme(c, row.Theme.ID) {
				continue
			}
			switch c.Kind {
			case inquiry.Opportunity:
				tq.Opportunities = append(tq.Opportunities, b.quote(c, false))
			case inquiry.Barrier:
				tq.Barriers = append(tq.Barriers, b.quote(c, false))
			}
		}
		themes = append(themes, tq)
	}
	var kinds []kindQuotes
	for _, k := range []inquiry.Kind{inquiry.Strength, inquiry.Aspiration, inquiry.Story, inquiry.Action} {
		kq := kindQuotes{Kind: k.Plural()}
		for _, c := range b.live {
			if c.Kind == k {
				kq.Quotes = append(kq.Quotes, b.quote(c, true))
			}
		}
		if len(kq.Quotes) > 0 {
			kinds = append(kinds, kq)
		}
	}
	return themes, kinds
}

// strayReframes quotes the reframes whose barrier the report does not
// quote (see reframesOf), with their themes.
func (b *builder) strayReframes() []quote {
	var out []quote
	for _, c := range b.stray {
		out = append(out, b.quote(c, true))
	}
	return out
}

func hasTheme(c *inquiry.Contribution, id string) bool {
	if id == "" {
		return len(c.Themes) == 0
	}
	return slices.Contains(c.Themes, id)
}

// voteView is a dot vote's results, ranked.
type voteView struct {
	Title   string
	Says    string // "A dot vote over barriers, 3 dots each: 12 people placed dots."
	Results []voteRow
}

type voteRow struct {
	Rank int
	Text string
	By   string
	Dots int
}

func (b *builder) votes() []voteView {
	var out []voteView
	for _, v := range b.ws.Votes {
		vv := voteView{Title: v.Title}
		over := "contributions of any kind"
		if len(v.Kinds) > 0 {
			var names []string
			for _, k := range v.Kinds {
				names = append(names, strings.ToLower(k.Plural()))
			}
			over = list(names)
		}
		state := "closed"
		if v.Open {
			state = "still open when this report was made"
		}
		vv.Says = "A dot vote over " + over + ", " + inquiry.Plural(v.Dots, "dot", "dots") + " each (" + state + "): " +
			v.Turnout().String() + "."
		for _, r := range v.Results() {
			c, _ := b.ws.Contribution(r.Contribution)
			row := voteRow{Rank: r.Rank, Text: c.Text, Dots: r.Dots}
			if q := b.quote(c, false); q.By != "" {
				row.By = q.By
			}
			vv.Results = append(vv.Results, row)
		}
		out = append(out, vv)
	}
	return out
}

// commitment is an action someone took on: who, what, by when.
type commitment struct {
	Who, What, When string
}

// commitments are the actions with an owner or a date, soonest first and
// those without a date last.
func (b *builder) commitments() []commitment {
	var actions []*inquiry.Contribution
	for _, c := range b.live {
		if c.Kind == inquiry.Action && (c.Owner != "" || c.Due != "") {
			actions = append(actions, c)
		}
	}
	slices.SortStableFunc(actions, func(x, y *inquiry.Contribution) int {
		switch {
		case x.Due == y.Due:
			return 0
		case x.Due == "":
			return 1
		case y.Due == "":
			return -1
		}
		return cmp.Compare(x.Due, y.Due)
	})
	out := make([]commitment, 0, len(actions))
	for _, c := range actions {
		out = append(out, commitment{Who: cmp.Or(c.Owner, "not named"), What: c.Text, When: cmp.Or(dueDate(c.Due), "no date")})
	}
	return out
}

// dueDate writes a YYYY-MM-DD date as people read it, or "" for none.
func dueDate(due string) string {
	if due == "" {
		return ""
	}
	day, err := time.Parse(time.DateOnly, due)
	if err != nil {
		return due
	}
	return date(day)
}
