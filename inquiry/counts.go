package inquiry

import "slices"

// promptCounts keeps, as contributions are folded, how many each prompt
// holds and how many of them each person wrote, so that a screen can say
// "Others here: 14" and "Yours: 2 here, 5 in all" at a prompt of 30,000
// without walking its contributions. It is kept by count (tally.go), which
// takes a contribution out as it was and counts it again as it is on every
// change, so every change reaches it.
//
// An entry is made the first time a prompt, or a person at a prompt, is
// counted and is kept at zero after: a fold restored from a snapshot
// counts every contribution once and must come out the same as one that
// counted them as they arrived.
type promptCounts struct {
	// live is each prompt's live contributions, by kind.
	live map[PromptRef]*[numKinds]int
	// by is each author's.
	by map[string]*authorCounts
}

// authorCounts is one person's contributions.
type authorCounts struct {
	// live is their live contributions at each prompt, by kind.
	live map[PromptRef]*[numKinds]int
	// kept is their contributions at each prompt that are not deleted,
	// withdrawn or erased (hidden and merged ones are still theirs), and
	// keptAll those over every prompt.
	kept    map[PromptRef]int
	keptAll int
}

func (p *promptCounts) count(c *Contribution, sign int) {
	if p.live == nil {
		p.live, p.by = map[PromptRef]*[numKinds]int{}, map[string]*authorCounts{}
	}
	a := p.by[c.Participant]
	if a == nil {
		a = &authorCounts{live: map[PromptRef]*[numKinds]int{}, kept: map[PromptRef]int{}}
		p.by[c.Participant] = a
	}
	all, mine := byKindAt(p.live, c.Prompt), byKindAt(a.live, c.Prompt)
	if _, ok := a.kept[c.Prompt]; !ok {
		a.kept[c.Prompt] = 0
	}
	if !c.gone() {
		a.kept[c.Prompt] += sign
		a.keptAll += sign
	}
	if k := slices.Index(AllKinds, c.Kind); k >= 0 && c.Live() {
		all[k] += sign
		mine[k] += sign
	}
}

// forget drops the counts of a participant merged into another: their
// contributions are counted as the other's now, and a fold restored from
// a snapshot never counts them as theirs.
func (p *promptCounts) forget(participant string) {
	delete(p.by, participant)
}

// byKindAt returns a prompt's counts by kind, making them if need be.
func byKindAt(m map[PromptRef]*[numKinds]int, ref PromptRef) *[numKinds]int {
	n := m[ref]
	if n == nil {
		n = &[numKinds]int{}
		m[ref] = n
	}
	return n
}

// OthersCount is how many contributions at a prompt a participant sees
// that are not their own (see VisibleTo): the "Others here: N" of their
// screen. It costs a few lookups however many the prompt holds: the
// settings and the votes not over the highlighted contributions decide by
// prompt and kind, and the votes over the highlighted ones add their
// fixed ballots one contribution at a time (a handful each).
func (w *Workshop) OthersCount(ref PromptRef, participant string) int {
	all := w.seen.live[ref]
	if all == nil {
		return 0
	}
	var mine *[numKinds]int
	if a := w.seen.by[participant]; a != nil {
		mine = a.live[ref]
	}
	shown := w.promptShown(ref)
	n := 0
	for k, kind := range AllKinds {
		if !shown && !w.kindOnBallot(ref, kind) {
			continue
		}
		n += all[k]
		if mine != nil {
			n -= mine[k]
		}
	}
	if shown {
		return n
	}
	var counted map[string]bool
	for _, v := range w.Votes {
		if !v.Highlighted {
			continue
		}
		for id := range v.fixed {
			c := w.contributions[id]
			if c.Prompt != ref || c.Participant == participant || !v.Admits(c) || w.kindOnBallot(ref, c.Kind) || counted[id] {
				continue
			}
			if counted == nil {
				counted = map[string]bool{}
			}
			counted[id] = true
			n++
		}
	}
	return n
}

// kindOnBallot reports whether a vote not over the highlighted
// contributions, open or closed, takes in contributions of a kind at a
// prompt: VisibleTo's onBallot for every contribution of that kind there.
func (w *Workshop) kindOnBallot(ref PromptRef, k Kind) bool {
	for _, v := range w.Votes {
		if !v.Highlighted && v.takesIn(ref, k) {
			return true
		}
	}
	return false
}

// OwnCount is how many contributions a participant has at a prompt and
// in all that are not deleted, withdrawn or erased (hidden ones are still
// theirs): the "Yours: 2 here, 5 in all" of their screen.
func (w *Workshop) OwnCount(participant string, ref PromptRef) (here, all int) {
	a := w.seen.by[participant]
	if a == nil {
		return 0, 0
	}
	return a.kept[ref], a.keptAll
}

// LatestOwn is the participant's most recent contribution at a prompt
// that is not deleted, withdrawn or erased, or nil. It looks back through
// their own contributions only, from the newest.
func (w *Workshop) LatestOwn(participant string, ref PromptRef) *Contribution {
	mine := w.authored[participant]
	for i := len(mine) - 1; i >= 0; i-- {
		if c := mine[i]; c.Prompt == ref && !c.gone() {
			return c
		}
	}
	return nil
}

// OthersPage is one page of what OthersCount counts, newest first: the
// contributions at a prompt a participant sees that are not their own,
// skipping offset of them and returning at most limit. It looks at the
// prompt's contributions from the newest until the page is full, so the
// first pages cost what they hold, not what the prompt holds.
//
// The contributions are the workshop's own: a reader of a shared fold
// copies what it shows before its read ends, and changes nothing.
func (w *Workshop) OthersPage(ref PromptRef, participant string, offset, limit int) []*Contribution {
	if limit <= 0 || offset < 0 {
		return nil
	}
	answers := w.answers[ref]
	page := make([]*Contribution, 0, min(limit, len(answers)))
	for i := len(answers) - 1; i >= 0 && len(page) < limit; i-- {
		c := answers[i]
		if c.Participant == participant || !w.VisibleTo(participant, c) {
			continue
		}
		if offset > 0 {
			offset--
			continue
		}
		page = append(page, c)
	}
	return page
}
