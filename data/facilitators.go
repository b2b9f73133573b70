package data

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	gossh "golang.org/x/crypto/ssh"
)

// Facilitator is someone enrolled to run workshops, known by their SSH key.
type Facilitator struct {
	// Fingerprint is the key's SHA256 fingerprint ("SHA256:...").
	Fingerprint string `json:"fingerprint"`
	Name        string `json:"name"`
	// AuthorizedKey is the key as a line of an authorized_keys file.
	AuthorizedKey string    `json:"authorized_key"`
	EnrolledAt    time.Time `json:"enrolled_at"`
}

// EnrolFacilitator records key as a facilitator's, durably. Enrolling a key
// again changes the name and keeps the first enrolment time. The name is
// shown to others, so it must be one line of at most
// inquiry.MaxNameRunes characters once cleaned.
func (s *Store) EnrolFacilitator(ctx context.Context, key gossh.PublicKey, name string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("data: enrol facilitator: %w", err)
	}
	name, err := enrolledName("facilitator", name)
	if err != nil {
		return err
	}
	f := Facilitator{
		Fingerprint:   gossh.FingerprintSHA256(key),
		Name:          name,
		AuthorizedKey: strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key))),
		EnrolledAt:    s.now().UTC().Round(0),
	}
	// Enrolments of the same key could otherwise race between reading the
	// first enrolment time and writing; readers wait only for the map.
	s.enrolMu.Lock()
	defer s.enrolMu.Unlock()
	s.mu.RLock()
	old, ok := s.facilitators[f.Fingerprint]
	s.mu.RUnlock()
	if ok {
		f.EnrolledAt = old.EnrolledAt
	}
	value, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("data: enrol facilitator: %w", err)
	}
	err = s.update(func(txn *badger.Txn) error {
		return set(txn, []byte(facilitatorPrefix+f.Fingerprint), value)
	})
	if err != nil {
		return fmt.Errorf("data: enrol facilitator %s: %w", f.Fingerprint, err)
	}
	s.mu.Lock()
	s.facilitators[f.Fingerprint] = f
	s.mu.Unlock()
	return nil
}

// IsFacilitator reports whether key has been enrolled.
func (s *Store) IsFacilitator(key gossh.PublicKey) bool {
	if key == nil {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	_, ok := s.facilitators[gossh.FingerprintSHA256(key)]
	return ok
}

// FacilitatorName is the name an enrolled facilitator gave, by their key's
// fingerprint; false if the key is not enrolled or was enrolled without a
// name.
func (s *Store) FacilitatorName(fingerprint string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	f, ok := s.facilitators[fingerprint]
	return f.Name, ok && f.Name != ""
}

// Facilitators returns everyone enrolled, in the order they enrolled.
func (s *Store) Facilitators() []Facilitator {
	s.mu.RLock()
	all := slices.AppendSeq(make([]Facilitator, 0, len(s.facilitators)), maps.Values(s.facilitators))
	s.mu.RUnlock()
	sortByEnrolment(all)
	return all
}

func (s *Store) loadFacilitators() error {
	return loadRecords(s.db, facilitatorPrefix, "facilitators", func(_ []byte, f Facilitator) error {
		s.facilitators[f.Fingerprint] = f
		return nil
	})
}
