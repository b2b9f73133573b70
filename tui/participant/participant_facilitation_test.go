package participant

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestParticipantWithoutAKeyResumesWithTheirCodeAndDraft(t *testing.T) {
	store, sum := datatest.Workshop(t)
	first := tuitest.ParticipantSession(t, store, sum.Code)
	ctx, drop := context.WithCancel(context.Background())
	first.Context = ctx
	tt := tuitest.Run(t, New(first), 80, 24)
	tt.FillJoinForm("Kit")
	tt.See("resume code") // the welcome says how to come back
	ws := tuitest.Folded(t, store, sum.ID)
	code, err := store.ResumeCode(sum.ID, ws.Participants[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	tt.See("resume " + code)
	tt.Type("Half a thought about the")
	tt.See("┃ Half a thought about the")
	drop() // the line drops mid-sentence

	again := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	again.See("ctrl+r to give your resume code")
	again.Key("ctrl+r")
	again.Type(strings.ToLower(code)) // read off a screen, typed any old way
	again.Key("enter")
	again.See("Welcome back, Kit", "┃ Half a thought about the")
	if n := len(tuitest.Folded(t, store, sum.ID).Participants); n != 1 {
		t.Fatalf("participants = %d, want the same person back, not a new one", n)
	}
}

func TestParticipantWrongResumeCodeIsRefused(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.See("Your name or pseudonym")
	tt.Key("ctrl+r")
	tt.Type("ZZZZ-ZZZZ")
	tt.Key("enter")
	tt.See("does not know that resume code")
	tt.Key("esc")
	tt.FillJoinForm("Lou")
}

func TestParticipantDraftSurvivesADroppedConnection(t *testing.T) {
	store, sum := datatest.Workshop(t)
	s := tuitest.ParticipantSession(t, store, sum.Code)
	s.IdentityFor = func(ws string) string { return "key-of-mo-in-" + ws }
	ctx, drop := context.WithCancel(context.Background())
	s.Context = ctx
	tt := tuitest.Run(t, New(s), 80, 24)
	tt.FillJoinForm("Mo")
	tt.Key("pgdown")
	tt.See("Discover 2 · 2 of 11")
	tt.Type("Unsent words on the second prompt")
	tt.See("┃ Unsent words on the second prompt")
	drop()

	s2 := tuitest.ParticipantSession(t, store, sum.Code)
	s2.IdentityFor = s.IdentityFor
	again := tuitest.Run(t, New(s2), 80, 24)
	again.See("Welcome back, Mo", "Discover 2 · 2 of 11", "┃ Unsent words on the second prompt")
}

func TestParticipantFollowsTheFacilitatorsPace(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Nan")
	tt.See("waiting for the facilitator")
	tt.Type("Too early")
	tt.Key("enter")
	tt.See("has not opened this prompt yet")

	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	second := guide.Ref(0, 1)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened,
		Pace: &inquiry.Pace{Prompt: second, EndsAt: time.Now().Add(5 * time.Minute)}})
	tt.See("Your words are kept at Discover 1 · 1 of 11", "opened Discover 2 · 2 of 11.", "left · Discover 2 · 2 of 11")
	tt.Key("pgdown")
	tt.See("opens the next prompt for everyone")
	tt.Type("Now it is open")
	tt.Key("enter")
	tt.See("Saved ✓")
	if c := tuitest.Folded(t, store, sum.ID).Contributions[0]; c.Prompt != second {
		t.Fatalf("saved at %s, want the opened prompt %s", c.Prompt, second)
	}
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: second}})
	tt.See("time is up")
}

func TestParticipantReadsAndBuildsOnOthers(t *testing.T) {
	store, sum := datatest.Workshop(t)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	first := guide.Ref(0, 0)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	tuitest.Contribute(t, store, sum.ID, ann, "c-ann", first, inquiry.Story, "The lunch club started in the church hall")

	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Oli")
	tt.See("Others here: 1")
	tt.Key("ctrl+r")
	tt.See("What others wrote here", "Ann · Story", "The lunch club started in the church hall")
	tt.Key("enter")
	tt.See("building on Ann's story")
	tt.Type("And the GP surgery sent people to it")
	tt.Key("enter")
	tt.See("Saved ✓")
	var mine *inquiry.Contribution
	for _, c := range tuitest.Folded(t, store, sum.ID).Contributions {
		if c.ID != "c-ann" {
			mine = c
		}
	}
	if mine == nil || mine.BuildsOn != "c-ann" {
		t.Fatalf("the new contribution = %+v, want it to build on c-ann", mine)
	}

	// Anonymous: names go; held back until revealed: words go until then.
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleLive, Anonymous: true}})
	tt.Key("ctrl+r")
	tt.See("Someone · Story")
	tt.Key("esc")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal}})
	tt.See("held back until the facilitator reveals them")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptRevealed, Target: string(first)})
	tt.See("Others here: 1")
}

func TestParticipantPlacesDotsAndSeesTheResults(t *testing.T) {
	store, sum := datatest.Workshop(t)
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	tuitest.Contribute(t, store, sum.ID, ann, "o1", design, inquiry.Opportunity, "Share the community hall")
	tuitest.Contribute(t, store, sum.ID, ann, "o2", design, inquiry.Opportunity, "A joint funding bid")

	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Pat")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteOpened,
		Vote: &inquiry.Vote{ID: "v1", Title: "Which to start with", Kinds: []inquiry.Kind{inquiry.Opportunity}, Dots: 3}})
	tt.See("opened a vote", "ctrl+t")
	tt.Key("ctrl+t")
	tt.See("Vote: Which to start with", "3 of 3 dots left", "Share the community hall")
	tt.Key("right")
	tt.Key("right")
	tt.Key("down")
	tt.Key("right")
	tt.Key("right") // a fourth dot: there are only three
	tt.See("All your dots are placed")
	tt.Key("enter")
	tt.See("Your 3 dots are saved")
	ws := tuitest.Folded(t, store, sum.ID)
	vote, _ := ws.Vote("v1")
	me := ws.Participants[1].ID
	if got := vote.Ballots[me]; got["o1"] != 2 || got["o2"] != 1 {
		t.Fatalf("ballot = %v, want two dots on o1 and one on o2", got)
	}
	tt.Key("esc")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
	tt.See("The vote has closed")
	tt.Key("ctrl+t")
	tt.See("Results: Which to start with", "1. ●● 2", "Share the community hall")
}

func TestParticipantRecordsACommitmentWithAnOwnerAndADate(t *testing.T) {
	store, sum := datatest.Workshop(t)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Ros")
	for range stepsToKind(t, guide, inquiry.Action) {
		tt.Key("pgdown")
	}
	tt.See("[Action]", "Who", "By when")
	tt.Type("Write to the health board about the lease")
	for range 4 { // text → kind → themes → partner → who
		tt.Key("tab")
	}
	tt.Type("Ros and the trust board")
	tt.Key("tab")
	tt.Type("31/12/2026")
	tt.Key("enter")
	tt.See("The date should look like 2026-12-31")
	for range 10 {
		tt.Key("backspace")
	}
	tt.Type("2026-12-31")
	tt.Key("enter")
	tt.See("Saved ✓ Action")
	c := tuitest.Folded(t, store, sum.ID).Contributions[0]
	if c.Owner != "Ros and the trust board" || c.Due != "2026-12-31" {
		t.Fatalf("commitment = owner %q due %q", c.Owner, c.Due)
	}
}

func TestParticipantIsToldWhenAFacilitatorHidesTheirWords(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Sam")
	tt.Type("Something the room should not see")
	tt.Key("enter")
	tt.See("Saved ✓")
	id := tuitest.Folded(t, store, sum.ID).Contributions[0].ID
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionHidden, Target: id,
		Curation: &inquiry.Curation{Reason: "it names a member of staff"}})
	tt.See("A facilitator hid your contribution", "member of staff")
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
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Tam")
	tt.Type("Words I will take back")
	tt.Key("enter")
	tt.See("Saved ✓")
	tt.Key("ctrl+o")
	tt.Key("W")
	tt.See("Press y to confirm")
	tt.Key("y")
	tt.Wait()
	ws := tuitest.Folded(t, store, sum.ID)
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
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Una")
	tt.Type("Words typed as the server stops")
	tt.See("┃ Words typed as the server stops")
	tt.Send(tui.ShutdownMsg{})
	tt.Wait()
	me := tuitest.Folded(t, store, sum.ID).Participants[0].ID
	d, ok := store.Draft(sum.ID, me)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok || d.Texts[guide.Ref(0, 0)] != "Words typed as the server stops" {
		t.Fatalf("draft after shutdown = %+v (found %v), want the unsent words", d, ok)
	}
}
