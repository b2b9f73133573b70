package data

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"sync"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// Snapshots. A start that replayed every workshop's log whole would
// decode and hash-check every event: half a second at 30,000. Instead the
// committer writes a snapshot of a workshop's state (inquiry.Snapshot)
// every so many events and for every workshop that changed when the store
// closes, and a start restores the latest and folds only the events after
// it. The whole chain is still checked, in the background once the store
// is open (verify.go).
//
// A snapshot is written in parts (inquiry.SnapshotParts), each under the
// key of its SHA-256, then a header listing the parts' hashes with its
// head (sequence and hash), the participants' allowances as the events up
// to the head spent them (snapshot_limits.go), and a MAC over the whole
// with a key derived from the installation secret; then the parts no header lists are
// deleted. A part already stored is not written again: contributions
// nothing has touched since the last snapshot come out the same, so a
// snapshot of a workshop of 30,000 writes the first part and the newest
// few, not 8 MB. Parts stay under Badger's value threshold, so they live
// in the LSM tree like every other value and an erasure's scrub can remove
// them (values in the value log would outlive it). A kill before the
// header is written leaves the previous snapshot whole; a header whose
// parts are missing, do not match their hashes or its MAC, or whose head
// is not in the log as it says, is not used, and the log is replayed.

// DefaultSnapshotEvery is how many events a workshop takes between
// snapshots: a start after a kill folds at most this many, with every
// check (about 40 µs an event with Badger's own recovery: some 80 ms).
// Taking one costs the writer, not the committer, about 5 ms at 30,000
// contributions, and writes the parts that changed.
const DefaultSnapshotEvery = 2048

// snapshotHeader is what the header key holds.
type snapshotHeader struct {
	Head     uint64 `json:"head"`
	HeadHash string `json:"head_hash"`
	// Parts are the SHA-256 of each part, in order.
	Parts [][]byte `json:"parts"`
	Size  int      `json:"size"`
	// Limits are the participants' allowances as the events up to the
	// head spent them (snapshot_limits.go).
	Limits json.RawMessage `json:"limits"`
	MAC    []byte          `json:"mac"`
}

// snapshotHeaderKey is the key of a workshop's snapshot header, and
// snapshotChunkKey of one of its parts, by the part's SHA-256. Parts are
// under their own prefix, so a scan of one workshop's parts never meets a
// header.
func snapshotHeaderKey(workshopID string) []byte {
	return []byte(snapshotHeaderPrefix + workshopID)
}

func snapshotChunkPrefix(workshopID string) []byte {
	return []byte(snapshotChunkPrefixAll + workshopID + "/")
}

func snapshotChunkKey(workshopID string, sum []byte) []byte {
	return append(snapshotChunkPrefix(workshopID), sum...)
}

// snapshotJob is a snapshot to be written.
type snapshotJob struct {
	workshopID string
	head       uint64
	headHash   string
	parts      [][]byte
	limits     []byte
}

// snapshots writes workshops' snapshots, in the background so the
// committer does not wait for the disk.
type snapshots struct {
	s   *Store
	key []byte // the MAC key, derived from the installation secret

	// mu is held while a snapshot is written and while an erasure is:
	// a snapshot taken before an erasure must never be written after it,
	// or the erased words would be back in the files.
	mu sync.Mutex
	// erased is the sequence number of each workshop's latest erasure
	// this run: a snapshot of an older head is dropped.
	erased map[string]uint64

	// midWrite, when a test sets it, runs between a snapshot's chunks and
	// its header: where a kill leaves a torn snapshot.
	midWrite func()

	queueMu sync.Mutex
	queue   map[string]bool // the workshops waiting for one
	wake    chan struct{}
	quit    chan struct{}
	done    chan struct{}
}

func (n *snapshots) init(s *Store) {
	n.s = s
	n.key = snapshotKeyOf(s.secret)
	n.erased = map[string]uint64{}
	n.queue = map[string]bool{}
	n.wake = make(chan struct{}, 1)
	n.quit = make(chan struct{})
	n.done = make(chan struct{})
}

// run writes what is queued until stop.
func (n *snapshots) run() {
	defer close(n.done)
	for {
		select {
		case <-n.wake:
			n.writeQueued()
		case <-n.quit:
			n.writeQueued()
			return
		}
	}
}

// enqueue asks the writer for a snapshot of a workshop.
func (n *snapshots) enqueue(workshopID string) {
	n.queueMu.Lock()
	n.queue[workshopID] = true
	n.queueMu.Unlock()
	select {
	case n.wake <- struct{}{}:
	default:
	}
}

// stop writes whatever is waiting and stops the writer.
func (n *snapshots) stop() {
	close(n.quit)
	<-n.done
}

func (n *snapshots) writeQueued() {
	n.queueMu.Lock()
	ids := n.queue
	n.queue = map[string]bool{}
	n.queueMu.Unlock()
	for id := range ids {
		j, err := n.take(id)
		if err == nil {
			err = n.write(j)
		}
		if err != nil {
			n.s.log.Warn("a snapshot was not written; the next start replays more of the log", "workshop", id, "err", err)
		}
	}
}

// take snapshots the readers' fold of a workshop, brought up to date: its
// state is committed and whole at its head. Readers read on meanwhile; one
// catching the fold up waits for the snapshot to be taken.
func (n *snapshots) take(workshopID string) (snapshotJob, error) {
	j := snapshotJob{workshopID: workshopID}
	var err, limitsErr error
	read := n.s.readState(workshopID, func(w *inquiry.Workshop, spent spending) {
		j.head, j.headHash = w.Head, w.HeadHash
		j.parts, err = w.SnapshotParts()
		j.limits, limitsErr = encodeLimits(n.s.allowance, spent)
	})
	return j, errors.Join(read, err, limitsErr)
}

// macOf starts the MAC that authenticates a snapshot: its workshop, head
// and limits, then (written by the caller) its bytes.
func (n *snapshots) macOf(workshopID string, head uint64, headHash string, limits []byte) hash.Hash {
	return snapshotMAC(n.key, workshopID, head, headHash, limits)
}

// snapshotKeyOf derives the key snapshots are authenticated with from the
// installation secret.
func snapshotKeyOf(secret []byte) []byte {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("anchorage snapshot key"))
	return mac.Sum(nil)
}

func snapshotMAC(key []byte, workshopID string, head uint64, headHash string, limits []byte) hash.Hash {
	m := hmac.New(sha256.New, key)
	fmt.Fprintf(m, "anchorage snapshot\x00%s\x00%d\x00%s\x00%d\x00", workshopID, head, headHash, len(limits))
	m.Write(limits)
	return m
}

// write writes the parts of one snapshot not stored yet, then its header,
// then deletes the parts no longer listed.
func (n *snapshots) write(j snapshotJob) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.erased[j.workshopID] > j.head {
		return nil // taken before an erasure: it holds the erased words
	}
	var stored [][]byte
	if err := n.s.view(func(txn *badger.Txn) error {
		stored = snapshotChunkKeys(txn, j.workshopID)
		return nil
	}); err != nil {
		return err
	}
	have := map[string]bool{}
	for _, k := range stored {
		have[string(k)] = true
	}
	h := snapshotHeader{Head: j.head, HeadHash: j.headHash, Limits: j.limits}
	mac := n.macOf(j.workshopID, j.head, j.headHash, j.limits)
	listed := map[string]bool{}
	var parts []entry
	for _, part := range j.parts {
		sum := sha256.Sum256(part)
		key := snapshotChunkKey(j.workshopID, sum[:])
		h.Parts, h.Size = append(h.Parts, sum[:]), h.Size+len(part)
		mac.Write(part)
		if !have[string(key)] && !listed[string(key)] {
			parts = append(parts, entry{key: key, value: part})
		}
		listed[string(key)] = true
	}
	h.MAC = mac.Sum(nil)
	header, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if err := n.s.updateEntries(parts); err != nil {
		return err
	}
	if n.midWrite != nil {
		n.midWrite()
	}
	switched := []entry{{key: snapshotHeaderKey(j.workshopID), value: header}}
	for _, k := range stored {
		if !listed[string(k)] {
			switched = append(switched, entry{key: k, delete: true})
		}
	}
	return n.s.updateEntries(switched)
}

// readSnapshotHeader reads a workshop's snapshot header into h, reporting
// whether there is one.
func readSnapshotHeader(txn *badger.Txn, workshopID string, h *snapshotHeader) (bool, error) {
	item, err := txn.Get(snapshotHeaderKey(workshopID))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := item.Value(func(v []byte) error { return json.Unmarshal(v, h) }); err != nil {
		return false, fmt.Errorf("snapshot header: %w", err)
	}
	return true, nil
}

// snapshotChunkKeys lists every chunk of every generation of a workshop's
// snapshots.
func snapshotChunkKeys(txn *badger.Txn, workshopID string) [][]byte {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: snapshotChunkPrefix(workshopID)})
	defer it.Close()
	var keys [][]byte
	for it.Rewind(); it.Valid(); it.Next() {
		keys = append(keys, it.Item().KeyCopy(nil))
	}
	return keys
}

// read reads a workshop's latest snapshot and checks it whole against its
// MAC. It returns nil, nil when there is none.
func (n *snapshots) read(txn *badger.Txn, workshopID string) ([]byte, *snapshotHeader, error) {
	var h snapshotHeader
	found, err := readSnapshotHeader(txn, workshopID, &h)
	if err != nil || !found {
		return nil, nil, err
	}
	if h.Size < 0 || len(h.Parts) < 1 || h.Size > len(h.Parts)*maxValueBytes {
		return nil, nil, errors.New("the snapshot header is malformed")
	}
	body := make([]byte, 0, h.Size)
	for i, sum := range h.Parts {
		item, err := txn.Get(snapshotChunkKey(workshopID, sum))
		if err != nil {
			return nil, nil, fmt.Errorf("snapshot part %d of %d: %w", i+1, len(h.Parts), err)
		}
		start := len(body)
		if err := item.Value(func(v []byte) error { body = append(body, v...); return nil }); err != nil {
			return nil, nil, err
		}
		if got := sha256.Sum256(body[start:]); !bytes.Equal(got[:], sum) {
			return nil, nil, fmt.Errorf("snapshot part %d of %d does not match its hash", i+1, len(h.Parts))
		}
	}
	mac := n.macOf(workshopID, h.Head, h.HeadHash, h.Limits)
	mac.Write(body)
	if len(body) != h.Size || !hmac.Equal(h.MAC, mac.Sum(nil)) {
		return nil, nil, errors.New("the snapshot does not match its MAC: it is torn or was changed")
	}
	return body, &h, nil
}

// forget is an erasure's part: under mu (which the caller holds, for the
// erasure's whole write), the entries that delete a workshop's snapshots,
// and the mark that keeps any older snapshot from being written after.
func (n *snapshots) forget(workshopID string, erasedAt uint64) ([]entry, error) {
	n.erased[workshopID] = max(n.erased[workshopID], erasedAt)
	var keys [][]byte
	err := n.s.view(func(txn *badger.Txn) error {
		keys = snapshotChunkKeys(txn, workshopID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	entries := []entry{{key: snapshotHeaderKey(workshopID), delete: true}}
	for _, k := range keys {
		entries = append(entries, entry{key: k, delete: true})
	}
	return entries, nil
}

// dropSnapshots deletes every snapshot in a database: a restored backup
// is replayed whole the first time it opens, and snapshotted after.
func dropSnapshots(db *badger.DB) error {
	for _, prefix := range []string{snapshotHeaderPrefix, snapshotChunkPrefixAll} {
		if err := db.DropPrefix([]byte(prefix)); err != nil {
			return err
		}
	}
	return nil
}
