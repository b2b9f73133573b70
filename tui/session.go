package tui

import (
	"context"
	"crypto/rand"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/words"
)

// Room is what a screen needs from the server; *data.Store satisfies it.
type Room interface {
	// Append records an event durably and returns it as committed.
	Append(ctx context.Context, workshopID string, e inquiry.Event) (inquiry.Event, error)
	// Events returns the committed events after the given sequence number:
	// the Room's own published log, whose chain and digests it has checked
	// (on loading, or as it stamped each event), so that screens may take
	// them in without checking every hash again. A Room must never pass on
	// events it has not checked. In production it is the data.Store.
	Events(workshopID string, after uint64) []inquiry.Event
	// Watch returns a bell rung after every change to the workshop, and a
	// function to stop watching.
	Watch(workshopID string) (<-chan struct{}, func())
	// WatchFor is Watch for a screen showing part of the workshop: its
	// bell rings only for events wants accepts, and never for presence.
	WatchFor(workshopID string, wants func(inquiry.Event) bool) (<-chan struct{}, func())
	// WatchConcerns is WatchFor by what an event touches (see
	// inquiry.Concern): the prompt and author of the contribution it acts
	// on, found by its ID, which an event alone does not say.
	WatchConcerns(workshopID string, wants func(inquiry.Concern) bool) (<-chan struct{}, func())
	Workshops() []inquiry.Summary
	ByCode(code string) (inquiry.Summary, bool)
	// Enter marks a live session in the workshop; the returned functions
	// move it and remove it.
	Enter(workshopID string, p inquiry.Presence) (func(inquiry.Presence), func())
	Present(workshopID string) []inquiry.Presence
	// Read calls read with the workshop's committed state, the one fold
	// every screen of the workshop shares: read only, and quickly (other
	// readers wait meanwhile), keeping nothing of it once read returns. A
	// screen may compare the *Workshop with the one a Read handed it
	// before: another one is the state made afresh (after an erasure).
	Read(workshopID string, read func(*inquiry.Workshop)) error
	// SaveDraft keeps a participant's unsent text, cheaply and out of the
	// log; Draft gives it back when they return.
	SaveDraft(workshopID, participantID string, d inquiry.Draft) error
	Draft(workshopID, participantID string) (inquiry.Draft, bool)
	// ResumeCode is the short code that lets a participant without a key
	// carry on after a dropped connection; Resume finds whose it is.
	ResumeCode(workshopID, participantID string) (string, error)
	Resume(workshopID, code string) (participantID string, ok bool)
	// ReissueResumeCode retires a participant's resume code at a
	// facilitator's request and returns the new one; the log records that
	// one was issued, never the code.
	ReissueResumeCode(ctx context.Context, workshopID string, by inquiry.Actor, participantID string) (string, error)
	// TextUse is how many bytes of people's words the workshop holds, of
	// its budget (0 for none), and whether facilitators are to be warned
	// that new words will soon be refused.
	TextUse(workshopID string) (used, budget int64, warn bool)
}

// Session is what a screen knows of the person at the other end.
type Session struct {
	// ID is unique per connection.
	ID string
	// Context ends when the connection does; screens stop watching then.
	Context context.Context
	Room    Room
	// Code is the join code typed as the SSH user; "" if none.
	Code string
	// Actor is a facilitator (ID = key fingerprint) or a participant (ID
	// filled in once they join).
	Actor inquiry.Actor
	// IdentityFor returns the keyed hash that recognises this person's key
	// in a workshop; nil when they connected without a key.
	IdentityFor func(workshopID string) string
	// Width and Height are the terminal's size at connection.
	Width, Height int
	// Language is the language the client's environment asks for (LANG,
	// LC_ALL: see words.FromEnviron), "" for none: offered first.
	Language string
	// Catalogue holds the words participants' screens show, in every
	// language; nil for the built-in one.
	Catalogue *words.Catalogue
}

// ShutdownMsg tells a screen that the server is stopping: it says so and
// ends the session (see Frame).
type ShutdownMsg struct{}

// Ctx is the session's context: done when the connection ends.
func (s Session) Ctx() context.Context {
	if s.Context == nil {
		return context.Background()
	}
	return s.Context
}

// Enter marks the session present in the workshop as p, until leave is
// called or the connection ends; move changes where it is.
func (s Session) Enter(workshopID string, p inquiry.Presence) (move func(inquiry.Presence), leave func()) {
	move, leave = s.Room.Enter(workshopID, p)
	return move, AtEnd(s.Ctx(), leave)
}

// NewID returns a random ID for something about to be written, chosen
// before the write, so that a retried write is recognised rather than
// duplicated.
func NewID() string { return rand.Text() }
