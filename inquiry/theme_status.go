package inquiry

import "strings"

// ThemeStatus says in plain words where a contribution's themes stand, for
// the line of a screen that shows them: which themes it has and whether a
// facilitator has confirmed them, and for one with none yet, what its
// words suggest, or that they suggest nothing. A screen adds the key that
// confirms them; this says only what is true.
//
//	Housing; Place-making, not yet confirmed by a facilitator
//	Housing, confirmed by a facilitator
//	none, confirmed by a facilitator
//	none yet; its words suggest Housing and Place-making
//	none yet, and its words suggest none
func (w *Workshop) ThemeStatus(c *Contribution) string {
	labels := w.themeLabels(c.Themes)
	switch {
	case c.ThemesAccepted && len(labels) == 0:
		return "none, confirmed by a facilitator"
	case c.ThemesAccepted:
		return strings.Join(labels, "; ") + ", confirmed by a facilitator"
	case len(labels) > 0:
		return strings.Join(labels, "; ") + ", not yet confirmed by a facilitator"
	}
	suggested := w.themeLabels(w.Suggester().Suggest(c.Text))
	if len(suggested) == 0 {
		return "none yet, and its words suggest none"
	}
	return "none yet; its words suggest " + andList(suggested)
}

// themeLabels are the labels of the themes with the IDs given, in order.
func (w *Workshop) themeLabels(ids []string) []string {
	labels := make([]string, 0, len(ids))
	for _, id := range ids {
		if t, ok := w.Theme(id); ok {
			labels = append(labels, t.Label)
		} else {
			labels = append(labels, id)
		}
	}
	return labels
}

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
