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
	contribution := func(who string, at inquiry.PromptRef) inquiry.Event {
		return inquiry.Event{Type: inquiry.ContributionAdded, Contribution: &inquiry.ContributionDetails{Participant: who, Prompt: at}}
	}
	tests := []struct {
		name          string
		e             inquiry.Event
		news, chatter bool
	}{
		{"my own contribution anywhere", contribution("p-me", "design/barriers"), true, false},
		{"my own contribution here", contribution("p-me", "discover/best-time"), true, false},
		{"someone else's at my prompt", contribution("p-other", "discover/best-time"), false, true},
		{"someone else's at another prompt", contribution("p-other", "design/barriers"), false, false},
		{"someone else joining", inquiry.Event{Type: inquiry.ParticipantJoined, Participant: &inquiry.ParticipantDetails{ID: "p-other"}}, false, false},
		{"my own join", inquiry.Event{Type: inquiry.ParticipantJoined, Participant: &inquiry.ParticipantDetails{ID: "p-me"}}, true, false},
		{"someone else's dots", inquiry.Event{Type: inquiry.VoteCast, Ballot: &inquiry.Ballot{Participant: "p-other"}}, false, false},
		{"my dots", inquiry.Event{Type: inquiry.VoteCast, Ballot: &inquiry.Ballot{Participant: "p-me"}}, true, false},
		{"a prompt opened for everyone", inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{}}, true, false},
		{"a contribution hidden", inquiry.Event{Type: inquiry.ContributionHidden, Target: "c1"}, true, false},
		{"the workshop closing", inquiry.Event{Type: inquiry.WorkshopClosed}, true, false},
		{"someone else's +1", inquiry.Event{Type: inquiry.ContributionAgreed, Agreement: &inquiry.Agreement{Participant: "p-other"}}, false, false},
		{"my +1", inquiry.Event{Type: inquiry.ContributionAgreed, Agreement: &inquiry.Agreement{Participant: "p-me"}}, true, false},
		{"my +1 taken back", inquiry.Event{Type: inquiry.AgreementWithdrawn, Agreement: &inquiry.Agreement{Participant: "p-me"}}, true, false},
		{"a facilitator removing someone", inquiry.Event{Type: inquiry.ParticipantBlocked, Target: "p-other"}, true, false},
		{"a facilitator letting people in", inquiry.Event{Type: inquiry.WaitingAdmitted}, true, false},
	}
	for _, tt := range tests {
		if got := in.news(tt.e); got != tt.news {
			t.Errorf("%s: news = %v, want %v", tt.name, got, tt.news)
		}
		if got := in.chatter(tt.e); got != tt.chatter {
			t.Errorf("%s: chatter = %v, want %v", tt.name, got, tt.chatter)
		}
	}
	in.note("p-me", "design/barriers")
	if !in.chatter(contribution("p-other", "design/barriers")) {
		t.Error("after moving to another prompt, others' words there do not ring")
	}
	if in.chatter(contribution("p-other", "discover/best-time")) {
		t.Error("after moving on, others' words at the old prompt still ring")
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
