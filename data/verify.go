package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// chainCheck is the check a start leaves for the background when a
// snapshot stood in for a workshop's log up to its head: replay the log
// to the head with every hash and digest checked, and compare the state
// it folds with the snapshot's.
type chainCheck struct {
	workshopID string
	head       uint64
	headHash   string
	snapshot   []byte
	// limits are the snapshot's allowances, compared with what the log
	// spends; nil when the start learnt them from the log itself.
	limits []byte
}

// checkRead is how many events the background check reads in one
// transaction: a long read would keep an erasure's scrub from dropping
// old versions, and Close waits for the read in progress.
const checkRead = 1024

// errStaleSnapshot means a snapshot's state is not what its log folds
// to, although the log checks out: it was written by a fold that folded
// differently. The workshop is rebuilt from its log.
var errStaleSnapshot = errors.New("the snapshot's state differs from what its log folds to")

// checkChains runs the checks a start left, one workshop after another,
// until they are done or the store closes. A log that fails stops its
// workshop taking writes, and says why (markBroken); a snapshot that does
// not match its log is replaced by a replay of the log.
func (s *Store) checkChains(checks []chainCheck) {
	defer close(s.checked)
	if len(checks) > 0 {
		// The check's fold and the events it decoded are garbage once it
		// is done: hand their pages back now rather than keep them mapped
		// until the runtime's scavenger gets to them (at 30,000
		// contributions, some 50 MB of the server's RSS), and the pages
		// of the tables it read (mapped.go).
		defer s.releaseTables()
		defer debug.FreeOSMemory()
	}
	for _, ch := range checks {
		select {
		case <-s.quit:
			return
		default:
		}
		err := s.checkChain(ch)
		switch {
		case err == nil:
		case errors.Is(err, ErrClosed):
			return
		case errors.Is(err, errStaleSnapshot):
			s.log.Warn("a workshop's snapshot differs from its log: rebuilding it from the log", "workshop", ch.workshopID)
			if _, err := s.submit(context.Background(), &request{workshopID: ch.workshopID, resync: true}); err != nil && !errors.Is(err, ErrClosed) {
				s.log.Error("could not rebuild a workshop from its log", "workshop", ch.workshopID, "err", err)
			}
		default:
			s.markBroken(ch.workshopID, err)
		}
	}
}

// checkChain replays a workshop's log up to a snapshot's head with every
// check, and compares the state with the snapshot's.
func (s *Store) checkChain(ch chainCheck) error {
	id := ch.workshopID
	w := &inquiry.Workshop{}
	spent := spending{}
	fold := func(e inquiry.Event) error {
		if err := w.Apply(e); err != nil {
			return err
		}
		spent.spend(s.allowance, e)
		return nil
	}
	for first := uint64(1); first <= ch.head; first += checkRead {
		select {
		case <-s.quit:
			return ErrClosed
		default:
		}
		last := min(first+checkRead-1, ch.head)
		err := s.view(func(txn *badger.Txn) error {
			return scanEventsFrom(txn, id, first, last, fold)
		})
		if err != nil {
			return fmt.Errorf("data: workshop %s: %w", id, err)
		}
	}
	if w.Head != ch.head || w.HeadHash != ch.headHash {
		return fmt.Errorf("data: workshop %s: %w: the log's event %d is not the one its snapshot was taken at", id, inquiry.ErrInvalid, ch.head)
	}
	body, err := w.Snapshot()
	if err != nil {
		return err
	}
	if !bytes.Equal(body, ch.snapshot) {
		return errStaleSnapshot
	}
	if ch.limits != nil {
		limits, err := encodeLimits(s.allowance, spent)
		if err != nil {
			return err
		}
		if !bytes.Equal(limits, ch.limits) {
			return errStaleSnapshot
		}
	}
	return nil
}
