package facilitator

import (
	"sort"

	"github.com/anchorage/anchorage/inquiry"
)

// Picking out a contribution in the feed. Until the facilitator picks one,
// the feed follows the newest; once they pick one (with ↑↓, or by opening
// the newest's details) it stays picked whatever arrives, so that the
// details pane and every curation key act on the contribution on the
// screen. The feed then counts what arrived since it stopped following,
// and home follows the newest again.

// pick picks out a contribution by ID, or with "" follows the newest
// again. Leaving the newest behind marks where the count of new arrivals
// starts.
func (m *Screen) pick(id string) {
	switch {
	case id == "":
		m.since = 0
	case m.selected == "" && m.feed.len() > 0:
		m.since = m.feed.items[m.feed.len()-1].seq
	}
	m.selected = id
}

// pickedOut is the contribution picked out: the one the details show and
// curation acts on. While the feed follows the newest it is the newest
// (nil in an empty feed). A contribution picked out stays so even once it
// leaves the feed (deleted by its author), so that the details never jump
// to another.
func (m *Screen) pickedOut() *inquiry.Contribution {
	if m.selected != "" {
		c, _ := m.ws.Contribution(m.selected)
		return c
	}
	if m.feed.len() == 0 {
		return nil
	}
	c, _ := m.ws.Contribution(m.feed.newest(0))
	return c
}

// selectedRank is where the picked-out contribution is in the feed: 0
// (the newest) when none is picked out, -1 when it is not in the feed.
func (m *Screen) selectedRank() int {
	if m.selected == "" {
		return 0
	}
	c, _ := m.ws.Contribution(m.selected)
	return m.feed.rank(c)
}

// arrived is how many contributions in the feed are newer than the newest
// was when the facilitator stopped following it: what the marker counts.
func (m *Screen) arrived() int {
	if m.selected == "" {
		return 0
	}
	return m.feed.newerThan(m.since)
}

// moveInFeed moves the picked-out contribution through the feed. Back at
// the newest, the feed follows the newest again, unless its details are
// open or a merge is being picked: those stay on what they show.
func (m *Screen) moveInFeed(delta int) {
	n := m.feed.len()
	if n == 0 {
		return
	}
	at := max(m.selectedRank(), 0)
	at = min(max(at+delta, 0), n-1)
	if at == 0 && !m.detail && m.mode != modeMerge {
		m.pick("")
		return
	}
	m.pick(m.feed.newest(at))
}

// openDetails opens the details of the contribution picked out, picking
// out the newest if the feed was following it: what the details show
// from then on is that one, however many arrive.
func (m *Screen) openDetails() {
	if m.pane != paneFeed || m.feed.len() == 0 && m.selected == "" {
		return
	}
	if m.selected == "" {
		m.pick(m.feed.newest(0))
	}
	m.detail = true
}

// newerThan is how many of the feed's contributions came after seq.
func (f *feedList) newerThan(seq uint64) int {
	return len(f.items) - sort.Search(len(f.items), func(i int) bool { return f.items[i].seq > seq })
}
