package data

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// loaded is one workshop as a start found it.
type loaded struct {
	fold *inquiry.Workshop
	// spent is the allowances as the events up to the fold's head spent
	// them: the snapshot's, with the tail's spent on top.
	spent spending
	// tail holds the events folded after the snapshot (every event, when
	// there was none); base and baseHash are the snapshot's head.
	tail     []inquiry.Event
	base     uint64
	baseHash string
	// erasures are the withdrawals and erasures among the tail's events: a
	// crash may have cut one short (finishErasures).
	erasures []erasure
	// check is the check of the whole chain left for the background when a
	// snapshot stood in for the log up to its head.
	check *chainCheck
}

// loadWorkshops finds every workshop, restores each from its latest
// snapshot and the events after it, or replays its whole log when it has
// no snapshot fit to use, and publishes them. It returns the committer
// holding each workshop's state, the checks of whole chains left for the
// background (verify.go), and the erasures it met.
func (s *Store) loadWorkshops() (*committer, []chainCheck, map[string][]erasure, error) {
	c := newCommitter(s)
	var checks []chainCheck
	erasures := map[string][]erasure{}
	err := s.db.View(func(txn *badger.Txn) error {
		ids, err := workshopIDs(txn)
		if err != nil {
			return err
		}
		for _, id := range ids {
			ld, err := s.loadWorkshop(txn, id)
			if err != nil {
				return err
			}
			if ld.check != nil {
				checks = append(checks, *ld.check)
			}
			if len(ld.erasures) > 0 {
				erasures[id] = ld.erasures
			}
			c.adopt(id, ld)
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("data: read workshops: %w", err)
	}
	slices.SortFunc(s.order, func(a, b string) int {
		return cmp.Or(s.logs[a].summary.OpenedAt.Compare(s.logs[b].summary.OpenedAt), strings.Compare(a, b))
	})
	return c, checks, erasures, nil
}

// adopt publishes a loaded workshop, its state as the readers' fold. The
// committer makes its own copy when it starts (ownFolds), so the copy
// costs the start nothing before it listens.
func (c *committer) adopt(id string, ld loaded) {
	s := c.s
	c.unowned = append(c.unowned, id)
	c.codes[codeKey(ld.fold.Code)] = id
	c.snapped[id] = ld.base
	// A snapshot spent under another allowance (the setting changed) would
	// make every start read the log up to its head again: take one under
	// this store's at the first batch, or at a clean close.
	if ld.check != nil && ld.check.limits == nil {
		c.snapNow[id] = true
	}
	l := &workshopLog{tail: slices.Clip(ld.tail), base: ld.base, baseHash: ld.baseHash, summary: ld.fold.Summary(), restoredAt: ld.base}
	l.trim(len(l.tail) - c.tailEvents)
	l.setRead(ld.fold, ld.spent)
	s.logs[id] = l
	s.codes[codeKey(ld.fold.Code)] = id
	s.order = append(s.order, id)
}

// loadWorkshop restores one workshop. The events after the snapshot are
// folded with every check (Apply): they come from the database.
func (s *Store) loadWorkshop(txn *badger.Txn, id string) (loaded, error) {
	ld := loaded{fold: &inquiry.Workshop{}, spent: spending{}}
	if restored, spent, check := s.restore(txn, id); restored != nil {
		ld.fold, ld.spent, ld.base, ld.baseHash, ld.check = restored, spent, check.head, check.headHash, check
	}
	err := scanEventsFrom(txn, id, ld.base+1, math.MaxUint64, func(e inquiry.Event) error {
		if err := ld.fold.Apply(e); err != nil {
			return err
		}
		ld.spent.spend(s.allowance, e)
		ld.tail = append(ld.tail, e)
		// The fold as of this event knows who had been merged into the
		// person leaving: their words go too.
		if x, ok := erasureOf(id, e, ld.fold); ok {
			ld.erasures = append(ld.erasures, x)
		}
		return nil
	})
	if err != nil {
		return ld, fmt.Errorf("workshop %s does not replay: %w", id, err)
	}
	if ld.fold.ID != id {
		return ld, fmt.Errorf("workshop %s: its log opens workshop %q", id, ld.fold.ID)
	}
	return ld, nil
}

// restore returns a workshop's state and allowances from its latest
// snapshot, and the check of the chain up to the snapshot's head, or nil
// when there is no snapshot fit to use: none, torn, changed, of another
// version of the fold, or not of this log.
func (s *Store) restore(txn *badger.Txn, id string) (*inquiry.Workshop, spending, *chainCheck) {
	body, h, err := s.snaps.read(txn, id)
	if err != nil {
		s.log.Warn("a snapshot cannot be used: replaying the whole log", "workshop", id, "err", err)
		return nil, nil, nil
	}
	if body == nil {
		return nil, nil, nil
	}
	fold, err := inquiry.RestoreSnapshot(body)
	if err == nil && (fold.ID != id || fold.Head != h.Head || fold.HeadHash != h.HeadHash) {
		err = fmt.Errorf("%w: the snapshot is of another state than its header says", inquiry.ErrInvalid)
	}
	if err == nil {
		err = eventIs(txn, id, h.Head, h.HeadHash)
	}
	check := &chainCheck{workshopID: id, head: h.Head, headHash: h.HeadHash, snapshot: body, limits: h.Limits}
	var spent spending
	if err == nil {
		spent, err = s.restoreLimits(txn, id, h, check)
	}
	if err != nil {
		s.log.Warn("a snapshot cannot be used: replaying the whole log", "workshop", id, "err", err)
		return nil, nil, nil
	}
	return fold, spent, check
}

// restoreLimits returns the allowances a snapshot holds. Spent under
// another allowance than the store's (a setting changed), they are learnt
// from the log up to the snapshot's head instead, as a start without
// snapshots would, and the background check does not compare them.
func (s *Store) restoreLimits(txn *badger.Txn, id string, h *snapshotHeader, check *chainCheck) (spending, error) {
	spent, err := decodeLimits(s.allowance, h.Limits)
	if !errors.Is(err, errOtherAllowance) {
		return spent, err
	}
	s.log.Info("the allowance changed since the snapshot: learning the limits from the log", "workshop", id)
	spent, check.limits = spending{}, nil
	return spent, scanEventsFrom(txn, id, 1, h.Head, func(e inquiry.Event) error {
		spent.spend(s.allowance, e)
		return nil
	})
}

// eventIs checks that the log holds event seq with the given hash: a
// snapshot's head must be in the log as the snapshot says.
func eventIs(txn *badger.Txn, id string, seq uint64, hash string) error {
	found := false
	err := scanEventsFrom(txn, id, seq, seq, func(e inquiry.Event) error {
		found = e.Hash == hash
		return nil
	})
	if err == nil && !found {
		err = fmt.Errorf("%w: the log's event %d is not the one the snapshot was taken at", inquiry.ErrInvalid, seq)
	}
	return err
}

// workshopIDs lists the workshops that have events, reading one key of
// each and seeking past the rest.
func workshopIDs(txn *badger.Txn) ([]string, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(eventPrefix)})
	defer it.Close()
	var ids []string
	for it.Rewind(); it.Valid(); {
		id, _, err := parseEventKey(it.Item().Key())
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
		// Past "e/<id>/": '0' follows '/'.
		it.Seek([]byte(eventPrefix + id + "0"))
	}
	return ids, nil
}

// ownFolds makes the committer's own fold of each workshop the start
// loaded: a copy of the readers' fold, which nothing has changed yet (the
// committer publishes nothing before it has its folds).
func (c *committer) ownFolds() {
	for _, id := range c.unowned {
		l := c.s.logs[id]
		l.read.mu.RLock()
		c.folds[id] = l.read.w.Copy()
		c.limits[id] = maps.Clone(l.read.spent)
		l.read.mu.RUnlock()
	}
	c.unowned = nil
}
