package inquiry

import "fmt"

// Undoing a merge. A facilitator who merged two contributions that were
// not duplicates after all can take the merge back: the duplicate is
// shown again, its dots and agreements count for itself again, and the
// transcript keeps both the merge and its undoing.

// ContributionUnmerged undoes a merge: the duplicate (Target) is shown
// again. Curation.Into names the contribution it had been merged into, so
// the event says on its own which merge it undid.
const ContributionUnmerged EventType = "contribution.unmerged"

func (w *Workshop) checkUnmerge(e Event) error {
	if err := facilitates(e.Actor, "undo a merge"); err != nil {
		return err
	}
	if e.Curation == nil || e.Curation.Into == "" {
		return fmt.Errorf("%w: %s without the contribution it was merged into", ErrInvalid, e.Type)
	}
	c, err := w.curatable(e.Target)
	if err != nil {
		return err
	}
	switch c.MergedInto {
	case "":
		if c.UnmergedFrom == e.Curation.Into {
			return ErrDuplicate
		}
		return fmt.Errorf("%w: contribution %s is not merged into another", ErrInvalid, c.ID)
	case e.Curation.Into:
		return nil
	}
	return fmt.Errorf("%w: contribution %s is merged into %s, not %s", ErrConflict, c.ID, c.MergedInto, e.Curation.Into)
}

func (w *Workshop) foldUnmerge(e Event) {
	w.update(w.contributions[e.Target], func(c *Contribution) {
		w.noteMerge(c, "")
		c.UnmergedFrom, c.UnmergedAt = c.MergedInto, e.At
		c.MergedInto = ""
	})
}
