package participant

import (
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// othersPage is a page of what others wrote at a prompt that this person
// may see: the contributions inquiry's OthersPage gives from offset,
// newest first, each barrier followed by the reframes answering it (a
// reframe whose barrier is shown is shown under it, on the barrier's
// page), with who agrees with each and what builds on it. It reuses
// items' storage, and copies all it keeps out of the workshop.
func othersPage(w *inquiry.Workshop, me string, ref inquiry.PromptRef, offset, limit int, items []otherItem) []otherItem {
	items = items[:0]
	shown := func(c *inquiry.Contribution) bool { return c.Participant != me && w.VisibleTo(me, c) }
	for _, c := range w.OthersPage(ref, me, offset, limit) {
		item := otherItemOf(w, me, c)
		if c.Answers != "" {
			b, ok := w.Contribution(c.Answers)
			if ok && shown(b) {
				continue // shown under its barrier
			}
			item.answers = "a barrier"
			if ok && b.Participant == me {
				item.answers = "your barrier “" + tui.Snippet(b.Text, 30) + "”"
			}
		}
		items = append(items, item)
		for _, r := range w.LiveReframes(c.ID) {
			if shown(r) {
				under := otherItemOf(w, me, r)
				under.under = true
				items = append(items, under)
			}
		}
	}
	return items
}

// otherItemOf is one contribution as the others list shows it.
func otherItemOf(w *inquiry.Workshop, me string, c *inquiry.Contribution) otherItem {
	name := "Someone"
	if p, ok := w.Participant(c.Participant); ok && !w.Settings.Anonymous && p.Name != "" {
		name = p.Name
	}
	item := otherItem{id: c.ID, name: name, kind: c.Kind, text: c.Text, highlighted: c.Highlighted,
		agrees: len(w.Agreements(c.ID)), agreed: w.Agreed(me, c.ID)}
	for _, b := range w.BuiltOn(c.ID) {
		if w.VisibleTo(me, b) {
			item.builtOn++
		}
	}
	return item
}

// otherHead is an item's first line: who, what kind, and how the room has
// taken it up (★ highlighted, +1s, what builds on it). A reframe shown
// under its barrier is marked as one.
func otherHead(item otherItem) string {
	head := item.name + " · " + item.kind.Label()
	switch {
	case item.under:
		head = "↳ " + head
	case item.answers != "":
		head += " of " + item.answers
	}
	if item.highlighted {
		head = "★ " + head
	}
	head += agreeMark(item)
	if item.builtOn > 0 {
		head += " · " + inquiry.Plural(item.builtOn, "builds on it", "build on it")
	}
	return head
}
