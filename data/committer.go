package data

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// maxBatch bounds how many requests one commit takes, so that the first
// request in a surge is not kept waiting for the last.
const maxBatch = 256

// maxEventBytes bounds one event's JSON: far above any contribution
// (2,000 characters) or guide, and well under Badger's transaction limit
// (15% of the 8 MB memtable), so one event always fits in a transaction.
const maxEventBytes = 512 << 10

// request asks the committer to record one event.
type request struct {
	workshopID string
	event      inquiry.Event
	// opening marks OpenWorkshop's request: the event is WorkshopOpened with
	// details whose ID, code and pacing the committer completes.
	opening bool
	// resync asks for the workshop to be rebuilt from its log, which the
	// background check found its snapshot does not match.
	resync bool
	// reply has room for the answer, so the committer never waits for a
	// caller that has given up.
	reply chan reply
}

type reply struct {
	event inquiry.Event
	err   error
}

// committer is the one goroutine that writes workshops' logs. Its fields
// are its own: the state each workshop will have once the events accepted
// so far are committed.
type committer struct {
	s     *Store
	folds map[string]*inquiry.Workshop
	codes map[string]string // join code as compared (codeKey) → workshop ID
	// limits is each participant's allowance as spent so far (limits.go).
	limits limits
	// snapped is the head of each workshop's latest snapshot; snapNow
	// marks one to snapshot after this batch (an erasure deleted its
	// snapshot, or a rebuild replaced its state).
	snapped map[string]uint64
	snapNow map[string]bool
	// tailEvents and snapshotEvery are the store's options.
	tailEvents, snapshotEvery int
	// unowned are the workshops the start loaded, whose folds the
	// committer copies from the readers' when it starts (ownFolds).
	unowned []string
}

func newCommitter(s *Store) *committer {
	return &committer{
		s: s, folds: map[string]*inquiry.Workshop{}, codes: map[string]string{}, limits: limits{},
		snapped: map[string]uint64{}, snapNow: map[string]bool{},
		tailEvents: s.tailEvents, snapshotEvery: s.snapshotEvery,
	}
}

// run takes a request, drains whatever else is waiting, and commits them
// together, until the store closes.
func (c *committer) run() {
	defer close(c.s.done)
	c.ownFolds()
	batch := make([]*request, 0, maxBatch)
	for {
		select {
		case <-c.s.quit:
			// Every workshop that changed since its snapshot, or whose
			// snapshot is due anyway, gets one, so the next start folds
			// nothing.
			c.snapshot(slices.Collect(maps.Keys(c.folds)), func(id string) bool { return c.folds[id].Head != c.snapped[id] || c.snapNow[id] })
			return
		case r := <-c.s.requests:
			batch = append(batch[:0], r)
		}
	drain:
		for len(batch) < maxBatch {
			select {
			case r := <-c.s.requests:
				batch = append(batch, r)
			default:
				break drain
			}
		}
		batch = c.resync(batch)
		var touched []string
		if len(batch) > 0 {
			touched = c.commit(batch)
		}
		c.snapshot(append(touched, slices.Collect(maps.Keys(c.snapNow))...), func(id string) bool {
			return c.snapNow[id] || c.folds[id].Head-c.snapped[id] >= uint64(c.snapshotEvery)
		})
		clear(batch[:cap(batch)])
	}
}

// resync rebuilds the workshops the batch asks to, answers those
// requests, and returns the rest of the batch.
func (c *committer) resync(batch []*request) []*request {
	rest := batch[:0]
	for _, r := range batch {
		if !r.resync {
			rest = append(rest, r)
			continue
		}
		c.recover([]string{r.workshopID})
		c.snapNow[r.workshopID] = true
		r.reply <- reply{}
	}
	return rest
}

// snapshot asks the writer for a snapshot of each of the workshops that
// is due. The writer takes it of the readers' fold, off the committer's
// goroutine: at 30,000 contributions writing one takes 5 ms, which would
// hold up every writer's next batch.
func (c *committer) snapshot(ids []string, due func(id string) bool) {
	for _, id := range ids {
		fold := c.folds[id]
		if fold == nil || !due(id) {
			continue
		}
		delete(c.snapNow, id)
		c.snapped[id] = fold.Head
		c.s.snaps.enqueue(id)
	}
}

// outcome is what became of one request in a batch.
type outcome struct {
	workshopID string
	event      inquiry.Event
	err        error
	// value is the JSON to write; set only for an accepted event.
	value []byte
	// waits marks an answer that holds only if the batch commits: an
	// accepted event, or a repeat of one accepted earlier in the batch.
	waits bool
}

// commit checks and stamps a batch, writes the accepted events durably
// (with whatever erasures they ask for), publishes them, answers every
// request and rings the doorbells. After an erasure it first scrubs the
// database files of the erased words' old versions.
func (c *committer) commit(batch []*request) (touched []string) {
	if err := c.s.checkSpace(); err != nil {
		for _, r := range batch {
			r.reply <- reply{err: err}
		}
		return nil
	}
	outcomes := make([]outcome, len(batch))
	// touched are the workshops with accepted events, in batch order.
	accepted := map[string][]inquiry.Event{}
	for i, r := range batch {
		o := c.admit(r, accepted)
		if o.value != nil {
			if len(accepted[o.workshopID]) == 0 {
				touched = append(touched, o.workshopID)
			}
			accepted[o.workshopID] = append(accepted[o.workshopID], o.event)
		}
		outcomes[i] = o
	}
	var erased *erasurePlan
	if len(touched) > 0 {
		plan, err := c.planErasures(outcomes)
		if err == nil {
			err = c.write(outcomes, plan)
		}
		if err != nil {
			err = fmt.Errorf("data: commit %d workshops' events: %w", len(touched), err)
			c.s.log.Error("commit failed; the batch is refused", "err", err)
			for i := range outcomes {
				if outcomes[i].waits {
					outcomes[i] = outcome{err: err}
				}
			}
			c.recover(touched)
		} else {
			c.publish(outcomes, touched, plan)
			erased = plan
			c.refoldNamesGone(plan)
		}
	}
	if erased != nil {
		// Before answering, so that a person told their words are erased
		// is told the truth: the batch waits a moment, and erasures are
		// rare.
		if err := c.s.scrub(); err != nil {
			c.s.log.Error("erased words may remain in the database files until the store closes", "err", err)
		}
	}
	for i, r := range batch {
		r.reply <- reply{event: outcomes[i].event, err: outcomes[i].err}
	}
	for _, id := range touched {
		c.s.feed.ring(id, accepted[id], c.concerns(id, accepted[id]))
	}
	return touched
}

// concerns says what each of a workshop's accepted events touches, from
// the committer's state after the batch: a contribution an event acts on
// by ID is still there (deleted ones too).
func (c *committer) concerns(id string, events []inquiry.Event) []inquiry.Concern {
	fold := c.folds[id]
	if fold == nil {
		return nil
	}
	out := make([]inquiry.Concern, len(events))
	for i, e := range events {
		out[i] = fold.Concern(e)
	}
	return out
}

// admit checks one request against its workshop's state and, if it
// passes, stamps it and folds it in.
func (c *committer) admit(r *request, accepted map[string][]inquiry.Event) outcome {
	e, id := r.event, r.workshopID
	fold := c.folds[id]
	if r.opening {
		d, err := c.reserve(*e.Workshop)
		if err != nil {
			return outcome{err: err}
		}
		e.Workshop = &d
		id, fold = d.ID, &inquiry.Workshop{}
	} else if fold == nil {
		return outcome{err: fmt.Errorf("workshop %s: %w", id, inquiry.ErrNotFound)}
	} else if err := c.s.brokenErr(id); err != nil {
		return outcome{err: fmt.Errorf("workshop %s: %w", id, err)}
	}
	if err := fold.Check(e); err != nil {
		if errors.Is(err, inquiry.ErrDuplicate) {
			if orig, inBatch, ok := c.original(e, id, accepted[id]); ok {
				return outcome{workshopID: id, event: orig, waits: inBatch}
			}
		}
		return outcome{err: fmt.Errorf("workshop %s: %w", id, err)}
	}
	at := c.s.now().UTC().Round(0)
	if err := c.limit(id, e, fold, at); err != nil {
		return outcome{err: fmt.Errorf("workshop %s: %w", id, err)}
	}
	before := fold.TextBytes()
	stamped, value, err := c.stamp(e, fold, at)
	if err == nil {
		// The committer has just computed this event's hash and digests
		// and checked its rules: ApplyStamped checks the rules again
		// (cheaply) but not what stamp has just made.
		err = fold.ApplyStamped(stamped)
	}
	if err != nil {
		return outcome{err: fmt.Errorf("workshop %s: %w", id, err)}
	}
	c.spent(id, stamped, before, fold)
	if r.opening {
		c.folds[id] = fold
		c.codes[codeKey(fold.Code)] = id
	}
	return outcome{workshopID: id, event: stamped, value: value, waits: true}
}

// stamp fills in what the store assigns: the time (at, without a
// monotonic reading), sequence number, salted digests of people's words
// and the chain. It returns the event as it will be read back and its JSON.
func (c *committer) stamp(e inquiry.Event, fold *inquiry.Workshop, at time.Time) (inquiry.Event, []byte, error) {
	// Sealing writes through the event's pointers, and the stamped event is
	// kept and shared with every reader: a deep copy leaves the caller's
	// event as it was, and keeps the caller's later changes out of the log.
	e = e.Clone()
	e.Seq, e.Prev = fold.Head+1, fold.HeadHash
	e.At = at
	// JSON carries no monotonic clock reading: drop any, so the event kept
	// is the one a reopen will read back.
	if e.Participant != nil {
		e.Participant.ConsentAt = e.Participant.ConsentAt.Round(0)
	}
	if e.Pace != nil {
		e.Pace.EndsAt = e.Pace.EndsAt.Round(0)
	}
	for _, w := range e.Words() {
		var salt [16]byte
		rand.Read(salt[:]) // crypto/rand.Read never fails (Go 1.24+)
		w.Seal(salt[:])
	}
	e.Hash = e.ChainHash()
	value, err := json.Marshal(e)
	if err != nil {
		return e, nil, fmt.Errorf("encode event: %w", err)
	}
	if len(value) > maxEventBytes {
		return e, nil, fmt.Errorf("%w: the event is %d bytes, over the limit of %d", inquiry.ErrInvalid, len(value), maxEventBytes)
	}
	if bytes.Contains(value, []byte(invalidUTF8Escape)) {
		return readBack(e, value)
	}
	return e, value, nil
}

// invalidUTF8Escape is how encoding/json writes a byte that is not valid
// UTF-8 in a string.
const invalidUTF8Escape = `\ufffd`

// readBack is the event as a reopen will read it from value, for the rare
// event whose JSON holds the escape \ufffd. It stands for invalid UTF-8
// in one of the event's strings (or for a person who typed a backslash
// and "ufffd"). Invalid UTF-8 does not survive JSON: it is read back as
// U+FFFD, which encodes differently, so the event read back would not
// match its hash and the log would not replay. Such an event is refused.
func readBack(e inquiry.Event, value []byte) (inquiry.Event, []byte, error) {
	var kept inquiry.Event
	if err := json.Unmarshal(value, &kept); err != nil {
		return e, nil, fmt.Errorf("decode event: %w", err)
	}
	if kept.ChainHash() != e.Hash {
		return e, nil, fmt.Errorf("%w: the event holds text that is not valid UTF-8", inquiry.ErrInvalid)
	}
	return kept, value, nil
}

// write commits the accepted events, in batch order, what they do to
// drafts and what their erasures rewrite, in as few transactions as
// Badger's size limit allows (one, but for a batch too big for it: then
// the drafts land with the last events). While these are written, no
// draft is written in the background: a draft written just after the
// erasure's delete would bring the participant's words back, and one
// written just after a contribution its words.
func (c *committer) write(outcomes []outcome, plan *erasurePlan) error {
	if c.s.failWrite != nil {
		if err := c.s.failWrite(); err != nil {
			return err
		}
	}
	var entries []entry
	for _, o := range outcomes {
		if o.value != nil {
			entries = append(entries, entry{key: eventKey(o.workshopID, o.event.Seq), value: o.value})
		}
	}
	ops := draftOps(outcomes)
	if plan != nil || len(ops) > 0 {
		c.s.drafts.flushMu.Lock()
		defer c.s.drafts.flushMu.Unlock()
	}
	if plan != nil {
		// No snapshot is written while an erasure is, and none taken
		// before it after: the erasure deletes them all. Only an erasure
		// waits for a snapshot being written: a batch of contributions
		// clearing drafts does not.
		c.s.snaps.mu.Lock()
		defer c.s.snaps.mu.Unlock()
		for _, x := range plan.people {
			forget, err := c.s.snaps.forget(x.workshopID, x.seq)
			if err != nil {
				return fmt.Errorf("list the snapshots to delete: %w", err)
			}
			entries = append(entries, forget...)
			c.snapNow[x.workshopID] = true
		}
	}
	// Drafts before the erasures: an erasure's delete of a draft, later in
	// the transaction, wins over a draft the same batch changed.
	entries = append(entries, c.s.draftEntries(ops)...)
	if plan != nil {
		entries = append(entries, plan.entries...)
	}
	commits, err := writeEntries(c.s.db, entries)
	c.s.stats.commits.Add(uint64(commits))
	if err != nil {
		return err
	}
	c.s.applyDraftOps(ops)
	if plan != nil {
		for _, x := range plan.people {
			x.forgetDrafts(&c.s.drafts)
		}
	}
	return nil
}
