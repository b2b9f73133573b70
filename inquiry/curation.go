package inquiry

import (
	"fmt"
	"slices"
)

// The rules and the fold for curation: what facilitators do to the room's
// contributions to make sense of them. Every act is an event, so the
// transcript says who did what. Curation carries on after the workshop
// closes: a facilitator often tidies themes and duplicates before writing
// the report.

func (w *Workshop) checkCuration(e Event) error {
	if err := facilitates(e.Actor, "curate contributions"); err != nil {
		return err
	}
	if e.Type == ThemeAdded {
		return w.checkThemeAdded(e.Theme)
	}
	c, err := w.curatable(e.Target)
	if err != nil {
		return err
	}
	if e.Type == ContributionUnhidden {
		if !c.Hidden {
			return ErrDuplicate
		}
		return nil
	}
	d := e.Curation
	if d == nil {
		return fmt.Errorf("%w: %s without the curation", ErrInvalid, e.Type)
	}
	switch e.Type {
	case ThemesChanged:
		if err := w.checkThemes(d.Themes); err != nil {
			return err
		}
		if c.ThemesAccepted && slices.Equal(c.Themes, d.Themes) {
			return ErrDuplicate
		}
	case ContributionMerged:
		return w.checkMerge(c, d.Into)
	case ContributionHighlighted:
		if c.Highlighted == d.Highlight {
			return ErrDuplicate
		}
	case ContributionHidden:
		if d.Reason == "" || CleanLine(d.Reason) != d.Reason || RuneCount(d.Reason) > MaxReasonRunes {
			return fmt.Errorf("%w: hiding needs a reason the author can read: one line of up to %d characters", ErrInvalid, MaxReasonRunes)
		}
		if c.Hidden && c.HiddenReason == d.Reason {
			return ErrDuplicate
		}
	}
	return nil
}

// curatable finds a contribution a facilitator can still curate: one that
// exists, was not deleted, and whose author has not left.
func (w *Workshop) curatable(id string) (*Contribution, error) {
	c, ok := w.contributions[id]
	switch {
	case !ok:
		return nil, fmt.Errorf("contribution %s: %w", id, ErrNotFound)
	case c.Deleted:
		return nil, fmt.Errorf("contribution %s was deleted: %w", id, ErrNotFound)
	case c.Withdrawn || c.Erased:
		return nil, fmt.Errorf("%w: the author of contribution %s has left the workshop", ErrNotAllowed, id)
	}
	return c, nil
}

// checkMerge allows marking c as a duplicate of another contribution that
// is shown. The one it is merged into cannot itself be merged, so merges
// never form a cycle and a duplicate's chain always ends at one shown.
func (w *Workshop) checkMerge(c *Contribution, into string) error {
	if into == c.ID {
		return fmt.Errorf("%w: a contribution cannot be merged into itself", ErrInvalid)
	}
	if c.MergedInto == into && into != "" {
		return ErrDuplicate
	}
	if c.MergedInto != "" {
		return fmt.Errorf("%w: contribution %s is already merged into %s", ErrConflict, c.ID, c.MergedInto)
	}
	target, err := w.curatable(into)
	if err != nil {
		return err
	}
	if target.MergedInto != "" || target.Hidden {
		return fmt.Errorf("%w: contribution %s is not shown, so nothing can be merged into it", ErrInvalid, into)
	}
	return nil
}

func (w *Workshop) checkThemeAdded(t *Theme) error {
	if t == nil {
		return fmt.Errorf("%w: %s without the theme", ErrInvalid, ThemeAdded)
	}
	if old, ok := w.Theme(t.ID); ok {
		if old.Label == t.Label && slices.Equal(old.Keywords, t.Keywords) {
			return ErrDuplicate
		}
		return fmt.Errorf("%w: theme %q is already in the taxonomy", ErrConflict, t.ID)
	}
	// A theme added live meets the same checks as one in a guide file.
	if !idPattern.MatchString(t.ID) {
		return fmt.Errorf("%w: %q is not a theme ID: use lower-case letters, digits and hyphens", ErrInvalid, t.ID)
	}
	if t.Label == "" || CleanLine(t.Label) != t.Label || RuneCount(t.Label) > MaxTitleRunes {
		return fmt.Errorf("%w: a theme's label is one line of 1 to %d characters", ErrInvalid, MaxTitleRunes)
	}
	for _, word := range t.Keywords {
		if len(keywordWords(word)) == 0 || CleanLine(word) != word || RuneCount(word) > MaxNameRunes {
			return fmt.Errorf("%w: a keyword is one line of up to %d letters, digits and spaces", ErrInvalid, MaxNameRunes)
		}
	}
	return nil
}

func (w *Workshop) foldCuration(e Event) {
	if e.Type == ThemeAdded {
		t := *e.Theme
		t.Keywords = slices.Clone(t.Keywords)
		w.AddedThemes = append(w.AddedThemes, t)
		w.addTheme(t)
		return
	}
	w.update(w.contributions[e.Target], func(c *Contribution) {
		switch e.Type {
		case ThemesChanged:
			c.Themes, c.ThemesAccepted = slices.Clone(e.Curation.Themes), true
		case ContributionMerged:
			w.noteMerge(c, e.Curation.Into)
			c.MergedInto = e.Curation.Into
		case ContributionHighlighted:
			c.Highlighted = e.Curation.Highlight
		case ContributionHidden:
			c.Hidden, c.HiddenReason = true, e.Curation.Reason
		case ContributionUnhidden:
			c.Hidden, c.HiddenReason = false, ""
		}
	})
}
