package inquiry

import (
	"fmt"
	"slices"
)

// Check reports whether an event may follow the workshop's current state.
// It does not look at sequence numbers or hashes: the store assigns those
// after the check, and Apply verifies them. A new event must carry its
// words: erased words (a digest without text) are refused here and
// accepted only when Apply replays a recorded log.
func (w *Workshop) Check(e Event) error { return w.check(e, false) }

// check is Check for a new event (replay false) or for one already in the
// log (replay true). A recorded event's words may have been erased since:
// the chain vouches for what they were, so erased text is not checked
// again. Otherwise the rules are the same both ways.
func (w *Workshop) check(e Event, replay bool) error {
	if e.Type == WorkshopOpened {
		if w.Head != 0 {
			return fmt.Errorf("%w: the workshop is already open", ErrInvalid)
		}
		return checkOpening(e.Workshop)
	}
	if w.Head == 0 {
		return fmt.Errorf("%w: a workshop's log must start with %s", ErrInvalid, WorkshopOpened)
	}
	switch e.Type {
	case WorkshopClosed:
		if e.Actor.Role == RoleParticipant {
			return fmt.Errorf("%w: only a facilitator can close a workshop", ErrNotAllowed)
		}
		if !w.Open {
			return fmt.Errorf("%w: %w", ErrDuplicate, ErrClosed)
		}
		return nil
	case ParticipantJoined:
		return w.checkJoin(e, replay)
	case ContributionAdded:
		return w.checkAdd(e, replay)
	case ContributionEdited:
		return w.checkEdit(e, replay)
	case ContributionDeleted:
		return w.checkDelete(e)
	}
	return fmt.Errorf("%w: unknown event type %q", ErrInvalid, e.Type)
}

func checkOpening(d *WorkshopDetails) error {
	switch {
	case d == nil:
		return fmt.Errorf("%w: %s without workshop details", ErrInvalid, WorkshopOpened)
	case d.ID == "":
		return fmt.Errorf("%w: workshop has no ID", ErrInvalid)
	case CleanLine(d.Title) != d.Title || d.Title == "" || RuneCount(d.Title) > MaxTitleRunes:
		return fmt.Errorf("%w: a title is one line of up to %d characters", ErrInvalid, MaxTitleRunes)
	case d.Pacing != SelfPaced && d.Pacing != FacilitatorPaced:
		return fmt.Errorf("%w: pacing must be %q or %q", ErrInvalid, SelfPaced, FacilitatorPaced)
	}
	if err := ValidCode(d.Code); err != nil {
		return err
	}
	if err := d.Guide.Validate(); err != nil {
		return fmt.Errorf("%w: guide: %w", ErrInvalid, err)
	}
	return nil
}

func (w *Workshop) checkJoin(e Event, replay bool) error {
	d := e.Participant
	if d == nil || d.ID == "" {
		return fmt.Errorf("%w: %s without a participant ID", ErrInvalid, e.Type)
	}
	if p, ok := w.participants[d.ID]; ok {
		if p.Name == d.Name.Text {
			return ErrDuplicate
		}
		return fmt.Errorf("%w: participant %s already joined", ErrConflict, d.ID)
	}
	if !w.Open {
		return ErrClosed
	}
	if !(replay && d.Name.Erased()) {
		if err := checkName(d.Name.Text); err != nil {
			return err
		}
	}
	if d.ConsentAt.IsZero() {
		return fmt.Errorf("%w: joining needs consent", ErrInvalid)
	}
	if CleanLine(d.Organisation) != d.Organisation || RuneCount(d.Organisation) > MaxNameRunes {
		return fmt.Errorf("%w: organisation type is one line of up to %d characters", ErrInvalid, MaxNameRunes)
	}
	return nil
}

func checkName(name string) error {
	if name == "" || CleanLine(name) != name || RuneCount(name) > MaxNameRunes {
		return fmt.Errorf("%w: a name is one line of 1 to %d characters", ErrInvalid, MaxNameRunes)
	}
	return nil
}

func (w *Workshop) checkAdd(e Event, replay bool) error {
	d := e.Contribution
	if d == nil || d.ID == "" {
		return fmt.Errorf("%w: %s without a contribution ID", ErrInvalid, e.Type)
	}
	if c, ok := w.contributions[d.ID]; ok {
		// A retry after a lost acknowledgement: the same author re-sending
		// the same ID is the same contribution, whatever happened since.
		if c.Participant == d.Participant {
			return ErrDuplicate
		}
		return fmt.Errorf("%w: contribution %s exists", ErrConflict, d.ID)
	}
	if !w.Open {
		return ErrClosed
	}
	if _, ok := w.participants[d.Participant]; !ok {
		return fmt.Errorf("participant %s: %w", d.Participant, ErrNotFound)
	}
	if e.Actor.Role == RoleParticipant && e.Actor.ID != d.Participant {
		return fmt.Errorf("%w: participants contribute in their own name", ErrNotAllowed)
	}
	prompt, ok := w.Guide.Prompt(d.Prompt)
	if !ok {
		return fmt.Errorf("prompt %q: %w", d.Prompt, ErrNotFound)
	}
	if !prompt.Allows(d.Kind) {
		return fmt.Errorf("%w: prompt %s does not ask for %q", ErrInvalid, d.Prompt, d.Kind)
	}
	return w.checkContent(d, replay)
}

// checkContent checks the parts of a contribution its author can change.
func (w *Workshop) checkContent(d *ContributionDetails, replay bool) error {
	if !d.Kind.Valid() {
		return fmt.Errorf("%w: unknown kind %q", ErrInvalid, d.Kind)
	}
	if !(replay && d.Text.Erased()) {
		if err := checkText(d.Text.Text); err != nil {
			return err
		}
	}
	for i, t := range d.Themes {
		if _, ok := w.Theme(t); !ok {
			return fmt.Errorf("theme %q: %w", t, ErrNotFound)
		}
		if slices.Contains(d.Themes[:i], t) {
			return fmt.Errorf("%w: theme %q given twice", ErrInvalid, t)
		}
	}
	if d.Partner != "" {
		if _, ok := w.Guide.Partner(d.Partner); !ok {
			return fmt.Errorf("partner %q: %w", d.Partner, ErrNotFound)
		}
	}
	return nil
}

// editable finds a contribution the actor may change.
func (w *Workshop) editable(id string, by Actor) (*Contribution, error) {
	c, ok := w.contributions[id]
	if !ok {
		return nil, fmt.Errorf("contribution %s: %w", id, ErrNotFound)
	}
	if by.Role == RoleParticipant && by.ID != c.Participant {
		return nil, fmt.Errorf("%w: only the author or a facilitator can change a contribution", ErrNotAllowed)
	}
	return c, nil
}

// checkText checks a contribution's words.
func checkText(text string) error {
	if text == "" || CleanText(text) != text {
		return fmt.Errorf("%w: a contribution needs text, free of control characters", ErrInvalid)
	}
	if n := RuneCount(text); n > MaxTextRunes {
		return fmt.Errorf("%w: %d characters is over the limit of %d", ErrInvalid, n, MaxTextRunes)
	}
	return nil
}

func (w *Workshop) checkEdit(e Event, replay bool) error {
	d := e.Contribution
	if d == nil {
		return fmt.Errorf("%w: %s without the contribution", ErrInvalid, e.Type)
	}
	c, err := w.editable(d.ID, e.Actor)
	if err != nil {
		return err
	}
	if c.Deleted {
		return fmt.Errorf("contribution %s was deleted: %w", d.ID, ErrNotFound)
	}
	if !w.Open {
		return ErrClosed
	}
	if d.Participant != c.Participant || d.Prompt != c.Prompt {
		return fmt.Errorf("%w: an edit cannot change who wrote it or the prompt it answers", ErrInvalid)
	}
	if prompt, _ := w.Guide.Prompt(c.Prompt); !prompt.Allows(d.Kind) {
		return fmt.Errorf("%w: prompt %s does not ask for %q", ErrInvalid, c.Prompt, d.Kind)
	}
	if err := w.checkContent(d, replay); err != nil {
		return err
	}
	// Erased text cannot be compared; only a replay meets it, and the
	// store never recorded a repeated edit in the first place.
	comparable := c.Text != "" && !d.Text.Erased()
	if comparable && c.Kind == d.Kind && c.Text == d.Text.Text && c.Partner == d.Partner && slices.Equal(c.Themes, d.Themes) {
		return ErrDuplicate
	}
	return nil
}

func (w *Workshop) checkDelete(e Event) error {
	c, err := w.editable(e.Target, e.Actor)
	if err != nil {
		return err
	}
	if c.Deleted {
		return ErrDuplicate
	}
	if !w.Open {
		return ErrClosed
	}
	return nil
}
