package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// erasure is what a ParticipantWithdrawn or ParticipantErased event asks
// of the store: every stored copy of the participant's words (their
// contributions' text and owner; for an erasure their name too) becomes
// erased Words, the digest alone. The chain still verifies, because it
// covers digests only. Their draft and resume code go as well.
type erasure struct {
	workshopID string
	// people are the participant and everyone merged into them: one
	// person, whose words were stored under each of those IDs.
	people []string
	// name is set for ParticipantErased: the name goes too. A withdrawal
	// keeps it, so the transcript can say who withdrew.
	name bool
	// seq is the withdrawal's or erasure's event.
	seq uint64
}

// erasureOf returns the erasure an event asks for, if it asks for one.
// ws is the workshop's state with the event folded in, which knows who
// was merged into the participant.
func erasureOf(workshopID string, e inquiry.Event, ws *inquiry.Workshop) (erasure, bool) {
	if (e.Type != inquiry.ParticipantWithdrawn && e.Type != inquiry.ParticipantErased) || e.Target == "" {
		return erasure{}, false
	}
	people := []string{e.Target}
	if ws != nil {
		people = append(people, ws.MergedFrom(e.Target)...)
	}
	return erasure{workshopID: workshopID, people: people, name: e.Type == inquiry.ParticipantErased, seq: e.Seq}, true
}

// erase returns e with the participant's words erased, and whether
// anything changed. e is left as it was: the details that change are
// copied, because published events are shared with readers.
func (x erasure) erase(e inquiry.Event) (inquiry.Event, bool) {
	changed := false
	if d := e.Contribution; d != nil && slices.Contains(x.people, d.Participant) {
		c := *d
		text, owner := eraseWords(&c.Text), eraseWords(&c.Owner)
		if text || owner {
			e.Contribution = &c
			changed = true
		}
	}
	if x.name && e.Type == inquiry.ParticipantJoined && e.Participant != nil && slices.Contains(x.people, e.Participant.ID) {
		p := *e.Participant
		if eraseWords(&p.Name) {
			e.Participant = &p
			changed = true
		}
	}
	return e, changed
}

// eraseWords clears the text and salt of words, keeping the digest, and
// reports whether there was anything to clear.
func eraseWords(w *inquiry.Words) bool {
	if w.Text == "" && w.Salt == "" {
		return false
	}
	*w = inquiry.Words{Digest: w.Digest}
	return true
}

// forgetDrafts drops the person's drafts from memory and refuses any more.
func (x erasure) forgetDrafts(d *drafts) {
	for _, id := range x.people {
		d.forget(x.workshopID, id)
	}
}

// eraseLog applies x to a log, recording each rewritten event in done by
// sequence number. An event already in done is taken from there, so two
// erasures of one person (a withdrawal, then an erasure) build on each
// other.
func (x erasure) eraseLog(events []inquiry.Event, done map[uint64]inquiry.Event) {
	for _, e := range events {
		if earlier, ok := done[e.Seq]; ok {
			e = earlier
		}
		if erased, changed := x.erase(e); changed {
			done[e.Seq] = erased
		}
	}
}

// entry is one write in a transaction: a value to set, or a key to delete.
type entry struct {
	key, value []byte
	delete     bool
}

// erasurePlan is what a batch's erasures write besides the batch's own
// events.
type erasurePlan struct {
	people []erasure
	// rewritten are committed events with words erased, by workshop and
	// sequence number.
	rewritten map[string]map[uint64]inquiry.Event
	// entries are the rewritten events' values, then the participants'
	// drafts and resume codes to delete, then the scrub marker.
	entries []entry
}

// planErasures finds the batch's erasures and rewrites what they touch:
// events of the batch itself in place (they are not yet published), and
// committed events as new copies for the same transaction. It returns nil
// when the batch erases nothing.
func (c *committer) planErasures(outcomes []outcome) (*erasurePlan, error) {
	var plan *erasurePlan
	for _, o := range outcomes {
		if o.value == nil {
			continue
		}
		x, ok := erasureOf(o.workshopID, o.event, c.folds[o.workshopID])
		if !ok {
			continue
		}
		if plan == nil {
			plan = &erasurePlan{rewritten: map[string]map[uint64]inquiry.Event{}}
		}
		plan.people = append(plan.people, x)
		done := plan.rewritten[x.workshopID]
		if done == nil {
			done = map[uint64]inquiry.Event{}
			plan.rewritten[x.workshopID] = done
		}
		// The whole log: words in events older than the tail are in the
		// database as surely as the newer.
		committed, err := c.s.wholeLog(x.workshopID)
		if err != nil {
			return nil, fmt.Errorf("read the log to erase from: %w", err)
		}
		x.eraseLog(committed, done)
		for j := range outcomes {
			in := &outcomes[j]
			if in.value == nil || in.workshopID != x.workshopID {
				continue
			}
			erased, changed := x.erase(in.event)
			if !changed {
				continue
			}
			value, err := json.Marshal(erased)
			if err != nil {
				return nil, fmt.Errorf("encode erased event %d: %w", erased.Seq, err)
			}
			in.event, in.value = erased, value
		}
	}
	if plan == nil {
		return nil, nil
	}
	var err error
	plan.entries, err = rewriteEntries(plan.rewritten)
	if err != nil {
		return nil, err
	}
	for _, x := range plan.people {
		// The draft is deleted whether or not it is there yet: the
		// background writer may be writing it now, and the committer
		// writes the erasure only after that write. (Resume codes are
		// never stored: the withdrawal in the log retires the code.)
		for _, id := range x.people {
			plan.entries = append(plan.entries, entry{key: draftKey(x.workshopID, id), delete: true})
		}
	}
	plan.entries = append(plan.entries, entry{key: []byte(scrubKey), value: []byte{1}})
	return plan, nil
}

// rewriteEntries encodes rewritten events as writes, in key order.
func rewriteEntries(rewritten map[string]map[uint64]inquiry.Event) ([]entry, error) {
	var entries []entry
	for _, id := range slices.Sorted(maps.Keys(rewritten)) {
		done := rewritten[id]
		for _, seq := range slices.Sorted(maps.Keys(done)) {
			value, err := json.Marshal(done[seq])
			if err != nil {
				return nil, fmt.Errorf("encode erased event %d: %w", seq, err)
			}
			entries = append(entries, entry{key: eventKey(id, seq), value: value})
		}
	}
	return entries, nil
}

// leftovers returns the keys of what a participant leaves outside the log
// that an erasure removes: their draft.
func (s *Store) leftovers(txn *badger.Txn, x erasure) ([][]byte, error) {
	var keys [][]byte
	for _, id := range x.people {
		key := draftKey(x.workshopID, id)
		switch _, err := txn.Get(key); {
		case err == nil:
			keys = append(keys, key)
		case !errors.Is(err, badger.ErrKeyNotFound):
			return nil, err
		}
	}
	return keys, nil
}

// replaceErased swaps rewritten events into the published tails; older
// ones are in the database alone. The caller holds s.mu for writing.
// Readers may hold the old slices, so each tail gets a new one; the old
// events are never written to.
//
// The folds need no such care: folding the withdrawal or erasure itself
// forgets the words (inquiry's foldLeaving), so the committer's and the
// readers' state are what a replay of the rewritten log gives.
func (s *Store) replaceErased(rewritten map[string]map[uint64]inquiry.Event) {
	for id, done := range rewritten {
		l := s.logs[id]
		if l == nil || len(done) == 0 {
			continue
		}
		l.older.drop()
		events := slices.Clone(l.tail)
		for seq, e := range done {
			if seq > l.base && seq <= l.head() {
				events[seq-l.base-1] = e
			}
		}
		l.tail = events
	}
}

// finishErasures runs at Open, with the withdrawals and erasures found in
// the events it folded after each workshop's snapshot (all of them, for a
// workshop replayed whole). A crash can interrupt an erasure between
// transactions (a large one is split), before it deleted the snapshot
// taken before it, or before the scrub that removes old versions from the
// files; this completes it from the log, which records every withdrawal
// and erasure. One the snapshot already follows was finished: an erasure
// deletes every snapshot taken before it.
func (s *Store) finishErasures(c *committer, found map[string][]erasure) error {
	rewritten := map[string]map[uint64]inquiry.Event{}
	var people []erasure
	var entries []entry
	for id, xs := range found {
		events, err := s.wholeLog(id)
		if err != nil {
			return fmt.Errorf("data: finish an erasure: %w", err)
		}
		done := map[uint64]inquiry.Event{}
		for _, x := range xs {
			people = append(people, x)
			x.eraseLog(events, done)
		}
		if len(done) > 0 {
			rewritten[id] = done
		}
		forget, err := s.snaps.forget(id, xs[len(xs)-1].seq)
		if err != nil {
			return fmt.Errorf("data: finish an erasure: %w", err)
		}
		if c.snapped[id] > 0 {
			entries = append(entries, forget...)
		}
		c.snapped[id], c.snapNow[id] = 0, true
	}
	for _, x := range people {
		x.forgetDrafts(&s.drafts)
	}
	rewrites, err := rewriteEntries(rewritten)
	if err != nil {
		return fmt.Errorf("data: finish an erasure: %w", err)
	}
	entries = append(rewrites, entries...)
	marked := false
	err = s.db.View(func(txn *badger.Txn) error {
		for _, x := range people {
			keys, err := s.leftovers(txn, x)
			if err != nil {
				return err
			}
			for _, k := range keys {
				entries = append(entries, entry{key: k, delete: true})
			}
		}
		_, err := txn.Get([]byte(scrubKey))
		marked = err == nil
		if errors.Is(err, badger.ErrKeyNotFound) {
			err = nil
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("data: look for unfinished erasures: %w", err)
	}
	if len(entries) == 0 && !marked {
		return nil
	}
	if len(entries) > 0 {
		s.log.Warn("finishing an erasure a crash interrupted", "writes", len(entries))
		entries = append(entries, entry{key: []byte(scrubKey), value: []byte{1}})
		if _, err := writeEntries(s.db, entries); err != nil {
			return fmt.Errorf("data: finish an erasure: %w", err)
		}
		s.replaceErased(rewritten)
	}
	if err := s.scrub(); err != nil {
		s.log.Error("erased words may remain in the database files", "err", err)
	}
	return nil
}

// writeEntries writes entries in order in as few transactions as Badger's
// size limit allows, and returns how many transactions committed. The
// transactions only write: a read before a write could fail the commit
// with ErrConflict.
func writeEntries(db *badger.DB, entries []entry) (int, error) {
	commits := 0
	txn := db.NewTransaction(true)
	defer func() { txn.Discard() }()
	put := func(e entry) error {
		if e.delete {
			return txn.Delete(e.key)
		}
		return set(txn, e.key, e.value)
	}
	for _, e := range entries {
		err := put(e)
		if isTxnTooBig(err) {
			// Earlier transactions hold earlier entries, so whatever lands
			// is a prefix of the list: events before their erasure.
			if err := txn.Commit(); err != nil {
				return commits, err
			}
			commits++
			txn = db.NewTransaction(true)
			err = put(e)
		}
		if err != nil {
			return commits, err
		}
	}
	if err := txn.Commit(); err != nil {
		return commits, err
	}
	return commits + 1, nil
}

// refoldNamesGone folds again, from the rewritten log, each workshop where
// a name was erased. The names shown for the others were told apart from
// the erased one as they joined ("Bram (2)" beside a Bram); a replay of the
// log, which no longer holds that name, shows them as they typed it. The
// fold, its snapshot and every export must name people as any later
// replay will: the same before and after a restart. Erasures are rare,
// and a replay of 30,000 events takes a fraction of a second.
func (c *committer) refoldNamesGone(plan *erasurePlan) {
	if plan == nil {
		return
	}
	var ids []string
	for _, x := range plan.people {
		if x.name && !slices.Contains(ids, x.workshopID) {
			ids = append(ids, x.workshopID)
		}
	}
	if len(ids) > 0 {
		c.recover(ids)
	}
}
