package facilitator

import (
	"strconv"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// facParts keeps the parts of the room view that a live update or a key
// mostly leaves as they were: the header, the counts, the rule, the keys
// line and the tally chart. Bubble Tea draws the screen after every
// message, and a new contribution changes the feed, seldom the header.
// Every key names all that its part shows; a field left out of a key is a
// part that does not change when it should.
type facParts struct {
	header tui.Kept[facHeaderKey]
	counts tui.Kept[facCountsKey]
	rule   tui.Kept[int]
	help   tui.Kept[textKey]
	tally  tui.Memo[tallyKey, []string]
	// feed keeps the two lines of each contribution in the feed, by its
	// ID; it is emptied when it holds many more than a screenful.
	feed map[string]*feedRow
}

// rowMark is the mark in front of a contribution in the feed.
type rowMark byte

const (
	rowPlain   rowMark = iota
	rowMerging         // the duplicate being merged
	rowPicked          // the picked-out contribution
)

// feedRowKey is everything a contribution's two lines in the feed show.
type feedRowKey struct {
	w                                    int
	mark                                 rowMark
	name                                 string
	added                                int64
	prompt                               inquiry.PromptRef
	kind                                 inquiry.Kind
	text, owner, hiddenReason            string
	mergedInto, buildsOn, scribedBy      string
	highlighted, hidden, withdrawn, gone bool
}

type feedRow struct {
	key        feedRowKey
	head, text string
}

type facHeaderKey struct {
	w                   int
	title, code, seeing string
	open                bool
}

type facCountsKey struct {
	w, joined, here, contributions, opportunities, barriers int
}

// tallyKey is what the tally chart shows: its size, its scroll, whether
// it has the focus, and the rows (shown, from tallyShown).
type tallyKey struct {
	w, h, scroll int
	focused      bool
	shown        string
}

// tallyRows are the tally's themes with an opportunity or a barrier, and
// tallyShown a compact record of what the chart draws from them (each
// row's label and counts, and the peak the bars are scaled to), to key
// the kept chart by.
func tallyRows(t inquiry.Tally) (rows []inquiry.TallyRow, shown string) {
	var b strings.Builder
	b.WriteString(strconv.Itoa(t.Max(inquiry.Opportunity, inquiry.Barrier)))
	for _, r := range t.Rows() {
		if r.Sum(inquiry.Opportunity, inquiry.Barrier) == 0 {
			continue
		}
		rows = append(rows, r)
		b.WriteByte('\x1e')
		b.WriteString(r.Theme.Label)
		b.WriteByte('\x1f')
		b.WriteString(strconv.Itoa(r.Counts[inquiry.Opportunity]))
		b.WriteByte('\x1f')
		b.WriteString(strconv.Itoa(r.Counts[inquiry.Barrier]))
	}
	return rows, b.String()
}

// feedRow is a contribution's two lines in the feed: who, what kind, its
// marks and where; then its words. They are drawn again only when one of
// those changed.
func (m *Screen) feedRow(c *inquiry.Contribution, w int, mark rowMark) (head, text string) {
	k := feedRowKey{
		w: w, mark: mark, name: m.participantName(c.Participant), added: c.AddedAt.UnixNano(),
		prompt: c.Prompt, kind: c.Kind, text: c.Text, owner: c.Owner, hiddenReason: c.HiddenReason,
		mergedInto: c.MergedInto, buildsOn: c.BuildsOn, scribedBy: c.ScribedBy,
		highlighted: c.Highlighted, hidden: c.Hidden, withdrawn: c.Withdrawn, gone: c.Erased,
	}
	d := &m.drawn
	if r, ok := d.feed[c.ID]; ok && r.key == k {
		return r.head, r.text
	}
	if d.feed == nil || len(d.feed) > 4*max(m.frame.Height, 24) {
		d.feed = map[string]*feedRow{}
	}
	kind := tui.Good.Render(c.Kind.Label())
	if c.Kind == inquiry.Barrier {
		kind = tui.Barrier.Render(c.Kind.Label())
	}
	line := tui.Dim.Render(clock(c.AddedAt)) + " " + tui.Bold.Render(k.name) +
		tui.Dim.Render(" · ") + kind + marks(c) + tui.Dim.Render(" · "+phaseTitle(m.ws.Guide, c.Prompt))
	lead := "  "
	switch mark {
	case rowMerging:
		lead = tui.Warn.Render("⇢ ")
	case rowPicked:
		lead = tui.Accent.Render("▸ ")
	}
	r := &feedRow{key: k, head: tui.Fit(lead+line, w), text: tui.Fit("  "+m.feedText(c, max(w-4, 8)), w)}
	d.feed[c.ID] = r
	return r.head, r.text
}

// textKey is a line's width and what it says.
type textKey struct {
	w    int
	text string
}
