package participant

import (
	"sync/atomic"

	"github.com/anchorage/anchorage/inquiry"
)

// interest is what a participant's screen shows of the room, for the
// store to decide whether an event should ring its bell: who they are and
// the prompt on screen. The screen replaces it as it changes; the store
// reads it from the committer's goroutine, so it sits behind an atomic
// pointer and is never changed in place.
type interest struct {
	me     string
	prompt inquiry.PromptRef
}

// interestIn holds a screen's current interest.
type interestIn struct{ p atomic.Pointer[interest] }

// A participant's screen shows their own doings, what others write at
// their prompt, and anything workshop-wide (pacing, settings, votes,
// curation, closing, leaving), which is rare. Others' joins and
// contributions elsewhere, and others' ballots, never ring it: in a room
// of hundreds that is most of what happens. Of what it shows, news rings
// one bell and chatter another.

// chatter reports whether an event is someone else's words at the
// participant's prompt: the one thing that arrives several times a
// second in a busy room, and can wait a moment to be shown.
func (in *interestIn) chatter(e inquiry.Event) bool {
	i := in.p.Load()
	if i == nil || (e.Type != inquiry.ContributionAdded && e.Type != inquiry.ContributionEdited) {
		return false
	}
	d := e.Contribution
	return d.Participant != i.me && d.Prompt == i.prompt
}

// news reports whether an event the screen shows should be shown at once:
// everything the screen shows but others' words at its prompt.
func (in *interestIn) news(e inquiry.Event) bool {
	i := in.p.Load()
	if i == nil {
		return true
	}
	switch e.Type {
	case inquiry.ParticipantJoined:
		return e.Participant.ID == i.me
	case inquiry.ContributionAdded, inquiry.ContributionEdited:
		return e.Contribution.Participant == i.me
	case inquiry.VoteCast:
		return e.Ballot.Participant == i.me
	case inquiry.ContributionAgreed, inquiry.AgreementWithdrawn:
		// Others' +1s, anywhere in the room, would ring every screen: the
		// list of others' words reads them when it opens.
		return e.Agreement.Participant == i.me
	}
	return true
}

// note records the screen's interest if it has changed.
func (in *interestIn) note(me string, prompt inquiry.PromptRef) {
	if i := in.p.Load(); i != nil && i.me == me && i.prompt == prompt {
		return
	}
	in.p.Store(&interest{me: me, prompt: prompt})
}
