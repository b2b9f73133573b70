package data

import "github.com/anchorage/anchorage/inquiry"

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
	}
	return false
}

func sameContribution(a, b inquiry.Event) bool {
	return a.Contribution != nil && b.Contribution != nil && a.Contribution.ID == b.Contribution.ID
}
