package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// tailLen is how many events of a workshop are decoded in memory.
func tailLen(s *Store, workshopID string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.logs[workshopID].tail)
}

// bobSays adds contributions from to from+n-1 by Bob, who must have
// joined.
func bobSays(t *testing.T, s *Store, workshopID string, from, n int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		mustAppend(t, s, workshopID, adding("bob", fmt.Sprintf("bob-%03d", i), fmt.Sprintf("Bob's words, number %d", i)))
	}
}

func TestOnlyTheNewestEventsAreKeptInMemory(t *testing.T) {
	s := openStore(t, t.TempDir(), func(o *Options) { o.TailEvents = 8 }, unlimited)
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("bob"))
	// The readers' fold keeps up, so the tail is trimmed to what it keeps.
	if err := s.Read(ws.ID, func(*inquiry.Workshop) {}); err != nil {
		t.Fatal(err)
	}
	for round := range 5 {
		bobSays(t, s, ws.ID, round*8, 8)
		if err := s.Read(ws.ID, func(*inquiry.Workshop) {}); err != nil {
			t.Fatal(err)
		}
		// Read back as the tail moves on: the events kept from the last
		// read are carried on with those trimmed since.
		stored, err := s.readLog(ws.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Events(ws.ID, 0); !reflect.DeepEqual(got, stored) {
			t.Fatalf("round %d: Events gives %d events, the database holds %d, or they differ", round, len(got), len(stored))
		}
	}
	if n := tailLen(s, ws.ID); n > 16 {
		t.Errorf("%d of 42 events are decoded in memory; want at most 16 (twice TailEvents)", n)
	}
	events := checkLog(t, s, ws.ID, 42)
	stored, err := s.readLog(ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(events, stored) {
		t.Errorf("Events from memory and the database differs from the log in the database")
	}
	if got := s.Events(ws.ID, 40); len(got) != 2 || got[0].Seq != 41 {
		t.Errorf("Events after 40 = %d events from %d, want 41 and 42", len(got), got[0].Seq)
	}
}

// Events older than the tail come from the database, and are checked
// against the chain the store holds before anyone is given them: a change
// in the database is caught, and stops the workshop.
func TestOlderEventsReadBackAreCheckedAgainstTheChain(t *testing.T) {
	cases := []struct {
		name   string
		change func(e *inquiry.Event)
		want   string
	}{
		{"the kind changed", func(e *inquiry.Event) { e.Contribution.Kind = inquiry.Barrier }, "does not match its content"},
		{"the words changed", func(e *inquiry.Event) { e.Contribution.Text.Text = "Other words" }, "digest"},
		{"the kind changed and the hash made to fit", func(e *inquiry.Event) {
			e.Contribution.Kind = inquiry.Barrier
			e.Hash = e.ChainHash()
		}, "chain broken"},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t, t.TempDir(), func(o *Options) { o.TailEvents = 4 }, unlimited)
			ws := openWorkshop(t, s, "harbour-0001")
			mustAppend(t, s, ws.ID, joining("bob"))
			bobSays(t, s, ws.ID, 0, 40)
			checkLog(t, s, ws.ID, 42)

			changed := s.Events(ws.ID, 2)[0].Clone()
			tt.change(&changed)
			value, err := json.Marshal(changed)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(eventKey(ws.ID, 3), value) }); err != nil {
				t.Fatal(err)
			}
			// As after olderKept, when the events read back for checkLog
			// are no longer kept.
			s.logs[ws.ID].older.drop()
			if got := s.Events(ws.ID, 0); got != nil {
				t.Errorf("Events handed out %d events read back from a changed log", len(got))
			}
			_, err = s.Append(testContext(t), ws.ID, adding("bob", "late", "Words after the change"))
			if !errors.Is(err, ErrBroken) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Append after a changed old event: %v, want ErrBroken saying %q", err, tt.want)
			}
		})
	}
}

// The readers' fold catches up however far behind it fell, from the
// database where the tail no longer reaches.
func TestTheSharedFoldCatchesUpFromBeyondTheTail(t *testing.T) {
	s := openStore(t, t.TempDir(), func(o *Options) { o.TailEvents = 2 }, unlimited)
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("bob"))
	if err := s.Read(ws.ID, func(*inquiry.Workshop) {}); err != nil {
		t.Fatal(err)
	}
	bobSays(t, s, ws.ID, 0, 40) // more than 8 × TailEvents, unread
	if n := tailLen(s, ws.ID); n >= 40 {
		t.Fatalf("the tail holds %d events: it was not trimmed for a fold that lags far behind", n)
	}
	want := replayOf(t, s, ws.ID)
	if got := sharedState(t, s, ws.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("the shared fold caught up to a different state from a replay")
	}
}

// The committer never waits for readers: a screen slow to finish its read
// holds up no one's contribution.
func TestAppendDoesNotWaitForReaders(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("bob"))
	err := s.Read(ws.ID, func(*inquiry.Workshop) {
		mustAppend(t, s, ws.ID, adding("bob", "b1", "Saved while a reader reads"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Read(ws.ID, func(w *inquiry.Workshop) {
		if _, ok := w.Contribution("b1"); !ok {
			t.Errorf("the next read does not show what was saved meanwhile")
		}
	}); err != nil {
		t.Fatal(err)
	}
}

// A retry of something long past, older than the tail, is still found
// and answered with the original.
func TestARepeatOlderThanTheTailReturnsTheOriginal(t *testing.T) {
	s := openStore(t, t.TempDir(), func(o *Options) { o.TailEvents = 2 }, unlimited)
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	first := mustAppend(t, s, ws.ID, adding("ann", "a1", "Ann's words"))
	mustAppend(t, s, ws.ID, joining("bob"))
	bobSays(t, s, ws.ID, 0, 30)
	again := mustAppend(t, s, ws.ID, adding("ann", "a1", "Ann's words"))
	if again.Seq != first.Seq || again.Hash != first.Hash {
		t.Errorf("a retry of event %d was answered with event %d", first.Seq, again.Seq)
	}
	checkLog(t, s, ws.ID, 34)
}

// An erasure reaches words in events older than the tail, in memory, in
// the database and in its files.
func TestAnErasureReachesWordsOlderThanTheTail(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, func(o *Options) { o.TailEvents = 2 }, unlimited)
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID)
	bobSays(t, s, ws.ID, 0, 20)
	mustAppend(t, s, ws.ID, withdrawing("ann"))
	text := eventsText(t, checkLog(t, s, ws.ID, 28))
	if strings.Contains(text, annEdited) || strings.Contains(text, annOwner) || !strings.Contains(text, bobWords) {
		t.Errorf("after the withdrawal, Events holds Ann's words or lost Bob's")
	}
	if got, want := sharedState(t, s, ws.ID), replayOf(t, s, ws.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("the shared state after the withdrawal differs from a replay of the rewritten log")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{annEdited, annOwner, annFirst[:60]} {
		if files := filesHolding(t, dir, gone); len(files) > 0 {
			t.Errorf("after Close, %v still hold %.40q", files, gone)
		}
	}
}

func TestWatchConcernsRingsForWhatAPromptShows(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, joining("bob"))
	elsewhere := adding("bob", "b1", "A barrier")
	elsewhere.Contribution.Prompt, elsewhere.Contribution.Kind = "discover/barriers", inquiry.Barrier
	mustAppend(t, s, ws.ID, elsewhere)
	mustAppend(t, s, ws.ID, adding("bob", "b2", "Words at the best prompt"))

	// Ann's screen shows the best prompt: others' words there, her own
	// doings, and the room.
	bell, stop := s.WatchConcerns(ws.ID, func(c inquiry.Concern) bool {
		return c.Room || c.Participant == "ann" || (c.Prompt == bestPrompt && c.Participant != "ann")
	})
	defer stop()
	// The committer rings after it answers: an event nobody watches for,
	// appended next, is answered only after the rings of the one before.
	barrier := func(who string) {
		mustAppend(t, s, ws.ID, joining(who))
	}
	barrier("carol")
	drain(bell) // rung, perhaps, for b2 just before the watch began
	hide := func(id string) inquiry.Event {
		return inquiry.Event{Type: inquiry.ContributionHidden, Actor: host, Target: id, Curation: &inquiry.Curation{Reason: "A reason."}}
	}
	mustAppend(t, s, ws.ID, hide("b1"))
	barrier("dan")
	if !notRung(bell) {
		t.Errorf("hiding a contribution at another prompt rang the bell")
	}
	mustAppend(t, s, ws.ID, hide("b2"))
	waitRing(t, bell, "a contribution hidden at the prompt on screen")
	mustAppend(t, s, ws.ID, adding("bob", "b3", "More at the best prompt"))
	waitRing(t, bell, "someone else's words at the prompt on screen")
}

// drain takes a waiting ring off a bell, if there is one.
func drain(bell <-chan struct{}) {
	select {
	case <-bell:
	default:
	}
}
