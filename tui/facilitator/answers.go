package facilitator

import "github.com/anchorage/anchorage/inquiry"

// roomIndex is what the room view knows beyond the workshop's state, kept
// up to date event by event so that a bell costs work in proportion to
// what it brought: who has answered each prompt, and each author's
// contributions (so a withdrawal touches only the leaver's), by ID.
//
// A participant has answered a prompt while a contribution of theirs to it
// stands: not deleted, withdrawn or erased. Hiding or merging one does not
// take the answer back — progress is about who has spoken, not about what
// is shown.
type roomIndex struct {
	byAuthor map[string][]string
	// standing holds the contributions counted in answers.
	standing map[string]bool
	// answers counts each participant's standing contributions per prompt;
	// a participant with none is not in the map.
	answers map[inquiry.PromptRef]map[string]int
	// active is how many participants have joined and not left (nor
	// been merged into another: they are one person).
	active int
	left   map[string]bool
}

// newRoomIndex indexes a workshop as it stands: from the shared fold
// alone, never from the log, which the store keeps only a tail of decoded.
func newRoomIndex(ws *inquiry.Workshop) *roomIndex {
	x := &roomIndex{
		byAuthor: map[string][]string{},
		standing: map[string]bool{},
		answers:  map[inquiry.PromptRef]map[string]int{},
		left:     map[string]bool{},
	}
	for _, p := range ws.Participants {
		x.joined(p)
	}
	for _, c := range ws.Contributions {
		x.byAuthor[c.Participant] = append(x.byAuthor[c.Participant], c.ID)
		x.recount(c)
	}
	return x
}

func (x *roomIndex) joined(p *inquiry.Participant) {
	if p.Left() || p.Merged() {
		x.left[p.ID] = true
		return
	}
	x.active++
}

// note takes in one event the workshop has just folded and returns the
// contributions it changed, for the feed to look at again.
func (x *roomIndex) note(ws *inquiry.Workshop, e inquiry.Event) []*inquiry.Contribution {
	var touched []*inquiry.Contribution
	switch e.Type {
	case inquiry.ParticipantJoined:
		if p, ok := ws.Participant(e.Participant.ID); ok {
			x.joined(p)
		}
	case inquiry.ContributionAdded:
		if c, ok := ws.Contribution(e.Contribution.ID); ok {
			x.byAuthor[c.Participant] = append(x.byAuthor[c.Participant], c.ID)
			touched = append(touched, c)
		}
	case inquiry.ContributionEdited:
		if c, ok := ws.Contribution(e.Contribution.ID); ok {
			touched = append(touched, c)
		}
	case inquiry.ContributionDeleted, inquiry.ThemesChanged, inquiry.ContributionMerged, inquiry.ContributionUnmerged,
		inquiry.ContributionHighlighted, inquiry.ContributionHidden, inquiry.ContributionUnhidden:
		if c, ok := ws.Contribution(e.Target); ok {
			touched = append(touched, c)
		}
	case inquiry.ParticipantWithdrawn, inquiry.ParticipantErased, inquiry.ParticipantBlocked:
		x.leave(e.Target)
		touched = x.authoredBy(ws, e.Target)
	case inquiry.ParticipantsMerged:
		// One person now: the one merged away's words are the other's.
		from, into := e.Merge.From, e.Merge.Into
		touched = x.authoredBy(ws, from)
		for _, c := range touched {
			x.moveAnswer(c, from)
		}
		x.leave(from)
		x.byAuthor[into] = append(x.byAuthor[into], x.byAuthor[from]...)
		delete(x.byAuthor, from)
	}
	for _, c := range touched {
		x.recount(c)
	}
	return touched
}

// moveAnswer counts a standing contribution that was from's as the
// answer of its author now.
func (x *roomIndex) moveAnswer(c *inquiry.Contribution, from string) {
	if !x.standing[c.ID] || from == c.Participant {
		return
	}
	by := x.answers[c.Prompt]
	if by[from]--; by[from] <= 0 {
		delete(by, from)
	}
	by[c.Participant]++
}

// leave stops counting a participant among those taking part.
func (x *roomIndex) leave(id string) {
	if !x.left[id] {
		x.left[id] = true
		x.active--
	}
}

// authoredBy are the contributions a participant made, as the index knows
// them.
func (x *roomIndex) authoredBy(ws *inquiry.Workshop, id string) []*inquiry.Contribution {
	var out []*inquiry.Contribution
	for _, cid := range x.byAuthor[id] {
		if c, ok := ws.Contribution(cid); ok {
			out = append(out, c)
		}
	}
	return out
}

// recount counts c as an answer, or stops counting it.
func (x *roomIndex) recount(c *inquiry.Contribution) {
	stands := !c.Deleted && !c.Withdrawn && !c.Erased
	if stands == x.standing[c.ID] {
		return
	}
	by := x.answers[c.Prompt]
	if by == nil {
		by = map[string]int{}
		x.answers[c.Prompt] = by
	}
	if stands {
		x.standing[c.ID] = true
		by[c.Participant]++
		return
	}
	delete(x.standing, c.ID)
	if by[c.Participant]--; by[c.Participant] <= 0 {
		delete(by, c.Participant)
	}
}

// answered reports whether a participant has answered a prompt.
func (x *roomIndex) answered(prompt inquiry.PromptRef, participant string) bool {
	return x.answers[prompt][participant] > 0
}

// progress is how many participants have answered a prompt, of those who
// are still taking part.
func (x *roomIndex) progress(prompt inquiry.PromptRef) (answered, of int) {
	return len(x.answers[prompt]), x.active
}
