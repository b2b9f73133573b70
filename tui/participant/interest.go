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
// closing, leaving), which is rare. Others' joins, words, curation and +1s
// at other prompts, and others' ballots, never ring it: in a room of
// hundreds that is most of what happens. Of what it shows, news rings one
// bell and chatter another. Both go by what an event touches
// (inquiry.Concern), which the store works out from its own fold: a
// contribution hidden at another prompt, which an event names only by
// its ID, is then not this screen's business.

// chatter reports whether an event touches others' words at the
// participant's prompt: what arrives several times a second in a busy
// room, and can wait a moment to be shown.
func (in *interestIn) chatter(c inquiry.Concern) bool {
	i := in.p.Load()
	return i != nil && i.prompt != "" && c.Prompt == i.prompt && !c.Room && !i.mine(c)
}

// news reports whether an event should be shown at once: what the
// person did themselves (from this session or another), and what
// concerns the whole room.
func (in *interestIn) news(c inquiry.Concern) bool {
	i := in.p.Load()
	return i == nil || c.Room || i.mine(c)
}

// mine reports whether an event is the person's own doing or about their
// own contribution.
func (i *interest) mine(c inquiry.Concern) bool {
	return i.me != "" && c.Participant == i.me
}

// note records the screen's interest if it has changed.
func (in *interestIn) note(me string, prompt inquiry.PromptRef) {
	if i := in.p.Load(); i != nil && i.me == me && i.prompt == prompt {
		return
	}
	in.p.Store(&interest{me: me, prompt: prompt})
}
