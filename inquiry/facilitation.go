package inquiry

import "time"

// The events of facilitation: pacing, what participants see of each other,
// curation, prioritising and leaving. Each is recorded with who did it.
const (
	// PromptOpened opens a prompt for everyone in a facilitator-led
	// workshop (Pace); participants' screens move to it.
	PromptOpened EventType = "prompt.opened"
	// TimeboxChanged extends or ends the open prompt's timebox (Pace, with
	// EndsAt later, or zero to end it now: the fold then sets the current
	// EndsAt to the event's time).
	TimeboxChanged EventType = "timebox.changed"
	// SettingsChanged changes what participants see of each other (Settings).
	SettingsChanged EventType = "workshop.settings"
	// PromptRevealed shows participants the contributions to a prompt that
	// were held back until the facilitator revealed them (Target: the
	// prompt's reference).
	PromptRevealed EventType = "prompt.revealed"

	// ThemesChanged sets a contribution's themes as a facilitator accepts
	// or changes the suggested ones (Target, Curation.Themes).
	ThemesChanged EventType = "contribution.themed"
	// ThemeAdded adds a theme to the workshop's taxonomy (Theme).
	ThemeAdded EventType = "theme.added"
	// ContributionMerged marks a duplicate (Target) as merged into another
	// (Curation.Into): both stay in the transcript, one is shown.
	ContributionMerged EventType = "contribution.merged"
	// ContributionHighlighted highlights a contribution, or stops
	// highlighting it (Target, Curation.Highlight).
	ContributionHighlighted EventType = "contribution.highlighted"
	// ContributionHidden hides a contribution for a reason (Target,
	// Curation.Reason): the author is told, the transcript keeps the
	// event, the report leaves it out.
	ContributionHidden EventType = "contribution.hidden"
	// ContributionUnhidden shows a hidden contribution again (Target).
	ContributionUnhidden EventType = "contribution.unhidden"

	// VoteOpened opens a dot vote (Vote). One vote is open at a time, and
	// its candidates are shown to every participant whatever the settings
	// (see Workshop.VisibleTo).
	VoteOpened EventType = "vote.opened"
	// VoteCast records a participant's whole allocation of dots in a vote
	// (Ballot); a later ballot replaces an earlier one.
	VoteCast EventType = "vote.cast"
	// VoteClosed closes a vote (Target: the vote's ID); its results are
	// then shown to everyone. Closing the workshop closes an open vote too.
	VoteClosed EventType = "vote.closed"

	// ParticipantWithdrawn is a participant leaving and withdrawing what
	// they contributed (Target: the participant), by that participant, or
	// for a scribed participant by a scribe or facilitator. Their
	// contributions show as withdrawn in the transcript, their dots go with
	// them, and their words are erased from the database.
	ParticipantWithdrawn EventType = "participant.withdrawn"
	// ParticipantErased is a facilitator erasing a participant on their
	// request (Target: the participant): their name and words are erased,
	// the transcript keeps a tombstone.
	ParticipantErased EventType = "participant.erased"
)

// RoleScribe is someone a facilitator enrolled for one workshop to enter
// contributions on behalf of a table or a person without a terminal.
const RoleScribe Role = "scribe"

// Pace is the prompt open for everyone in a facilitator-led workshop.
type Pace struct {
	Prompt PromptRef `json:"prompt"`
	// EndsAt is when the prompt's timebox ends; zero for no timebox.
	EndsAt time.Time `json:"ends_at,omitzero"`
}

// Visibility says when participants see each other's contributions.
type Visibility string

// The visibilities a workshop can have.
const (
	// VisibleLive shows others' contributions to a prompt as they arrive.
	VisibleLive Visibility = "live"
	// VisibleOnReveal holds them back until the facilitator reveals the
	// prompt, so early voices do not steer later ones.
	VisibleOnReveal Visibility = "reveal"
	// VisibleNever shows participants only their own.
	VisibleNever Visibility = "off"
)

// Settings are what participants see of each other.
type Settings struct {
	Visibility Visibility `json:"visibility"`
	// Anonymous shows others' contributions without names.
	Anonymous bool `json:"anonymous,omitempty"`
}

// Curation is what a facilitator did to a contribution.
type Curation struct {
	Themes    []string `json:"themes,omitempty"`
	Into      string   `json:"into,omitempty"`
	Highlight bool     `json:"highlight,omitempty"`
	Reason    string   `json:"reason,omitempty"`
}

// Vote is a dot vote over contributions of some kinds, and if the
// facilitator limits it, of one prompt or of the highlighted ones alone
// (see VoteState.Candidates).
type Vote struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Kinds are the kinds of contribution that can be voted for; empty
	// means any kind.
	Kinds []Kind `json:"kinds,omitempty"`
	// Dots is how many dots each participant has to place.
	Dots int `json:"dots"`
	// Prompt limits the vote to the contributions to one prompt; "" means
	// every prompt.
	Prompt PromptRef `json:"prompt,omitempty"`
	// Highlighted limits the vote to the contributions facilitators had
	// highlighted when it opened: the ballot is then fixed, so a highlight
	// given or taken away later does not move anyone's dots.
	Highlighted bool `json:"highlighted,omitempty"`
}

// Ballot is one participant's dots in a vote: contribution ID to dots.
type Ballot struct {
	Vote        string         `json:"vote"`
	Participant string         `json:"participant"`
	Dots        map[string]int `json:"dots"`
}
