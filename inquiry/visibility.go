package inquiry

// VisibleTo reports whether a participant may see a contribution: what a
// participant's screen shows of the room, and what they may build on or
// vote for.
//
// Their own contributions they always see, hidden or merged ones included
// (a hidden one's author is told why), unless they deleted or withdrew
// them. Others' they see only while live, and then as the workshop's
// settings say: as they arrive (VisibleLive), once a facilitator revealed
// the prompt (VisibleOnReveal), or never (VisibleNever). A contribution a
// vote asks about is shown whatever the settings: a facilitator opening a
// vote puts its candidates on the wall, since nobody can vote for what
// they cannot see.
func (w *Workshop) VisibleTo(participant string, c *Contribution) bool {
	if c == nil || c.gone() {
		return false
	}
	if c.Participant == participant {
		return true
	}
	// One rule for a contribution and for the counts (counts.go).
	return c.Live() && w.othersShown(c.Prompt, c.Kind)
}
