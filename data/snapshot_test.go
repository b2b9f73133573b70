package data

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

func TestAStartFoldsOnlyTheEventsAfterTheSnapshot(t *testing.T) {
	dir, ws := roomWithSnapshot(t, func(o *Options) { o.TailEvents = 2 })
	// A fold with three more events than the snapshot: as a kill after
	// them would leave it.
	s := openStore(t, dir, func(o *Options) { o.TailEvents = 2; o.SnapshotEvery = 1000 })
	if b := snapshotBase(s, ws.ID); b != 7 {
		t.Fatalf("after a clean close the start folded from event %d, want 7 (the snapshot's head)", b+1)
	}
	want := replayOf(t, s, ws.ID)
	if got := sharedState(t, s, ws.ID); !reflect.DeepEqual(got, want) {
		t.Fatalf("the state restored from the snapshot differs from a replay of the log")
	}
	checkedWithin(t, s)
	if err := s.brokenErr(ws.ID); err != nil {
		t.Fatalf("the background check found the log broken: %v", err)
	}
	mustAppend(t, s, ws.ID, adding("bob", "b2", "More words from Bob"))
	mustAppend(t, s, ws.ID, adding("bob", "b3", "And more"))
	events := checkLog(t, s, ws.ID, 9)
	if events[7].Prev != events[6].Hash {
		t.Errorf("the first event after a restored snapshot is not chained to its head")
	}
}

// The snapshots a start finds may be of no use: torn by a kill while one
// was written, changed, of another version of the fold, or not of this
// log. Each is noticed, and the log replayed past it; the workshop carries
// on as if there had been none.
func TestTornOrStaleSnapshotsAreReplayedPast(t *testing.T) {
	cases := []struct {
		name string
		// spoil changes the closed store's database; wantBase is the head
		// of the snapshot the start should then use (0: none).
		spoil    func(t *testing.T, dir string, ws inquiry.Summary, log []inquiry.Event)
		wantBase uint64
	}{
		{"a chunk is missing", func(t *testing.T, dir string, ws inquiry.Summary, _ []inquiry.Event) {
			withRawDB(t, dir, func(db *badger.DB) error {
				return db.DropPrefix(snapshotChunkPrefix(ws.ID))
			})
		}, 0},
		{"a byte of the state is changed", func(t *testing.T, dir string, ws inquiry.Summary, log []inquiry.Event) {
			writeSnapshot(t, dir, ws.ID, mustReplay(t, log), func(_ *snapshotHeader, body []byte) []byte {
				body[len(body)-3] ^= 1
				return body
			})
		}, 0},
		{"a part does not match its hash", func(t *testing.T, dir string, ws inquiry.Summary, _ []inquiry.Event) {
			withRawDB(t, dir, func(db *badger.DB) error {
				return db.Update(func(txn *badger.Txn) error {
					var h snapshotHeader
					if _, err := readSnapshotHeader(txn, ws.ID, &h); err != nil {
						return err
					}
					return txn.Set(snapshotChunkKey(ws.ID, h.Parts[0]), []byte("other bytes"))
				})
			})
		}, 0},
		{"the header's head is changed", func(t *testing.T, dir string, ws inquiry.Summary, log []inquiry.Event) {
			writeSnapshot(t, dir, ws.ID, mustReplay(t, log), func(h *snapshotHeader, body []byte) []byte {
				h.Head--
				return body
			})
		}, 0},
		{"a kill after the chunks of a new one, before its header", func(t *testing.T, dir string, ws inquiry.Summary, log []inquiry.Event) {
			withRawDB(t, dir, func(db *badger.DB) error {
				sum := sha256.Sum256([]byte("half a snapshot"))
				_, err := writeEntries(db, []entry{{key: snapshotChunkKey(ws.ID, sum[:]), value: []byte("half a snapshot")}})
				return err
			})
		}, 7},
		{"older than the log, as a kill between snapshots leaves it", func(t *testing.T, dir string, ws inquiry.Summary, log []inquiry.Event) {
			writeSnapshot(t, dir, ws.ID, mustReplay(t, log[:4]), nil)
		}, 4},
		{"of another log with the same workshop ID", func(t *testing.T, dir string, ws inquiry.Summary, log []inquiry.Event) {
			other := mustReplay(t, log)
			other.HeadHash = strings.Repeat("0", 64)
			writeSnapshot(t, dir, ws.ID, other, nil)
		}, 0},
		{"of another version of the fold", func(t *testing.T, dir string, ws inquiry.Summary, log []inquiry.Event) {
			writeSnapshot(t, dir, ws.ID, mustReplay(t, log), func(h *snapshotHeader, body []byte) []byte {
				body[len("anchorage fold\n")]++ // the version
				return body
			})
			// The MAC is of the unchanged bytes: make it fit the changed.
			resign(t, dir, ws.ID)
		}, 0},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			dir, ws := roomWithSnapshot(t)
			s := openStore(t, dir)
			log := s.Events(ws.ID, 0)
			s.Close()
			tt.spoil(t, dir, ws, log)

			s = openStore(t, dir)
			if b := snapshotBase(s, ws.ID); b != tt.wantBase {
				t.Errorf("the start folded from event %d, want %d", b+1, tt.wantBase+1)
			}
			want := replayOf(t, s, ws.ID)
			if got := sharedState(t, s, ws.ID); !reflect.DeepEqual(got, want) {
				t.Fatalf("the state after the start differs from a replay of the log")
			}
			checkedWithin(t, s)
			if err := s.brokenErr(ws.ID); err != nil {
				t.Fatalf("the workshop was stopped: %v", err)
			}
			next := mustAppend(t, s, ws.ID, adding("bob", "b2", "More words from Bob"))
			if next.Seq != 8 || next.Prev != log[6].Hash {
				t.Errorf("the next event is %d chained to %.12s, want 8 chained to %.12s", next.Seq, next.Prev, log[6].Hash)
			}
		})
	}
}

// A log changed behind a snapshot is not folded at the start, which
// trusts the snapshot to open quickly; the check that follows in the
// background finds it, and the workshop stops taking writes and says why.
func TestABrokenChainFoundAfterTheStartStopsTheWorkshopsWrites(t *testing.T) {
	dir, ws := roomWithSnapshot(t)
	tamper(t, dir, ws.ID, 6, func(e *inquiry.Event) { e.Participant.Name.Text = "Mallory" })

	s := openStore(t, dir)
	checkedWithin(t, s)
	_, err := s.Append(testContext(t), ws.ID, adding("bob", "b2", "Words after the break"))
	if !errors.Is(err, ErrBroken) || !strings.Contains(err.Error(), "event 6") || !strings.Contains(err.Error(), "digest") {
		t.Fatalf("Append to a workshop whose log is broken at event 6: %v; want ErrBroken saying event 6's text does not match its digest", err)
	}
	if err := s.Verify(ws.ID); !errors.Is(err, inquiry.ErrInvalid) {
		t.Errorf("Verify of the broken log: %v, want ErrInvalid", err)
	}
	// What was there is still shown: the screens keep working.
	if err := s.Read(ws.ID, func(w *inquiry.Workshop) {
		if len(w.Contributions) != 3 {
			t.Errorf("the workshop shows %d contributions, want the 3 it had", len(w.Contributions))
		}
	}); err != nil {
		t.Fatal(err)
	}
	// Another workshop is not stopped.
	other := openWorkshop(t, s, "harbour-0002")
	mustAppend(t, s, other.ID, joining("ann"))
}

// A snapshot whose state is not what its log folds to (written by a fold
// that folded differently) is found by the background check, and the
// workshop is rebuilt from its log.
func TestASnapshotThatDiffersFromItsLogIsRebuiltFromTheLog(t *testing.T) {
	dir, ws := roomWithSnapshot(t)
	s := openStore(t, dir)
	log := s.Events(ws.ID, 0)
	s.Close()
	wrong := mustReplay(t, log)
	c, _ := wrong.Contribution("b1")
	c.Text = "Words nobody wrote"
	writeSnapshot(t, dir, ws.ID, wrong, nil)

	s = openStore(t, dir)
	checkedWithin(t, s)
	want := replayOf(t, s, ws.ID)
	deadline := time.Now().Add(testTimeout)
	for !reflect.DeepEqual(sharedState(t, s, ws.ID), want) {
		if time.Now().After(deadline) {
			t.Fatalf("the workshop was not rebuilt from its log within %s", testTimeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := s.brokenErr(ws.ID); err != nil {
		t.Fatalf("a snapshot that differs from a sound log stopped the workshop: %v", err)
	}
	mustAppend(t, s, ws.ID, adding("bob", "b2", "More words from Bob"))
	checkLog(t, s, ws.ID, 8)
}

func TestSnapshotsAreTakenEverySoManyEvents(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, func(o *Options) { o.SnapshotEvery = 4 })
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID) // events 2 to 7
	mustAppend(t, s, ws.ID, adding("bob", "b2", "More words from Bob"))
	deadline := time.Now().Add(testTimeout)
	for {
		var h snapshotHeader
		found := false
		if err := s.view(func(txn *badger.Txn) error {
			var err error
			found, err = readSnapshotHeader(txn, ws.ID, &h)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if found && h.Head == 8 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no snapshot at event 8 within %s (found %v, head %d)", testTimeout, found, h.Head)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// An erasure deletes the snapshots taken before it, which hold the words,
// and no file keeps them after its scrub.
func TestAnErasureLeavesNoSnapshotHoldingTheWords(t *testing.T) {
	dir, ws := roomWithSnapshot(t)
	s := openStore(t, dir)
	mustAppend(t, s, ws.ID, withdrawing("ann"))
	// The words themselves, in no version of any key but one that holds
	// them now. (Counting every old version would race with the snapshot
	// the erasure asks for, written after the scrub over the deleted
	// ones' tombstones.)
	if n := oldVersionsHolding(t, s.db, annEdited, annOwner, annFirst[:60]); n != 0 {
		t.Errorf("after the erasure %d old versions of keys still hold Ann's words", n)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{annEdited, annOwner, annFirst[:60]} {
		if files := filesHolding(t, dir, gone); len(files) > 0 {
			t.Errorf("after the erasure and Close, %v still hold %.40q", files, gone)
		}
	}
	s = openStore(t, dir)
	if b := snapshotBase(s, ws.ID); b != 8 {
		t.Errorf("the start after the erasure folded from event %d, want 8: Close should have taken a new snapshot", b+1)
	}
	if got, want := sharedState(t, s, ws.ID), replayOf(t, s, ws.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("the state after the erasure differs from a replay of the rewritten log")
	}
}

// A backup comes from outside: a restore drops its snapshots, so the
// restored database is replayed whole (by the restore's own check) and
// snapshots of its own are taken. A snapshot in the backup that differs
// from its log is never used, not even until a background check.
func TestARestoredDatabaseIsReplayedWhole(t *testing.T) {
	dir, ws := roomWithSnapshot(t)
	s := openStore(t, dir)
	log := s.Events(ws.ID, 0)
	s.Close()
	forged := mustReplay(t, log)
	c, _ := forged.Contribution("b1")
	c.Text = "Words nobody wrote"
	writeSnapshot(t, dir, ws.ID, forged, nil)

	// The backup holds the forged snapshot: made from the files, as a
	// backup from elsewhere might have been.
	var backup strings.Builder
	withRawDB(t, dir, func(db *badger.DB) error {
		_, err := db.Backup(&backup, 0)
		return err
	})
	restored := t.TempDir() + "/restored"
	if err := Restore(restored, strings.NewReader(backup.String())); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, restored)
	if got, want := sharedState(t, s, ws.ID), replayOf(t, s, ws.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("the restored database started from the backup's snapshot, not from its log")
	}
	if b := snapshotBase(s, ws.ID); b != 7 {
		t.Errorf("the start after the restore folded from event %d; want a snapshot of its own at 7", b+1)
	}
}

// A kill while a snapshot is written: the files as they are between the
// snapshot's chunks and its header (copied then, as a kill would leave
// them) open with nothing acknowledged lost and the state of the log, and
// the next snapshot clears the torn one away.
func TestAKillWhileASnapshotIsWrittenLosesNothing(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, func(o *Options) { o.SnapshotEvery = 4 })
	paused, resume := make(chan struct{}), make(chan struct{})
	var once sync.Once
	s.snaps.midWrite = func() {
		once.Do(func() {
			close(paused)
			<-resume
		})
	}
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID) // a snapshot falls due at event 4
	select {
	case <-paused:
	case <-time.After(testTimeout):
		t.Fatalf("no snapshot was written within %s", testTimeout)
	}
	bobSays(t, s, ws.ID, 0, 2)
	acked := s.Events(ws.ID, 0)
	crashed := filepath.Join(t.TempDir(), "crashed")
	copyFiles(t, dir, crashed)
	close(resume)
	s.Close()

	s = openStore(t, crashed)
	events := checkLog(t, s, ws.ID, len(acked))
	for i, e := range acked {
		if events[i].Hash != e.Hash {
			t.Fatalf("acknowledged event %d is not in the log after the kill", e.Seq)
		}
	}
	if got, want := sharedState(t, s, ws.ID), replayOf(t, s, ws.ID); !reflect.DeepEqual(got, want) {
		t.Fatalf("the state after the kill differs from a replay of the log")
	}
	var torn int
	if err := s.view(func(txn *badger.Txn) error {
		torn = len(snapshotChunkKeys(txn, ws.ID))
		return nil
	}); err != nil || torn == 0 {
		t.Fatalf("the files hold no torn snapshot (%v): the copy was not taken mid-write", err)
	}
	mustAppend(t, s, ws.ID, adding("bob", "b9", "After the kill"))
	s.Close()
	withRawDB(t, crashed, func(db *badger.DB) error {
		return db.View(func(txn *badger.Txn) error {
			var h snapshotHeader
			if _, err := readSnapshotHeader(txn, ws.ID, &h); err != nil {
				return err
			}
			listed := map[string]bool{}
			for _, sum := range h.Parts {
				listed[string(snapshotChunkKey(ws.ID, sum))] = true
			}
			for _, k := range snapshotChunkKeys(txn, ws.ID) {
				if !listed[string(k)] {
					t.Errorf("a part the header does not list is left: %q", k)
				}
			}
			return nil
		})
	})
}

// A snapshot writes again only the parts that changed: after one more
// contribution, the first part (the head, the people) and the last part
// of contributions. The parts it no longer lists are deleted.
func TestASnapshotWritesOnlyThePartsThatChanged(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, unlimited)
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("bob"))
	bobSays(t, s, ws.ID, 0, 2*inquiry.SnapshotPart+10)
	s.Close()
	before := headerOf(t, dir, ws.ID)

	s = openStore(t, dir, unlimited)
	mustAppend(t, s, ws.ID, adding("bob", "one-more", "One more from Bob"))
	s.Close()
	after := headerOf(t, dir, ws.ID)
	if len(after.Parts) != 4 || len(before.Parts) != 4 {
		t.Fatalf("the snapshots have %d and %d parts, want 4", len(before.Parts), len(after.Parts))
	}
	for i := range after.Parts {
		same := string(before.Parts[i]) == string(after.Parts[i])
		if same != (i == 1 || i == 2) {
			t.Errorf("part %d unchanged: %v; want only parts 1 and 2 (the untouched contributions) the same", i, same)
		}
	}
	withRawDB(t, dir, func(db *badger.DB) error {
		return db.View(func(txn *badger.Txn) error {
			if n := len(snapshotChunkKeys(txn, ws.ID)); n != 4 {
				t.Errorf("%d parts are stored, want the 4 the header lists", n)
			}
			return nil
		})
	})
}

// oldVersionsHolding counts the versions of keys, older than the newest,
// whose values hold any of words.
func oldVersionsHolding(t *testing.T, db *badger.DB, words ...string) int {
	t.Helper()
	n := 0
	err := db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{AllVersions: true})
		defer it.Close()
		var last []byte
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			older := last != nil && bytes.Equal(item.Key(), last) // versions come newest first
			last = item.KeyCopy(last[:0])
			if !older || item.IsDeletedOrExpired() {
				continue
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			for _, w := range words {
				if bytes.Contains(v, []byte(w)) {
					n++
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
