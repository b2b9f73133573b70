package participant

import (
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestParticipantsBellRingsOnlyForWhatTheirScreenShows(t *testing.T) {
	var in interestIn
	in.note("p-me", "discover/best-time")
	at := func(typ inquiry.EventType, who string, prompt inquiry.PromptRef) inquiry.Concern {
		return inquiry.Concern{Type: typ, Participant: who, Prompt: prompt}
	}
	room := func(typ inquiry.EventType) inquiry.Concern { return inquiry.Concern{Type: typ, Room: true} }
	tests := []struct {
		name          string
		c             inquiry.Concern
		news, chatter bool
	}{
		{"my own contribution anywhere", at(inquiry.ContributionAdded, "p-me", "design/barriers"), true, false},
		{"my own contribution here", at(inquiry.ContributionAdded, "p-me", "discover/best-time"), true, false},
		{"someone else's at my prompt", at(inquiry.ContributionAdded, "p-other", "discover/best-time"), false, true},
		{"someone else's at another prompt", at(inquiry.ContributionAdded, "p-other", "design/barriers"), false, false},
		{"someone else joining", at(inquiry.ParticipantJoined, "p-other", ""), false, false},
		{"my own join", at(inquiry.ParticipantJoined, "p-me", ""), true, false},
		{"someone else's dots", at(inquiry.VoteCast, "p-other", ""), false, false},
		{"my dots", at(inquiry.VoteCast, "p-me", ""), true, false},
		{"a prompt opened for everyone", room(inquiry.PromptOpened), true, false},
		{"my contribution hidden", at(inquiry.ContributionHidden, "p-me", "design/barriers"), true, false},
		{"someone else's hidden at my prompt", at(inquiry.ContributionHidden, "p-other", "discover/best-time"), false, true},
		{"someone else's hidden at another prompt", at(inquiry.ContributionHidden, "p-other", "design/barriers"), false, false},
		{"someone else's highlighted at another prompt", at(inquiry.ContributionHighlighted, "p-other", "design/barriers"), false, false},
		{"the workshop closing", room(inquiry.WorkshopClosed), true, false},
		{"someone else's +1 at another prompt", at(inquiry.ContributionAgreed, "p-other", "design/barriers"), false, false},
		{"someone else's +1 at my prompt", at(inquiry.ContributionAgreed, "p-other", "discover/best-time"), false, true},
		{"my +1", at(inquiry.ContributionAgreed, "p-me", "design/barriers"), true, false},
		{"my +1 taken back", at(inquiry.AgreementWithdrawn, "p-me", "design/barriers"), true, false},
		{"a facilitator removing someone", room(inquiry.ParticipantBlocked), true, false},
		{"a facilitator letting people in", room(inquiry.WaitingAdmitted), true, false},
		{"someone else leaving", inquiry.Concern{Type: inquiry.ParticipantWithdrawn, Participant: "p-other", Room: true}, true, false},
	}
	for _, tt := range tests {
		if got := in.news(tt.c); got != tt.news {
			t.Errorf("%s: news = %v, want %v", tt.name, got, tt.news)
		}
		if got := in.chatter(tt.c); got != tt.chatter {
			t.Errorf("%s: chatter = %v, want %v", tt.name, got, tt.chatter)
		}
	}
	in.note("p-me", "design/barriers")
	if !in.chatter(at(inquiry.ContributionAdded, "p-other", "design/barriers")) {
		t.Error("after moving to another prompt, others' words there do not ring")
	}
	if in.chatter(at(inquiry.ContributionAdded, "p-other", "discover/best-time")) {
		t.Error("after moving on, others' words at the old prompt still ring")
	}
	var before interestIn
	before.note("", "")
	if before.news(at(inquiry.ContributionAdded, "", "discover/best-time")) || before.chatter(at(inquiry.ContributionAdded, "p-other", "")) {
		t.Error("a screen not yet joined is rung for contributions")
	}
	if !before.news(room(inquiry.WorkshopClosed)) {
		t.Error("a screen not yet joined is not rung for the workshop closing")
	}
}

func TestParticipantSeesOthersArriveAtTheirPromptLive(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Vi")
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	bo := tuitest.Join(t, store, sum.ID, "Bo")
	tuitest.Contribute(t, store, sum.ID, bo, "elsewhere", guide.Ref(1, 0), inquiry.Aspiration, "Somewhere else")
	tuitest.Contribute(t, store, sum.ID, bo, "here", guide.Ref(0, 0), inquiry.Story, "Right here")
	tt.See("Others here: 1")
}

func TestParticipantIsOfferedAThemeAddedDuringTheWorkshop(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Wyn")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ThemeAdded,
		Theme: &inquiry.Theme{ID: "ferries", Label: "Ferries", Keywords: []string{"ferry"}}})
	tt.Type("The ferry timetable decides everything")
	tt.See("Themes Ferries")
}
