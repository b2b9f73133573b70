package data

import (
	"encoding/json"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

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

// scanEventsFrom decodes one workshop's events from seq first to last in
// order, checking that each is stored under its own sequence number.
func scanEventsFrom(txn *badger.Txn, workshopID string, first, last uint64, each func(e inquiry.Event) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: logPrefix(workshopID), PrefetchValues: true, PrefetchSize: 100})
	defer it.Close()
	for it.Seek(eventKey(workshopID, first)); it.Valid(); it.Next() {
		item := it.Item()
		_, seq, err := parseEventKey(item.Key())
		if err != nil {
			return err
		}
		if seq > last {
			return nil
		}
		var e inquiry.Event
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &e) }); err != nil {
			return fmt.Errorf("event %d: %w", seq, err)
		}
		if e.Seq != seq {
			return fmt.Errorf("event %d is stored as %d", e.Seq, seq)
		}
		if err := each(e); err != nil {
			return err
		}
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
	if l := s.logs[workshopID]; l != nil && len(l.tail) > 0 {
		head = l.tail[len(l.tail)-1]
	} else if l != nil {
		head = inquiry.Event{Seq: l.base, Hash: l.baseHash}
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
