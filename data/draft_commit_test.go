package data

import (
	"encoding/json"
	"errors"
	"maps"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

const barriersPrompt inquiry.PromptRef = "discover/barriers"

// storedDraft reads a participant's draft straight from the database, as
// a restart after a crash would find it: not from the store's memory.
func storedDraft(t *testing.T, s *Store, workshopID, participantID string) (Draft, bool) {
	t.Helper()
	var d Draft
	err := s.view(func(txn *badger.Txn) error {
		item, err := txn.Get(draftKey(workshopID, participantID))
		if err != nil {
			return err
		}
		return item.Value(func(v []byte) error { return json.Unmarshal(v, &d) })
	})
	if errors.Is(err, badger.ErrKeyNotFound) {
		return Draft{}, false
	}
	if err != nil {
		t.Fatalf("read the stored draft: %v", err)
	}
	return d, true
}

// writeStoredDraft puts a draft in the database directly, as a background
// write that landed late would.
func writeStoredDraft(t *testing.T, s *Store, workshopID, participantID string, d Draft) {
	t.Helper()
	value, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.updateEntries([]entry{{key: draftKey(workshopID, participantID), value: value}}); err != nil {
		t.Fatal(err)
	}
}

func TestContributionClearsItsPromptsDraftInTheSameCommit(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, withClock(newClock()))
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	const sent, unsent = "d01-0100 bus after six", "The hall needs a ramp"
	if err := s.SaveDraft(ws.ID, "ann", Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: sent, barriersPrompt: unsent}}); err != nil {
		t.Fatal(err)
	}
	// Written out and no longer dirty: from here on, only the committer
	// writes this draft.
	if err := s.flushDrafts(); err != nil {
		t.Fatal(err)
	}
	mustAppend(t, s, ws.ID, adding("ann", "c1", sent))

	stored, ok := storedDraft(t, s, ws.ID, "ann")
	if !ok {
		t.Fatal("the contribution's commit deleted the whole draft: the other prompt's words are gone")
	}
	if _, still := stored.Texts[bestPrompt]; still {
		t.Errorf("the draft on disk still holds the words just saved: %q", stored.Texts[bestPrompt])
	}
	if stored.Texts[barriersPrompt] != unsent || stored.Prompt != bestPrompt {
		t.Errorf("the draft on disk lost what was not sent: %+v", stored)
	}
	s.drafts.mu.Lock()
	dirty := len(s.drafts.dirty)
	s.drafts.mu.Unlock()
	if dirty != 0 {
		t.Errorf("%d drafts left for the background writer: the commit itself must write the cleared draft", dirty)
	}
	if d, _ := s.Draft(ws.ID, "ann"); len(d.Texts) != 1 || d.Texts[barriersPrompt] != unsent {
		t.Errorf("Draft after the save = %+v", d)
	}

	// Words typed after the save are kept: a later contribution at another
	// prompt does not touch them.
	if err := s.SaveDraft(ws.ID, "ann", Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: "and a second thought", barriersPrompt: unsent}}); err != nil {
		t.Fatal(err)
	}
	other := adding("ann", "c2", "Stairs everywhere")
	other.Contribution.Prompt, other.Contribution.Kind = barriersPrompt, inquiry.Barrier
	mustAppend(t, s, ws.ID, other)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir, withClock(newClock()))
	d, ok := s.Draft(ws.ID, "ann")
	if !ok || !maps.Equal(d.Texts, map[inquiry.PromptRef]string{bestPrompt: "and a second thought"}) {
		t.Errorf("after reopening, draft = %+v, %v; want only the words typed since the first save", d, ok)
	}
}

func TestADraftOlderThanItsPromptsLatestContributionIsNeverRestored(t *testing.T) {
	dir := t.TempDir()
	clock := newClock()
	s := openStore(t, dir, withClock(clock))
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	before := clock.Now()
	mustAppend(t, s, ws.ID, adding("ann", "c1", "d01-0100 bus after six"))
	after := clock.Now()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		draft Draft
		want  map[inquiry.PromptRef]string
	}{
		{"saved before the contribution, as a late background write leaves it",
			Draft{Prompt: bestPrompt, Saved: before, Texts: map[inquiry.PromptRef]string{bestPrompt: "d01-0100 bus af", barriersPrompt: "Stairs"}},
			map[inquiry.PromptRef]string{barriersPrompt: "Stairs"}},
		{"saved after it",
			Draft{Prompt: bestPrompt, Saved: after, Texts: map[inquiry.PromptRef]string{bestPrompt: "and more"}},
			map[inquiry.PromptRef]string{bestPrompt: "and more"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t, dir, withClock(clock))
			writeStoredDraft(t, s, ws.ID, "ann", tt.draft)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s = openStore(t, dir, withClock(clock))
			d, ok := s.Draft(ws.ID, "ann")
			if !ok || !maps.Equal(d.Texts, tt.want) || d.Prompt != bestPrompt {
				t.Errorf("after a reopen, Draft = %+v, %v; want texts %v", d, ok, tt.want)
			}
			s.Close()
		})
	}
}

func TestMergeMovesTheDraftToTheKeptParticipant(t *testing.T) {
	dir := t.TempDir()
	clock := newClock()
	s := openStore(t, dir, withClock(clock))
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("bram"))
	mustAppend(t, s, ws.ID, joining("bram-again"))
	if err := s.SaveDraft(ws.ID, "bram", Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: "The first try", barriersPrompt: "Stairs"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.flushDrafts(); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(ws.ID, "bram-again", Draft{Prompt: barriersPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: "The second try"}}); err != nil {
		t.Fatal(err)
	}
	mustAppend(t, s, ws.ID, merging("bram-again", "bram"))

	want := Draft{Prompt: barriersPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: "The first try\nThe second try", barriersPrompt: "Stairs"}}
	check := func(when string, d Draft, ok bool) {
		t.Helper()
		if !ok || d.Prompt != want.Prompt || !maps.Equal(d.Texts, want.Texts) {
			t.Errorf("%s: the kept participant's draft is %+v, %v; want %+v", when, d, ok, want)
		}
	}
	stored, ok := storedDraft(t, s, ws.ID, "bram")
	check("on disk at once", stored, ok)
	if _, ok := storedDraft(t, s, ws.ID, "bram-again"); ok {
		t.Errorf("the merged-away participant's draft is still on disk")
	}
	d, ok := s.Draft(ws.ID, "bram")
	check("in memory", d, ok)
	if _, ok := s.Draft(ws.ID, "bram-again"); ok {
		t.Errorf("the merged-away participant still has a draft")
	}
	if err := s.SaveDraft(ws.ID, "bram-again", Draft{Prompt: bestPrompt}); !errors.Is(err, inquiry.ErrNotAllowed) {
		t.Errorf("SaveDraft for the merged-away participant: %v, want ErrNotAllowed", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir, withClock(clock))
	d, ok = s.Draft(ws.ID, "bram")
	check("after reopening", d, ok)
	if err := s.SaveDraft(ws.ID, "bram-again", Draft{Prompt: bestPrompt}); !errors.Is(err, inquiry.ErrNotAllowed) {
		t.Errorf("after reopening, SaveDraft for the merged-away participant: %v, want ErrNotAllowed", err)
	}
}

func TestJoinDrafts(t *testing.T) {
	early, late := newClock().Now(), newClock().Now().Add(time.Minute)
	tests := []struct {
		name string
		a, b Draft
		want Draft
	}{
		{"only the kept one has a draft",
			Draft{}, Draft{Prompt: bestPrompt, Saved: late, Texts: map[inquiry.PromptRef]string{bestPrompt: "b"}},
			Draft{Prompt: bestPrompt, Saved: late, Texts: map[inquiry.PromptRef]string{bestPrompt: "b"}}},
		{"only the merged-away one has a draft",
			Draft{Prompt: barriersPrompt, Saved: early, Texts: map[inquiry.PromptRef]string{barriersPrompt: "a"}}, Draft{},
			Draft{Prompt: barriersPrompt, Saved: early, Texts: map[inquiry.PromptRef]string{barriersPrompt: "a"}}},
		{"both at one prompt: the older words first, where the newer was",
			Draft{Prompt: barriersPrompt, Saved: late, Texts: map[inquiry.PromptRef]string{bestPrompt: "newer"}},
			Draft{Prompt: bestPrompt, Saved: early, Texts: map[inquiry.PromptRef]string{bestPrompt: "older"}},
			Draft{Prompt: barriersPrompt, Saved: late, Texts: map[inquiry.PromptRef]string{bestPrompt: "older\nnewer"}}},
		{"the same words once",
			Draft{Saved: early, Texts: map[inquiry.PromptRef]string{bestPrompt: "same"}},
			Draft{Prompt: bestPrompt, Saved: late, Texts: map[inquiry.PromptRef]string{bestPrompt: "same"}},
			Draft{Prompt: bestPrompt, Saved: late, Texts: map[inquiry.PromptRef]string{bestPrompt: "same"}}},
	}
	for _, tt := range tests {
		got := joinDrafts(tt.a, tt.b)
		if got.Prompt != tt.want.Prompt || !got.Saved.Equal(tt.want.Saved) || !maps.Equal(got.Texts, tt.want.Texts) {
			t.Errorf("%s: joinDrafts = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// merging is a facilitator merging one participant into another.
func merging(from, into string) inquiry.Event {
	return inquiry.Event{Type: inquiry.ParticipantsMerged, Actor: host, Merge: &inquiry.PeopleMerge{From: from, Into: into}}
}

// When a facilitator opens the next prompt while someone is typing, their
// screen moves and the unsent words stay in the draft under the prompt
// they were written for: saving at the new prompt, and a restart, leave
// them there for the screen to say where they are kept.
func TestWordsLeftAtAPromptTheRoomMovedOnFromStayThere(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, withClock(newClock()))
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	const left = "Half a thought about the hub"
	moved := Draft{Prompt: barriersPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: left}}
	if err := s.SaveDraft(ws.ID, "ann", moved); err != nil {
		t.Fatal(err)
	}
	atNew := adding("ann", "c1", "Stairs everywhere")
	atNew.Contribution.Prompt, atNew.Contribution.Kind = barriersPrompt, inquiry.Barrier
	mustAppend(t, s, ws.ID, atNew)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir, withClock(newClock()))
	d, ok := s.Draft(ws.ID, "ann")
	if !ok || d.Prompt != barriersPrompt || !maps.Equal(d.Texts, map[inquiry.PromptRef]string{bestPrompt: left}) {
		t.Errorf("Draft = %+v, %v; want the words kept at %s, the person at %s", d, ok, bestPrompt, barriersPrompt)
	}
}
