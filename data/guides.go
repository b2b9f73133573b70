package data

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// maxGuideSource bounds the YAML of an added guide. The longest built-in
// is a few kilobytes; with its parsed form beside it, a stored guide stays
// well under Badger's value threshold.
const maxGuideSource = 256 << 10

// addedGuide is a guide a facilitator added, as stored: the YAML they
// wrote (shown again by `guide show`) and the guide parsed from it.
type addedGuide struct {
	Guide   inquiry.Guide `json:"guide"`
	Source  []byte        `json:"source"`
	AddedAt time.Time     `json:"added_at"`
	// encoded is the guide's JSON, decoded afresh for each caller so that
	// no two callers share its slices.
	encoded []byte
}

// AddGuide adds a guide that workshops can then be opened with, keeping
// the YAML it was written in (source). Its ID must not be a built-in
// guide's (inquiry.ErrConflict). Adding a guide with the ID of one added
// before replaces it, unless an open workshop uses that guide ID
// (inquiry.ErrConflict, naming the workshops): close them first, or give
// the new guide another ID. Adding exactly the same guide again changes
// nothing and succeeds. Workshops keep the guide they opened with in
// their log either way.
func (s *Store) AddGuide(ctx context.Context, g inquiry.Guide, source []byte) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("data: add guide: %w", err)
	}
	if err := g.Validate(); err != nil {
		return fmt.Errorf("data: add guide: %w: %w", inquiry.ErrInvalid, err)
	}
	if _, builtin := inquiry.BuiltinGuide(g.ID); builtin {
		return refusal{inquiry.ErrConflict, fmt.Sprintf("%q is the ID of a built-in guide: give yours another id", g.ID)}
	}
	if len(source) > maxGuideSource {
		return fmt.Errorf("data: add guide %s: %w: the YAML is %d bytes, the limit is %d", g.ID, inquiry.ErrInvalid, len(source), maxGuideSource)
	}
	encoded, err := json.Marshal(g)
	if err != nil {
		return fmt.Errorf("data: add guide %s: %w", g.ID, err)
	}
	s.guideMu.Lock()
	defer s.guideMu.Unlock()
	s.mu.RLock()
	old, exists := s.guides[g.ID]
	s.mu.RUnlock()
	added := addedGuide{Guide: g, Source: bytes.Clone(source), AddedAt: s.now().UTC().Round(0), encoded: encoded}
	if exists {
		if bytes.Equal(old.Source, source) && bytes.Equal(old.encoded, encoded) {
			return nil
		}
		if codes := s.openWorkshopsWithGuide(g.ID); len(codes) > 0 {
			return refusal{inquiry.ErrConflict, fmt.Sprintf("guide %q is in use by the open workshop(s) %s: close them first, or give this guide another id",
				g.ID, strings.Join(codes, ", "))}
		}
		added.AddedAt = old.AddedAt
	}
	value, err := json.Marshal(added)
	if err != nil {
		return fmt.Errorf("data: add guide %s: %w", g.ID, err)
	}
	if err := s.update(func(txn *badger.Txn) error { return set(txn, guideKey(g.ID), value) }); err != nil {
		return fmt.Errorf("data: add guide %s: %w", g.ID, err)
	}
	s.mu.Lock()
	s.guides[g.ID] = added
	s.mu.Unlock()
	return nil
}

// openWorkshopsWithGuide returns the join codes of the open workshops that
// follow the guide with the given ID.
func (s *Store) openWorkshopsWithGuide(id string) []string {
	var codes []string
	for _, w := range s.Workshops() {
		if w.Open && w.Guide == id {
			codes = append(codes, w.Code)
		}
	}
	return codes
}

// Guides returns every guide a workshop can be opened with: the built-in
// ones first (the default first), then the added ones in the order they
// were first added. Each call returns fresh copies.
func (s *Store) Guides() []inquiry.Guide {
	all := inquiry.Builtins()
	for _, g := range s.addedGuides() {
		all = append(all, g.fresh())
	}
	return all
}

// Guide returns the built-in or added guide with the given ID.
func (s *Store) Guide(id string) (inquiry.Guide, bool) {
	if g, ok := inquiry.BuiltinGuide(id); ok {
		return g, true
	}
	s.mu.RLock()
	g, ok := s.guides[id]
	s.mu.RUnlock()
	if !ok {
		return inquiry.Guide{}, false
	}
	return g.fresh(), true
}

// GuideSource returns the YAML of a guide: as the facilitator wrote it for
// an added guide, the embedded file for a built-in one.
func (s *Store) GuideSource(id string) ([]byte, bool) {
	if src, ok := inquiry.BuiltinSource(id); ok {
		return src, true
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	g, ok := s.guides[id]
	if !ok {
		return nil, false
	}
	return bytes.Clone(g.Source), true
}

// addedGuides returns the added guides in the order they were first added.
func (s *Store) addedGuides() []addedGuide {
	s.mu.RLock()
	all := make([]addedGuide, 0, len(s.guides))
	for _, g := range s.guides {
		all = append(all, g)
	}
	s.mu.RUnlock()
	slices.SortFunc(all, func(a, b addedGuide) int {
		return cmp.Or(a.AddedAt.Compare(b.AddedAt), strings.Compare(a.Guide.ID, b.Guide.ID))
	})
	return all
}

// fresh decodes the guide anew, sharing nothing with the stored one.
func (g addedGuide) fresh() inquiry.Guide {
	var out inquiry.Guide
	if err := json.Unmarshal(g.encoded, &out); err != nil {
		// It was encoded from a valid guide by this program: a bug.
		panic("data: decode a stored guide: " + err.Error())
	}
	return out
}

func (s *Store) loadGuides() error {
	return loadRecords(s.db, guidePrefix, "guides", func(_ []byte, g addedGuide) error {
		encoded, err := json.Marshal(g.Guide)
		if err != nil {
			return err
		}
		g.encoded = encoded
		s.guides[g.Guide.ID] = g
		return nil
	})
}

// refusal is an error written for the person refused, which still matches
// its sentinel (such as inquiry.ErrConflict) with errors.Is.
type refusal struct {
	kind error
	msg  string
}

func (r refusal) Error() string { return r.msg }
func (r refusal) Unwrap() error { return r.kind }
