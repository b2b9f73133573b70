package facilitator

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// feedList is the facilitator's feed as the filter narrows it, kept
// between bells: built whole only when the filter changes or the room is
// opened, and otherwise changed one contribution at a time as events
// touch them. With 500 contributions a keystroke then costs a look-up, not
// a pass over the workshop. It keeps each contribution's place (its Seq)
// and ID; the contribution itself is read from the room's shared state.
//
// It holds every contribution that was not deleted — hidden, merged and
// withdrawn ones included, marked as such when drawn — because a
// facilitator curates those too.
type feedList struct {
	items []feedItem // oldest first, in the order added
	match func(*inquiry.Contribution) bool
}

// feedItem is a contribution in the feed: where it is, and which.
type feedItem struct {
	seq uint64
	id  string
}

// rebuild lists the workshop's contributions that pass the filter.
func (f *feedList) rebuild(ws *inquiry.Workshop, filter feedFilter) {
	f.match = filter.compile(ws)
	f.items = f.items[:0]
	for _, c := range ws.Contributions {
		if f.keeps(c) {
			f.items = append(f.items, feedItem{c.Seq, c.ID})
		}
	}
}

func (f *feedList) keeps(c *inquiry.Contribution) bool {
	return !c.Deleted && (f.match == nil || f.match(c))
}

// find is where c is, or would go, among the items.
func (f *feedList) find(c *inquiry.Contribution) (int, bool) {
	i := sort.Search(len(f.items), func(i int) bool { return f.items[i].seq >= c.Seq })
	return i, i < len(f.items) && f.items[i].id == c.ID
}

// touch looks again at one contribution an event changed: it joins the
// feed, leaves it, or stays as it is. A new contribution lands at the end,
// so the usual case costs nothing to place.
func (f *feedList) touch(c *inquiry.Contribution) {
	i, in := f.find(c)
	switch keep := f.keeps(c); {
	case keep && !in:
		f.items = slices.Insert(f.items, i, feedItem{c.Seq, c.ID})
	case !keep && in:
		f.items = slices.Delete(f.items, i, i+1)
	}
}

func (f *feedList) len() int { return len(f.items) }

// newest is the ID of the i-th contribution counting from the newest (0).
func (f *feedList) newest(i int) string { return f.items[len(f.items)-1-i].id }

// rank is c's place counting from the newest, or -1 if it is not shown.
func (f *feedList) rank(c *inquiry.Contribution) int {
	if c == nil {
		return -1
	}
	i, in := f.find(c)
	if !in {
		return -1
	}
	return len(f.items) - 1 - i
}

// feedLines are the contributions, newest first, two lines each, with the
// picked-out one marked and kept in view. The title says what the filter
// shows and how many match, and, once the facilitator has picked one out,
// how many arrived since.
func (m *Screen) feedLines(w, h int) []string {
	n := m.feed.len()
	title := "Live contributions, newest first"
	if m.filter.active() {
		title = "Showing " + m.filter.describe(m.ws) + " · " + inquiry.Plural(n, "match", "matches")
	}
	if m.mode == modeMerge {
		title = "Merge into which one?"
	}
	var marker string
	if news := m.arrived(); news > 0 {
		marker = tui.Warn.Render(fmt.Sprintf("↑ %d new · home to follow", news))
		if !m.filter.active() && m.mode != modeMerge {
			title = "Contributions"
		}
	}
	if m.pane == paneFeed {
		title = tui.Accent.Render("▸ " + title)
	} else {
		title = tui.Bold.Render("  " + title)
	}
	lines := []string{tui.TwoSides(title, marker, w)}
	if n == 0 {
		empty := "  Waiting for the first contribution…"
		if m.filter.active() {
			empty = "  Nothing matches (x clears the filter)."
		}
		return append(lines, tui.Dim.Render(tui.Fit(empty, w)))
	}
	// A picked-out contribution no longer in the feed (deleted, or
	// filtered away) is not marked; the feed shows the newest.
	at := max(m.selectedRank(), 0)
	marked := m.pane == paneFeed && (m.selected != "" || m.detail) && m.selectedRank() >= 0
	room := max((h-1)/2, 1)
	first := min(max(at-room/2, 0), max(n-room, 0))
	for i := first; i < n && i < first+room; i++ {
		c, _ := m.ws.Contribution(m.feed.newest(i))
		mark := rowPlain
		switch {
		case c.ID == m.merging:
			mark = rowMerging
		case i == at && marked:
			mark = rowPicked
		}
		head, text := m.feedRow(c, w, mark)
		lines = append(lines, head, text)
	}
	return lines
}

// feedText is the second line of a contribution in the feed: its words,
// or what became of them.
func feedText(c *inquiry.Contribution, n int) string {
	switch {
	case c.Erased:
		return tui.Dim.Render("(erased at the author's request)")
	case c.Withdrawn:
		return tui.Dim.Render("(withdrawn by the author)")
	case c.Hidden:
		return tui.Dim.Render("(hidden: "+c.HiddenReason+") ") + quote(c, n)
	case c.MergedInto != "":
		return tui.Dim.Render("(merged) ") + quote(c, n)
	case c.Owner != "":
		return quote(c, n/2) + tui.Dim.Render(" → "+c.Owner)
	}
	return quote(c, n)
}

// rowMark is the mark in front of a contribution in the feed.
type rowMark byte

const (
	rowPlain   rowMark = iota
	rowMerging         // the duplicate being merged
	rowPicked          // the picked-out contribution
)

// feedRowKey is everything a contribution's two lines in the feed show:
// the contribution as far as they show it, whose it is, where in the
// guide (which does not change once the workshop is open), and the mark.
type feedRowKey struct {
	w     int
	mark  rowMark
	name  string
	guide *inquiry.Guide
	c     shownContribution
}

// shownContribution is what the feed shows of a contribution.
type shownContribution struct {
	added                                int64
	prompt                               inquiry.PromptRef
	kind                                 inquiry.Kind
	text, owner, hiddenReason            string
	mergedInto, buildsOn, scribedBy      string
	answers                              string
	highlighted, hidden, withdrawn, gone bool
}

func showing(c *inquiry.Contribution) shownContribution {
	return shownContribution{
		added: c.AddedAt.UnixNano(), prompt: c.Prompt, kind: c.Kind, text: c.Text, owner: c.Owner,
		hiddenReason: c.HiddenReason, mergedInto: c.MergedInto, buildsOn: c.BuildsOn, scribedBy: c.ScribedBy,
		answers: c.Answers, highlighted: c.Highlighted, hidden: c.Hidden, withdrawn: c.Withdrawn, gone: c.Erased,
	}
}

// contribution is the contribution again, as far as it is shown.
func (s shownContribution) contribution() *inquiry.Contribution {
	return &inquiry.Contribution{
		AddedAt: time.Unix(0, s.added), Prompt: s.prompt, Kind: s.kind, Text: s.text, Owner: s.owner,
		HiddenReason: s.hiddenReason, MergedInto: s.mergedInto, BuildsOn: s.buildsOn, ScribedBy: s.scribedBy,
		Answers: s.answers, Highlighted: s.highlighted, Hidden: s.hidden, Withdrawn: s.withdrawn, Erased: s.gone,
	}
}

// feedRow is a contribution's two lines in the feed: who, what kind, its
// marks and where; then its words. They are drawn again only when one of
// those changed.
func (m *Screen) feedRow(c *inquiry.Contribution, w int, mark rowMark) (head, text string) {
	k := feedRowKey{w: w, mark: mark, name: m.participantName(c.Participant), guide: &m.ws.Guide, c: showing(c)}
	d := &m.drawn
	if d.feed == nil || len(d.feed) > 4*max(m.frame.Height, 24) {
		d.feed = map[string]*tui.Memo[feedRowKey, [2]string]{}
	}
	row := d.feed[c.ID]
	if row == nil {
		row = &tui.Memo[feedRowKey, [2]string]{}
		d.feed[c.ID] = row
	}
	lines := tui.Remember(row, k, drawFeedRow)
	return lines[0], lines[1]
}

func drawFeedRow(k feedRowKey) [2]string {
	c := k.c.contribution()
	kind := tui.Good.Render(c.Kind.Label())
	if c.Kind == inquiry.Barrier {
		kind = tui.Barrier.Render(c.Kind.Label())
	}
	line := tui.Dim.Render(clock(c.AddedAt)) + " " + tui.Bold.Render(k.name) +
		tui.Dim.Render(" · ") + kind + marks(c) + tui.Dim.Render(" · "+shortPlace(*k.guide, c.Prompt))
	lead := "  "
	switch k.mark {
	case rowMerging:
		lead = tui.Warn.Render("⇢ ")
	case rowPicked:
		lead = tui.Accent.Render("▸ ")
	}
	return [2]string{tui.Fit(lead+line, k.w), tui.Fit("  "+feedText(c, max(k.w-4, 8)), k.w)}
}
