package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

// facilitatorActor is who the tests act as when they pace and curate.
var facilitatorActor = inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:test-facilitator"}

// record appends an event as the facilitator (or whoever e.Actor says),
// failing the test if the store refuses it.
func record(t *testing.T, store *data.Store, ws string, e inquiry.Event) inquiry.Event {
	t.Helper()
	if e.Actor.Role == "" {
		e.Actor = facilitatorActor
	}
	got, err := store.Append(context.Background(), ws, e)
	if err != nil {
		t.Fatalf("append %s: %v", e.Type, err)
	}
	return got
}

// contribute records a contribution by a participant straight into the
// store, as their own screen would.
func contribute(t *testing.T, store *data.Store, ws, participant, id string, ref inquiry.PromptRef, kind inquiry.Kind, text string) {
	t.Helper()
	record(t, store, ws, inquiry.Event{
		Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: participant},
		Contribution: &inquiry.ContributionDetails{ID: id, Participant: participant, Prompt: ref, Kind: kind, Text: inquiry.Words{Text: text}},
	})
}

// pacedRoom opens a facilitator-led workshop on the default guide.
func pacedRoom(t *testing.T) (*data.Store, inquiry.Summary) {
	t.Helper()
	store, err := data.Open(data.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	sum, err := store.OpenWorkshop(context.Background(), inquiry.System, inquiry.WorkshopDetails{
		Title: "Led together", Guide: guide, Pacing: inquiry.FacilitatorPaced,
	})
	if err != nil {
		t.Fatal(err)
	}
	return store, sum
}

func TestParticipantWithoutAKeyResumesWithTheirCodeAndDraft(t *testing.T) {
	store, sum := newRoom(t)
	first := participantSession(t, store, sum.Code)
	ctx, drop := context.WithCancel(context.Background())
	first.Context = ctx
	tt := run(t, NewParticipant(first), 80, 24)
	tt.join("Kit")
	tt.see("resume code") // the welcome says how to come back
	ws := workshop(t, store, sum.ID)
	code, err := store.ResumeCode(sum.ID, ws.Participants[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	tt.see("resume " + code)
	tt.typeText("Half a thought about the")
	tt.see("┃ Half a thought about the")
	drop() // the line drops mid-sentence

	again := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	again.see("ctrl+r to give your resume code")
	again.key("ctrl+r")
	again.typeText(strings.ToLower(code)) // read off a screen, typed any old way
	again.key("enter")
	again.see("Welcome back, Kit", "┃ Half a thought about the")
	if n := len(workshop(t, store, sum.ID).Participants); n != 1 {
		t.Fatalf("participants = %d, want the same person back, not a new one", n)
	}
}

func TestParticipantWrongResumeCodeIsRefused(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.see("Your name or pseudonym")
	tt.key("ctrl+r")
	tt.typeText("ZZZZ-ZZZZ")
	tt.key("enter")
	tt.see("does not know that resume code")
	tt.key("esc")
	tt.join("Lou")
}

func TestParticipantDraftSurvivesADroppedConnection(t *testing.T) {
	store, sum := newRoom(t)
	s := participantSession(t, store, sum.Code)
	s.IdentityFor = func(ws string) string { return "key-of-mo-in-" + ws }
	ctx, drop := context.WithCancel(context.Background())
	s.Context = ctx
	tt := run(t, NewParticipant(s), 80, 24)
	tt.join("Mo")
	tt.key("pgdown")
	tt.see("prompt 2 of")
	tt.typeText("Unsent words on the second prompt")
	tt.see("┃ Unsent words on the second prompt")
	drop()

	s2 := participantSession(t, store, sum.Code)
	s2.IdentityFor = s.IdentityFor
	again := run(t, NewParticipant(s2), 80, 24)
	again.see("Welcome back, Mo", "prompt 2 of", "┃ Unsent words on the second prompt")
}

func TestParticipantFollowsTheFacilitatorsPace(t *testing.T) {
	store, sum := pacedRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Nan")
	tt.see("waiting for the facilitator")
	tt.typeText("Too early")
	tt.key("enter")
	tt.see("has not opened this prompt yet")

	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	second := guide.Ref(0, 1)
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened,
		Pace: &inquiry.Pace{Prompt: second, EndsAt: time.Now().Add(5 * time.Minute)}})
	tt.see("The facilitator opened", "left · 2 of")
	tt.key("pgdown")
	tt.see("opens the next prompt for everyone")
	tt.typeText("Now it is open")
	tt.key("enter")
	tt.see("Saved ✓")
	if c := workshop(t, store, sum.ID).Contributions[0]; c.Prompt != second {
		t.Fatalf("saved at %s, want the opened prompt %s", c.Prompt, second)
	}
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: second}})
	tt.see("time is up")
}

func TestParticipantReadsAndBuildsOnOthers(t *testing.T) {
	store, sum := newRoom(t)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	first := guide.Ref(0, 0)
	ann := joinDirectly(t, store, sum.ID, "Ann")
	contribute(t, store, sum.ID, ann, "c-ann", first, inquiry.Story, "The lunch club started in the church hall")

	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Oli")
	tt.see("Others here: 1")
	tt.key("ctrl+r")
	tt.see("What others wrote here", "Ann · Story", "The lunch club started in the church hall")
	tt.key("enter")
	tt.see("building on Ann's story")
	tt.typeText("And the GP surgery sent people to it")
	tt.key("enter")
	tt.see("Saved ✓")
	var mine *inquiry.Contribution
	for _, c := range workshop(t, store, sum.ID).Contributions {
		if c.ID != "c-ann" {
			mine = c
		}
	}
	if mine == nil || mine.BuildsOn != "c-ann" {
		t.Fatalf("the new contribution = %+v, want it to build on c-ann", mine)
	}

	// Anonymous: names go; held back until revealed: words go until then.
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleLive, Anonymous: true}})
	tt.key("ctrl+r")
	tt.see("Someone · Story")
	tt.key("esc")
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal}})
	tt.see("held back until the facilitator reveals them")
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptRevealed, Target: string(first)})
	tt.see("Others here: 1")
}

func TestParticipantPlacesDotsAndSeesTheResults(t *testing.T) {
	store, sum := newRoom(t)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	design := designPrompt(t, guide)
	ann := joinDirectly(t, store, sum.ID, "Ann")
	contribute(t, store, sum.ID, ann, "o1", design, inquiry.Opportunity, "Share the community hall")
	contribute(t, store, sum.ID, ann, "o2", design, inquiry.Opportunity, "A joint funding bid")

	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Pat")
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteOpened,
		Vote: &inquiry.Vote{ID: "v1", Title: "Which to start with", Kinds: []inquiry.Kind{inquiry.Opportunity}, Dots: 3}})
	tt.see("opened a vote", "ctrl+t")
	tt.key("ctrl+t")
	tt.see("Vote: Which to start with", "3 of 3 dots left", "Share the community hall")
	tt.key("right")
	tt.key("right")
	tt.key("down")
	tt.key("right")
	tt.key("right") // a fourth dot: there are only three
	tt.see("All your dots are placed")
	tt.key("enter")
	tt.see("Your 3 dots are saved")
	ws := workshop(t, store, sum.ID)
	vote, _ := ws.Vote("v1")
	me := ws.Participants[1].ID
	if got := vote.Ballots[me]; got["o1"] != 2 || got["o2"] != 1 {
		t.Fatalf("ballot = %v, want two dots on o1 and one on o2", got)
	}
	tt.key("esc")
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
	tt.see("The vote has closed")
	tt.key("ctrl+t")
	tt.see("Results: Which to start with", "1. ●● 2", "Share the community hall")
}

func TestParticipantRecordsACommitmentWithAnOwnerAndADate(t *testing.T) {
	store, sum := newRoom(t)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Ros")
	for range stepsToKind(t, guide, inquiry.Action) {
		tt.key("pgdown")
	}
	tt.see("[Action]", "Who", "By when")
	tt.typeText("Write to the health board about the lease")
	for range 4 { // text → kind → themes → partner → who
		tt.key("tab")
	}
	tt.typeText("Ros and the trust board")
	tt.key("tab")
	tt.typeText("31/12/2026")
	tt.key("enter")
	tt.see("The date should look like 2026-12-31")
	for range 10 {
		tt.key("backspace")
	}
	tt.typeText("2026-12-31")
	tt.key("enter")
	tt.see("Saved ✓ Action")
	c := workshop(t, store, sum.ID).Contributions[0]
	if c.Owner != "Ros and the trust board" || c.Due != "2026-12-31" {
		t.Fatalf("commitment = owner %q due %q", c.Owner, c.Due)
	}
}

func TestParticipantIsToldWhenAFacilitatorHidesTheirWords(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Sam")
	tt.typeText("Something the room should not see")
	tt.key("enter")
	tt.see("Saved ✓")
	id := workshop(t, store, sum.ID).Contributions[0].ID
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionHidden, Target: id,
		Curation: &inquiry.Curation{Reason: "it names a member of staff"}})
	tt.see("A facilitator hid your contribution", "member of staff")
}

// stepsToKind is how many prompts on from the first is the first prompt
// that asks first for kind.
func stepsToKind(t *testing.T, g inquiry.Guide, kind inquiry.Kind) int {
	t.Helper()
	n := 0
	for _, ph := range g.Phases {
		for _, pr := range ph.Prompts {
			if pr.KindChoices()[0] == kind {
				return n
			}
			n++
		}
	}
	t.Fatalf("the guide asks first for %s nowhere", kind)
	return 0
}

func TestParticipantWithdrawsAndTheirWordsAreErased(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Tam")
	tt.typeText("Words I will take back")
	tt.key("enter")
	tt.see("Saved ✓")
	tt.key("ctrl+o")
	tt.key("W")
	tt.see("Press y to confirm")
	tt.key("y")
	tt.wait()
	ws := workshop(t, store, sum.ID)
	c := ws.Contributions[0]
	if !c.Withdrawn || c.Text != "" {
		t.Fatalf("after withdrawing: %+v, want withdrawn with the words gone", c)
	}
	for _, e := range store.Events(sum.ID, 0) {
		if e.Contribution != nil && strings.Contains(e.Contribution.Text.Text, "take back") {
			t.Fatalf("event %d still holds the withdrawn words", e.Seq)
		}
	}
}

func TestParticipantDraftIsKeptWhenTheServerShutsDown(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Una")
	tt.typeText("Words typed as the server stops")
	tt.see("┃ Words typed as the server stops")
	tt.send(ShutdownMsg{})
	tt.wait()
	me := workshop(t, store, sum.ID).Participants[0].ID
	d, ok := store.Draft(sum.ID, me)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok || d.Texts[guide.Ref(0, 0)] != "Words typed as the server stops" {
		t.Fatalf("draft after shutdown = %+v (found %v), want the unsent words", d, ok)
	}
}
