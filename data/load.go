package data

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// loadWorkshops reads and replays every workshop's log, publishes the
// result and returns a committer holding each workshop's state.
func (s *Store) loadWorkshops() (*committer, error) {
	logs := map[string][]inquiry.Event{}
	err := s.db.View(func(txn *badger.Txn) error {
		return scanEvents(txn, []byte(eventPrefix), func(id string, e inquiry.Event) {
			logs[id] = append(logs[id], e)
		})
	})
	if err != nil {
		return nil, fmt.Errorf("data: read workshops: %w", err)
	}
	c := newCommitter(s)
	for id, events := range logs {
		fold, err := inquiry.Replay(events)
		if err != nil {
			return nil, fmt.Errorf("data: workshop %s does not replay: %w", id, err)
		}
		if fold.ID != id {
			return nil, fmt.Errorf("data: workshop %s: its log opens workshop %q", id, fold.ID)
		}
		c.folds[id] = fold
		c.codes[codeKey(fold.Code)] = id
		c.limits.learn(s.allowance, id, events)
		s.logs[id] = &workshopLog{events: slices.Clip(events), summary: fold.Summary()}
		s.codes[codeKey(fold.Code)] = id
		s.order = append(s.order, id)
	}
	slices.SortFunc(s.order, func(a, b string) int {
		return cmp.Or(s.logs[a].summary.OpenedAt.Compare(s.logs[b].summary.OpenedAt), strings.Compare(a, b))
	})
	return c, nil
}

// scanEvents decodes every event under prefix in key order, checking that
// each is stored under its own sequence number.
func scanEvents(txn *badger.Txn, prefix []byte, each func(workshopID string, e inquiry.Event)) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 100})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		id, seq, err := parseEventKey(item.Key())
		if err != nil {
			return err
		}
		var e inquiry.Event
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &e) }); err != nil {
			return fmt.Errorf("workshop %s: event %d: %w", id, seq, err)
		}
		if e.Seq != seq {
			return fmt.Errorf("workshop %s: event %d is stored as %d", id, e.Seq, seq)
		}
		each(id, e)
	}
	return nil
}

// readLog reads one workshop's log from the database (not from memory).
func (s *Store) readLog(workshopID string) ([]inquiry.Event, error) {
	var events []inquiry.Event
	err := s.withDB(func(db *badger.DB) error {
		return db.View(func(txn *badger.Txn) error {
			return scanEvents(txn, logPrefix(workshopID), func(_ string, e inquiry.Event) {
				events = append(events, e)
			})
		})
	})
	return events, err
}

// Verify re-reads a workshop's whole log from the database, replays it
// (checking the hash chain, the digests of people's words and the rules)
// and checks that it holds every event the store has published.
func (s *Store) Verify(workshopID string) error {
	// Memory is read first: the committer publishes only what it has
	// written, so the database can be ahead of it but never behind.
	s.mu.RLock()
	var head inquiry.Event
	if l := s.logs[workshopID]; l != nil && len(l.events) > 0 {
		head = l.events[len(l.events)-1]
	}
	s.mu.RUnlock()
	events, err := s.readLog(workshopID)
	if err != nil {
		return fmt.Errorf("data: workshop %s: read log: %w", workshopID, err)
	}
	if len(events) == 0 {
		return fmt.Errorf("data: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	if _, err := inquiry.Replay(events); err != nil {
		return fmt.Errorf("data: workshop %s: %w", workshopID, err)
	}
	if head.Seq > 0 && (head.Seq > uint64(len(events)) || events[head.Seq-1].Hash != head.Hash) {
		return fmt.Errorf("data: workshop %s: the database does not hold event %d (%.12s) as published",
			workshopID, head.Seq, head.Hash)
	}
	return nil
}
