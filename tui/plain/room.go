package plain

import (
	"sync/atomic"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// room is the workshop the person is in, as the screen keeps it: what it
// needs to speak of it without reading the fold at every turn.
type room struct {
	id, title string
	// guide is the workshop's guide, as it opened; read only.
	guide  inquiry.Guide
	pacing inquiry.Pacing
	// head is the last event the screen has read.
	head uint64
	// me and name are the participant, once joined or recognised.
	me, name   string
	resumeCode string
	watch      *tui.Watch
	interest   interest
	// move and leave tell the room where the person is in the guide.
	move  func(inquiry.Presence)
	leave func()
	// drafts are the words left unsent at each prompt, as the store keeps
	// them.
	drafts map[inquiry.PromptRef]string
}

// stop stops watching the room and leaves it.
func (r *room) stop() {
	r.watch.Stop()
	if r.leave != nil {
		r.leave()
	}
}

// interest is who the screen is, for the store to decide which events
// ring its bell: the store asks from its own goroutine.
type interest struct{ me atomic.Pointer[string] }

// news reports whether an event can tell this person anything: all but
// others' joins, words, ballots and agreements, which make up most of a
// busy room and which a plain screen reads only when asked.
func (in *interest) news(e inquiry.Event) bool {
	me := ""
	if p := in.me.Load(); p != nil {
		me = *p
	}
	switch e.Type {
	case inquiry.ParticipantJoined:
		return e.Participant.ID == me
	case inquiry.ContributionAdded, inquiry.ContributionEdited:
		return e.Contribution.Participant == me
	case inquiry.VoteCast:
		return e.Ballot.Participant == me
	case inquiry.ContributionAgreed, inquiry.AgreementWithdrawn:
		return e.Agreement.Participant == me
	}
	return true
}

// never is the watch's second bell, for others' words: a plain screen has
// no count of them to keep up to date.
func never(inquiry.Event) bool { return false }

// knowMe tells the store who the person now is.
func (in *interest) knowMe(id string) { in.me.Store(&id) }
