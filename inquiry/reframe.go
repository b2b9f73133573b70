package inquiry

import (
	"fmt"
	"slices"
)

// Reframe is the kind of a contribution that answers a barrier with what
// would need to be true for it not to be in the way (the prompt's
// Reframe question). It names its barrier (ContributionDetails.Answers),
// answers the same prompt, and is counted as a reframe, never as a
// barrier.
//
// It is not one of Kinds: no prompt asks for it and nobody picks it from
// a list; a person writes one by answering a barrier. A vote over any
// kind, or one naming reframes, takes dots for reframes as reframes; a
// vote over barriers does not: a way through is not an obstacle, and the
// room's priorities among obstacles should not be mixed with them.
const Reframe Kind = "reframe"

// AllKinds is every kind a contribution can have, in the order tallies and
// reports count them: Kinds, then Reframe.
var AllKinds = append(slices.Clip(Kinds), Reframe)

// Known reports whether k is one of AllKinds: a kind a contribution can
// have, or a vote can be over.
func (k Kind) Known() bool { return slices.Contains(AllKinds, k) }

// Reframes returns the contributions that answer a barrier, in the order
// they were added, gone ones included: check Live or VisibleTo before
// showing them. The slice is the workshop's own: read it, do not change it.
func (w *Workshop) Reframes(barrierID string) []*Contribution {
	return w.reframes[barrierID]
}

// LiveReframes returns the live contributions answering a barrier, in
// the order they were added: what the room and a report show under it.
func (w *Workshop) LiveReframes(barrierID string) []*Contribution {
	var out []*Contribution
	for _, r := range w.reframes[barrierID] {
		if r.Live() {
			out = append(out, r)
		}
	}
	return out
}

// ReframedBarrier is the barrier a report quotes a reframe under: the one
// it answers, or the one that barrier was merged into as a duplicate.
// false when that barrier is not live (hidden, or taken back): the reframe
// is then quoted on its own, so that no way through is left out.
func (w *Workshop) ReframedBarrier(r *Contribution) (*Contribution, bool) {
	if r.Kind != Reframe {
		return nil, false
	}
	b := w.mergedRoot(r.Answers)
	if b == nil || !b.Live() {
		return nil, false
	}
	return b, true
}

// indexReframe records a new contribution that answers a barrier.
func (w *Workshop) indexReframe(c *Contribution) {
	if c.Answers == "" {
		return
	}
	if w.reframes == nil {
		w.reframes = map[string][]*Contribution{}
	}
	w.reframes[c.Answers] = append(w.reframes[c.Answers], c)
}

// checkAnswers checks what a new contribution answers: a reframe names a
// barrier at the same prompt that its author can see and that has not
// been taken back; any other kind names none.
func (w *Workshop) checkAnswers(by Actor, d *ContributionDetails) error {
	switch {
	case d.Kind == Reframe && d.Answers == "":
		return fmt.Errorf("%w: a reframe answers a barrier: say which", ErrInvalid)
	case d.Kind != Reframe && d.Answers != "":
		return fmt.Errorf("%w: only a reframe answers a barrier, not a contribution of kind %q", ErrInvalid, d.Kind)
	case d.Answers == "":
		return nil
	}
	b, ok := w.contributions[d.Answers]
	if !ok || b.gone() || (by.Role == RoleParticipant && !w.VisibleTo(d.Participant, b)) {
		return fmt.Errorf("barrier %s to reframe: %w", d.Answers, ErrNotFound)
	}
	if b.Kind != Barrier {
		return fmt.Errorf("%w: contribution %s is %s, not a barrier: only a barrier is reframed", ErrInvalid, d.Answers, aKind(b.Kind))
	}
	if b.Prompt != d.Prompt {
		return fmt.Errorf("%w: a reframe answers its barrier at the barrier's prompt, %s", ErrInvalid, b.Prompt)
	}
	return nil
}

// ErrReframedBarrier means an edit would make a barrier that others have
// reframed something else: its reframes would then answer no barrier. Its
// author meets it, so screens say it in their words.
var ErrReframedBarrier = fmt.Errorf("%w: the barrier has reframes answering it, so it stays a barrier", ErrConflict)

// checkKindChange refuses an edit that would make a barrier with reframes
// something else.
func (w *Workshop) checkKindChange(c *Contribution, kind Kind) error {
	if c.Kind != Barrier || kind == Barrier {
		return nil
	}
	for _, r := range w.reframes[c.ID] {
		if !r.gone() {
			return fmt.Errorf("barrier %s: %w", c.ID, ErrReframedBarrier)
		}
	}
	return nil
}

// allows reports whether a prompt takes contributions of kind k: a reframe
// goes wherever its barrier could (checkAnswers holds it to its
// barrier's prompt), any other kind where the prompt asks for it.
func (p Prompt) allows(k Kind) bool {
	if k == Reframe {
		return p.Allows(Barrier)
	}
	return p.Allows(k)
}
