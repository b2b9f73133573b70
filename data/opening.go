package data

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
)

// OpenWorkshop records a new workshop. An empty d.ID is generated; a given
// one must be 16 lower-case hex characters. An empty d.Code is generated,
// unique; a given one is lower-cased and must be free (ErrCodeTaken). An
// empty d.Pacing means self-paced. The committer makes these choices, so
// two concurrent opens with the same code cannot both win.
func (s *Store) OpenWorkshop(ctx context.Context, by inquiry.Actor, d inquiry.WorkshopDetails) (inquiry.Summary, error) {
	e := inquiry.Event{Type: inquiry.WorkshopOpened, Actor: by, Workshop: &d}
	opened, err := s.submit(ctx, &request{event: e, opening: true})
	if err != nil {
		return inquiry.Summary{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	l := s.logs[opened.Workshop.ID]
	if l == nil {
		// The committer answers only after publishing: this is a bug.
		return inquiry.Summary{}, fmt.Errorf("data: workshop %s was opened but is not published", opened.Workshop.ID)
	}
	return l.summary, nil
}

// codeAttempts bounds the search for a free join code. There are 920,000
// codes, so a run of collisions this long means nearly all are taken.
const codeAttempts = 100

// reserve completes a new workshop's details: ID, join code, pacing.
func (c *committer) reserve(d inquiry.WorkshopDetails) (inquiry.WorkshopDetails, error) {
	if d.Pacing == "" {
		d.Pacing = inquiry.SelfPaced
	}
	switch {
	case d.ID == "":
		for d.ID = newWorkshopID(); c.folds[d.ID] != nil; d.ID = newWorkshopID() {
		}
	case !validWorkshopID(d.ID):
		return d, fmt.Errorf("%w: workshop ID %q: use %d lower-case hex characters", inquiry.ErrInvalid, d.ID, workshopIDLen)
	case c.folds[d.ID] != nil:
		return d, fmt.Errorf("workshop %s: %w", d.ID, inquiry.ErrConflict)
	}
	d.Code = strings.ToLower(strings.TrimSpace(d.Code))
	if d.Code != "" {
		if err := inquiry.ValidCode(d.Code); err != nil {
			return d, err
		}
		if _, taken := c.codes[codeKey(d.Code)]; taken {
			return d, fmt.Errorf("%q: %w", d.Code, ErrCodeTaken)
		}
		return d, nil
	}
	for range codeAttempts {
		var random [4]byte
		rand.Read(random[:]) // crypto/rand.Read never fails (Go 1.24+)
		if code := inquiry.NewCode(random[:]); c.codes[codeKey(code)] == "" {
			d.Code = code
			return d, nil
		}
	}
	return d, fmt.Errorf("no free join code after %d tries: %w", codeAttempts, ErrCodeTaken)
}
