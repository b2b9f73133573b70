package data

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// DefaultTailEvents is how many of a workshop's newest events are kept
// decoded in memory: a screen catching up after a quiet spell in a busy
// room finds them there. A decoded event takes about 700 bytes, so this
// is under 3 MB a workshop however long its log.
const DefaultTailEvents = 4096

// workshopLog is one workshop's committed log as the store keeps it in
// memory: the newest events, its summary and the readers' shared fold.
type workshopLog struct {
	// tail holds the newest events in sequence order: tail[i].Seq ==
	// base+i+1. Appending never changes the elements readers already hold,
	// and trimming and erasures replace the slice instead of writing into
	// it. Events up to base are in the database alone (Events reads them).
	tail []inquiry.Event
	base uint64
	// baseHash is event base's hash ("" when base is 0): the anchor that
	// events read back from the database must chain to.
	baseHash string
	summary  inquiry.Summary
	// restoredAt is the head of the snapshot the store's start restored
	// the workshop from, 0 if it replayed the whole log.
	restoredAt uint64
	// read is the committed state for Read.
	read readFold
	// made are the committer's contributions for the published events
	// that added or changed them, for the readers' fold to share (read.go).
	made madeContributions
	// older keeps the events older than the tail for a while after a
	// reader needed them.
	older olderCache
	// broken is set when the log failed to verify after the store opened
	// (the check runs in the background): the workshop takes no more
	// writes, and every refusal says why.
	broken atomic.Pointer[error]
}

// head is the sequence number of the newest published event.
func (l *workshopLog) head() uint64 { return l.base + uint64(len(l.tail)) }

// brokenErr returns why the workshop takes no writes, or nil.
func (l *workshopLog) brokenErr() error {
	if err := l.broken.Load(); err != nil {
		return *err
	}
	return nil
}

// ErrBroken means a workshop's log failed its check: it takes no more
// writes until the log is restored from a backup. The error wrapping it
// says which event failed and how.
var ErrBroken = fmt.Errorf("the workshop's record failed its integrity check and takes no more contributions")

// appendTail publishes events after the tail and trims it to keep events,
// never dropping one the readers' fold has yet to take in unless it lags
// far behind. The caller holds s.mu for writing.
func (l *workshopLog) appendTail(events []inquiry.Event, keep int) {
	l.tail = append(l.tail, events...)
	if len(l.tail) < 2*keep {
		return
	}
	cut := len(l.tail) - keep
	if read := l.read.head.Load(); read < l.base+uint64(cut) && len(l.tail) < 8*keep {
		cut = int(max(read, l.base) - l.base)
	}
	l.trim(cut)
}

// trim drops the tail's first n events into the database's keeping.
func (l *workshopLog) trim(n int) {
	if n <= 0 {
		return
	}
	l.baseHash = l.tail[n-1].Hash
	l.base += uint64(n)
	// A new array: readers may hold the old one, which goes once they let
	// go of it.
	l.tail = append([]inquiry.Event(nil), l.tail[n:]...)
}

// Events returns a workshop's committed events with Seq > after, in order;
// nil if there are none (or no such workshop). Events in the tail are
// shared with the store and other readers: do not modify them. Older ones
// are read from the database and checked against the chain before they
// are returned: a screen that opens a long workshop reads its shared fold
// (Read) instead.
func (s *Store) Events(workshopID string, after uint64) []inquiry.Event {
	s.mu.RLock()
	l := s.logs[workshopID]
	if l == nil {
		s.mu.RUnlock()
		return nil
	}
	tail, base, anchor := l.tail, l.base, l.baseHash
	s.mu.RUnlock()
	n := uint64(len(tail))
	if after >= base+n {
		return nil
	}
	if after >= base {
		// The capacity is cut so that a caller's append cannot write into
		// the store's array.
		return tail[after-base : n : n]
	}
	older, err := s.olderPrefix(l, workshopID, base, anchor)
	if err != nil {
		s.log.Error("a workshop's older events do not read back as they were checked", "workshop", workshopID, "err", err)
		s.markBroken(workshopID, err)
		return nil
	}
	return append(slices.Clone(older[after:]), tail...)
}

// olderEvents reads events after+1 to upTo from the database and checks
// them: each carries the hash of its content and its words' digests, each
// names the one before, and the last is anchor, the hash of event upTo the
// store checked when it loaded or stamped it. So nothing changed in the
// database since can pass.
func (s *Store) olderEvents(workshopID string, after, upTo uint64, anchor string) ([]inquiry.Event, error) {
	events := make([]inquiry.Event, 0, upTo-after)
	err := s.view(func(txn *badger.Txn) error {
		return scanEventsFrom(txn, workshopID, after+1, upTo, func(e inquiry.Event) error {
			events = append(events, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("data: workshop %s: read events %d to %d: %w", workshopID, after+1, upTo, err)
	}
	if err := checkRun(events, after, upTo, anchor); err != nil {
		return nil, fmt.Errorf("data: workshop %s: %w", workshopID, err)
	}
	return events, nil
}

// checkRun checks a run of events read back from the database (see
// olderEvents).
func checkRun(events []inquiry.Event, after, upTo uint64, anchor string) error {
	if uint64(len(events)) != upTo-after {
		return fmt.Errorf("%w: events %d to %d: %d found", inquiry.ErrInvalid, after+1, upTo, len(events))
	}
	for i, e := range events {
		if e.Seq != after+uint64(i)+1 {
			return fmt.Errorf("event %d: %w: out of place", e.Seq, inquiry.ErrInvalid)
		}
		if i > 0 && e.Prev != events[i-1].Hash {
			return fmt.Errorf("event %d: %w: chain broken", e.Seq, inquiry.ErrInvalid)
		}
		if e.ChainHash() != e.Hash {
			return fmt.Errorf("event %d: %w: hash does not match its content", e.Seq, inquiry.ErrInvalid)
		}
		for _, w := range e.Words() {
			if !w.Sealed() || !w.Intact() {
				return fmt.Errorf("event %d: %w: text does not match its digest", e.Seq, inquiry.ErrInvalid)
			}
		}
	}
	if len(events) > 0 && events[len(events)-1].Hash != anchor {
		return fmt.Errorf("event %d: %w: not the event the store checked", upTo, inquiry.ErrInvalid)
	}
	return nil
}

// wholeLog is a workshop's whole committed log, read back where it is
// older than the tail: for the rare writer that needs all of it (an
// erasure, a repeat of something long ago).
func (s *Store) wholeLog(workshopID string) ([]inquiry.Event, error) {
	s.mu.RLock()
	l := s.logs[workshopID]
	if l == nil {
		s.mu.RUnlock()
		return nil, nil
	}
	tail, base, anchor := l.tail, l.base, l.baseHash
	s.mu.RUnlock()
	if base == 0 {
		return tail, nil
	}
	older, err := s.olderPrefix(l, workshopID, base, anchor)
	if err != nil {
		return nil, err
	}
	return append(slices.Clone(older), tail...), nil
}

// brokenErr returns why a workshop takes no writes, or nil.
func (s *Store) brokenErr(workshopID string) error {
	s.mu.RLock()
	l := s.logs[workshopID]
	s.mu.RUnlock()
	if l == nil {
		return nil
	}
	return l.brokenErr()
}

// markBroken stops a workshop taking writes, for the reason err gives.
func (s *Store) markBroken(workshopID string, err error) {
	s.mu.RLock()
	l := s.logs[workshopID]
	s.mu.RUnlock()
	if l == nil {
		return
	}
	wrapped := fmt.Errorf("%w: %w", ErrBroken, err)
	if l.broken.CompareAndSwap(nil, &wrapped) {
		s.log.Error("a workshop's record failed its check: it takes no more contributions until it is restored from a backup",
			"workshop", workshopID, "err", err)
	}
}

// olderKept is how long the events older than a workshop's tail stay
// decoded after the last reader that needed them. Screens opening a long
// workshop one after another (until every screen reads its shared fold
// instead of the log) then decode it once, not each: 30,000 events take
// half a second to read back and check, and about 20 MB.
const olderKept = 30 * time.Second

// olderCache is a workshop's events older than its tail, checked, while
// readers need them. Its lock is held while they are read back, so
// readers arriving together share one read.
type olderCache struct {
	mu     sync.Mutex
	events []inquiry.Event // events 1 to len(events)
	last   time.Time       // when last used
}

// olderPrefix returns events 1 to base of a workshop (base and anchor are
// its tail's), from the cache or read back and checked (olderEvents). A
// cache that stops short of base is extended with the events since.
func (s *Store) olderPrefix(l *workshopLog, workshopID string, base uint64, anchor string) ([]inquiry.Event, error) {
	c := &l.older
	c.mu.Lock()
	defer c.mu.Unlock()
	have := uint64(len(c.events))
	switch {
	case have >= base:
	case have > 0:
		more, err := s.olderEvents(workshopID, have, base, anchor)
		if err != nil {
			return nil, err
		}
		if more[0].Prev != c.events[have-1].Hash {
			return nil, fmt.Errorf("data: workshop %s: event %d: %w: chain broken", workshopID, more[0].Seq, inquiry.ErrInvalid)
		}
		c.events = append(c.events[:have:have], more...)
	default:
		events, err := s.olderEvents(workshopID, 0, base, anchor)
		if err != nil {
			return nil, err
		}
		c.events = events
		time.AfterFunc(olderKept, c.expire)
	}
	c.last = time.Now()
	return c.events[:base:base], nil
}

// expire drops the cached events once no reader has needed them for
// olderKept, and looks again later otherwise.
func (c *olderCache) expire() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.events == nil {
		return
	}
	if idle := time.Since(c.last); idle < olderKept {
		time.AfterFunc(olderKept-idle, c.expire)
		return
	}
	c.events = nil
}

// drop forgets the cached events: an erasure rewrote some, or the log was
// read back whole.
func (c *olderCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.events = nil
}
