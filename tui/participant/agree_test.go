package participant

import (
	"strings"
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestParticipantAgreesWithoutWriting: + on the list of others' words
// agrees with the one picked out, counted for everyone; + again takes it
// back.
func TestParticipantAgreesWithoutWriting(t *testing.T) {
	store, sum := datatest.Workshop(t)
	first := tuitest.PromptFor(t, inquiry.Story)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	bob := tuitest.Join(t, store, sum.ID, "Bob")
	tuitest.Contribute(t, store, sum.ID, ann, "c-ann", first, inquiry.Story, "The lunch club started in the church hall")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAgreed, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: bob},
		Target: "c-ann", Agreement: &inquiry.Agreement{Participant: bob}})

	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Cy")
	tt.Key("ctrl+r")
	tt.See("Ann · Story · +1", "+ agree (+1)")
	tt.Key("+")
	tt.See("You agree with Ann's contribution ✓", "Ann · Story · +2 with you")
	ws := tuitest.Folded(t, store, sum.ID)
	me := ws.Participants[2].ID
	if !ws.Agreed(me, "c-ann") || len(ws.Agreements("c-ann")) != 2 {
		t.Fatalf("agreements = %v, want Bob's and this person's", ws.Agreements("c-ann"))
	}
	tt.Key("+")
	tt.See("You no longer agree", "Ann · Story · +1")
	if tuitest.Folded(t, store, sum.ID).Agreed(me, "c-ann") {
		t.Fatal("the agreement was not taken back")
	}
	if n := len(tuitest.Folded(t, store, sum.ID).Contributions); n != 1 {
		t.Fatalf("contributions = %d: agreeing wrote something", n)
	}
}

// TestParticipantReadsAContributionWhole: from the others list and from a
// vote, r opens a long contribution to read whole, scrolling; esc goes
// back to the list where it was.
func TestParticipantReadsAContributionWhole(t *testing.T) {
	long := strings.Repeat("The bus to the health centre stopped running after six, so the evening clinic is out of reach. ", 20) + "THE LAST WORDS."
	for _, from := range []string{"others", "vote"} {
		t.Run(from, func(t *testing.T) {
			store, sum := datatest.Workshop(t)
			design := tuitest.PromptFor(t, inquiry.Opportunity)
			ann := tuitest.Join(t, store, sum.ID, "Ann")
			tuitest.Contribute(t, store, sum.ID, ann, "o1", design, inquiry.Opportunity, long)
			tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
			tt.FillJoinForm("Di")
			if from == "vote" {
				tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteOpened,
					Vote: &inquiry.Vote{ID: "v1", Title: "Where to start", Kinds: []inquiry.Kind{inquiry.Opportunity}, Dots: 1}})
				tt.See("opened a vote: “Where to start”")
				tt.Key("ctrl+t")
				tt.See("1 of 1 dot left", "r read whole")
			} else {
				for range 5 { // to Design 1, where Ann wrote
					tt.Key("pgdown")
				}
				tt.See("Design 1 · 6 of 11")
				tt.Key("ctrl+r")
				tt.See("What others wrote here")
			}
			if tt.Shows("THE LAST WORDS.") {
				t.Fatal("the list shows the whole text already: the test proves nothing")
			}
			tt.Key("r")
			tt.See("Ann · Opportunity", "lines 1–")
			for range 30 {
				tt.Key("down")
			}
			tt.See("THE LAST WORDS.")
			tt.Key("esc")
			if from == "vote" {
				tt.See("1 of 1 dot left")
				tt.Key("right")
				tt.Key("enter")
				tt.See("Your 1 dot is saved ✓")
			} else {
				tt.See("What others wrote here")
			}
		})
	}
}

// TestParticipantIsToldTheTruthWhenOnlyTheirOwnIsShown: with "only their
// own" visibility, ctrl+r says that is the facilitator's choice, not that
// nobody has written.
func TestParticipantIsToldTheTruthWhenOnlyTheirOwnIsShown(t *testing.T) {
	store, sum := datatest.Workshop(t)
	first := tuitest.PromptFor(t, inquiry.Story)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	tuitest.Contribute(t, store, sum.ID, ann, "c-ann", first, inquiry.Story, "Words only Ann sees")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleNever}})
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Eve")
	tt.Key("ctrl+r")
	tt.See("The facilitator has chosen that each person sees only their own contributions")
	if tt.Shows("Nothing from others") || tt.Shows("Words only Ann sees") {
		t.Fatalf("the screen says nobody wrote, or shows Ann's words:\n%s", tt.Screen.Text())
	}
}

// TestParticipantSeesRanksAsTheReportDoes: tied results share a rank.
func TestParticipantSeesRanksAsTheReportDoes(t *testing.T) {
	store, sum := datatest.Workshop(t)
	design := tuitest.PromptFor(t, inquiry.Opportunity)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	for _, id := range []string{"o1", "o2", "o3"} {
		tuitest.Contribute(t, store, sum.ID, ann, id, design, inquiry.Opportunity, "Idea "+id)
	}
	bob := tuitest.Join(t, store, sum.ID, "Bob")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteOpened,
		Vote: &inquiry.Vote{ID: "v1", Title: "Where to start", Kinds: []inquiry.Kind{inquiry.Opportunity}, Dots: 3}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: bob},
		Ballot: &inquiry.Ballot{Vote: "v1", Participant: bob, Dots: map[string]int{"o1": 1, "o2": 1, "o3": 1}}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Fen")
	tt.Key("ctrl+t")
	tt.See("Results: Where to start")
	if got := strings.Count(tt.Screen.Text(), " 1. ●"); got != 3 {
		t.Fatalf("three tied results share rank 1 on %d lines, want 3:\n%s", got, tt.Screen.Text())
	}
}
