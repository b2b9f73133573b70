package inquiry

import (
	"fmt"
	"time"
)

// The rules and the fold for finding the way back for someone who lost
// it: a facilitator issuing a new resume code, and a facilitator merging
// two participants who are one person (someone who lost their code and
// joined again). Both are facilitators' acts, recorded with who did them.
const (
	// ResumeCodeReissued retires a participant's resume code and gives
	// them a new one (Target: the participant). The codes themselves are
	// never in the log: the store derives them from the log and a secret,
	// and this event moves the participant on to their next one.
	ResumeCodeReissued EventType = "participant.resume_reissued"
	// ParticipantsMerged records that two participants are one person
	// (Merge): everything From did becomes Into's (contributions,
	// including withdrawn ones, and dots), From's key and resume code
	// lead to Into from then on, and the workshop counts one person.
	ParticipantsMerged EventType = "participants.merged"
)

// PeopleMerge names the participant merged away (From) and the one kept
// (Into).
type PeopleMerge struct {
	From string `json:"from"`
	Into string `json:"into"`
}

// Merged reports whether the participant was merged into another: they
// no longer act, and their key and resume code lead to the one kept.
func (p *Participant) Merged() bool { return p.MergedInto != "" }

// Keyless reports whether the participant joined at a terminal without an
// SSH key: they come back only with their resume code, which is what a
// facilitator shows or issues again when they lose it.
func (p *Participant) Keyless() bool { return p.Identity == "" && !p.Scribed }

// Namesakes returns the other participants, still taking part, who gave
// the same name as id (ignoring case and spaces at either end), in the
// order they joined: the likely second entries of someone who lost their
// way back, for a facilitator to merge.
func (w *Workshop) Namesakes(id string) []*Participant {
	p, ok := w.participants[id]
	if !ok || p.Name == "" {
		return nil
	}
	name := w.typedSkeleton(p)
	var out []*Participant
	for _, q := range w.Participants {
		if q.ID != id && !q.Merged() && !q.Left() && q.Scribed == p.Scribed && w.typedSkeleton(q) == name {
			out = append(out, q)
		}
	}
	return out
}

// typedSkeleton is what the name a participant typed looks like: the
// second Bram is shown as "Bram (2)", and is still a namesake of the first.
func (w *Workshop) typedSkeleton(p *Participant) string {
	if typed, ok := w.standing.typed[p.ID]; ok && typed != "" {
		return Skeleton(typed)
	}
	return Skeleton(p.Name)
}

// Kept returns the participant an ID stands for now: the one it was merged
// into, through every merge, or itself. An unknown ID is returned as it is.
func (w *Workshop) Kept(id string) string {
	for {
		p, ok := w.participants[id]
		if !ok || p.MergedInto == "" {
			return id
		}
		id = p.MergedInto
	}
}

// MergedFrom returns the IDs of the participants merged into id, directly
// or through others merged into them, in the order they joined.
func (w *Workshop) MergedFrom(id string) []string {
	var out []string
	for _, p := range w.Participants {
		if p.MergedInto != "" && p.ID != id && w.Kept(p.ID) == id {
			out = append(out, p.ID)
		}
	}
	return out
}

// People are the participants who count as people: everyone who joined,
// in the order they joined, except those merged into another.
func (w *Workshop) People() []*Participant {
	if w.merged == 0 {
		return w.Participants
	}
	out := make([]*Participant, 0, len(w.Participants)-w.merged)
	for _, p := range w.Participants {
		if !p.Merged() {
			out = append(out, p)
		}
	}
	return out
}

// ByIdentity returns the participant a returning key is recognised as: the
// one who joined with it, or the one they were merged into.
func (w *Workshop) ByIdentity(identity string) (*Participant, bool) {
	if identity == "" {
		return nil, false
	}
	for _, p := range w.Participants {
		if p.Identity == identity {
			kept, ok := w.participants[w.Kept(p.ID)]
			return kept, ok
		}
	}
	return nil, false
}

// checkNotMerged refuses acts by or for a participant merged into another.
func (w *Workshop) checkNotMerged(p *Participant) error {
	if p.Merged() {
		return fmt.Errorf("%w: participant %s was merged into %s, who carries on for them", ErrNotAllowed, p.ID, w.Kept(p.ID))
	}
	return nil
}

func (w *Workshop) checkPeopleMerge(e Event) error {
	if err := facilitates(e.Actor, "merge participants"); err != nil {
		return err
	}
	d := e.Merge
	switch {
	case d == nil || d.From == "" || d.Into == "":
		return fmt.Errorf("%w: %s without the two participants", ErrInvalid, e.Type)
	case d.From == d.Into:
		return fmt.Errorf("%w: a participant cannot be merged into themselves", ErrInvalid)
	}
	from, ok := w.participants[d.From]
	if !ok {
		return fmt.Errorf("participant %s: %w", d.From, ErrNotFound)
	}
	into, ok := w.participants[d.Into]
	if !ok {
		return fmt.Errorf("participant %s: %w", d.Into, ErrNotFound)
	}
	switch {
	case from.MergedInto == into.ID:
		return ErrDuplicate
	case from.Merged():
		return fmt.Errorf("%w: participant %s is already merged into %s", ErrConflict, from.ID, from.MergedInto)
	case into.Merged():
		return fmt.Errorf("%w: participant %s was merged into %s: merge into them", ErrInvalid, into.ID, w.Kept(into.ID))
	case from.Erased || into.Erased:
		return fmt.Errorf("%w: a participant erased at their request cannot be merged", ErrNotAllowed)
	case into.Withdrawn && from.Withdrawn:
		return fmt.Errorf("%w: both withdrew: there is nothing to bring together", ErrNotAllowed)
	case into.Withdrawn:
		// Merging into someone who withdrew would withdraw the other's
		// words too: the other way round keeps them.
		return fmt.Errorf("%w: participant %s withdrew: merge them into %s instead", ErrNotAllowed, into.ID, from.ID)
	case from.Scribed != into.Scribed:
		return fmt.Errorf("%w: a table or person without a terminal is merged only with another, and someone with a terminal only with someone with one", ErrNotAllowed)
	}
	return nil
}

func (w *Workshop) checkReissue(e Event) error {
	if err := facilitates(e.Actor, "issue a new resume code"); err != nil {
		return err
	}
	p, ok := w.participants[e.Target]
	switch {
	case !ok:
		return fmt.Errorf("participant %s: %w", e.Target, ErrNotFound)
	case p.Scribed:
		return fmt.Errorf("%w: %s has no terminal, so no resume code", ErrInvalid, p.ID)
	case p.Left():
		return fmt.Errorf("%w: participant %s has left the workshop", ErrNotAllowed, p.ID)
	}
	return w.checkNotMerged(p)
}

// foldPeople folds a reissued resume code or a merge of two participants.
func (w *Workshop) foldPeople(e Event) {
	if e.Type == ResumeCodeReissued {
		w.participants[e.Target].CodeReissuedAt = e.At
		w.noteReissue(e)
		return
	}
	from, into := w.participants[e.Merge.From], w.participants[e.Merge.Into]
	from.MergedInto, from.MergedAt = into.ID, e.At
	moved := w.authored[from.ID]
	for _, c := range moved {
		// Counted again as the kept participant's (counts.go).
		w.update(c, func(c *Contribution) { c.Participant = into.ID })
	}
	if len(moved) > 0 {
		// Only someone with contributions has an entry, as a fold
		// restored from a snapshot indexes them.
		w.authored[into.ID] = mergeBySeq(w.authored[into.ID], moved)
		delete(w.authored, from.ID)
	}
	w.seen.forget(from.ID)
	for _, v := range w.Votes {
		v.moveBallot(from.ID, into.ID)
	}
	w.merged++
}

// eraseMerged forgets the names of everyone merged into an erased
// participant: they were the same person.
func (w *Workshop) eraseMerged(p *Participant, at time.Time) {
	for _, id := range w.MergedFrom(p.ID) {
		alias := w.participants[id]
		alias.Name, alias.Erased, alias.ErasedAt = "", true, at
	}
}

// mergeBySeq joins two lists of contributions, each in the order added,
// into one in that order.
func mergeBySeq(a, b []*Contribution) []*Contribution {
	out := make([]*Contribution, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].Seq < b[0].Seq {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// noteCast records when a participant last cast a ballot in the vote.
func (v *VoteState) noteCast(participant string, seq uint64) {
	if v.cast == nil {
		v.cast = map[string]uint64{}
	}
	v.cast[participant] = seq
}

// moveBallot gives a merged-away participant's ballot to the one kept. If
// both voted, the later ballot stands: it is the person's latest choice,
// and it is within the vote's dots, as every ballot is.
func (v *VoteState) moveBallot(from, into string) {
	b, ok := v.Ballots[from]
	if !ok {
		return
	}
	delete(v.Ballots, from)
	if _, both := v.Ballots[into]; both && v.cast[into] > v.cast[from] {
		return
	}
	v.Ballots[into] = b
	v.noteCast(into, v.cast[from])
}
