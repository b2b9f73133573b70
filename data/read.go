package data

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/anchorage/anchorage/inquiry"
)

// readFold is a workshop's committed state for readers: one fold per
// workshop shared by every screen, participants' and facilitators', rather
// than one per session.
//
// It is not the committer's fold. The committer folds each event as it
// admits it, before the batch is written: its fold runs ahead of what is
// durable, and after a failed write it is rebuilt. Readers must see only
// what is committed, and must never wait for a disk. So readers keep their
// own fold and bring it up to date with the published log themselves,
// under a lock of their own that the committer never takes: readers read
// it together (RLock), and the one that finds it behind takes it alone for
// the few microseconds an event costs. The two folds share their strings,
// the guide and the contributions themselves (madeContributions), which
// no fold changes in place: a second fold costs its indexes, about 100
// bytes a contribution.
type readFold struct {
	mu sync.RWMutex
	w  *inquiry.Workshop
	// spent is the participants' allowances as w's events spent them, for
	// the snapshots taken of w (snapshot_limits.go).
	spent spending
	// head is w.Head, for the committer, which trims the tail of the log
	// but not what this fold has yet to take in.
	head atomic.Uint64
}

// Read calls read with the workshop's committed state, brought up to date
// with its log. The state is shared: read must not change it or keep it
// (copy what it shows), and must be quick: a reader that finds the state
// behind waits for the readers before it to finish.
func (s *Store) Read(workshopID string, read func(*inquiry.Workshop)) error {
	return s.readState(workshopID, func(w *inquiry.Workshop, _ spending) { read(w) })
}

// readState is Read with the allowances the fold's events spent, which
// are as shared as the fold.
func (s *Store) readState(workshopID string, read func(*inquiry.Workshop, spending)) error {
	s.mu.RLock()
	l, ok := s.logs[workshopID]
	var head uint64
	if ok {
		head = l.head()
	}
	s.mu.RUnlock()
	if !ok {
		return fmt.Errorf("data: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	rf := &l.read
	rf.mu.RLock()
	if rf.w == nil || rf.w.Head < head {
		rf.mu.RUnlock()
		if err := s.catchUp(workshopID, l); err != nil {
			return err
		}
		rf.mu.RLock()
	}
	defer rf.mu.RUnlock()
	read(rf.w, rf.spent)
	return nil
}

// catchUp folds the events published since the readers' fold last caught
// up, or builds it again if it was dropped.
func (s *Store) catchUp(workshopID string, l *workshopLog) error {
	rf := &l.read
	rf.mu.Lock()
	defer rf.mu.Unlock()
	var from uint64
	if rf.w != nil {
		from = rf.w.Head
	}
	// The published log was checked when the store loaded it or stamped
	// its events: fold it by the rules without checking every hash again.
	events := s.Events(workshopID, from)
	if rf.w == nil {
		w, err := inquiry.ReplayStamped(events)
		if err != nil {
			return fmt.Errorf("data: workshop %s: %w", workshopID, err)
		}
		rf.w, rf.spent = w, learned(s.allowance, events)
	} else {
		if rf.spent == nil {
			rf.spent = spending{}
		}
		for _, e := range events {
			if err := rf.w.ApplyStamped(e); err != nil {
				rf.w, from = nil, 0 // start again next time rather than serve a broken fold
				rf.head.Store(0)
				return fmt.Errorf("data: workshop %s: %w", workshopID, err)
			}
			rf.spent.spend(s.allowance, e)
		}
	}
	rf.head.Store(rf.w.Head)
	for _, c := range l.made.take(rf.w.Head) {
		rf.w.Share(c)
	}
	return nil
}

// madeContributions hands the readers' fold the contributions the
// committer's fold made or changed with the events it published, so that
// the two folds hold each contribution once (inquiry's share.go): a second
// copy would cost some 400 bytes a contribution. A fold never changes a
// contribution in place, so the committer's stay as they were made.
type madeContributions struct {
	mu   sync.Mutex
	list []madeBy // in the order published
}

// madeBy is a contribution as the committer's fold held it after
// publishing the event seq, which added or changed it.
type madeBy struct {
	seq uint64
	c   *inquiry.Contribution
}

// offer keeps the committer's contributions for the published events
// that added or changed them, at most keep of them: those of a workshop
// nobody reads are dropped in time (the readers' fold keeps its own
// copies).
func (m *madeContributions) offer(committer *inquiry.Workshop, published []inquiry.Event, keep int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range published {
		id := e.Target
		if e.Contribution != nil {
			id = e.Contribution.ID
		}
		if c, ok := committer.Contribution(id); ok {
			m.list = append(m.list, madeBy{seq: e.Seq, c: c})
		}
	}
	if over := len(m.list) - keep; over > 0 {
		m.list = slices.Delete(m.list, 0, over)
	}
}

// take returns the contributions of the events up to head, and keeps the
// rest for a later catch-up.
func (m *madeContributions) take(head uint64) []*inquiry.Contribution {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for n < len(m.list) && m.list[n].seq <= head {
		n++
	}
	if n == 0 {
		return nil
	}
	taken := make([]*inquiry.Contribution, n)
	for i, made := range m.list[:n] {
		taken[i] = made.c
	}
	m.list = slices.Delete(m.list, 0, n)
	return taken
}

// setRead replaces the readers' fold and the allowances its events spent,
// for a fold the store has just built: at load, and after a failed commit
// was undone. They are the readers' own: the caller keeps no reference.
func (l *workshopLog) setRead(w *inquiry.Workshop, spent spending) {
	l.read.mu.Lock()
	defer l.read.mu.Unlock()
	l.read.w, l.read.spent = w, spent
	if w != nil {
		l.read.head.Store(w.Head)
	} else {
		l.read.head.Store(0)
	}
}
