package inquiry

import "fmt"

// The rules and the fold for pacing a workshop and for what participants
// see of each other: opening prompts, timeboxes, settings and reveals.
// Only facilitators (and the server) do these, and only while the workshop
// is open.

func (w *Workshop) checkPacing(e Event) error {
	if err := facilitates(e.Actor, "pace the workshop"); err != nil {
		return err
	}
	switch e.Type {
	case PromptOpened:
		return w.checkPromptOpened(e)
	case TimeboxChanged:
		return w.checkTimebox(e)
	case SettingsChanged:
		return w.checkSettings(e)
	}
	return w.checkReveal(e)
}

func (w *Workshop) checkPromptOpened(e Event) error {
	d := e.Pace
	if d == nil {
		return fmt.Errorf("%w: %s without the prompt", ErrInvalid, e.Type)
	}
	if _, ok := w.order[d.Prompt]; !ok {
		return fmt.Errorf("prompt %q: %w", d.Prompt, ErrNotFound)
	}
	if w.Current.Prompt == d.Prompt && w.Current.EndsAt.Equal(d.EndsAt) {
		return ErrDuplicate
	}
	if !w.Open {
		return ErrClosed
	}
	if w.Pacing != FacilitatorPaced {
		return fmt.Errorf("%w: participants pace themselves in this workshop", ErrInvalid)
	}
	return nil
}

// checkTimebox allows extending or ending the open prompt's timebox. An
// EndsAt of zero ends it now: the fold records the event's time.
func (w *Workshop) checkTimebox(e Event) error {
	d := e.Pace
	if d == nil {
		return fmt.Errorf("%w: %s without the timebox", ErrInvalid, e.Type)
	}
	if w.Pacing != FacilitatorPaced || w.Current.Prompt == "" {
		return fmt.Errorf("%w: no prompt is open for everyone, so there is no timebox to change", ErrInvalid)
	}
	if d.Prompt != w.Current.Prompt {
		return fmt.Errorf("%w: the timebox belongs to the open prompt %s, not %s", ErrConflict, w.Current.Prompt, d.Prompt)
	}
	ending := d.EndsAt.IsZero()
	if (ending && w.timeboxEnded) || (!ending && !w.timeboxEnded && d.EndsAt.Equal(w.Current.EndsAt)) {
		return ErrDuplicate
	}
	if !w.Open {
		return ErrClosed
	}
	return nil
}

func (w *Workshop) checkSettings(e Event) error {
	d := e.Settings
	if d == nil {
		return fmt.Errorf("%w: %s without the settings", ErrInvalid, e.Type)
	}
	switch d.Visibility {
	case VisibleLive, VisibleOnReveal, VisibleNever:
	default:
		return fmt.Errorf("%w: visibility is %q, %q or %q, not %q", ErrInvalid, VisibleLive, VisibleOnReveal, VisibleNever, d.Visibility)
	}
	if *d == w.Settings {
		return ErrDuplicate
	}
	if !w.Open {
		return ErrClosed
	}
	return nil
}

func (w *Workshop) checkReveal(e Event) error {
	ref := PromptRef(e.Target)
	if _, ok := w.order[ref]; !ok {
		return fmt.Errorf("prompt %q: %w", ref, ErrNotFound)
	}
	if w.Revealed[ref] {
		return ErrDuplicate
	}
	if !w.Open {
		return ErrClosed
	}
	return nil
}

// checkPace refuses a participant's contribution to a prompt the
// facilitator has not opened yet: in a facilitator-led workshop nobody runs
// ahead of the room. It is checked when a contribution is recorded, not
// again on replay: pacing says what a participant may do now, and logs
// recorded before the facilitator could open prompts (every contribution
// to a facilitator-led workshop made before this rule) must still replay.
func (w *Workshop) checkPace(e Event) error {
	if e.Actor.Role != RoleParticipant || w.Pacing != FacilitatorPaced {
		return nil
	}
	current, ok := w.order[w.Current.Prompt]
	if !ok {
		return fmt.Errorf("%w: the facilitator has not opened a prompt yet", ErrNotAllowed)
	}
	if w.order[e.Contribution.Prompt] > current {
		return fmt.Errorf("%w: prompt %s is not open yet", ErrNotAllowed, e.Contribution.Prompt)
	}
	return nil
}

func (w *Workshop) foldPacing(e Event) {
	switch e.Type {
	case PromptOpened, TimeboxChanged:
		w.followClock(e)
	case SettingsChanged:
		w.Settings = *e.Settings
	case PromptRevealed:
		w.Revealed[PromptRef(e.Target)] = true
	}
}
