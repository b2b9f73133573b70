package data

import (
	"bytes"
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
)

// scrubAttempts bounds how often a scrub tries again when old versions
// survive a round (a long read, such as a backup, holds them in view).
const scrubAttempts = 3

// scrub removes the old versions of rewritten values (erased words) from
// the database files. Badger overwrites by adding a version; the old one
// stays in a memtable's log or a table file until a compaction meets both
// and drops it. So a scrub:
//
//  1. drops the scrub marker (scrubKey, written with every erasure) with
//     DropPrefix, which flushes every memtable to a level-0 table and
//     deletes its log, then compacts all of level 0 into the level below;
//  2. flattens the tree (Flatten) until one level holds every table, so
//     each key's versions meet in some compaction and the old ones drop;
//  3. checks, with an iterator over all versions, that no key has more than
//     one left, and tries again if one has.
//
// Values never go to the value log (every value is under the value
// threshold), and tables and memtable logs that compactions replace are
// deleted, so afterwards no file in the folder holds an erased text. What
// a scrub cannot reach: blocks the file system freed but did not wipe, and
// copies outside the folder (backups made before the erasure).
//
// Badger refuses writes while DropPrefix runs, so a scrub holds writeMu
// against the store's other writers; the committer runs it itself,
// between batches.
func (s *Store) scrub() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.withDB(func(db *badger.DB) error {
		for attempt := 1; ; attempt++ {
			left, err := scrubOnce(db)
			if err != nil {
				return err
			}
			if left == 0 {
				return nil
			}
			// Mark again, so that the next round (and, failing that, the
			// next Open) has a marker to drop.
			if err := db.Update(func(txn *badger.Txn) error { return set(txn, []byte(scrubKey), []byte{1}) }); err != nil {
				return fmt.Errorf("mark the scrub as unfinished: %w", err)
			}
			if attempt == scrubAttempts {
				return fmt.Errorf("%d keys still have old versions after %d rounds", left, attempt)
			}
		}
	})
	s.scrubPending.Store(err != nil)
	if err != nil {
		return fmt.Errorf("data: scrub erased words from the files: %w", err)
	}
	return nil
}

// scrubOnce runs one round of a scrub and returns how many keys still have
// more than one version.
func scrubOnce(db *badger.DB) (int, error) {
	// DropPrefix acts only on a prefix that has data: make sure there is a
	// marker. It also waits for a read that starts after every write so
	// far, which lets compactions discard the versions those writes
	// replaced.
	err := db.Update(func(txn *badger.Txn) error {
		_, err := txn.Get([]byte(scrubKey))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return set(txn, []byte(scrubKey), []byte{1})
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("mark: %w", err)
	}
	if err := db.DropPrefix([]byte(scrubKey)); err != nil {
		return 0, fmt.Errorf("flush and compact level 0: %w", err)
	}
	if err := db.Flatten(1); err != nil {
		return 0, fmt.Errorf("flatten: %w", err)
	}
	return keysWithOldVersions(db)
}

// keysWithOldVersions counts the keys that still have more than one
// version in the database (deletion markers count as versions).
func keysWithOldVersions(db *badger.DB) (int, error) {
	n := 0
	err := db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{AllVersions: true})
		defer it.Close()
		var last []byte
		counted := false
		for it.Rewind(); it.Valid(); it.Next() {
			key := it.Item().Key()
			if last != nil && bytes.Equal(key, last) {
				if !counted {
					n++
					counted = true
				}
				continue
			}
			last = it.Item().KeyCopy(last[:0])
			counted = false
		}
		return nil
	})
	return n, err
}
