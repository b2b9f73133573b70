package data

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/inquiry"
)

// Scribe is someone a facilitator enrolled for one workshop to enter
// contributions on behalf of a table or a person without a terminal. A
// scribe is known by the fingerprint of their SSH key; the key itself is
// not kept.
type Scribe struct {
	// Fingerprint is the key's SHA256 fingerprint ("SHA256:...").
	Fingerprint string    `json:"fingerprint"`
	Name        string    `json:"name"`
	EnrolledAt  time.Time `json:"enrolled_at"`
}

// EnrolScribe records key as a scribe's for one open workshop, durably.
// Enrolling a key again changes the name and keeps the first enrolment
// time. The name is shown to others, so it must be one line of at most
// inquiry.MaxNameRunes characters once cleaned.
func (s *Store) EnrolScribe(ctx context.Context, workshopID string, key gossh.PublicKey, name string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("data: enrol scribe: %w", err)
	}
	if key == nil {
		return fmt.Errorf("data: enrol scribe: %w: no key", inquiry.ErrInvalid)
	}
	name, err := enrolledName("scribe", name)
	if err != nil {
		return err
	}
	s.mu.RLock()
	l := s.logs[workshopID]
	var open bool
	if l != nil {
		open = l.summary.Open
	}
	s.mu.RUnlock()
	if l == nil {
		return fmt.Errorf("data: enrol scribe: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	if !open {
		return fmt.Errorf("data: enrol scribe: workshop %s: %w", workshopID, inquiry.ErrClosed)
	}
	sc := Scribe{Fingerprint: gossh.FingerprintSHA256(key), Name: name, EnrolledAt: s.now().UTC().Round(0)}
	s.enrolMu.Lock()
	defer s.enrolMu.Unlock()
	s.mu.RLock()
	old, ok := s.scribes[workshopID][sc.Fingerprint]
	s.mu.RUnlock()
	if ok {
		sc.EnrolledAt = old.EnrolledAt
	}
	value, err := json.Marshal(sc)
	if err != nil {
		return fmt.Errorf("data: enrol scribe: %w", err)
	}
	if err := s.update(func(txn *badger.Txn) error { return set(txn, scribeKey(workshopID, sc.Fingerprint), value) }); err != nil {
		return fmt.Errorf("data: enrol scribe %s: %w", sc.Fingerprint, err)
	}
	s.mu.Lock()
	s.addScribe(workshopID, sc)
	s.mu.Unlock()
	return nil
}

// addScribe records a scribe in memory; the caller holds s.mu for writing
// (or is loading, before anyone else can see the store).
func (s *Store) addScribe(workshopID string, sc Scribe) {
	if s.scribes[workshopID] == nil {
		s.scribes[workshopID] = map[string]Scribe{}
	}
	s.scribes[workshopID][sc.Fingerprint] = sc
}

// IsScribe reports whether key was enrolled as a scribe for the workshop.
func (s *Store) IsScribe(workshopID string, key gossh.PublicKey) bool {
	if key == nil {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	_, ok := s.scribes[workshopID][gossh.FingerprintSHA256(key)]
	return ok
}

// ScribeName is the name a workshop's scribe was enrolled with, by their
// key's fingerprint; false if there is no such scribe or no name.
func (s *Store) ScribeName(workshopID, fingerprint string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	sc, ok := s.scribes[workshopID][fingerprint]
	return sc.Name, ok && sc.Name != ""
}

// Scribes returns a workshop's scribes in the order they were enrolled.
func (s *Store) Scribes(workshopID string) []Scribe {
	s.mu.RLock()
	all := slices.AppendSeq(make([]Scribe, 0, len(s.scribes[workshopID])), maps.Values(s.scribes[workshopID]))
	s.mu.RUnlock()
	sortByEnrolment(all)
	return all
}

func (s *Store) loadScribes() error {
	return loadRecords(s.db, scribePrefix, "scribes", func(key []byte, sc Scribe) error {
		if len(key) < len(scribePrefix)+workshopIDLen+1 {
			return fmt.Errorf("malformed scribe key")
		}
		s.addScribe(string(key[len(scribePrefix):len(scribePrefix)+workshopIDLen]), sc)
		return nil
	})
}
