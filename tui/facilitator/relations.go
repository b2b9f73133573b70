package facilitator

import (
	"strings"

	"github.com/anchorage/anchorage/inquiry"
)

// What the details of a contribution say of the others around it: who
// agrees with it, what was built on it, the reframes of a barrier, the
// barrier a reframe answers, and the merges it took part in; and where
// its themes stand, in plain words.

// themeFact is where the contribution's themes stand, with the keys that
// change that.
func (m *Screen) themeFact(c *inquiry.Contribution) string {
	fact := "Themes: " + m.ws.ThemeStatus(c)
	switch {
	case c.ThemesAccepted:
	case len(c.Themes) > 0:
		fact += " (a confirms, t changes)"
	case len(m.confirmable(c)) > 0:
		fact += " (a takes the suggestion, t chooses)"
	default:
		fact += " (t chooses)"
	}
	return fact
}

// relations are the lines of the details about other contributions and
// people: each one short, the words quoted at their start.
func (m *Screen) relations(c *inquiry.Contribution) []string {
	ws := m.ws
	var facts []string
	if c.BuildsOn != "" {
		if on, ok := ws.Contribution(c.BuildsOn); ok {
			facts = append(facts, "Builds on "+quote(on, 40)+" by "+m.participantName(on.Participant))
		}
	}
	if c.Answers != "" {
		if barrier, ok := ws.Contribution(c.Answers); ok {
			facts = append(facts, "Reframes the barrier "+quote(barrier, 40)+" by "+m.participantName(barrier.Participant))
		}
	}
	if agree := ws.Agreements(c.ID); len(agree) > 0 {
		names := make([]string, len(agree))
		for i, id := range agree {
			names[i] = m.participantName(id)
		}
		facts = append(facts, "Agreed by "+inquiry.Plural(len(agree), "person", "people")+": "+strings.Join(names, ", "))
	}
	if built := liveOnes(ws.BuiltOn(c.ID)); len(built) > 0 {
		facts = append(facts, "Built on by "+inquiry.Plural(len(built), "contribution", "contributions")+": "+m.quotes(built))
	}
	if reframes := ws.LiveReframes(c.ID); len(reframes) > 0 {
		facts = append(facts, "Reframed in "+inquiry.Plural(len(reframes), "answer", "answers")+": "+m.quotes(reframes))
	}
	switch {
	case c.MergedInto != "":
		if into, ok := ws.Contribution(c.MergedInto); ok {
			facts = append(facts, "Merged into "+quote(into, 40)+": only that one is shown (u undoes the merge)")
		}
	case c.UnmergedFrom != "":
		if was, ok := ws.Contribution(c.UnmergedFrom); ok {
			facts = append(facts, "Once merged into "+quote(was, 40)+"; the merge was undone")
		}
	}
	return facts
}

// quotes are the start of each contribution's words, and whose, for a
// line of the details: the first two, then how many more.
func (m *Screen) quotes(cs []*inquiry.Contribution) string {
	var parts []string
	for i, c := range cs {
		if i == 2 {
			parts = append(parts, "and "+inquiry.Plural(len(cs)-2, "more", "more"))
			break
		}
		parts = append(parts, quote(c, 30)+" ("+m.participantName(c.Participant)+")")
	}
	return strings.Join(parts, ", ")
}

// liveOnes are the contributions still standing among cs.
func liveOnes(cs []*inquiry.Contribution) []*inquiry.Contribution {
	var out []*inquiry.Contribution
	for _, c := range cs {
		if c.Live() {
			out = append(out, c)
		}
	}
	return out
}
