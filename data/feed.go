package data

import (
	"slices"
	"sync"

	"github.com/anchorage/anchorage/inquiry"
)

// feed holds the doorbells and the presence of live sessions, under a lock
// of its own so that ringing never waits on readers of the logs.
type feed struct {
	mu sync.Mutex
	// watchers are each workshop's doorbells, with what each wants to be
	// rung for: nothing set for everything, presence included.
	watchers map[string]map[chan struct{}]wanting
	present  map[string]map[uint64]inquiry.Presence // by entry number
	entries  uint64                                 // the last entry number given out
}

func (f *feed) init() {
	f.watchers = map[string]map[chan struct{}]wanting{}
	f.present = map[string]map[uint64]inquiry.Presence{}
}

// Watch returns a doorbell for a workshop: a channel of capacity 1 rung
// after every commit to the workshop and every change of presence in it.
// A ring carries no data; the reader then calls Events or Present. Rings
// never wait, so a bell already full just means "something new" and a slow
// reader holds up no one. stop unsubscribes; it is safe to call twice.
func (s *Store) Watch(workshopID string) (bell <-chan struct{}, stop func()) {
	return s.watch(workshopID, wanting{})
}

// wanting is what a doorbell rings for: events an event test accepts, or
// whose concern a concern test accepts; every change, presence included,
// when neither is set.
type wanting struct {
	event   func(inquiry.Event) bool
	concern func(inquiry.Concern) bool
}

func (w wanting) everything() bool { return w.event == nil && w.concern == nil }

// wants reports whether any of the events (with their concerns) is
// wanted.
func (w wanting) wants(events []inquiry.Event, concerns []inquiry.Concern) bool {
	switch {
	case w.event != nil:
		return slices.ContainsFunc(events, w.event)
	case w.concern != nil:
		return slices.ContainsFunc(concerns, w.concern)
	}
	return true
}

// WatchFor is Watch for a screen that shows only part of a workshop: its
// bell rings only after a commit with an event wants accepts, and never
// for presence. wants runs on the committer's goroutine for each new
// event, so it must be quick and safe to call from there (read what it
// depends on atomically). A room of participants each watching for what
// concerns them is rung once per relevant event, not once per event.
func (s *Store) WatchFor(workshopID string, wants func(inquiry.Event) bool) (bell <-chan struct{}, stop func()) {
	if wants == nil {
		wants = func(inquiry.Event) bool { return true }
	}
	return s.watch(workshopID, wanting{event: wants})
}

// WatchConcerns is WatchFor by what an event touches (inquiry.Concern):
// the prompt and author of the contribution it adds or acts on by its ID,
// whose ballot or joining it is, or the whole room. A screen showing one
// prompt is then rung for a contribution hidden or deleted there and not
// for one hidden elsewhere, which an event alone (a target ID) cannot
// tell it. wants runs on the committer's goroutine, as for WatchFor.
func (s *Store) WatchConcerns(workshopID string, wants func(inquiry.Concern) bool) (bell <-chan struct{}, stop func()) {
	if wants == nil {
		wants = func(inquiry.Concern) bool { return true }
	}
	return s.watch(workshopID, wanting{concern: wants})
}

func (s *Store) watch(workshopID string, wants wanting) (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	f := &s.feed
	f.mu.Lock()
	if f.watchers[workshopID] == nil {
		f.watchers[workshopID] = map[chan struct{}]wanting{}
	}
	f.watchers[workshopID][ch] = wants
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

// ring rings, without waiting, every doorbell of a workshop that wants one
// of the events just committed (concerns[i] is what events[i] touches).
func (f *feed) ring(workshopID string, events []inquiry.Event, concerns []inquiry.Concern) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for ch, wants := range f.watchers[workshopID] {
		if wants.wants(events, concerns) {
			ringOne(ch)
		}
	}
}

// ringPresence rings the doorbells that follow presence: those that want
// everything.
func (f *feed) ringPresence(workshopID string) {
	for ch, wants := range f.watchers[workshopID] {
		if wants.everything() {
			ringOne(ch)
		}
	}
}

func ringOne(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default: // already rung: the reader will see this too
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
	f.ringPresence(workshopID)
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
		f.ringPresence(workshopID)
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
		f.ringPresence(workshopID)
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
