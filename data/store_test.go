package data

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"charm.land/log/v2"
	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

func TestAppendedEventsReadBackInOrderAsAVerifiedChain(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	texts := []string{"The community council ran the hall with the NHS team", "Shared budgets", "A worker based in the hub"}
	for i, text := range texts {
		e := adding("ann", "c"+string(rune('a'+i)), text)
		got := mustAppend(t, s, ws.ID, e)
		if got.Seq != uint64(3+i) {
			t.Errorf("contribution %d recorded as event %d, want %d", i, got.Seq, 3+i)
		}
		if e.Contribution.Text.Sealed() {
			t.Errorf("Append sealed the caller's words: the caller's event must be left alone")
		}
		if !got.Contribution.Text.Sealed() || got.Contribution.Text.Text != text || len(got.Contribution.Text.Salt) != 32 {
			t.Errorf("recorded words = %+v, want the text sealed with a 16-byte salt", got.Contribution.Text)
		}
	}

	events := checkLog(t, s, ws.ID, 2+len(texts))
	for i := 1; i < len(events); i++ {
		if events[i].Prev != events[i-1].Hash {
			t.Errorf("event %d does not chain to event %d", events[i].Seq, events[i-1].Seq)
		}
	}
	if after := s.Events(ws.ID, 3); len(after) != 2 || after[0].Seq != 4 {
		t.Errorf("Events(after 3) = %d events starting at %v, want events 4 and 5", len(after), after)
	}
	if s.Events(ws.ID, 5) != nil || s.Events("0000000000000000", 0) != nil {
		t.Errorf("Events past the head or of an unknown workshop should be empty")
	}
	w, err := s.Workshop(ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Contributions) != len(texts) || w.Contributions[0].Text != texts[0] || w.Head != 5 {
		t.Errorf("Workshop() = %d contributions, head %d; want %d and 5", len(w.Contributions), w.Head, len(texts))
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	first := openWorkshop(t, s, "harbour-0001")
	second := openWorkshop(t, s, "")
	mustAppend(t, s, first.ID, joining("ann"))
	mustAppend(t, s, first.ID, adding("ann", "c1", "Community-led health walks"))
	key := newKey(t)
	if err := s.EnrolFacilitator(testContext(t), key, "Morag"); err != nil {
		t.Fatal(err)
	}
	secret, workshops, events := s.Secret(), s.Workshops(), s.Events(first.ID, 0)
	facilitators := s.Facilitators()
	if err := s.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	s = openStore(t, dir)
	if !bytes.Equal(s.Secret(), secret) || len(secret) != 32 {
		t.Errorf("the secret changed across a reopen")
	}
	if got := s.Workshops(); !reflect.DeepEqual(got, workshops) {
		t.Errorf("workshops after reopen:\n%+v\nwant\n%+v", got, workshops)
	}
	if got := s.Events(first.ID, 0); !reflect.DeepEqual(got, events) {
		t.Errorf("events after reopen differ from those before")
	}
	if got := s.Facilitators(); !reflect.DeepEqual(got, facilitators) || !s.IsFacilitator(key) {
		t.Errorf("facilitators after reopen = %+v, want %+v", got, facilitators)
	}
	if sum, ok := s.ByCode(second.Code); !ok || sum.ID != second.ID {
		t.Errorf("ByCode(%q) after reopen = %v, %v", second.Code, sum, ok)
	}
	next := mustAppend(t, s, first.ID, adding("ann", "c2", "Asset transfer of the old school"))
	if next.Seq != 4 || next.Prev != events[2].Hash {
		t.Errorf("the first append after reopen is event %d chained to %.12s; want 4 chained to %.12s", next.Seq, next.Prev, events[2].Hash)
	}
	checkLog(t, s, first.ID, 4)
}

func TestCloseRefusesWritesAndIsIdempotent(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	if err := s.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second close: %v", err)
	}
	if _, err := s.Append(testContext(t), ws.ID, joining("ann")); !errors.Is(err, ErrClosed) {
		t.Errorf("Append after Close: %v, want ErrClosed", err)
	}
	if _, err := s.OpenWorkshop(testContext(t), host, inquiry.WorkshopDetails{Title: "Late", Guide: testGuide}); !errors.Is(err, ErrClosed) {
		t.Errorf("OpenWorkshop after Close: %v, want ErrClosed", err)
	}
	if err := s.EnrolFacilitator(testContext(t), newKey(t), "Late"); !errors.Is(err, ErrClosed) {
		t.Errorf("EnrolFacilitator after Close: %v, want ErrClosed", err)
	}
	if len(s.Events(ws.ID, 0)) != 1 || len(s.Workshops()) != 1 {
		t.Errorf("reads after Close should still see what was committed")
	}
}

func TestSecondOpenOfTheSameFolderIsLocked(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	if _, err := Open(Options{Dir: dir}); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open of a held folder: %v, want ErrLocked", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Open(Options{Dir: dir})
	if err != nil {
		t.Fatalf("Open after the holder closed: %v", err)
	}
	again.Close()
}

// Badger's own folder lock (held here by Badger alone, as another program
// holding the database would) is reported as ErrLocked too.
func TestBadgersOwnLockIsReportedAsLocked(t *testing.T) {
	dir := t.TempDir()
	db, err := openBadger(dir, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := openBadger(dir, nil, nil); !errors.Is(err, ErrLocked) {
		t.Fatalf("opening a folder Badger holds: %v, want ErrLocked", err)
	}
}

func TestEmptyMemtableFileLeftByACrashDoesNotStopOpen(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	s.Close()
	if err := os.WriteFile(filepath.Join(dir, "00009.mem"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir)
	checkLog(t, s, ws.ID, 1)
}

// A log replayed whole at Open (here: no snapshot stands in for it, as
// on the first start after an upgrade or after an erasure) is refused when
// an event does not check. snapshot_test.go has the cases with snapshots.
func TestOpenRefusesALogThatDoesNotReplay(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, adding("ann", "c1", "Shared budgets"))
	s.Close()

	// Someone edits the words of event 3 in the database.
	tamper(t, dir, ws.ID, 3, func(e *inquiry.Event) { e.Contribution.Text.Text = "No budgets" })
	withRawDB(t, dir, dropSnapshots)

	_, err := Open(Options{Dir: dir})
	if err == nil || !errors.Is(err, inquiry.ErrInvalid) || !strings.Contains(err.Error(), ws.ID) || !strings.Contains(err.Error(), "event 3") {
		t.Fatalf("Open of a tampered log: %v; want an ErrInvalid naming workshop %s and event 3", err, ws.ID)
	}
}

func TestCloseDuringAppendsLosesNothingAcknowledged(t *testing.T) {
	const writers = 16
	dir := t.TempDir()
	s := openStore(t, dir, unlimited)
	ws := openWorkshop(t, s, "harbour-0001")
	for w := range writers {
		mustAppend(t, s, ws.ID, joining(participant(w)))
	}
	var acked [writers][]inquiry.Event
	var closing sync.Once
	var total atomic.Int32
	err := run(writers, func(w int) error {
		for i := 0; ; i++ {
			e, err := s.Append(testContext(t), ws.ID, adding(participant(w), fmt.Sprintf("%s-c%d", participant(w), i), "Words"))
			if errors.Is(err, ErrClosed) {
				return nil
			}
			if err != nil {
				return err
			}
			acked[w] = append(acked[w], e)
			if total.Add(1) == 200 {
				closing.Do(func() { go s.Close() })
			}
		}
	})
	if err != nil {
		t.Fatalf("appends racing Close: %v, want success or ErrClosed", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openStore(t, dir)
	events := checkLog(t, s, ws.ID, len(s.Events(ws.ID, 0)))
	for w := range writers {
		for _, e := range acked[w] {
			if got := events[e.Seq-1]; got.Hash != e.Hash {
				t.Fatalf("acknowledged event %d is not in the log after reopening", e.Seq)
			}
		}
	}
}

func TestAppendWithAnEndedContextIsNotRecorded(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Append(ctx, ws.ID, joining("ann")); !errors.Is(err, context.Canceled) {
		t.Fatalf("Append with a cancelled context: %v, want context.Canceled", err)
	}
}

func TestVerifyFindsALogChangedInTheDatabase(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	if err := s.Verify(ws.ID); err != nil {
		t.Fatalf("verify an untouched log: %v", err)
	}
	changed := s.Events(ws.ID, 1)[0]
	changed.Participant = &inquiry.ParticipantDetails{ID: "ann", Name: inquiry.Words{Text: "Someone else"}}
	value, _ := json.Marshal(changed)
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(eventKey(ws.ID, 2), value) }); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ws.ID); !errors.Is(err, inquiry.ErrInvalid) || !strings.Contains(err.Error(), "event 2") {
		t.Errorf("verify a log changed in the database: %v; want ErrInvalid naming event 2", err)
	}
	if err := s.Verify("0123456789abcdef"); !errors.Is(err, inquiry.ErrNotFound) {
		t.Errorf("verify an unknown workshop: %v, want ErrNotFound", err)
	}
}

func TestBadgerMessagesGoToTheGivenLoggerAtDebugLevel(t *testing.T) {
	for _, level := range []log.Level{log.DebugLevel, log.InfoLevel} {
		var out bytes.Buffer
		logger := log.New(&out)
		logger.SetLevel(level)
		// A folder Open creates, so it is private and draws no warning.
		s := openStore(t, filepath.Join(t.TempDir(), "db"), func(o *Options) { o.Logger = logger })
		s.Close()
		got := out.String()
		if level == log.DebugLevel && !strings.Contains(got, "badger") {
			t.Errorf("at debug level the log has no Badger messages:\n%s", got)
		}
		if level == log.InfoLevel && got != "" {
			t.Errorf("at info level Badger's routine messages should be quiet, got:\n%s", got)
		}
	}
}
