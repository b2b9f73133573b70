package data

import (
	"slices"
	"sync"

	"github.com/anchorage/anchorage/inquiry"
)

// feed holds the doorbells and the presence of live sessions, under a lock
// of its own so that ringing never waits on readers of the logs.
type feed struct {
	mu       sync.Mutex
	watchers map[string]map[chan struct{}]struct{}
	present  map[string]map[uint64]inquiry.Presence // by entry number
	entries  uint64                                 // the last entry number given out
}

func (f *feed) init() {
	f.watchers = map[string]map[chan struct{}]struct{}{}
	f.present = map[string]map[uint64]inquiry.Presence{}
}

// Watch returns a doorbell for a workshop: a channel of capacity 1 rung
// after every commit to the workshop and every change of presence in it.
// A ring carries no data; the reader then calls Events or Present. Rings
// never wait, so a bell already full just means "something new" and a slow
// reader holds up no one. stop unsubscribes; it is safe to call twice.
func (s *Store) Watch(workshopID string) (bell <-chan struct{}, stop func()) {
	ch := make(chan struct{}, 1)
	f := &s.feed
	f.mu.Lock()
	if f.watchers[workshopID] == nil {
		f.watchers[workshopID] = map[chan struct{}]struct{}{}
	}
	f.watchers[workshopID][ch] = struct{}{}
	f.mu.Unlock()
	return ch, sync.OnceFunc(func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		delete(f.watchers[workshopID], ch)
		if len(f.watchers[workshopID]) == 0 {
			delete(f.watchers, workshopID)
		}
	})
}

// ring rings every doorbell of a workshop without waiting.
func (f *feed) ring(workshopID string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.ringLocked(workshopID)
}

func (f *feed) ringLocked(workshopID string) {
	for ch := range f.watchers[workshopID] {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// Enter records a live session in a workshop and rings the bell. update
// replaces the session's presence: Since is kept while the session stays at
// the same prompt and reset when it moves. leave removes it; it is safe to
// call twice, and update does nothing after it. Presence is not stored.
func (s *Store) Enter(workshopID string, p inquiry.Presence) (update func(inquiry.Presence), leave func()) {
	f := &s.feed
	f.mu.Lock()
	f.entries++
	n := f.entries
	if f.present[workshopID] == nil {
		f.present[workshopID] = map[uint64]inquiry.Presence{}
	}
	p.Since = s.now()
	f.present[workshopID][n] = p
	f.ringLocked(workshopID)
	f.mu.Unlock()

	update = func(p inquiry.Presence) {
		f.mu.Lock()
		defer f.mu.Unlock()
		old, ok := f.present[workshopID][n]
		if !ok {
			return
		}
		p.Since = old.Since
		if p.Prompt != old.Prompt {
			p.Since = s.now()
		}
		f.present[workshopID][n] = p
		f.ringLocked(workshopID)
	}
	leave = func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		if _, ok := f.present[workshopID][n]; !ok {
			return
		}
		delete(f.present[workshopID], n)
		if len(f.present[workshopID]) == 0 {
			delete(f.present, workshopID)
		}
		f.ringLocked(workshopID)
	}
	return update, leave
}

// Present returns the live sessions in a workshop, in the order they
// entered.
func (s *Store) Present(workshopID string) []inquiry.Presence {
	f := &s.feed
	f.mu.Lock()
	defer f.mu.Unlock()
	entries := f.present[workshopID]
	order := make([]uint64, 0, len(entries))
	for n := range entries {
		order = append(order, n)
	}
	slices.Sort(order)
	all := make([]inquiry.Presence, len(order))
	for i, n := range order {
		all[i] = entries[n]
	}
	return all
}
