package data

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// withRawDB opens a closed store's database directly, as someone with
// the files could, and runs f on it.
func withRawDB(t *testing.T, dir string, f func(db *badger.DB) error) {
	t.Helper()
	db, err := openBadger(dir, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = f(db)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// tamper changes event seq of a workshop in a closed store's database.
func tamper(t *testing.T, dir, workshopID string, seq uint64, change func(e *inquiry.Event)) {
	t.Helper()
	withRawDB(t, dir, func(db *badger.DB) error {
		return db.Update(func(txn *badger.Txn) error {
			item, err := txn.Get(eventKey(workshopID, seq))
			if err != nil {
				return err
			}
			var e inquiry.Event
			if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &e) }); err != nil {
				return err
			}
			change(&e)
			value, err := json.Marshal(e)
			if err != nil {
				return err
			}
			return txn.Set(eventKey(workshopID, seq), value)
		})
	})
}

// writeSnapshot writes a snapshot of w for a workshop into a closed
// store's database, as the store would (its parts, then the header with
// its MAC), after letting change alter the header and the bytes (one
// part, the whole).
func writeSnapshot(t *testing.T, dir, workshopID string, w *inquiry.Workshop, change func(h *snapshotHeader, body []byte) []byte) {
	t.Helper()
	body, err := w.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	withRawDB(t, dir, func(db *badger.DB) error {
		secret, err := secretOf(db)
		if err != nil {
			return err
		}
		// The allowances as the workshop's log up to w's head spends them,
		// under the allowance a store opened with no options has.
		spent := spending{}
		if err := db.View(func(txn *badger.Txn) error {
			return scanEventsFrom(txn, workshopID, 1, w.Head, func(e inquiry.Event) error {
				spent.spend(inquiry.DefaultAllowance, e)
				return nil
			})
		}); err != nil {
			return err
		}
		limits, err := encodeLimits(inquiry.DefaultAllowance, spent)
		if err != nil {
			return err
		}
		h := snapshotHeader{Head: w.Head, HeadHash: w.HeadHash, Limits: limits}
		mac := snapshotMAC(snapshotKeyOf(secret), workshopID, h.Head, h.HeadHash, h.Limits)
		mac.Write(body)
		h.MAC = mac.Sum(nil)
		if change != nil {
			body = change(&h, body)
		}
		sum := sha256.Sum256(body)
		h.Parts, h.Size = [][]byte{sum[:]}, len(body)
		header, err := json.Marshal(h)
		if err != nil {
			return err
		}
		_, err = writeEntries(db, []entry{
			{key: snapshotChunkKey(workshopID, sum[:]), value: body},
			{key: snapshotHeaderKey(workshopID), value: header},
		})
		return err
	})
}

// secretOf reads the installation secret from a database.
func secretOf(db *badger.DB) ([]byte, error) {
	var secret []byte
	err := db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(secretKey))
		if err != nil {
			return err
		}
		secret, err = item.ValueCopy(nil)
		return err
	})
	return secret, err
}

// replayOf is a verifying replay of a workshop's log as the database
// holds it.
func replayOf(t *testing.T, s *Store, workshopID string) *inquiry.Workshop {
	t.Helper()
	events, err := s.readLog(workshopID)
	if err != nil {
		t.Fatal(err)
	}
	w, err := inquiry.Replay(events)
	if err != nil {
		t.Fatalf("the log does not replay: %v", err)
	}
	return w
}

// sharedState is a copy of the readers' fold.
func sharedState(t *testing.T, s *Store, workshopID string) *inquiry.Workshop {
	t.Helper()
	w, err := s.Workshop(workshopID)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// checkedWithin waits for the background check of the chains a start
// took on trust to finish.
func checkedWithin(t *testing.T, s *Store) {
	t.Helper()
	select {
	case <-s.checked:
	case <-time.After(testTimeout):
		t.Fatalf("the background check of the chains did not finish within %s", testTimeout)
	}
}

// snapshotBase is how many events of a workshop the start did not fold:
// those the snapshot it restored stood in for.
func snapshotBase(s *Store, workshopID string) uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.logs[workshopID].restoredAt
}

// roomWithSnapshot is a closed store in dir whose workshop has a snapshot
// at its head (its clean close took one), and the workshop.
func roomWithSnapshot(t *testing.T, opts ...func(*Options)) (string, inquiry.Summary) {
	t.Helper()
	dir := t.TempDir()
	s := openStore(t, dir, opts...)
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, ws
}

// resign recomputes a workshop's snapshot MAC over the bytes its header
// lists, as someone holding the installation secret could.
func resign(t *testing.T, dir, workshopID string) {
	t.Helper()
	withRawDB(t, dir, func(db *badger.DB) error {
		secret, err := secretOf(db)
		if err != nil {
			return err
		}
		return db.Update(func(txn *badger.Txn) error {
			var h snapshotHeader
			if _, err := readSnapshotHeader(txn, workshopID, &h); err != nil {
				return err
			}
			mac := snapshotMAC(snapshotKeyOf(secret), workshopID, h.Head, h.HeadHash, h.Limits)
			for _, sum := range h.Parts {
				item, err := txn.Get(snapshotChunkKey(workshopID, sum))
				if err != nil {
					return err
				}
				if err := item.Value(func(v []byte) error { mac.Write(v); return nil }); err != nil {
					return err
				}
			}
			h.MAC = mac.Sum(nil)
			header, err := json.Marshal(h)
			if err != nil {
				return err
			}
			return txn.Set(snapshotHeaderKey(workshopID), header)
		})
	})
}

func mustReplay(t *testing.T, events []inquiry.Event) *inquiry.Workshop {
	t.Helper()
	w, err := inquiry.ReplayStamped(events)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// copyFiles copies the files of a folder, as they are now, into a new one.
func copyFiles(t testing.TB, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o700); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		content, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// headerOf reads a closed store's snapshot header of a workshop.
func headerOf(t *testing.T, dir, workshopID string) snapshotHeader {
	t.Helper()
	var h snapshotHeader
	withRawDB(t, dir, func(db *badger.DB) error {
		return db.View(func(txn *badger.Txn) error {
			found, err := readSnapshotHeader(txn, workshopID, &h)
			if err == nil && !found {
				err = errors.New("no snapshot header")
			}
			return err
		})
	})
	return h
}
