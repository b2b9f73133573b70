package participant

import (
	"context"
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestParticipantRemovedMidSessionIsToldAndLeaves(t *testing.T) {
	store, sum := datatest.Workshop(t)
	m := New(tuitest.ParticipantSession(t, store, sum.Code)).(*Screen)
	tt := tuitest.Run(t, m, 80, 24)
	tt.FillJoinForm("Vic")
	tt.Type("Half a sentence")
	me := tuitest.Folded(t, store, sum.ID).Participants[0].ID
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantBlocked, Target: me})
	tt.Wait()
	tt.See(inquiry.RemovedSentence)
	if !m.Failed() {
		t.Error("the removed participant's screen did not report the session as refused")
	}
}

// TestParticipantWaitsInTheLobbyUntilLetIn: with a lobby held, someone who
// joins waits on a screen where only leaving does anything, and moves on
// by themselves to the guide when a facilitator lets them in, whichever
// way they do.
func TestParticipantWaitsInTheLobbyUntilLetIn(t *testing.T) {
	tests := []struct {
		name  string
		letIn func(me string) inquiry.Event
	}{
		{"admitted one by one", func(me string) inquiry.Event {
			return inquiry.Event{Type: inquiry.ParticipantAdmitted, Target: me}
		}},
		{"everyone waiting admitted", func(string) inquiry.Event { return inquiry.Event{Type: inquiry.WaitingAdmitted} }},
		{"lobby lifted", func(string) inquiry.Event { return inquiry.Event{Type: inquiry.LobbyClosed} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store, sum := datatest.Workshop(t)
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.LobbyOpened})
			tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
			tt.See("Your name or pseudonym")
			tt.Type("Wyn")
			tt.Key("enter")
			tt.Key("tab")
			tt.Key("space")
			tt.Key("enter")
			tt.See("Welcome, Wyn", "please wait here", "moves on by itself", "ctrl+c leave")
			tt.Type("typed while waiting")
			tt.Key("enter")
			tt.Key("ctrl+o")
			tt.See("please wait here")
			me := tuitest.Folded(t, store, sum.ID).Participants[0].ID

			tuitest.Record(t, store, sum.ID, tc.letIn(me))
			tt.See("A facilitator let you in", "DISCOVER", "Nothing saved yet.")
			ws := tuitest.Folded(t, store, sum.ID)
			if n := len(ws.Contributions); n != 0 {
				t.Errorf("contributions after typing in the lobby: %d, want none", n)
			}
		})
	}
}

// TestParticipantComingBackWhileWaitingWaitsAgain: a returning key of
// someone still waiting is shown the waiting screen, not the guide.
func TestParticipantComingBackWhileWaitingWaitsAgain(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.LobbyOpened})
	s := tuitest.ParticipantSession(t, store, sum.Code)
	s.IdentityFor = func(ws string) string { return "key-of-xan-in-" + ws }
	ctx, drop := context.WithCancel(context.Background())
	s.Context = ctx
	tt := tuitest.Run(t, New(s), 80, 24)
	tt.FillJoinForm("Xan")
	tt.See("please wait here")
	drop()

	s2 := tuitest.ParticipantSession(t, store, sum.Code)
	s2.IdentityFor = s.IdentityFor
	again := tuitest.Run(t, New(s2), 80, 24)
	again.See("Welcome, Xan", "please wait here")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.WaitingAdmitted})
	again.See("A facilitator let you in")
}

// TestParticipantIsWelcomedByTheNameTheRoomSees: a second Alice is told
// she is "Alice (2)", as everyone sees her.
func TestParticipantIsWelcomedByTheNameTheRoomSees(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tuitest.Join(t, store, sum.ID, "Alice")
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Alice")
	tt.See("Welcome, Alice (2).", "· Alice (2) ·")
}

// TestParticipantMergedCarriesOnAsTheOneKept: when a facilitator merges
// two entries of one person, the screen of either carries on as the one
// kept, with everything both wrote; the key of the one merged away comes
// back as the one kept.
func TestParticipantMergedCarriesOnAsTheOneKept(t *testing.T) {
	for _, screenIs := range []string{"merged away", "kept"} {
		t.Run(screenIs, func(t *testing.T) {
			store, sum := datatest.Workshop(t)
			first := tuitest.PromptFor(t, inquiry.Story)
			other := tuitest.Join(t, store, sum.ID, "Bram")
			tuitest.Contribute(t, store, sum.ID, other, "c-other", first, inquiry.Story, "Words from the first entry")

			s := tuitest.ParticipantSession(t, store, sum.Code)
			s.IdentityFor = func(ws string) string { return "key-of-bram-in-" + ws }
			ctx, drop := context.WithCancel(context.Background())
			s.Context = ctx
			tt := tuitest.Run(t, New(s), 80, 24)
			tt.FillJoinForm("Bram")
			tt.Type("Words from the second entry")
			tt.Key("enter")
			tt.See("Saved ✓")
			ws := tuitest.Folded(t, store, sum.ID)
			mine := ws.Participants[1].ID
			merge := &inquiry.PeopleMerge{From: mine, Into: other}
			kept := other
			if screenIs == "kept" {
				merge, kept = &inquiry.PeopleMerge{From: other, Into: mine}, mine
			}
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantsMerged, Merge: merge})
			if screenIs == "merged away" {
				tt.See("joined your two entries")
			}
			tt.Key("ctrl+o")
			tt.See("Your contributions", "2 saved", "Words from the first entry", "Words from the second entry")
			tt.Key("esc")
			tt.Type("Words after the merge")
			tt.Key("enter")
			tt.See("Saved ✓")
			ws = tuitest.Folded(t, store, sum.ID)
			last := ws.Contributions[len(ws.Contributions)-1]
			if last.Participant != kept {
				t.Fatalf("saved after the merge by %s, want the one kept, %s", last.Participant, kept)
			}
			drop()

			s2 := tuitest.ParticipantSession(t, store, sum.Code)
			s2.IdentityFor = s.IdentityFor
			again := tuitest.Run(t, New(s2), 80, 24)
			again.See("Welcome back, Bram")
			again.Key("ctrl+o")
			again.See("3 saved")
		})
	}
}
