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

	"charm.land/ssh"

	"github.com/anchorage/anchorage/inquiry"
)

// enrolAlphabet leaves out characters that are easily confused when read
// off a screen or aloud: 0 and o, 1, i and l.
const enrolAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// ErrEnrolmentClosed means there is no enrolment code to match: the server
// started with a facilitator, the code has been used, or too many wrong
// codes were tried.
var ErrEnrolmentClosed = errors.New("enrolment is closed")

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
		return fmt.Errorf("that is not the enrolment code (%d more tries before it is withdrawn)", e.max-e.failures)
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

// enrolFunc is what the enrolment screen calls with the code a person
// typed: if it matches, the key the session authenticated with becomes a
// facilitator key. The SSH client's key comment never reaches the server,
// so without a name (see enrolNamedFunc) the name is a number.
func (s *Server) enrolFunc(sess ssh.Session, v visitor) func(code string) error {
	named := s.enrolNamedFunc(sess.Context(), v)
	return func(code string) error { return named(code, "") }
}

// enrolNamedFunc is enrolFunc for a screen that also asks the person's
// name: the name is kept with their key and put on everything they do,
// so screens and reports name them rather than show a fingerprint. An
// empty name gives a numbered one; a name too long is refused before the
// code is used up.
func (s *Server) enrolNamedFunc(ctx context.Context, v visitor) func(code, name string) error {
	return func(code, name string) error {
		name = inquiry.CleanLine(name)
		if inquiry.RuneCount(name) > inquiry.MaxNameRunes {
			return fmt.Errorf("a name is at most %d characters", inquiry.MaxNameRunes)
		}
		return s.enrolment.try(code, func() error {
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
		})
	}
}
