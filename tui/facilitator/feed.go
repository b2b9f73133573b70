package facilitator

import (
	"slices"
	"sort"

	"github.com/anchorage/anchorage/inquiry"
)

// feedList is the facilitator's feed as the filter narrows it, kept
// between bells: built whole only when the filter changes or the room is
// opened, and otherwise changed one contribution at a time as events
// touch them. With 500 contributions a keystroke then costs a look-up, not
// a pass over the workshop.
//
// It holds every contribution that was not deleted — hidden, merged and
// withdrawn ones included, marked as such when drawn — because a
// facilitator curates those too.
type feedList struct {
	items []*inquiry.Contribution // oldest first, in the order added (by Seq)
	match func(*inquiry.Contribution) bool
}

// rebuild lists the workshop's contributions that pass the filter.
func (f *feedList) rebuild(ws *inquiry.Workshop, filter feedFilter) {
	f.match = filter.compile(ws)
	f.items = f.items[:0]
	for _, c := range ws.Contributions {
		if f.keeps(c) {
			f.items = append(f.items, c)
		}
	}
}

func (f *feedList) keeps(c *inquiry.Contribution) bool {
	return !c.Deleted && (f.match == nil || f.match(c))
}

// find is where c is, or would go, among the items.
func (f *feedList) find(c *inquiry.Contribution) (int, bool) {
	i := sort.Search(len(f.items), func(i int) bool { return f.items[i].Seq >= c.Seq })
	return i, i < len(f.items) && f.items[i] == c
}

// touch looks again at one contribution an event changed: it joins the
// feed, leaves it, or stays as it is. A new contribution lands at the end,
// so the usual case costs nothing to place.
func (f *feedList) touch(c *inquiry.Contribution) {
	i, in := f.find(c)
	switch keep := f.keeps(c); {
	case keep && !in:
		f.items = slices.Insert(f.items, i, c)
	case !keep && in:
		f.items = slices.Delete(f.items, i, i+1)
	}
}

func (f *feedList) len() int { return len(f.items) }

// newest is the i-th contribution counting from the newest (0).
func (f *feedList) newest(i int) *inquiry.Contribution { return f.items[len(f.items)-1-i] }

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
