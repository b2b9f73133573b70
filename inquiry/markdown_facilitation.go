package inquiry

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The parts of the markdown report that facilitation adds: highlights,
// votes, commitments, links between contributions, and a record of what
// the facilitators did.

// highlights quotes the contributions facilitators highlighted, first in
// the synthesis: what the room's conveners picked out.
func (r *markdownReport) highlights(live []*Contribution) {
	picked := selectContributions(live, func(c *Contribution) bool { return c.Highlighted })
	if len(picked) == 0 {
		return
	}
	r.printf("### Highlighted by the facilitators\n\n")
	for _, c := range picked {
		r.quote(c, true)
	}
	r.printf("\n")
}

// commitment writes an action's owner and due date, if it has them.
func (r *markdownReport) commitment(c *Contribution) {
	if c.Owner != "" {
		r.printf(" · owner: %s", mdLine(c.Owner))
	}
	if c.Due != "" {
		r.printf(" · due %s", dueDate(c.Due))
	}
}

// links writes how a transcript entry relates to others and what the
// facilitators did to it.
func (r *markdownReport) links(c *Contribution) {
	if c.BuildsOn != "" {
		r.printf(" · builds on %s", r.ref(c.BuildsOn))
	}
	if c.Highlighted {
		r.printf(" · *highlighted by a facilitator*")
	}
	if c.ScribedBy != "" {
		r.printf(" · *(entered by %s for %s)*", r.byline(r.enteredBy[c.ID]), mdLine(r.labels.name(c.Participant)))
	}
	if c.MergedInto != "" {
		r.printf(" · *(a duplicate, merged into %s)*", r.ref(c.MergedInto))
	} else if c.UnmergedFrom != "" {
		r.printf(" · *(once merged into %s as a duplicate; a facilitator undid the merge at %s)*", r.ref(c.UnmergedFrom), r.when(c.UnmergedAt))
	}
	if n := len(r.labels.mergedFrom[c.ID]); n > 0 {
		r.printf(" · *(%s merged into it)*", Plural(n, "duplicate", "duplicates"))
	}
}

// ref names another contribution in a sentence: whose, what kind and
// when, and its first words. One taken back or hidden is named without
// its words or author.
func (r *markdownReport) ref(id string) string {
	c, ok := r.ws.Contribution(id)
	switch {
	case !ok:
		return "contribution " + mdLine(id)
	case c.Erased:
		return "a contribution since erased"
	case c.Withdrawn:
		return "a contribution since withdrawn"
	case c.Deleted:
		return "a contribution since deleted"
	case c.Hidden:
		return "a hidden " + string(c.Kind) + " from " + r.when(c.AddedAt)
	}
	return mdLine(r.labels.name(c.Participant)) + "’s " + string(c.Kind) + " at " + r.when(c.AddedAt) +
		", “" + mdEscapeLine(excerpt(c.Text, 8)) + "”"
}

// excerpt is the first words of a text, on one line, with an ellipsis if
// there is more.
func excerpt(text string, words int) string {
	fields := strings.Fields(CleanLine(text))
	if len(fields) <= words {
		return strings.Join(fields, " ")
	}
	return strings.Join(fields[:words], " ") + "…"
}

// priorities writes each vote's results: what the room chose to take
// forward first.
func (r *markdownReport) priorities() {
	if len(r.ws.Votes) == 0 {
		return
	}
	r.printf("## Priorities\n\n")
	r.printf("Each participant placed dots on the contributions they would take forward first; a table without " +
		"terminals placed its dots through its scribe, and is counted as one, apart from the participants. " +
		"Dots on a duplicate count for the contribution it was merged into, and contributions with equal dots share a rank.\n\n")
	for _, v := range r.ws.Votes {
		r.printf("### %s\n\n", mdLine(v.Title))
		closing := "still open when this report was made"
		if !v.Open {
			closing = "closed " + r.when(v.ClosedAt)
		}
		r.printf("*A dot vote over %s, %s each: opened %s, %s. %s*\n\n",
			r.voteScope(v.Vote), Plural(v.Dots, "dot", "dots"), r.when(v.OpenedAt), closing, turnoutSentence(v.Turnout()))
		results := v.Results()
		if len(results) == 0 {
			r.printf("No dots were placed.\n\n")
			continue
		}
		r.printf("| Rank | Contribution | By | Dots |\n| ---: | --- | --- | ---: |\n")
		for _, res := range results {
			c, _ := r.ws.Contribution(res.Contribution)
			r.printf("| %d | %s | %s | %d |\n", res.Rank, mdLine(c.Text), mdLine(r.labels.name(c.Participant)), res.Dots)
		}
		r.printf("\n")
	}
}

// voteScope is what a vote is over, as a phrase: its kinds, and its
// limits to the highlighted ones or to one prompt.
func (r *markdownReport) voteScope(v Vote) string {
	scope := voteKinds(v.Kinds)
	switch {
	case v.Highlighted && len(v.Kinds) == 0:
		scope = "the highlighted contributions"
	case v.Highlighted:
		scope = "the highlighted " + scope
	}
	if v.Prompt != "" {
		scope += " answering " + r.promptName(v.Prompt)
	}
	return scope
}

// turnoutSentence says who placed dots, people and tables apart (see
// Turnout): "4 of 5 participants placed dots, and 1 of 1 table through a
// scribe."
func turnoutSentence(t Turnout) string {
	s := fmt.Sprintf("%d of %s placed dots", t.Voted, Plural(t.Voters, "participant", "participants"))
	if t.Tables > 0 {
		s += fmt.Sprintf(", and %d of %s through a scribe", t.TablesVoted, Plural(t.Tables, "table", "tables"))
	}
	return s + "."
}

// voteKinds is the kinds a vote is over, as a phrase.
func voteKinds(kinds []Kind) string {
	if len(kinds) == 0 {
		return "contributions of any kind"
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = strings.ToLower(k.Plural())
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// commitments writes the table of actions someone took on: what, who and
// by when, the soonest first and those without a date last.
func (r *markdownReport) commitments() {
	actions := selectContributions(r.live(), func(c *Contribution) bool {
		return c.Kind == Action && (c.Owner != "" || c.Due != "")
	})
	if len(actions) == 0 {
		return
	}
	slices.SortStableFunc(actions, func(a, b *Contribution) int {
		switch {
		case a.Due == b.Due:
			return 0
		case a.Due == "":
			return 1
		case b.Due == "":
			return -1
		}
		return cmp.Compare(a.Due, b.Due)
	})
	r.printf("## Commitments\n\n")
	r.printf("| Action | Owner | Due | Recorded by |\n| --- | --- | --- | --- |\n")
	for _, c := range actions {
		owner, due := "not named", "no date"
		if c.Owner != "" {
			owner = mdLine(c.Owner)
		}
		if c.Due != "" {
			due = dueDate(c.Due)
		}
		r.printf("| %s | %s | %s | %s |\n", mdLine(c.Text), owner, due, mdLine(r.labels.name(c.Participant)))
	}
	r.printf("\n")
}

// dueDate writes a YYYY-MM-DD date as people read it: "30 June 2026".
func dueDate(due string) string {
	day, err := time.Parse(time.DateOnly, due)
	if err != nil {
		return mdLine(due)
	}
	return reportDate(day)
}

// seeingEachOther says what participants saw of each other's
// contributions.
func seeingEachOther(s Settings) string {
	var seeing string
	switch s.Visibility {
	case VisibleOnReveal:
		seeing = "others' contributions were held back until a facilitator revealed them"
	case VisibleNever:
		seeing = "participants saw only their own contributions"
	default:
		seeing = "others' contributions were shown as they arrived"
	}
	if s.Anonymous {
		seeing += ", without names"
	}
	return seeing
}

// roleNoun names a role in a sentence: "a scribe".
func roleNoun(role Role) string {
	switch role {
	case RoleScribe:
		return "a scribe"
	case RoleSystem:
		return "Anchorage"
	case RoleParticipant:
		return "a participant"
	}
	return "a facilitator"
}

// provenanceOfCuration adds to "About this report" what else was left out,
// when something was.
func (r *markdownReport) provenanceOfCuration() {
	var hiddenAny, mergedAny, unmergedAny, leftAny bool
	for _, c := range r.ws.Contributions {
		hiddenAny = hiddenAny || (c.Hidden && !c.gone())
		mergedAny = mergedAny || (c.MergedInto != "" && !c.gone())
		unmergedAny = unmergedAny || (c.UnmergedFrom != "" && c.MergedInto == "" && !c.gone())
		leftAny = leftAny || c.Withdrawn || c.Erased
	}
	var says []string
	if hiddenAny {
		says = append(says, "Contributions a facilitator hid are left out too; the transcript gives the reason, without their words.")
	}
	if mergedAny {
		says = append(says, "A duplicate merged into another is counted and quoted once, as the one it was merged into; the transcript keeps both.")
	}
	if unmergedAny {
		says = append(says, "A merge a facilitator undid counts both contributions again, each on its own.")
	}
	if leftAny {
		says = append(says, "Participants who withdrew took back their contributions, and their words are no longer stored; "+
			"those erased at their request took back their names too.")
	}
	if len(says) > 0 {
		r.printf("\n%s\n", strings.Join(says, " "))
	}
}
