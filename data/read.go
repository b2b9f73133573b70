package data

import (
	"fmt"
	"sync"

	"github.com/anchorage/anchorage/inquiry"
)

// readFold is a workshop's committed state for readers, brought up to date
// with the log on demand: one fold per workshop shared by every screen,
// rather than one per session.
type readFold struct {
	mu sync.Mutex
	w  *inquiry.Workshop
}

// Read calls read with the workshop's committed state, brought up to date
// with its log. The state is shared: read must not change it or keep it,
// and must be quick, because other readers of the workshop wait meanwhile.
func (s *Store) Read(workshopID string, read func(*inquiry.Workshop)) error {
	s.mu.RLock()
	l, ok := s.logs[workshopID]
	s.mu.RUnlock()
	if !ok {
		return fmt.Errorf("data: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	l.read.mu.Lock()
	defer l.read.mu.Unlock()
	// The log is read under the fold's lock: a log read before it could be
	// older than what another reader has already folded in.
	s.mu.RLock()
	events := l.events
	s.mu.RUnlock()
	if l.read.w == nil {
		l.read.w = &inquiry.Workshop{}
	}
	// The published log was checked when the store loaded it or stamped
	// its events: fold it by the rules without checking every hash again.
	for _, e := range events[l.read.w.Head:] {
		if err := l.read.w.ApplyStamped(e); err != nil {
			l.read.w = nil // start again next time rather than serve a broken fold
			return fmt.Errorf("data: workshop %s: %w", workshopID, err)
		}
	}
	read(l.read.w)
	return nil
}
