package data

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/inquirytest"
)

func TestConcurrentWritersAreAcknowledgedGaplessAndBatched(t *testing.T) {
	const writers, each, rooms = 64, 50, 3
	s := openStore(t, t.TempDir(), unlimited)
	var ids [rooms]string
	for r := range rooms {
		ids[r] = openWorkshop(t, s, fmt.Sprintf("room-%d", r)).ID
	}
	for w := range writers {
		mustAppend(t, s, ids[w%rooms], joining(participant(w)))
	}
	before := s.Stats()

	var mu sync.Mutex
	acked := map[string]inquiry.Event{} // contribution ID → its acknowledged event
	err := run(writers, func(w int) error {
		for i := range each {
			id := fmt.Sprintf("%s-c%02d", participant(w), i)
			got, err := s.Append(testContext(t), ids[w%rooms], adding(participant(w), id, "Words from "+id))
			if err != nil {
				return fmt.Errorf("writer %d, contribution %d: %w", w, i, err)
			}
			if got.Contribution == nil || got.Contribution.ID != id {
				return fmt.Errorf("writer %d acknowledged with the wrong event %+v", w, got)
			}
			mu.Lock()
			acked[id] = got
			mu.Unlock()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(acked) != writers*each {
		t.Fatalf("%d contributions acknowledged, want %d", len(acked), writers*each)
	}

	total := 0
	for r, id := range ids {
		joined := (writers + rooms - 1 - r) / rooms
		events := checkLog(t, s, id, 1+joined+joined*each)
		seen := map[string]bool{}
		for _, e := range events {
			if e.Type != inquiry.ContributionAdded {
				continue
			}
			if seen[e.Contribution.ID] {
				t.Errorf("contribution %s is in the log twice", e.Contribution.ID)
			}
			seen[e.Contribution.ID] = true
			if ack := acked[e.Contribution.ID]; ack.Seq != e.Seq || ack.Hash != e.Hash {
				t.Errorf("contribution %s acknowledged as event %d but logged as %d", e.Contribution.ID, ack.Seq, e.Seq)
			}
			total++
		}
	}
	if total != writers*each {
		t.Errorf("%d contributions logged, want %d", total, writers*each)
	}

	stats := s.Stats()
	events, batches := stats.Events-before.Events, stats.Batches-before.Batches
	if events != writers*each {
		t.Errorf("stats count %d events committed, want %d", events, writers*each)
	}
	if batches >= events {
		t.Errorf("%d events took %d batches: the committer did not batch concurrent writers", events, batches)
	}
	t.Logf("%d events in %d batches (%.1f per batch)", events, batches, float64(events)/float64(batches))
}

func TestRetriedAddReturnsTheOriginalEvent(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	first := mustAppend(t, s, ws.ID, adding("ann", "c1", "Shared budgets"))

	// Sequential retries, and a burst of concurrent ones that may land in
	// one batch, all get the original back.
	retry := mustAppend(t, s, ws.ID, adding("ann", "c1", "Shared budgets"))
	if retry.Seq != first.Seq || retry.Hash != first.Hash {
		t.Errorf("retry returned event %d (%.12s), want the original %d (%.12s)", retry.Seq, retry.Hash, first.Seq, first.Hash)
	}
	err := run(16, func(int) error {
		got, err := s.Append(testContext(t), ws.ID, adding("ann", "c2", "A worker in the hub"))
		if err == nil && got.Contribution.ID != "c2" {
			err = fmt.Errorf("got %+v", got)
		}
		return err
	})
	if err != nil {
		t.Fatalf("concurrent retries: %v", err)
	}
	checkLog(t, s, ws.ID, 4)
}

func TestRepeatsOfEachKindReturnTheOriginalEvent(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	joined := mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, adding("ann", "c1", "Shared budgets"))
	edit := adding("ann", "c1", "Shared budgets with the council")
	edit.Type = inquiry.ContributionEdited
	edited := mustAppend(t, s, ws.ID, edit)
	deletion := inquiry.Event{Type: inquiry.ContributionDeleted, Actor: host, Target: "c1"}
	deleted := mustAppend(t, s, ws.ID, deletion)
	closing := inquiry.Event{Type: inquiry.WorkshopClosed, Actor: host}
	closed := mustAppend(t, s, ws.ID, closing)

	tests := []struct {
		name   string
		repeat inquiry.Event
		want   inquiry.Event
	}{
		{"join again with the same name", joining("ann"), joined},
		{"delete twice", deletion, deleted},
		{"close twice", closing, closed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustAppend(t, s, ws.ID, tt.repeat)
			if got.Seq != tt.want.Seq || got.Hash != tt.want.Hash {
				t.Errorf("got event %d, want the original %d", got.Seq, tt.want.Seq)
			}
		})
	}
	if edited.Seq != 4 {
		t.Fatalf("edit recorded as %d", edited.Seq)
	}
	checkLog(t, s, ws.ID, 6)
}

func TestRepeatedEditReturnsTheEditThatSetTheContent(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, adding("ann", "c1", "Shared budgets"))
	edit := adding("ann", "c1", "Shared budgets with the council")
	edit.Type = inquiry.ContributionEdited
	edited := mustAppend(t, s, ws.ID, edit)
	again := mustAppend(t, s, ws.ID, edit)
	if again.Seq != edited.Seq {
		t.Errorf("a repeated edit returned event %d, want the edit %d", again.Seq, edited.Seq)
	}
	checkLog(t, s, ws.ID, 4)
}

func TestRejectedEventLeavesTheLogUnchanged(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, joining("bob"))
	mustAppend(t, s, ws.ID, adding("ann", "c1", "Shared budgets"))

	inOthersName := adding("bob", "c2", "Not Ann's words")
	inOthersName.Actor.ID = "ann"
	othersEdit := adding("ann", "c1", "Bob rewrites Ann")
	othersEdit.Type, othersEdit.Actor.ID = inquiry.ContributionEdited, "bob"
	reused := adding("bob", "c1", "Bob reuses Ann's ID")
	tests := []struct {
		name     string
		workshop string
		event    inquiry.Event
		want     error
	}{
		{"unknown participant", ws.ID, adding("cat", "c3", "Who am I"), inquiry.ErrNotFound},
		{"contribution in another's name", ws.ID, inOthersName, inquiry.ErrNotAllowed},
		{"edit of another's contribution", ws.ID, othersEdit, inquiry.ErrNotAllowed},
		{"contribution ID reused by someone else", ws.ID, reused, inquiry.ErrConflict},
		{"empty text", ws.ID, adding("ann", "c4", ""), inquiry.ErrInvalid},
		{"second opening", ws.ID, inquiry.Event{Type: inquiry.WorkshopOpened, Actor: host, Workshop: &inquiry.WorkshopDetails{ID: ws.ID}}, inquiry.ErrInvalid},
		{"unknown workshop", "0123456789abcdef", adding("ann", "c5", "Nowhere"), inquiry.ErrNotFound},
	}
	head := s.Events(ws.ID, 0)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.Append(testContext(t), tt.workshop, tt.event); !errors.Is(err, tt.want) {
				t.Fatalf("Append: %v, want %v", err, tt.want)
			}
			if got := s.Events(ws.ID, 0); len(got) != len(head) {
				t.Fatalf("a rejected event changed the log: %d events, want %d", len(got), len(head))
			}
		})
	}
	next := mustAppend(t, s, ws.ID, adding("bob", "c6", "Bob's own words"))
	if next.Seq != uint64(len(head)+1) || next.Prev != head[len(head)-1].Hash {
		t.Errorf("the next good event is %d, want %d chained to the head", next.Seq, len(head)+1)
	}
	w, err := s.Workshop(ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := w.Contribution("c1"); c.Text != "Shared budgets" || len(w.Contributions) != 2 {
		t.Errorf("rejected events changed the state: c1 %q, %d contributions", c.Text, len(w.Contributions))
	}
	checkLog(t, s, ws.ID, len(head)+1)
}

func TestFailedCommitIsUndone(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))

	diskFull := errors.New("disk full")
	s.failWrite = func() error { return diskFull }
	if _, err := s.Append(testContext(t), ws.ID, adding("ann", "c1", "Lost words")); !errors.Is(err, diskFull) {
		t.Fatalf("Append during a failing commit: %v, want the commit's error", err)
	}
	if _, err := s.OpenWorkshop(testContext(t), host, inquiry.WorkshopDetails{Title: "Doomed", Code: "castle-0001", Guide: testGuide}); !errors.Is(err, diskFull) {
		t.Fatalf("OpenWorkshop during a failing commit: %v, want the commit's error", err)
	}
	s.failWrite = nil

	checkLog(t, s, ws.ID, 2)
	if _, ok := s.ByCode("castle-0001"); ok || len(s.Workshops()) != 1 {
		t.Errorf("a workshop whose opening failed to commit is listed")
	}
	// The undone state accepts the same contribution again, as event 3, and
	// the failed workshop's code is free again.
	again := mustAppend(t, s, ws.ID, adding("ann", "c1", "Lost words"))
	if again.Seq != 3 {
		t.Errorf("after a failed commit the next event is %d, want 3", again.Seq)
	}
	openWorkshop(t, s, "castle-0001")
	checkLog(t, s, ws.ID, 3)
}

func TestAppendLeavesTheCallersEventAlone(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	join := joining("ann")
	mustAppend(t, s, ws.ID, join)
	add := adding("ann", "c1", "Shared budgets")
	got := mustAppend(t, s, ws.ID, add)
	if add.Seq != 0 || add.Hash != "" || add.Contribution.Text.Sealed() || join.Participant.Name.Sealed() {
		t.Errorf("Append changed the caller's event: %+v", add)
	}
	// Nor does the caller's later change reach the store.
	add.Contribution.Text.Text = "Changed afterwards"
	if s.Events(ws.ID, 2)[0].Contribution.Text.Text != "Shared budgets" || got.Contribution == add.Contribution {
		t.Errorf("the recorded event shares memory with the caller's")
	}
}

func TestWritesAreRefusedWhenTheDiskIsNearlyFull(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))

	var free atomic.Uint64
	free.Store(minFreeBytes - 1)
	s.freeBytes = func(string) (uint64, error) { return free.Load(), nil }
	// The error reaches a participant's screen as it is.
	_, err := s.Append(testContext(t), ws.ID, adding("ann", "c1", "Shared budgets"))
	if !errors.Is(err, ErrDiskFull) || err.Error() != "the server's disk is full: nothing was saved" {
		t.Fatalf("Append on a nearly full disk: %v, want ErrDiskFull saying nothing was saved", err)
	}
	if _, err := s.ResumeCode(ws.ID, "ann"); err != nil {
		t.Errorf("ResumeCode on a nearly full disk: %v; it writes nothing, so it should work", err)
	}
	if err := s.AddGuide(testContext(t), parsedGuide(t, inquirytest.WalkGuide), []byte(inquirytest.WalkGuide)); !errors.Is(err, ErrDiskFull) {
		t.Errorf("AddGuide on a nearly full disk: %v, want ErrDiskFull", err)
	}
	// A draft is kept in memory meanwhile, and written once there is room.
	if err := s.SaveDraft(ws.ID, "ann", Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: "kept"}}); err != nil {
		t.Errorf("SaveDraft on a nearly full disk: %v", err)
	}
	if err := s.flushDrafts(); !errors.Is(err, ErrDiskFull) {
		t.Errorf("writing drafts on a nearly full disk: %v, want ErrDiskFull", err)
	}
	if d, ok := s.Draft(ws.ID, "ann"); !ok || d.Texts[bestPrompt] != "kept" {
		t.Errorf("the draft was lost on a full disk")
	}
	if err := s.EnrolFacilitator(testContext(t), newKey(t), "Morag"); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("EnrolFacilitator on a nearly full disk: %v, want ErrDiskFull", err)
	}
	checkLog(t, s, ws.ID, 2)

	free.Store(minFreeBytes)
	if got := mustAppend(t, s, ws.ID, adding("ann", "c1", "Shared budgets")); got.Seq != 3 {
		t.Errorf("once space is free the contribution is event %d, want 3", got.Seq)
	}
	if err := s.flushDrafts(); err != nil {
		t.Errorf("the draft kept in memory was not written once there was room: %v", err)
	}
}

func TestAnEventThatJSONCannotCarryIsRefusedAndTheLogStillReopens(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	// A contribution ID that is not valid UTF-8 would be read back as
	// U+FFFD, which encodes differently: the log would not replay.
	bad := adding("ann", "c-\xff", "Shared budgets")
	if _, err := s.Append(testContext(t), ws.ID, bad); !errors.Is(err, inquiry.ErrInvalid) {
		t.Errorf("append of an event with invalid UTF-8: %v, want %v", err, inquiry.ErrInvalid)
	}
	// Someone who types the escape itself is recorded as they typed it.
	typed := mustAppend(t, s, ws.ID, adding("ann", "c1", `The form said \ufffd where my name was`))
	if got := typed.Contribution.Text.Text; got != `The form said \ufffd where my name was` {
		t.Errorf("recorded text %q", got)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir)
	events := checkLog(t, s, ws.ID, 3)
	if events[2].Hash != typed.Hash || events[2].Contribution.Text.Text != typed.Contribution.Text.Text {
		t.Errorf("after reopening, event 3 is %+v, want the typed escape as recorded", events[2].Contribution)
	}
}
