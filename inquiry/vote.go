package inquiry

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"
)

// MaxDots is the most dots a vote can give each participant.
const MaxDots = 100

// VoteState is a dot vote as its events have built it up.
type VoteState struct {
	Vote
	// Open is true from VoteOpened until VoteClosed or the workshop closes.
	Open     bool
	OpenedAt time.Time
	ClosedAt time.Time // zero while open
	// Ballots is each participant's current allocation: participant ID to
	// contribution ID to dots. Contributions given no dots are left out,
	// and so are participants who withdrew or were erased.
	Ballots map[string]map[string]int

	// fixed is the ballot of a vote over the highlighted contributions,
	// as it was when the vote opened; nil for any other vote.
	fixed map[string]bool
	w     *Workshop
	// cast is the sequence number of each participant's latest ballot.
	cast map[string]uint64
}

// VoteResult is the dots one contribution received, and its place.
type VoteResult struct {
	Contribution string
	Dots         int
	// Rank is its place in standard competition ranking: contributions
	// with equal dots share a rank, and the next rank skips as many
	// places as shared it ("1, 2, 2, 4").
	Rank int
}

// Voters is how many participants have dots placed.
func (v *VoteState) Voters() int { return len(v.Ballots) }

// Results are the contributions that received dots, most dots first, ties
// in the order the contributions were added, each with its rank: every
// screen and every export shows these ranks, so a tie reads the same
// everywhere. Dots placed on a duplicate count for the contribution it was
// merged into; dots on a contribution that is no longer live (deleted,
// withdrawn, hidden) do not count.
//
// Results are computed from the ballots each time: the work is the number
// of dots placed, not the size of the workshop.
func (v *VoteState) Results() []VoteResult {
	dots := map[*Contribution]int{}
	for _, ballot := range v.Ballots {
		for id, n := range ballot {
			placed, root := v.w.contributions[id], v.w.mergedRoot(id)
			if root != nil && root.Live() && (v.covers(placed) || v.covers(root)) {
				dots[root] += n
			}
		}
	}
	out := make([]VoteResult, 0, len(dots))
	for _, c := range slices.SortedFunc(maps.Keys(dots), func(a, b *Contribution) int {
		return cmp.Or(dots[b]-dots[a], cmp.Compare(a.Seq, b.Seq))
	}) {
		out = append(out, VoteResult{Contribution: c.ID, Dots: dots[c]})
	}
	rank(out)
	return out
}

// dotsReceived is the total each contribution received across every vote,
// as Results counts it, for exports.
func (w *Workshop) dotsReceived() map[string]int {
	total := map[string]int{}
	for _, v := range w.Votes {
		for _, r := range v.Results() {
			total[r.Contribution] += r.Dots
		}
	}
	return total
}

// mergedRoot follows a contribution's merges to the one that is shown.
// Merges never form a cycle (a contribution can only be merged into one
// that is not itself merged), so the walk ends.
func (w *Workshop) mergedRoot(id string) *Contribution {
	c := w.contributions[id]
	for c != nil && c.MergedInto != "" {
		c = w.contributions[c.MergedInto]
	}
	return c
}

// Vote returns the vote with the given ID.
func (w *Workshop) Vote(id string) (*VoteState, bool) {
	v, ok := w.votes[id]
	return v, ok
}

// OpenVote returns the vote that is open, or nil: a workshop has at most
// one open at a time.
func (w *Workshop) OpenVote() *VoteState {
	for _, v := range w.Votes {
		if v.Open {
			return v
		}
	}
	return nil
}

func (w *Workshop) checkVoteOpened(e Event) error {
	if err := facilitates(e.Actor, "open a vote"); err != nil {
		return err
	}
	d := e.Vote
	if d == nil || d.ID == "" {
		return fmt.Errorf("%w: %s without a vote ID", ErrInvalid, e.Type)
	}
	if v, ok := w.votes[d.ID]; ok {
		if v.Title == d.Title && v.Dots == d.Dots && slices.Equal(v.Kinds, d.Kinds) &&
			v.Prompt == d.Prompt && v.Highlighted == d.Highlighted {
			return ErrDuplicate
		}
		return fmt.Errorf("%w: vote %s already exists", ErrConflict, d.ID)
	}
	if !w.Open {
		return ErrClosed
	}
	if v := w.OpenVote(); v != nil {
		return fmt.Errorf("%w: vote %s is still open: close it first", ErrConflict, v.ID)
	}
	if CleanLine(d.ID) != d.ID || RuneCount(d.ID) > maxIDRunes {
		return fmt.Errorf("%w: a vote ID is one line of up to %d characters", ErrInvalid, maxIDRunes)
	}
	if d.Title == "" || CleanLine(d.Title) != d.Title || RuneCount(d.Title) > MaxTitleRunes {
		return fmt.Errorf("%w: a vote's title is one line of 1 to %d characters", ErrInvalid, MaxTitleRunes)
	}
	for i, k := range d.Kinds {
		if !k.Known() || slices.Contains(d.Kinds[:i], k) {
			return fmt.Errorf("%w: vote kinds must be known kinds, each given once", ErrInvalid)
		}
	}
	if d.Dots < 1 || d.Dots > MaxDots {
		return fmt.Errorf("%w: each participant has 1 to %d dots, not %d", ErrInvalid, MaxDots, d.Dots)
	}
	return w.checkVoteLimits(d)
}

func (w *Workshop) checkVoteCast(e Event) error {
	b := e.Ballot
	if b == nil {
		return fmt.Errorf("%w: %s without a ballot", ErrInvalid, e.Type)
	}
	v, ok := w.votes[b.Vote]
	if !ok {
		return fmt.Errorf("vote %s: %w", b.Vote, ErrNotFound)
	}
	if err := w.actsFor(e.Actor, b.Participant); err != nil {
		return err
	}
	placed := 0
	for id, n := range b.Dots {
		if n < 0 {
			return fmt.Errorf("%w: %s on %s: dots cannot be negative", ErrInvalid, Plural(n, "dot", "dots"), id)
		}
		placed += n
	}
	if maps.Equal(nonZero(b.Dots), v.Ballots[b.Participant]) {
		return ErrDuplicate
	}
	if !w.Open || !v.Open {
		return fmt.Errorf("vote %s: %w", v.ID, ErrClosed)
	}
	if placed > v.Dots {
		return fmt.Errorf("%w: %s placed, but each participant has %d", ErrInvalid, Plural(placed, "dot", "dots"), v.Dots)
	}
	for id, n := range b.Dots {
		if n == 0 {
			continue // a dot moved away: nothing to check
		}
		c, ok := w.contributions[id]
		if !ok || !c.Live() || !w.VisibleTo(b.Participant, c) {
			return fmt.Errorf("contribution %s: %w", id, ErrNotFound)
		}
		if !v.Admits(c) {
			return fmt.Errorf("%w: vote %s is not over contribution %s", ErrInvalid, v.ID, id)
		}
	}
	return nil
}

func (w *Workshop) checkVoteClosed(e Event) error {
	if err := facilitates(e.Actor, "close a vote"); err != nil {
		return err
	}
	v, ok := w.votes[e.Target]
	if !ok {
		return fmt.Errorf("vote %s: %w", e.Target, ErrNotFound)
	}
	if !v.Open {
		return ErrDuplicate
	}
	return nil
}

func (w *Workshop) foldVote(e Event) {
	switch e.Type {
	case VoteOpened:
		d := *e.Vote
		d.Kinds = slices.Clone(d.Kinds)
		v := &VoteState{Vote: d, Open: true, OpenedAt: e.At, Ballots: map[string]map[string]int{}, w: w}
		if d.Highlighted {
			v.fixed = w.highlightedFor(v)
		}
		w.Votes = append(w.Votes, v)
		w.votes[v.ID] = v
	case VoteCast:
		b := e.Ballot
		v := w.votes[b.Vote]
		v.noteCast(b.Participant, e.Seq)
		if dots := nonZero(b.Dots); len(dots) > 0 {
			v.Ballots[b.Participant] = dots
		} else {
			delete(v.Ballots, b.Participant)
		}
	case VoteClosed:
		v := w.votes[e.Target]
		v.Open, v.ClosedAt = false, e.At
	}
}

// nonZero is a ballot without the contributions given no dots, or nil if
// none has any.
func nonZero(dots map[string]int) map[string]int {
	var out map[string]int
	for id, n := range dots {
		if n != 0 {
			if out == nil {
				out = map[string]int{}
			}
			out[id] = n
		}
	}
	return out
}
