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
	// One rule for a contribution and for the counts (counts.go): the
	// settings by prompt, then the ballots of the votes.
	return c.Live() && (w.promptShown(c.Prompt) || w.onBallot(c))
}

// promptShown reports whether the settings show participants others'
// live contributions at a prompt, whatever their kind.
func (w *Workshop) promptShown(ref PromptRef) bool {
	switch w.Settings.Visibility {
	case VisibleOnReveal:
		return w.Revealed[ref]
	case VisibleNever:
		return false
	}
	// VisibleLive, and the zero value.
	return true
}

// onBallot reports whether any vote, open or closed, takes in c (see
// VoteState.Candidates).
func (w *Workshop) onBallot(c *Contribution) bool {
	for _, v := range w.Votes {
		if v.covers(c) {
			return true
		}
	}
	return false
}
