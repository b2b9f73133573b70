package inquiry

import (
	"fmt"
	"maps"
	"slices"
)

// Copy returns a workshop with the same state that shares nothing it
// could change with w: the fold of a second reader. It shares what never
// changes: strings, the guide and the contributions (share.go). It
// copies what a snapshot writes and rebuilds the rest as a restore does.
func (w *Workshop) Copy() *Workshop {
	c := &Workshop{
		ID: w.ID, Title: w.Title, Code: w.Code, Pacing: w.Pacing, Guide: w.Guide,
		Open: w.Open, OpenedAt: w.OpenedAt, ClosedAt: w.ClosedAt,
		Current: w.Current, Settings: w.Settings, Revealed: maps.Clone(w.Revealed), Lobby: w.Lobby,
		Head: w.Head, HeadHash: w.HeadHash, timeboxEnded: w.timeboxEnded,
		clock: w.clock, team: teamIndex{members: slices.Clone(w.team.members)},
		standing: w.standing.copy(), reissues: slices.Clone(w.reissues), display: w.display,
	}
	for _, t := range w.AddedThemes {
		c.AddedThemes = append(c.AddedThemes, t.clone())
	}
	c.Participants = make([]*Participant, len(w.Participants))
	for i, p := range w.Participants {
		cp := *p
		c.Participants[i] = &cp
	}
	// The contributions themselves are shared: a fold never changes one
	// in place (share.go).
	c.Contributions = slices.Clone(w.Contributions)
	for _, v := range w.Votes {
		cv := *v
		cv.Kinds = slices.Clone(v.Kinds)
		cv.Ballots = make(map[string]map[string]int, len(v.Ballots))
		for who, dots := range v.Ballots {
			cv.Ballots[who] = maps.Clone(dots)
		}
		cv.fixed, cv.cast = maps.Clone(v.fixed), maps.Clone(v.cast)
		c.Votes = append(c.Votes, &cv)
	}
	if w.agreements != nil {
		c.agreements = make(map[string][]string, len(w.agreements))
		for id, who := range w.agreements {
			c.agreements[id] = slices.Clone(who)
		}
	}
	links := foldLinks{}
	if w.standing.waiting != nil {
		links.waiting = participantIDs(w.standing.waiting)
	}
	if w.duplicates != nil {
		links.duplicates = make(map[string][]string, len(w.duplicates))
		for id, dups := range w.duplicates {
			links.duplicates[id] = contributionIDs(dups)
		}
	}
	if w.Head == 0 {
		return c
	}
	if len(c.Participants) == 0 {
		c.Participants = nil
	}
	if len(c.Contributions) == 0 {
		c.Contributions = nil
	}
	if err := c.reindex(links); err != nil {
		// A fold's own links always point into it.
		panic(fmt.Sprintf("inquiry: copy of workshop %s: %v", w.ID, err))
	}
	return c
}

// copy is standing with its own maps and lists; the waiting list is
// pointed at the copy's participants by reindex.
func (s *standing) copy() standing {
	c := *s
	c.waiting = nil
	c.joined, c.opened = maps.Clone(s.joined), maps.Clone(s.opened)
	c.names = nameIndex{shown: maps.Clone(s.names.shown), next: maps.Clone(s.names.next), numbered: maps.Clone(s.names.numbered)}
	c.shown, c.typed, c.authored = maps.Clone(s.shown), maps.Clone(s.typed), maps.Clone(s.authored)
	c.identities = nil
	return c
}

// reindex rebuilds what a snapshot leaves out, as the fold would have
// built it: the indexes, the taxonomy, the running tally and counts, the
// people merged away, the blocked identities and the team by ID, and it
// points links at the fold's own participants and contributions. It fails
// on a link to someone or something the fold does not hold.
func (w *Workshop) reindex(links foldLinks) error {
	w.indexGuide()
	w.participants = make(map[string]*Participant, len(w.Participants))
	w.contributions = make(map[string]*Contribution, len(w.Contributions))
	for _, t := range w.AddedThemes {
		w.addTheme(t)
	}
	for _, p := range w.Participants {
		w.participants[p.ID] = p
		if p.Merged() {
			w.merged++
		}
	}
	for _, c := range w.Contributions {
		w.contributions[c.ID] = c
		w.authored[c.Participant] = append(w.authored[c.Participant], c)
		w.answers[c.Prompt] = append(w.answers[c.Prompt], c)
		w.noteBuildsOn(c)
		w.indexReframe(c)
		w.count(c, 1)
	}
	for _, v := range w.Votes {
		v.w = w
		w.votes[v.ID] = v
	}
	for i, m := range w.team.members {
		if w.team.byID == nil {
			w.team.byID = map[string]int{}
		}
		w.team.byID[m.ID] = i
	}
	s := &w.standing
	if s.joined != nil {
		s.identities = map[string]bool{}
		for _, p := range w.Participants {
			if p.Blocked && p.Identity != "" {
				s.identities[p.Identity] = true
			}
		}
	}
	var err error
	if s.waiting, err = resolve(links.waiting, w.participants); err != nil {
		return fmt.Errorf("waiting: %w", err)
	}
	if links.duplicates != nil {
		w.duplicates = make(map[string][]*Contribution, len(links.duplicates))
		for id, ids := range links.duplicates {
			if w.duplicates[id], err = resolve(ids, w.contributions); err != nil {
				return fmt.Errorf("duplicates: %w", err)
			}
		}
	}
	return nil
}

// resolve turns IDs into what they name; nil stays nil.
func resolve[T any](ids []string, by map[string]T) ([]T, error) {
	if ids == nil {
		return nil, nil
	}
	out := make([]T, len(ids))
	for i, id := range ids {
		x, ok := by[id]
		if !ok {
			return nil, fmt.Errorf("%s: %w", id, ErrNotFound)
		}
		out[i] = x
	}
	return out, nil
}
