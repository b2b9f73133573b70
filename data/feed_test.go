package data

import (
	"fmt"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

func TestWatcherIsRungAfterACommitAndReadsTheNewEvent(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	other := openWorkshop(t, s, "harbour-0002")
	bell, stop := s.Watch(ws.ID)
	defer stop()
	if !notRung(bell) {
		t.Fatal("a new watcher's bell is already rung")
	}

	mustAppend(t, s, other.ID, joining("bob"))
	added := mustAppend(t, s, ws.ID, joining("ann"))
	waitRing(t, bell, "the join to be committed")
	got := s.Events(ws.ID, added.Seq-1)
	if len(got) != 1 || got[0].Hash != added.Hash {
		t.Fatalf("after the ring, Events(after %d) = %v; want just the join", added.Seq-1, got)
	}
}

func TestUnreadWatcherDoesNotHoldUpCommits(t *testing.T) {
	const writers, each = 20, 50
	s := openStore(t, t.TempDir(), unlimited)
	ws := openWorkshop(t, s, "harbour-0001")
	_, stop := s.Watch(ws.ID) // never read
	defer stop()
	for w := range writers {
		mustAppend(t, s, ws.ID, joining(participant(w)))
	}
	err := run(writers, func(w int) error {
		for i := range each {
			id := fmt.Sprintf("%s-c%02d", participant(w), i)
			if _, err := s.Append(testContext(t), ws.ID, adding(participant(w), id, "Words")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("commits with an unread watcher: %v", err)
	}
	checkLog(t, s, ws.ID, 1+writers+writers*each)
}

func TestStoppedWatcherIsNotRung(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	stoppedBell, stop := s.Watch(ws.ID)
	liveBell, stopLive := s.Watch(ws.ID)
	defer stopLive()
	stop()
	stop() // a second stop is harmless

	mustAppend(t, s, ws.ID, joining("ann"))
	// One ring reaches every watcher at once: once the live bell has rung,
	// the stopped one would have been too.
	waitRing(t, liveBell, "the join to be committed")
	if !notRung(stoppedBell) {
		t.Errorf("a watcher was rung after stop")
	}
	s.feed.mu.Lock()
	n := len(s.feed.watchers[ws.ID])
	s.feed.mu.Unlock()
	if n != 1 {
		t.Errorf("%d watchers registered, want only the live one", n)
	}
}

func TestPresenceFollowsSessionsAndRingsTheBell(t *testing.T) {
	clock := newClock()
	s := openStore(t, t.TempDir(), withClock(clock))
	ws := openWorkshop(t, s, "harbour-0001")
	bell, stop := s.Watch(ws.ID)
	defer stop()

	update, leave := s.Enter(ws.ID, inquiry.Presence{Session: "s1", Role: inquiry.RoleParticipant, Name: "Ann"})
	waitRing(t, bell, "a session to enter")
	s.Enter(ws.ID, inquiry.Presence{Session: "s2", Role: inquiry.RoleFacilitator, Name: "Morag"})
	waitRing(t, bell, "a second session to enter")
	present := s.Present(ws.ID)
	if len(present) != 2 || present[0].Session != "s1" || present[1].Session != "s2" || present[0].Since.IsZero() {
		t.Fatalf("Present() = %+v; want s1 then s2, with Since set", present)
	}
	entered := present[0].Since

	update(inquiry.Presence{Session: "s1", Role: inquiry.RoleParticipant, Participant: "ann", Name: "Ann"})
	waitRing(t, bell, "a presence update")
	if p := s.Present(ws.ID)[0]; p.Participant != "ann" || !p.Since.Equal(entered) {
		t.Errorf("after an update at the same prompt: %+v; want participant ann, Since kept at %v", p, entered)
	}
	update(inquiry.Presence{Session: "s1", Participant: "ann", Name: "Ann", Prompt: bestPrompt})
	waitRing(t, bell, "a move to another prompt")
	if p := s.Present(ws.ID)[0]; p.Prompt != bestPrompt || !p.Since.After(entered) {
		t.Errorf("after moving to a prompt: %+v; want Prompt %s and Since after %v", p, bestPrompt, entered)
	}

	leave()
	waitRing(t, bell, "a session to leave")
	leave()
	update(inquiry.Presence{Session: "s1", Name: "Ghost"})
	if present := s.Present(ws.ID); len(present) != 1 || present[0].Session != "s2" {
		t.Errorf("after leaving: %+v; want only s2", present)
	}
	if !notRung(bell) {
		t.Errorf("a second leave or an update after leaving rang the bell")
	}
	if got := s.Present("0123456789abcdef"); len(got) != 0 {
		t.Errorf("Present of an empty workshop = %v", got)
	}
}

func TestWatchForRingsOnlyForWantedEventsAndNeverForPresence(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "watch-for")
	mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, joining("bob"))
	mine, stop := s.WatchFor(ws.ID, func(e inquiry.Event) bool {
		return e.Contribution != nil && e.Contribution.Participant == "ann"
	})
	defer stop()
	everything, stopAll := s.Watch(ws.ID)
	defer stopAll()

	mustAppend(t, s, ws.ID, adding("bob", "b1", "Bob's words"))
	waitRing(t, everything, "the full watcher after Bob's contribution")
	if !notRung(mine) {
		t.Fatal("Ann's watcher was rung for Bob's contribution")
	}
	_, leave := s.Enter(ws.ID, inquiry.Presence{Session: "s1", Role: inquiry.RoleParticipant, Participant: "bob"})
	waitRing(t, everything, "the full watcher after Bob came in")
	leave()
	if !notRung(mine) {
		t.Fatal("Ann's watcher was rung for presence")
	}
	mustAppend(t, s, ws.ID, adding("ann", "a1", "Ann's words"))
	waitRing(t, mine, "Ann's watcher after her contribution")
}
