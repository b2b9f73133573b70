package inquiry

import (
	"fmt"
	"slices"
)

// Agreement as data: a participant can agree with another's contribution
// without writing anything ("+1"), and take the agreement back. Each
// agreement is an event, so the transcript says who agreed with what, and
// the count on the original is one a reader can check.
const (
	// ContributionAgreed records a participant agreeing with a
	// contribution (Target), by that participant, or for a scribed
	// participant by a scribe or facilitator (Agreement).
	ContributionAgreed EventType = "contribution.agreed"
	// AgreementWithdrawn takes an agreement back (Target, Agreement).
	AgreementWithdrawn EventType = "contribution.agreement_withdrawn"
)

// Agreement is who agrees with the contribution an event targets.
type Agreement struct {
	Participant string `json:"participant"`
}

func (w *Workshop) checkAgreement(e Event) error {
	d := e.Agreement
	if d == nil || d.Participant == "" {
		return fmt.Errorf("%w: %s without the participant who agrees", ErrInvalid, e.Type)
	}
	if err := w.actsFor(e.Actor, d.Participant); err != nil {
		return err
	}
	c, ok := w.contributions[e.Target]
	if !ok {
		return fmt.Errorf("contribution %s: %w", e.Target, ErrNotFound)
	}
	agreed := w.Agreed(d.Participant, c.ID)
	if e.Type == AgreementWithdrawn {
		if !agreed {
			return ErrDuplicate
		}
		if !w.Open {
			return ErrClosed
		}
		return nil
	}
	// Like building on, agreeing needs a live contribution the participant
	// can see; a scribe sees the whole room for the table they write for.
	if !c.Live() || (e.Actor.Role == RoleParticipant && !w.VisibleTo(d.Participant, c)) {
		return fmt.Errorf("contribution %s to agree with: %w", c.ID, ErrNotFound)
	}
	if c.Participant == d.Participant {
		return fmt.Errorf("%w: agreeing is with someone else's contribution, not one's own", ErrInvalid)
	}
	if agreed {
		return ErrDuplicate
	}
	if !w.Open {
		return ErrClosed
	}
	return nil
}

func (w *Workshop) foldAgreement(e Event) {
	if w.agreements == nil {
		w.agreements = map[string][]string{}
	}
	who := e.Agreement.Participant
	if e.Type == ContributionAgreed {
		w.agreements[e.Target] = append(w.agreements[e.Target], who)
		return
	}
	w.agreements[e.Target] = slices.DeleteFunc(slices.Clone(w.agreements[e.Target]), func(p string) bool { return p == who })
}

// Agreed reports whether the participant agrees with the contribution
// itself: what a screen's +1 key turns on or off.
func (w *Workshop) Agreed(participant, id string) bool {
	return slices.Contains(w.agreements[id], participant)
}

// Agreements are the participants who agree with a contribution, in the
// order they agreed: with it, or with a duplicate since merged into it
// (each person once, as dots on a duplicate count for the original).
// Agreements of participants who withdrew or were erased went with them.
func (w *Workshop) Agreements(id string) []string {
	var out []string
	seen := map[string]bool{}
	var collect func(id string)
	collect = func(id string) {
		for _, p := range w.agreements[id] {
			if who, ok := w.participants[p]; ok && !who.Left() && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
		for _, dup := range w.duplicates[id] {
			collect(dup.ID)
		}
	}
	collect(id)
	return out
}

// BuiltOn are the contributions that build on the one given, in the order
// they were added, gone ones included: check Live or VisibleTo before
// showing them. The slice is the workshop's own: read it, do not change it.
func (w *Workshop) BuiltOn(id string) []*Contribution {
	return w.builtOn[id]
}

// noteBuildsOn indexes a new contribution under the one it builds on.
func (w *Workshop) noteBuildsOn(c *Contribution) {
	if c.BuildsOn == "" {
		return
	}
	if w.builtOn == nil {
		w.builtOn = map[string][]*Contribution{}
	}
	w.builtOn[c.BuildsOn] = append(w.builtOn[c.BuildsOn], c)
}

// noteMerge indexes a duplicate under the contribution it was merged into,
// or takes it out when the merge is undone (into is then "").
func (w *Workshop) noteMerge(dup *Contribution, into string) {
	if w.duplicates == nil {
		w.duplicates = map[string][]*Contribution{}
	}
	if old := dup.MergedInto; old != "" {
		w.duplicates[old] = slices.DeleteFunc(slices.Clone(w.duplicates[old]), func(c *Contribution) bool { return c == dup })
	}
	if into != "" {
		w.duplicates[into] = append(w.duplicates[into], dup)
	}
}
