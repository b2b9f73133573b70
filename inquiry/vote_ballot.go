package inquiry

import (
	"fmt"
	"slices"
)

// What is on a vote's ballot, who can vote in it, and the ranks of its
// results: computed here once, so every screen and every export says the
// same.

// covers reports whether the vote's limits take in c: it is of a kind the
// vote is over, answers the vote's prompt if it has one, and, for a vote
// over the highlighted contributions, was highlighted when the vote
// opened. Whether c is live is Admits' question.
func (v *VoteState) covers(c *Contribution) bool {
	return c != nil && v.takesIn(c.Prompt, c.Kind) && (!v.Highlighted || v.fixed[c.ID])
}

// takesIn reports whether the vote's kinds and prompt take in
// contributions of a kind at a prompt: all of covers for a vote that is
// not over the highlighted ones. The fold's counts (counts.go) ask it by
// prompt and kind, so that they agree with VisibleTo without a walk.
func (v *VoteState) takesIn(ref PromptRef, k Kind) bool {
	return (len(v.Kinds) == 0 || slices.Contains(v.Kinds, k)) && (v.Prompt == "" || v.Prompt == ref)
}

// Admits reports whether the contribution can take dots in this vote: it
// is live and the vote's limits take it in (its kinds, its prompt, the
// highlighted ones).
func (v *VoteState) Admits(c *Contribution) bool {
	return c != nil && c.Live() && v.covers(c)
}

// Candidates are the contributions on the vote's ballot now, in the order
// they were added: the one list a participant's ballot, a scribe's ballot
// for a table and the facilitator's preview all show. Everyone sees the
// same ballot, whatever the workshop's settings (see Workshop.VisibleTo).
func (v *VoteState) Candidates() []*Contribution {
	from := v.w.Contributions
	if v.Prompt != "" {
		from = v.w.answers[v.Prompt]
	}
	var out []*Contribution
	for _, c := range from {
		if v.Admits(c) {
			out = append(out, c)
		}
	}
	return out
}

// PreviewBallot is what the ballot of a vote with these limits would hold
// if it opened now: for the facilitator's form, before the vote exists.
func (w *Workshop) PreviewBallot(v Vote) []*Contribution {
	preview := &VoteState{Vote: v, w: w}
	if v.Highlighted {
		preview.fixed = w.highlightedFor(preview)
	}
	return preview.Candidates()
}

// checkVoteLimits checks a new vote's prompt and highlighted limits: the
// prompt must exist and ask for one of the vote's kinds, and a vote over
// the highlighted contributions must have something on its ballot, since
// its ballot is fixed when it opens.
func (w *Workshop) checkVoteLimits(d *Vote) error {
	if d.Prompt != "" {
		prompt, ok := w.prompt(d.Prompt)
		if !ok {
			return fmt.Errorf("prompt %q to vote on: %w", d.Prompt, ErrNotFound)
		}
		asked := len(d.Kinds) == 0
		for _, k := range d.Kinds {
			asked = asked || prompt.Allows(k)
		}
		if !asked {
			return fmt.Errorf("%w: prompt %s asks for none of the kinds the vote is over", ErrInvalid, d.Prompt)
		}
	}
	if d.Highlighted && len(w.highlightedFor(&VoteState{Vote: *d, w: w})) == 0 {
		return fmt.Errorf("%w: nothing the vote is over is highlighted, so its ballot would be empty: highlight some first", ErrInvalid)
	}
	return nil
}

// highlightedFor is the fixed ballot of a vote over the highlighted
// contributions: those live and highlighted now that its other limits
// take in.
func (w *Workshop) highlightedFor(v *VoteState) map[string]bool {
	open := *v
	open.Highlighted = false
	fixed := map[string]bool{}
	for _, c := range w.Contributions {
		if c.Highlighted && open.Admits(c) {
			fixed[c.ID] = true
		}
	}
	return fixed
}

// rank numbers results already in order, most dots first, in standard
// competition ranking: equal dots share a rank.
func rank(results []VoteResult) {
	for i := range results {
		if i > 0 && results[i].Dots == results[i-1].Dots {
			results[i].Rank = results[i-1].Rank
		} else {
			results[i].Rank = i + 1
		}
	}
}

// Turnout says how many of those who can vote in a vote have placed dots.
//
// Only participants who can still act count: not those who withdrew or
// were erased (their dots went with them), nor anyone who joined after the
// vote closed. A scribed participant (a table, or a person without a
// terminal) votes through a scribe or facilitator who places its dots, and
// counts once, as itself, however many people sit at the table: tables
// are counted apart from people with a terminal, so "x of N voted" counts
// people who could press a key, and a table's dots never pass for a
// person's.
type Turnout struct {
	// Voted of Voters participants with a terminal have dots placed.
	Voted, Voters int
	// TablesVoted of Tables scribed participants have dots placed.
	TablesVoted, Tables int
}

// Turnout counts who can vote in the vote and who has.
func (v *VoteState) Turnout() Turnout {
	var t Turnout
	for _, p := range v.w.Participants {
		if p.Left() || p.Merged() || (!v.ClosedAt.IsZero() && p.JoinedAt.After(v.ClosedAt)) {
			continue
		}
		_, voted := v.Ballots[p.ID]
		if p.Scribed {
			t.Tables++
			if voted {
				t.TablesVoted++
			}
			continue
		}
		t.Voters++
		if voted {
			t.Voted++
		}
	}
	return t
}

// String is the turnout as a screen's line says it: "4 of 58 voted", and
// when there are tables, "4 of 58 voted · 1 of 2 tables".
func (t Turnout) String() string {
	s := fmt.Sprintf("%d of %d voted", t.Voted, t.Voters)
	if t.Tables > 0 {
		s += fmt.Sprintf(" · %d of %s", t.TablesVoted, Plural(t.Tables, "table", "tables"))
	}
	return s
}
