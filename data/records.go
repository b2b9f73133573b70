package data

import (
	"encoding/json"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
)

// loadRecords decodes every JSON value stored under prefix, in key order,
// and hands each to keep with its key (valid only during the call): how
// the store reads its facilitators, scribes and added guides when it
// opens. what names them in an error.
func loadRecords[T any](db *badger.DB, prefix, what string, keep func(key []byte, record T) error) error {
	err := db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix), PrefetchValues: true, PrefetchSize: 16})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			var record T
			if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &record) }); err != nil {
				return fmt.Errorf("%s: %w", item.Key(), err)
			}
			if err := keep(item.Key(), record); err != nil {
				return fmt.Errorf("%s: %w", item.Key(), err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("data: read %s: %w", what, err)
	}
	return nil
}
