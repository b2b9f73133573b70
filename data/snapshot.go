package data

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	badger "github.com/dgraph-io/badger/v4"
)

// Snapshots. A start that replayed every workshop's log whole would
// decode and hash-check every event: half a second at 30,000. Instead the
// committer writes a snapshot of a workshop's state (inquiry.Snapshot)
// every so many events and for every workshop that changed when the store
// closes, and a start restores the latest and folds only the events after
// it. The whole chain is still checked, in the background once the store
// is open (verify.go).
//
// A snapshot is written as chunks under a new generation, then a header
// naming the generation, its head (sequence and hash) and a MAC over all
// of it with a key derived from the installation secret, then the old
// generation's chunks are deleted. Chunks stay under Badger's value
// threshold, so they live in the LSM tree like every other value and an
// erasure's scrub can remove them (values in the value log would outlive
// it). A kill before the header is written leaves the previous snapshot
// whole; a header whose chunks do not match its MAC, or whose head is not
// in the log as it says, is not used, and the log is replayed.

// DefaultSnapshotEvery is how many events a workshop takes between
// snapshots: a start after a kill folds at most this many, with every
// check (about 23 µs an event: under 50 ms). Taking one costs the
// committer about 170 ns a contribution in the workshop (5 ms at 30,000),
// and the writer about 260 bytes a contribution on disk.
const DefaultSnapshotEvery = 2048

// snapshotChunk is the most bytes of a snapshot in one value: a quarter
// of Badger's value threshold, so that a few fit in one transaction.
const snapshotChunk = 256 << 10

// snapshotHeader is what the header key holds.
type snapshotHeader struct {
	Gen      uint64 `json:"gen"`
	Head     uint64 `json:"head"`
	HeadHash string `json:"head_hash"`
	Size     int    `json:"size"`
	Chunks   int    `json:"chunks"`
	MAC      []byte `json:"mac"`
}

// snapshotHeaderKey is the key of a workshop's snapshot header, and
// snapshotChunkKey of one of its chunks. Chunks are under their own
// prefix, so a scan of one workshop's chunks never meets a header.
func snapshotHeaderKey(workshopID string) []byte {
	return []byte(snapshotHeaderPrefix + workshopID)
}

func snapshotChunkPrefix(workshopID string) []byte {
	return []byte(snapshotChunkPrefixAll + workshopID + "/")
}

func snapshotChunkKey(workshopID string, gen uint64, chunk int) []byte {
	k := binary.BigEndian.AppendUint64(snapshotChunkPrefix(workshopID), gen)
	return binary.BigEndian.AppendUint32(k, uint32(chunk))
}

// snapshotJob is a snapshot waiting to be written.
type snapshotJob struct {
	workshopID string
	head       uint64
	headHash   string
	body       []byte
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
	queue   map[string]snapshotJob // the newest waiting, by workshop
	wake    chan struct{}
	quit    chan struct{}
	done    chan struct{}
}

func (n *snapshots) init(s *Store) {
	n.s = s
	n.key = snapshotKeyOf(s.secret)
	n.erased = map[string]uint64{}
	n.queue = map[string]snapshotJob{}
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

// enqueue hands a snapshot to the writer; a newer one of the same
// workshop replaces one still waiting.
func (n *snapshots) enqueue(j snapshotJob) {
	n.queueMu.Lock()
	n.queue[j.workshopID] = j
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
	jobs := n.queue
	n.queue = map[string]snapshotJob{}
	n.queueMu.Unlock()
	for _, j := range jobs {
		if err := n.write(j); err != nil {
			n.s.log.Warn("a snapshot was not written; the next start replays more of the log", "workshop", j.workshopID, "err", err)
		}
	}
}

// mac authenticates a snapshot: its workshop, head and bytes.
func (n *snapshots) mac(workshopID string, head uint64, headHash string, body []byte) []byte {
	return snapshotMAC(n.key, workshopID, head, headHash, body)
}

// snapshotKeyOf derives the key snapshots are authenticated with from the
// installation secret.
func snapshotKeyOf(secret []byte) []byte {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("anchorage snapshot key"))
	return mac.Sum(nil)
}

func snapshotMAC(key []byte, workshopID string, head uint64, headHash string, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	fmt.Fprintf(m, "anchorage snapshot\x00%s\x00%d\x00%s\x00%d\x00", workshopID, head, headHash, len(body))
	m.Write(body)
	return m.Sum(nil)
}

// write writes one snapshot as a new generation, then its header, then
// deletes every other generation's chunks.
func (n *snapshots) write(j snapshotJob) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.erased[j.workshopID] > j.head {
		return nil // taken before an erasure: it holds the erased words
	}
	var old snapshotHeader
	var stale [][]byte
	err := n.s.view(func(txn *badger.Txn) error {
		if _, err := readSnapshotHeader(txn, j.workshopID, &old); err != nil {
			return err
		}
		stale = snapshotChunkKeys(txn, j.workshopID)
		return nil
	})
	if err != nil {
		return err
	}
	// A generation no chunk has yet: one a torn write left may be above
	// the header's.
	gen := old.Gen
	for _, k := range stale {
		gen = max(gen, binary.BigEndian.Uint64(k[len(snapshotChunkPrefix(j.workshopID)):]))
	}
	h := snapshotHeader{Gen: gen + 1, Head: j.head, HeadHash: j.headHash, Size: len(j.body),
		MAC: n.mac(j.workshopID, j.head, j.headHash, j.body)}
	var chunks []entry
	for start := 0; start < len(j.body) || start == 0; start += snapshotChunk {
		chunk := j.body[start:min(start+snapshotChunk, len(j.body))]
		chunks = append(chunks, entry{key: snapshotChunkKey(j.workshopID, h.Gen, h.Chunks), value: chunk})
		h.Chunks++
	}
	header, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if err := n.s.updateEntries(chunks); err != nil {
		return err
	}
	if n.midWrite != nil {
		n.midWrite()
	}
	switched := []entry{{key: snapshotHeaderKey(j.workshopID), value: header}}
	for _, k := range stale {
		switched = append(switched, entry{key: k, delete: true})
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
	if h.Size < 0 || h.Chunks < 1 || h.Size > h.Chunks*snapshotChunk {
		return nil, nil, errors.New("the snapshot header is malformed")
	}
	body := make([]byte, 0, h.Size)
	for i := range h.Chunks {
		item, err := txn.Get(snapshotChunkKey(workshopID, h.Gen, i))
		if err != nil {
			return nil, nil, fmt.Errorf("snapshot chunk %d of %d: %w", i+1, h.Chunks, err)
		}
		if err := item.Value(func(v []byte) error { body = append(body, v...); return nil }); err != nil {
			return nil, nil, err
		}
	}
	if len(body) != h.Size || !hmac.Equal(h.MAC, n.mac(workshopID, h.Head, h.HeadHash, body)) {
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
