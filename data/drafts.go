package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"sync"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// Draft is what a person had typed but not sent, and where they were
// (inquiry.Draft: screens keep drafts without knowing the store).
type Draft = inquiry.Draft

// Limits on a draft: far above what an editor holds (a contribution is at
// most inquiry.MaxTextRunes characters), low enough that a draft cannot be
// used to fill the disk.
const (
	maxDraftBytes   = 64 << 10
	maxDraftPrompts = 100
)

// draftInterval is the least time between two writes of drafts to the
// database. Drafts are cheap to lose in a crash (the person still has
// what they saved), so they are written in the background, together, and
// not often enough to compete with the committer's synchronous writes.
const draftInterval = time.Second

// drafts holds the drafts saved since the store opened, and those read
// since, in memory; the ones not yet written are marked dirty.
type drafts struct {
	mu    sync.Mutex
	saved map[string]Draft // by draft key
	dirty map[string]bool
	// gone marks participants who withdrew, were erased or were merged
	// into another: their drafts are deleted and never saved again.
	gone map[string]bool
	// absent marks drafts looked for in the database and not found, so
	// the committer need not look again for every contribution.
	absent map[string]bool
	// flushMu is held while dirty drafts are written, and by the committer
	// while it writes an erasure, so that a draft being written cannot
	// land after the erasure that deletes it.
	flushMu sync.Mutex
	bell    chan struct{} // rung, without waiting, when a draft is saved
	stopped chan struct{} // closed when the background writer has stopped
}

func (d *drafts) init() {
	d.saved, d.dirty, d.gone, d.absent = map[string]Draft{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	d.bell, d.stopped = make(chan struct{}, 1), make(chan struct{})
}

// forget drops a participant's draft from memory and refuses their drafts
// from now on. The caller deletes the stored draft.
func (d *drafts) forget(workshopID, participantID string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.forgetLocked(string(draftKey(workshopID, participantID)))
}

// forgetLocked is forget for a draft key, with d.mu held.
func (d *drafts) forgetLocked(k string) {
	delete(d.saved, k)
	delete(d.dirty, k)
	delete(d.absent, k)
	d.gone[k] = true
}

// SaveDraft keeps what a participant had typed and where they were. It is
// cheap: the draft is kept in memory at once and written to the database
// in the background (at Close at the latest), without a synchronous write,
// so a crash may lose the last second of drafts but never anything saved.
// A contribution's commit clears its prompt's text from the draft in the
// same transaction (see draft_commit.go).
func (s *Store) SaveDraft(workshopID, participantID string, d Draft) error {
	if participantID == "" {
		return fmt.Errorf("data: save draft: %w: no participant", inquiry.ErrInvalid)
	}
	if !s.hasWorkshop(workshopID) {
		return fmt.Errorf("data: save draft: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	if len(d.Texts) > maxDraftPrompts {
		return fmt.Errorf("data: save draft: %w: text for %d prompts, the limit is %d", inquiry.ErrInvalid, len(d.Texts), maxDraftPrompts)
	}
	size := len(d.Prompt)
	for p, t := range d.Texts {
		size += len(p) + len(t)
	}
	if size > maxDraftBytes {
		return fmt.Errorf("data: save draft: %w: %d bytes, the limit is %d", inquiry.ErrInvalid, size, maxDraftBytes)
	}
	select {
	case <-s.quit:
		return ErrClosed
	default:
	}
	d.Texts = maps.Clone(d.Texts)
	if d.Saved.IsZero() {
		d.Saved = s.now()
	}
	d.Saved = d.Saved.UTC().Round(0)
	k := string(draftKey(workshopID, participantID))
	s.drafts.mu.Lock()
	if s.drafts.gone[k] {
		s.drafts.mu.Unlock()
		return fmt.Errorf("data: save draft: participant %s has left the workshop: %w", participantID, inquiry.ErrNotAllowed)
	}
	s.drafts.saved[k] = d
	s.drafts.dirty[k] = true
	delete(s.drafts.absent, k)
	s.drafts.mu.Unlock()
	select {
	case s.drafts.bell <- struct{}{}:
	default:
	}
	return nil
}

// Draft returns a participant's draft, if they left one, without the text
// of any prompt where they added a contribution after the draft was
// saved: those words were sent, and must not come back to the editor.
func (s *Store) Draft(workshopID, participantID string) (Draft, bool) {
	d, ok := s.loadDraft(string(draftKey(workshopID, participantID)))
	if !ok {
		return Draft{}, false
	}
	d.Texts = maps.Clone(d.Texts)
	return s.unsent(workshopID, participantID, d), true
}

// loadDraft returns the draft kept under a key: from memory, or else from
// the database, keeping it in memory from then on. The draft's Texts map
// is the store's own: clone it before changing it.
func (s *Store) loadDraft(k string) (Draft, bool) {
	d := &s.drafts
	d.mu.Lock()
	v, ok := d.saved[k]
	skip := d.gone[k] || (!ok && d.absent[k])
	d.mu.Unlock()
	switch {
	case skip:
		return Draft{}, false
	case ok:
		return v, true
	}
	var stored Draft
	err := s.view(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(k))
		if err != nil {
			return err
		}
		return item.Value(func(v []byte) error { return json.Unmarshal(v, &stored) })
	})
	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil {
		if errors.Is(err, badger.ErrKeyNotFound) {
			if _, saved := d.saved[k]; !saved {
				d.absent[k] = true
			}
		} else if !errors.Is(err, ErrClosed) {
			s.log.Warn("cannot read a draft", "key", k, "err", err)
		}
		if newer, ok := d.saved[k]; ok && !d.gone[k] {
			return newer, true // saved while the database was being read
		}
		return Draft{}, false
	}
	if d.gone[k] {
		return Draft{}, false
	}
	if newer, ok := d.saved[k]; ok {
		// Saved while this was being read.
		return newer, true
	}
	d.saved[k] = stored
	return stored, true
}

// flushDraftsWhileOpen writes dirty drafts in the background until the
// store closes, at most once every draftInterval.
func (s *Store) flushDraftsWhileOpen() {
	defer close(s.drafts.stopped)
	for {
		select {
		case <-s.quit:
			return
		case <-s.drafts.bell:
		}
		if err := s.flushDrafts(); err != nil {
			s.log.Warn("drafts not written yet; they are kept in memory and tried again", "err", err)
		}
		select {
		case <-s.quit:
			return
		case <-time.After(draftInterval):
		}
	}
}

// flushDrafts writes every dirty draft in one transaction. Drafts that
// could not be written stay dirty, to be tried again.
func (s *Store) flushDrafts() error {
	d := &s.drafts
	d.flushMu.Lock()
	defer d.flushMu.Unlock()
	d.mu.Lock()
	pending := make(map[string]Draft, len(d.dirty))
	for k := range d.dirty {
		pending[k] = d.saved[k]
	}
	clear(d.dirty)
	d.mu.Unlock()
	if len(pending) == 0 {
		return nil
	}
	entries := make([]entry, 0, len(pending))
	for k, draft := range pending {
		value, err := json.Marshal(draft)
		if err != nil {
			return fmt.Errorf("data: encode draft: %w", err)
		}
		entries = append(entries, entry{key: []byte(k), value: value})
	}
	if err := s.updateEntries(entries); err != nil {
		d.mu.Lock()
		for k := range pending {
			if _, ok := d.saved[k]; ok && !d.gone[k] {
				d.dirty[k] = true
			}
		}
		d.mu.Unlock()
		return fmt.Errorf("data: write %d drafts: %w", len(pending), err)
	}
	return nil
}

// hasWorkshop reports whether a workshop exists.
func (s *Store) hasWorkshop(workshopID string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.logs[workshopID] != nil
}
