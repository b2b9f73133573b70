package inquiry

import "fmt"

// The rules and the fold for leaving: a participant withdrawing what they
// contributed, and a facilitator erasing a participant at their request.
// Both are rights a person keeps after the workshop closes, so neither
// needs it open.
//
// The store erases the words from the stored events when it commits these
// (see Words.Erased); the fold forgets them at once, so the state in
// memory is what a replay of the rewritten log gives.

func (w *Workshop) checkLeaving(e Event) error {
	p, ok := w.participants[e.Target]
	if !ok {
		return fmt.Errorf("participant %s: %w", e.Target, ErrNotFound)
	}
	if err := w.checkNotMerged(p); err != nil {
		return err
	}
	if e.Type == ParticipantErased {
		if err := facilitates(e.Actor, "erase a participant"); err != nil {
			return err
		}
		if p.Erased {
			return ErrDuplicate
		}
		return nil
	}
	if err := speaksFor(e.Actor, p); err != nil {
		return err
	}
	if p.Left() {
		// Withdrawing after an erasure changes nothing either.
		return ErrDuplicate
	}
	return nil
}

func (w *Workshop) foldLeaving(e Event) {
	p := w.participants[e.Target]
	if e.Type == ParticipantErased {
		p.Erased, p.ErasedAt, p.Name = true, e.At, ""
		w.eraseMerged(p, e.At)
	} else {
		p.Withdrawn, p.WithdrawnAt = true, e.At
	}
	for _, c := range w.authored[p.ID] {
		w.update(c, func(c *Contribution) {
			c.Text, c.Owner = "", ""
			if e.Type == ParticipantErased {
				c.Erased = true
			} else {
				c.Withdrawn = true
			}
		})
	}
	// Their dots go with them.
	for _, v := range w.Votes {
		delete(v.Ballots, p.ID)
	}
}
