package inquiry

import (
	"fmt"
	"slices"
)

// The rules for adding, editing and deleting contributions.

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
	if err := w.actsFor(e.Actor, d.Participant); err != nil {
		return err
	}
	prompt, ok := w.prompt(d.Prompt)
	if !ok {
		return fmt.Errorf("prompt %q: %w", d.Prompt, ErrNotFound)
	}
	if !prompt.allows(d.Kind) {
		return fmt.Errorf("%w: prompt %s does not ask for %q", ErrInvalid, d.Prompt, d.Kind)
	}
	if !replay {
		if err := w.checkPace(e); err != nil {
			return err
		}
	}
	if err := w.checkContent(d, replay); err != nil {
		return err
	}
	if err := w.checkAnswers(e.Actor, d); err != nil {
		return err
	}
	return w.checkBuildsOn(e.Actor, d)
}

// checkContent checks the parts of a contribution its author can change.
func (w *Workshop) checkContent(d *ContributionDetails, replay bool) error {
	if !d.Kind.Known() {
		return fmt.Errorf("%w: unknown kind %q", ErrInvalid, d.Kind)
	}
	if !(replay && d.Text.Erased()) {
		if err := checkText(d.Text.Text, replay); err != nil {
			return err
		}
	}
	if err := w.checkThemes(d.Themes); err != nil {
		return err
	}
	if d.Partner != "" {
		if _, ok := w.Guide.Partner(d.Partner); !ok {
			return fmt.Errorf("partner %q: %w", d.Partner, ErrNotFound)
		}
	}
	return checkCommitment(d, replay)
}

// checkBuildsOn allows building on a live contribution the author can
// see: a participant cannot build on what is hidden from them. Links only
// ever point back to a contribution that existed first, so they never form
// a cycle.
func (w *Workshop) checkBuildsOn(by Actor, d *ContributionDetails) error {
	if d.BuildsOn == "" {
		return nil
	}
	if d.BuildsOn == d.ID {
		return fmt.Errorf("%w: a contribution cannot build on itself", ErrInvalid)
	}
	c, ok := w.contributions[d.BuildsOn]
	if !ok || !c.Live() || (by.Role == RoleParticipant && !w.VisibleTo(d.Participant, c)) {
		return fmt.Errorf("contribution %s to build on: %w", d.BuildsOn, ErrNotFound)
	}
	return nil
}

// editable finds a contribution the actor may change: a participant's
// own; for a scribe, one they entered themselves for a scribed
// participant (not another scribe's, nor a facilitator's); any for a
// facilitator, who moderates. A contribution whose author left cannot be
// changed.
func (w *Workshop) editable(id string, by Actor) (*Contribution, error) {
	c, ok := w.contributions[id]
	if !ok {
		return nil, fmt.Errorf("contribution %s: %w", id, ErrNotFound)
	}
	switch by.Role {
	case RoleParticipant:
		if by.ID != c.Participant {
			return nil, fmt.Errorf("%w: only the author or a facilitator can change a contribution", ErrNotAllowed)
		}
	case RoleScribe:
		if p := w.participants[c.Participant]; !p.Scribed || c.ScribedBy != by.ID {
			return nil, fmt.Errorf("%w: a scribe changes only what they entered themselves", ErrNotAllowed)
		}
	}
	if c.Withdrawn || c.Erased {
		return nil, fmt.Errorf("%w: the author of contribution %s has left the workshop", ErrNotAllowed, id)
	}
	return c, nil
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
	if d.Participant != c.Participant || d.Prompt != c.Prompt || d.BuildsOn != c.BuildsOn || d.Answers != c.Answers {
		return fmt.Errorf("%w: an edit cannot change who wrote it, the prompt it answers, what it builds on or the barrier it reframes", ErrInvalid)
	}
	if (d.Kind == Reframe) != (c.Kind == Reframe) {
		return fmt.Errorf("%w: a reframe stays a reframe, and nothing else becomes one by an edit", ErrInvalid)
	}
	if prompt, _ := w.prompt(c.Prompt); !prompt.allows(d.Kind) {
		return fmt.Errorf("%w: prompt %s does not ask for %q", ErrInvalid, c.Prompt, d.Kind)
	}
	if err := w.checkKindChange(c, d.Kind); err != nil {
		return err
	}
	if err := w.checkContent(d, replay); err != nil {
		return err
	}
	// Erased text cannot be compared; only a replay meets it, and the
	// store never recorded a repeated edit in the first place.
	comparable := c.Text != "" && !d.Text.Erased()
	if comparable && c.Kind == d.Kind && c.Text == d.Text.Text && c.Partner == d.Partner &&
		slices.Equal(c.Themes, d.Themes) && c.Owner == d.Owner.Text && c.Due == d.Due {
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
