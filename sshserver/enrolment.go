package sshserver

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/anchorage/anchorage/inquiry"
)

// enrolAlphabet leaves out characters that are easily confused when read
// off a screen or aloud: 0 and o, 1, i and l.
const enrolAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// ErrEnrolmentClosed means there is no enrolment code to match: the server
// started with a facilitator, the code has been used, or too many wrong
// codes were tried.
var ErrEnrolmentClosed = errors.New("enrolment is closed")

// errWrongEnrolCode is a typed code that is not the enrolment code.
var errWrongEnrolCode = errors.New("that is not the enrolment code")

// enrolment is the one-time code that lets the first facilitator enrol
// their key when the server has none. It lives in memory only: a restart
// makes a new one, and the code never reaches the disk or the log.
type enrolment struct {
	mu       sync.Mutex
	code     string // "" once used or withdrawn
	failures int
	max      int
}

// newEnrolment makes a code of four groups of four, such as
// "k7mq-2xhd-p9ta-wn3e": about 79 bits, far beyond guessing.
func newEnrolment(maxFailures int) (*enrolment, error) {
	var b strings.Builder
	n := big.NewInt(int64(len(enrolAlphabet)))
	for i := range 16 {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		r, err := rand.Int(rand.Reader, n)
		if err != nil {
			return nil, fmt.Errorf("enrolment code: %w", err)
		}
		b.WriteByte(enrolAlphabet[r.Int64()])
	}
	return &enrolment{code: b.String(), max: maxFailures}, nil
}

// Code is the code to show the person who started the server, or "" when
// enrolment is closed.
func (e *enrolment) Code() string {
	if e == nil {
		return ""
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.code
}

// try checks a typed code and, if it matches, runs enrol and closes
// enrolment. The lock is held throughout, so two people typing the right
// code at once cannot both enrol.
func (e *enrolment) try(typed string, enrol func() error) error {
	if e == nil {
		return fmt.Errorf("%w: this server already has a facilitator, who can add your key to its facilitators file", ErrEnrolmentClosed)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.code == "" {
		return fmt.Errorf("%w: the code has been used, or too many wrong codes were tried; restarting the server makes a new one", ErrEnrolmentClosed)
	}
	// Constant time, so the code cannot be found a character at a time
	// from how long a refusal takes.
	if subtle.ConstantTimeCompare(normaliseEnrolCode(typed), normaliseEnrolCode(e.code)) != 1 {
		e.failures++
		if e.failures >= e.max {
			e.code = ""
			return fmt.Errorf("%w: too many wrong codes; restarting the server makes a new one", ErrEnrolmentClosed)
		}
		return fmt.Errorf("%w (%d more tries before it is withdrawn)", errWrongEnrolCode, e.max-e.failures)
	}
	if err := enrol(); err != nil {
		return err
	}
	e.code = ""
	return nil
}

// normaliseEnrolCode forgives case, spaces and hyphens.
func normaliseEnrolCode(s string) []byte {
	s = strings.ToLower(s)
	return []byte(strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, s))
}

// enrolNamedFunc is what the enrolment screen calls with the code a
// person typed and the name they gave: if the code matches, the key the
// session authenticated with becomes a facilitator key, and the name is
// kept with it and put on everything they do, so screens and reports name
// them rather than show a fingerprint (the SSH client's key comment never
// reaches the server). An empty name gives a numbered one; a name too long
// is refused before the code is used up.
func (s *Server) enrolNamedFunc(ctx context.Context, v visitor) func(code, name string) error {
	return func(code, name string) error {
		name = inquiry.CleanLine(name)
		if inquiry.RuneCount(name) > inquiry.MaxNameRunes {
			return fmt.Errorf("a name is at most %d characters", inquiry.MaxNameRunes)
		}
		return s.tryEnrolCode(ctx, code, s.enrolWith(ctx, v, name))
	}
}

// tryEnrolCode tries a typed enrolment code. It is a guess, counted and
// slowed like a join code (see lookups.go), unless enrolment is closed and
// there is nothing to guess.
func (s *Server) tryEnrolCode(ctx context.Context, code string, enrol func() error) error {
	if s.enrolment.Code() == "" {
		return s.enrolment.try(code, enrol) // closed: says why
	}
	cs, ok := connOf(ctx)
	if !ok {
		return errors.New("this connection was not admitted") // not reached: fail closed
	}
	done := ctx.Done()
	key := string(normaliseEnrolCode(code))
	if len(key) > 64 {
		key = key[:64] // a guesser's long strings are not kept whole
	}
	g, err := s.reserveGuess(cs, "enrol:"+key, done)
	if err != nil {
		return err
	}
	var tried error
	_, _, err = g.run(ctx, done, func() bool {
		tried = s.enrolment.try(code, enrol)
		return !errors.Is(tried, errWrongEnrolCode) && !errors.Is(tried, ErrEnrolmentClosed)
	})
	if err != nil {
		return err
	}
	return tried
}

// enrolWith makes the session's key a facilitator key, with the name
// given, or a numbered one.
func (s *Server) enrolWith(ctx context.Context, v visitor, name string) func() error {
	return func() error {
		if s.store.IsFacilitator(v.key) && name == "" {
			return nil
		}
		if name == "" {
			name = fmt.Sprintf("facilitator-%d", len(s.store.Facilitators())+1)
		}
		if err := s.store.EnrolFacilitator(ctx, v.key, name); err != nil {
			return fmt.Errorf("enrol this key: %w", err)
		}
		s.log.Info("facilitator enrolled", "name", name, "key", fingerprint(v.key), "remote", v.remote)
		return nil
	}
}
