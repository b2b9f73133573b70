package sshserver

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// joinGuard is the Room a participant's screen is given: the store, with
// every join and resume code lookup counted against the limits on
// guessing (see lookups.go).
//
// Each lookup comes in two forms. ByCode and Resume are tui.Room's: they
// wait inside the caller, so a screen calling them from its Update is
// frozen for the wait. ReserveCode and ReserveResume are for a screen
// that keeps drawing: they say at once how long the lookup will wait, and
// return the lookup itself to run off the Update loop (as a tea.Cmd); it
// ends early when its context or the session ends.
//
// (The participant's screen has its own limit per session and says
// goodbye itself when it reaches it; the wrong code that reaches the
// connection's limit here makes the session exit with status 1 without
// a second message, and a lookup beyond it ends the session with one.)
type joinGuard struct {
	tui.Room
	server *Server
	conn   *connState
	ending *ending
}

// ByCode looks a join code up, if the limits allow, after any wait they
// impose. A refusal ends the session with its reason: false would be
// read as "no workshop has that code", which may not be true.
func (g *joinGuard) ByCode(code string) (inquiry.Summary, bool) {
	_, find := g.ReserveCode(code)
	w, err := find(context.Background())
	g.endIfRefused(err)
	return w, err == nil
}

// Resume looks a resume code up under the same limits as a join code: a
// resume code opens someone's words to whoever types it.
func (g *joinGuard) Resume(workshopID, code string) (string, bool) {
	_, find := g.ReserveResume(workshopID, code)
	id, err := find(context.Background())
	g.endIfRefused(err)
	return id, err == nil
}

// ReserveCode asks to look a join code up and returns how long the lookup
// will wait before it is made, and the lookup. The lookup returns the
// workshop; or an error wrapping inquiry.ErrNotFound for a wrong code;
// one wrapping inquiry.ErrTooManyCodes, whose message is for the person,
// when the limits will not look (codes are being guessed so fast from the
// address that the queue is too long: try again after the wait it names;
// or the connection has used up its wrong codes, and the session is
// ending); or ctx's error, or context.Canceled once the session has
// ended, if they come before the wait is over.
func (g *joinGuard) ReserveCode(code string) (time.Duration, func(context.Context) (inquiry.Summary, error)) {
	var w inquiry.Summary
	wait, run := g.reserve(joinKey(code), func() bool {
		var ok bool
		w, ok = g.Room.ByCode(code)
		return ok
	})
	return wait, func(ctx context.Context) (inquiry.Summary, error) {
		if err := run(ctx); err != nil {
			return inquiry.Summary{}, err
		}
		return w, nil
	}
}

// ReserveResume is ReserveCode for a resume code in the workshop: the
// lookup returns the participant the code belongs to. The right code of
// someone who cannot come back is no guess: the lookup returns why
// (inquiry.ErrBlocked for someone a facilitator removed,
// inquiry.ErrNotAllowed for someone who left), for the screen to say.
func (g *joinGuard) ReserveResume(workshopID, code string) (time.Duration, func(context.Context) (string, error)) {
	var id string
	var refused error
	wait, run := g.reserve(resumeKey(workshopID, code), func() bool {
		id, refused = g.resumeParticipant(workshopID, code)
		return refused == nil || errors.Is(refused, inquiry.ErrBlocked) || errors.Is(refused, inquiry.ErrNotAllowed)
	})
	return wait, func(ctx context.Context) (string, error) {
		if err := run(ctx); err != nil {
			return "", err
		}
		return id, refused
	}
}

// resumeParticipant finds whose a resume code is, or why it brings nobody
// back, from a store that says why (data.Store does).
func (g *joinGuard) resumeParticipant(workshopID, code string) (string, error) {
	if r, ok := g.Room.(interface {
		ResumeParticipant(workshopID, code string) (string, error)
	}); ok {
		return r.ResumeParticipant(workshopID, code)
	}
	if id, ok := g.Room.Resume(workshopID, code); ok {
		return id, nil
	}
	return "", fmt.Errorf("resume code: %w", inquiry.ErrNotFound)
}

// reserve reserves a guess under key and returns its wait and the lookup,
// which runs find and says how it went.
func (g *joinGuard) reserve(key string, find func() bool) (time.Duration, func(context.Context) error) {
	guess, err := g.server.reserveGuess(g.conn, key, g.ending.done)
	if err != nil {
		if g.exhausted() {
			g.ending.end(err.Error()) // nothing more to try on this connection
		}
		return 0, func(context.Context) error { return err }
	}
	return guess.wait, func(ctx context.Context) error {
		found, spent, err := guess.run(ctx, g.ending.done, find)
		switch {
		case err != nil:
			return err
		case found:
			return nil
		case spent:
			g.ending.fail()
		}
		return fmt.Errorf("no match for that code: %w", inquiry.ErrNotFound)
	}
}

// exhausted reports whether the connection has used up its wrong codes.
func (g *joinGuard) exhausted() bool {
	return g.conn.joinMisses.Load() >= int32(g.server.cfg.MaxJoinAttempts)
}

// endIfRefused ends the session with the reason the limits refused a
// lookup, if they did.
func (g *joinGuard) endIfRefused(err error) {
	if errors.Is(err, inquiry.ErrTooManyCodes) {
		g.ending.end(err.Error())
	}
}
