package inquiry

// Concern is what an event touches, for a screen deciding whether the
// event changes what it shows: the prompt and author of the contribution
// the event adds or acts on, whose ballot or joining it is, or the whole
// room. A participant's screen looking at one prompt needs to hear of
// others' words there, of its own doings and of the room, and of nothing
// else: in a busy workshop that is most of what happens.
type Concern struct {
	Type EventType
	// Prompt is the prompt of the contribution the event adds or acts on;
	// "" for an event that acts on no contribution.
	Prompt PromptRef
	// Participant is whose contribution, ballot, agreement, joining or
	// leaving it is; "" for an event of the room alone.
	Participant string
	// Room is set for an event that can change what anyone is shown
	// anywhere: the workshop closing, pacing, settings, reveals, themes
	// added, votes opening or closing, and a person leaving (their
	// contributions go from every prompt they wrote at).
	Room bool
}

// Concern says what an event touches. Call it on the workshop the event
// was folded into (or is about to be): a contribution an event acts on by
// its ID is looked up to find its prompt and author.
func (w *Workshop) Concern(e Event) Concern {
	c := Concern{Type: e.Type}
	switch e.Type {
	case ContributionAdded, ContributionEdited:
		if d := e.Contribution; d != nil {
			c.Prompt, c.Participant = d.Prompt, d.Participant
		}
	case ContributionDeleted, ThemesChanged, ContributionMerged, ContributionUnmerged, ContributionHighlighted,
		ContributionHidden, ContributionUnhidden:
		if target, ok := w.contributions[e.Target]; ok {
			c.Prompt, c.Participant = target.Prompt, target.Participant
		}
	case ContributionAgreed, AgreementWithdrawn:
		// A +1 changes the count on one contribution, and is the act of
		// the one who agrees, as a ballot is: in a busy room, +1s are many,
		// and a screen at another prompt has nothing to show of them.
		if target, ok := w.contributions[e.Target]; ok {
			c.Prompt = target.Prompt
		}
		if e.Agreement != nil {
			c.Participant = e.Agreement.Participant
		}
	case DisplayPanelChosen:
		// What the wall shows changes nothing on anyone's own screen.
	case ParticipantJoined:
		if e.Participant != nil {
			c.Participant = e.Participant.ID
		}
	case VoteCast:
		if e.Ballot != nil {
			c.Participant = e.Ballot.Participant
		}
	case ParticipantWithdrawn, ParticipantErased:
		c.Participant, c.Room = e.Target, true
	default:
		c.Room = true
	}
	return c
}
