package data

import "github.com/anchorage/anchorage/inquiry"

// original finds the event that already recorded what e repeats in a
// workshop: among the events accepted earlier in this batch, then in the
// tail of the log, then (rarely: a retry is soon after what it repeats)
// in the log the database keeps.
func (c *committer) original(e inquiry.Event, workshopID string, batch []inquiry.Event) (orig inquiry.Event, inBatch, ok bool) {
	s := c.s
	s.mu.RLock()
	var tail []inquiry.Event
	var base uint64
	if l := s.logs[workshopID]; l != nil {
		tail, base = l.tail, l.base
	}
	s.mu.RUnlock()
	if orig, inBatch, ok := original(e, batch, tail); ok || base == 0 {
		return orig, inBatch, ok
	}
	whole, err := s.wholeLog(workshopID)
	if err != nil {
		s.log.Error("cannot read a workshop's log to find what a request repeats", "workshop", workshopID, "err", err)
		return inquiry.Event{}, false, false
	}
	return original(e, nil, whole)
}

// original finds the event that already recorded what e repeats (the rules
// said inquiry.ErrDuplicate): among the events accepted earlier in this
// batch first, then in the committed log. inBatch says it is not yet
// committed.
func original(e inquiry.Event, batch, committed []inquiry.Event) (orig inquiry.Event, inBatch, ok bool) {
	for i := len(batch) - 1; i >= 0; i-- {
		if repeats(e, batch[i]) {
			return batch[i], true, true
		}
	}
	for i := len(committed) - 1; i >= 0; i-- {
		if repeats(e, committed[i]) {
			return committed[i], false, true
		}
	}
	return inquiry.Event{}, false, false
}

// repeats reports whether earlier is the event that e repeats. For an edit
// that changes nothing it is the latest event that set the contribution's
// content.
func repeats(e, earlier inquiry.Event) bool {
	switch e.Type {
	case inquiry.ContributionAdded:
		return earlier.Type == inquiry.ContributionAdded && sameContribution(e, earlier)
	case inquiry.ContributionEdited:
		return (earlier.Type == inquiry.ContributionAdded || earlier.Type == inquiry.ContributionEdited) && sameContribution(e, earlier)
	case inquiry.ContributionDeleted:
		return earlier.Type == inquiry.ContributionDeleted && earlier.Target == e.Target
	case inquiry.ParticipantJoined:
		return earlier.Type == inquiry.ParticipantJoined && e.Participant != nil && earlier.Participant != nil &&
			earlier.Participant.ID == e.Participant.ID
	case inquiry.WorkshopClosed:
		return earlier.Type == inquiry.WorkshopClosed
	case inquiry.ParticipantWithdrawn:
		// Withdrawing after an erasure changes nothing either.
		return (earlier.Type == inquiry.ParticipantWithdrawn || earlier.Type == inquiry.ParticipantErased) && earlier.Target == e.Target
	case inquiry.ParticipantErased, inquiry.ContributionHidden, inquiry.ContributionUnhidden,
		inquiry.ContributionHighlighted, inquiry.ThemesChanged, inquiry.ContributionMerged,
		inquiry.PromptRevealed, inquiry.VoteClosed:
		// A change that is already so: the latest event of its kind on the
		// same target is the one that made it so.
		return earlier.Type == e.Type && earlier.Target == e.Target
	case inquiry.SettingsChanged, inquiry.PromptOpened, inquiry.TimeboxChanged:
		return earlier.Type == e.Type
	case inquiry.VoteOpened:
		return earlier.Type == e.Type && e.Vote != nil && earlier.Vote != nil && earlier.Vote.ID == e.Vote.ID
	case inquiry.VoteCast:
		return earlier.Type == e.Type && e.Ballot != nil && earlier.Ballot != nil &&
			earlier.Ballot.Vote == e.Ballot.Vote && earlier.Ballot.Participant == e.Ballot.Participant
	case inquiry.ParticipantsMerged:
		return earlier.Type == e.Type && e.Merge != nil && earlier.Merge != nil && earlier.Merge.From == e.Merge.From
	case inquiry.ThemeAdded:
		return earlier.Type == e.Type && e.Theme != nil && earlier.Theme != nil && earlier.Theme.ID == e.Theme.ID
	case inquiry.ContributionAgreed, inquiry.AgreementWithdrawn:
		return earlier.Type == e.Type && earlier.Target == e.Target && e.Agreement != nil && earlier.Agreement != nil &&
			earlier.Agreement.Participant == e.Agreement.Participant
	case inquiry.ContributionUnmerged, inquiry.OrganisationChanged:
		return earlier.Type == e.Type && earlier.Target == e.Target
	case inquiry.TimeboxPaused, inquiry.TimeboxResumed:
		return earlier.Type == e.Type
	}
	return false
}

func sameContribution(a, b inquiry.Event) bool {
	return a.Contribution != nil && b.Contribution != nil && a.Contribution.ID == b.Contribution.ID
}
