package participant

import (
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/words"
)

// othersPage is a page of what others wrote at a prompt that this person
// may see: the contributions inquiry's OthersPage gives from offset,
// newest first, each barrier followed by the reframes answering it (a
// reframe whose barrier is shown is shown under it, on the barrier's
// page), with who agrees with each and what builds on it. It reuses
// items' storage, and copies all it keeps out of the workshop. say is
// the person's language, which names someone anonymous.
func othersPage(say words.Words, w *inquiry.Workshop, me string, ref inquiry.PromptRef, offset, limit int, items []otherItem) []otherItem {
	items = items[:0]
	shown := func(c *inquiry.Contribution) bool { return c.Participant != me && w.VisibleTo(me, c) }
	for _, c := range w.OthersPage(ref, me, offset, limit) {
		item := otherItemOf(say, w, me, c)
		if c.Answers != "" {
			b, ok := w.Contribution(c.Answers)
			if ok && shown(b) {
				continue // shown under its barrier
			}
			item.answers = say.Say("others.a_barrier")
			if ok && b.Participant == me {
				item.answers = say.Say("others.your_barrier", "text", tui.Snippet(b.Text, 30))
			}
		}
		items = append(items, item)
		for _, r := range w.LiveReframes(c.ID) {
			if shown(r) {
				under := otherItemOf(say, w, me, r)
				under.under = true
				items = append(items, under)
			}
		}
	}
	return items
}

// otherItemOf is one contribution as the others list shows it.
func otherItemOf(say words.Words, w *inquiry.Workshop, me string, c *inquiry.Contribution) otherItem {
	name := say.Say("others.someone")
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

// otherHead is an item's first line, in w columns: who, what kind, and
// how the room has taken it up (★ highlighted, +1s, what builds on it). A
// reframe shown under its barrier is marked as one. A long name is cut
// first, so that how the room took it up still shows.
func otherHead(say words.Words, item otherItem, w int) string {
	before, after := "", " · "+say.KindLabel(item.kind)
	switch {
	case item.under:
		before = "↳ "
	case item.answers != "":
		after += " " + say.Say("others.of", "barrier", item.answers)
	}
	if item.highlighted {
		before = "★ " + before
	}
	after += agreeMark(say, item)
	if item.builtOn > 0 {
		after += " · " + say.Count("others.built_on", item.builtOn)
	}
	name := tui.Fit(item.name, max(w-tui.Width(before+after), 8))
	return before + name + after
}
