package inquiry

import "time"

// AddedAfter reports whether a participant added a contribution to a
// prompt after a moment: unsent words kept for that prompt since before
// then are what they sent, so a draft holding them is stale and must not
// be put back in their editor. Contributions moved to them by a merge
// count as theirs; a merged-away participant stands for the one kept.
func (w *Workshop) AddedAfter(participant string, ref PromptRef, at time.Time) bool {
	mine := w.authored[w.Kept(participant)]
	for i := len(mine) - 1; i >= 0; i-- {
		c := mine[i]
		if !c.AddedAt.After(at) {
			// Contributions are in the order added, so in time order.
			return false
		}
		if c.Prompt == ref {
			return true
		}
	}
	return false
}
