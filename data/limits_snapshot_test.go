package data

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// A script held to the steady rate stays a whole burst behind for as long
// as it keeps writing: no window of recent events gives its allowance back
// exactly (a start that learnt from the last minute alone would hand it
// nine writes at once). A start from a snapshot learns the limits a replay
// of the whole log learns, after a clean close, after a kill with events
// after the snapshot, and with an allowance changed since (then from the
// log); the background check finds the snapshot's limits those of its log.
func TestTheLimitsAfterAStartAreThoseTheWholeLogLearns(t *testing.T) {
	clock := newHandClock()
	dir := t.TempDir()
	every := func(o *Options) { o.SnapshotEvery = 5 }
	s := openStore(t, dir, withHandClock(clock), every)
	ws := openWorkshop(t, s, "flood-0003")
	mustAppend(t, s, ws.ID, joining("p-bot"))
	mustAppend(t, s, ws.ID, joining("p-ann"))
	for i := range inquiry.DefaultAllowance.Burst {
		mustAppend(t, s, ws.ID, adding("p-bot", fmt.Sprintf("burst-%d", i), "words"))
	}
	var last inquiry.Event
	for i := range 12 {
		clock.advance(inquiry.DefaultAllowance.Every)
		last = mustAppend(t, s, ws.ID, adding("p-bot", fmt.Sprintf("steady-%d", i), "words"))
		if i%4 == 0 {
			last = mustAppend(t, s, ws.ID, adding("p-ann", fmt.Sprintf("ann-%d", i), "words"))
		}
	}
	// Snapshots are taken in the background, of whatever head the log has
	// by then, once SnapshotEvery events have come since the last: wait for
	// the last this log makes, and if it holds the whole log, write once
	// more (too few to make another), so a kill leaves events after it.
	if head := waitSnapshotPast(t, s, ws.ID, last.Seq-5); head == last.Seq {
		clock.advance(inquiry.DefaultAllowance.Every)
		mustAppend(t, s, ws.ID, adding("p-bot", "after-the-snapshot", "words"))
	}
	killed := filepath.Join(t.TempDir(), "killed")
	copyFiles(t, dir, killed)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	starts := []struct {
		name string
		dir  string
		opts []func(*Options)
		// fromSnapshot says the start restores the snapshot's limits
		// rather than learning them from the log.
		fromSnapshot bool
	}{
		{"after a clean close", dir, nil, true},
		{"after a kill, with events after the snapshot", killed, nil, true},
		{"with another allowance", dir, []func(*Options){func(o *Options) { o.Allowance = inquiry.Allowance{Burst: 4, Every: 10 * time.Second} }}, false},
	}
	for _, start := range starts {
		t.Run(start.name, func(t *testing.T) {
			var out bytes.Buffer
			logged := func(o *Options) { o.Logger = log.New(&out) }
			s := openStore(t, start.dir, append([]func(*Options){withHandClock(clock), every, logged}, start.opts...)...)
			defer s.Close()
			events, err := s.readLog(ws.ID)
			if err != nil {
				t.Fatal(err)
			}
			if base := snapshotBase(s, ws.ID); base == 0 || (start.dir == killed && base == uint64(len(events))) {
				t.Fatalf("the start restored a snapshot at %d of %d events: not the case this is about", base, len(events))
			}
			want := learned(s.allowance, events)
			if err := s.readState(ws.ID, func(_ *inquiry.Workshop, got spending) {
				if !reflect.DeepEqual(got, want) {
					t.Errorf("the limits after the start = %v, a replay of the whole log learns %v", got, want)
				}
			}); err != nil {
				t.Fatal(err)
			}
			_, err = s.Append(testContext(t), ws.ID, adding("p-bot", "at-once", "words"))
			var tooFast *inquiry.TooFastError
			if !errors.As(err, &tooFast) {
				t.Fatalf("the script's next write at once after the start = %v, want refused", err)
			}
			mustAppend(t, s, ws.ID, adding("p-ann", "ann-after", "words"))
			checkedWithin(t, s)
			if strings.Contains(out.String(), "differs from its log") {
				t.Errorf("the background check found the snapshot's limits differ from its log:\n%s", out.String())
			}
			if learnt := strings.Contains(out.String(), "learning the limits from the log"); learnt == start.fromSnapshot {
				t.Errorf("learnt the limits from the log: %v, want %v", learnt, !start.fromSnapshot)
			}
		})
	}
}

// waitSnapshotPast waits until the writer has written a snapshot of a
// workshop at an event after seq, and returns that event's number.
func waitSnapshotPast(t *testing.T, s *Store, workshopID string, seq uint64) (head uint64) {
	t.Helper()
	deadline := time.Now().Add(testTimeout)
	for {
		var h snapshotHeader
		found := false
		err := s.view(func(txn *badger.Txn) error {
			var err error
			found, err = readSnapshotHeader(txn, workshopID, &h)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if found && h.Head > seq {
			return h.Head
		}
		if time.Now().After(deadline) {
			t.Fatalf("no snapshot after event %d within %s", seq, testTimeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
