package inquiry

import "fmt"

// Changing what a participant said of themselves after joining: the kind
// of organisation they come from. A scribe gives it for the table they
// write for when they make it, and corrects it later with this event.

// OrganisationChanged sets a participant's kind of organisation (Target:
// the participant; Profile), by that participant, or for a scribed
// participant by a scribe or facilitator. An empty organisation means
// "not given".
const OrganisationChanged EventType = "participant.organisation"

// Profile is what a participant said of themselves that can change.
type Profile struct {
	Organisation string `json:"organisation"`
}

func (w *Workshop) checkOrganisation(e Event) error {
	if e.Profile == nil {
		return fmt.Errorf("%w: %s without the organisation", ErrInvalid, e.Type)
	}
	if err := w.actsFor(e.Actor, e.Target); err != nil {
		return err
	}
	org := e.Profile.Organisation
	if CleanLine(org) != org || RuneCount(org) > MaxNameRunes {
		return fmt.Errorf("%w: organisation type is one line of up to %d characters", ErrInvalid, MaxNameRunes)
	}
	if w.participants[e.Target].Organisation == org {
		return ErrDuplicate
	}
	if !w.Open {
		return ErrClosed
	}
	return nil
}
