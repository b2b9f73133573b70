package facilitator

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/participant"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestFacilitatorSeesContributionsAndTallyArriveLive(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Anchors and services", "Waiting for the first contribution", "No opportunities or barriers yet")

	part := tuitest.Run(t, participant.New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	part.FillJoinForm("Ann")
	fac.See("Ann (")

	// Record an opportunity and a barrier on the design prompts, through
	// the store as a second participant would, and watch them arrive.
	ws := tuitest.Folded(t, store, sum.ID)
	me := ws.Participants[0].ID
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	for i, c := range []struct {
		kind inquiry.Kind
		text string
	}{
		{inquiry.Opportunity, "Share the health centre's community room"},
		{inquiry.Barrier, "NHS funding cycles are too short"},
	} {
		_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
			Type:  inquiry.ContributionAdded,
			Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: me},
			Contribution: &inquiry.ContributionDetails{
				ID: []string{"c1", "c2"}[i], Participant: me, Prompt: design, Kind: c.kind,
				Text: inquiry.Words{Text: c.text}, Themes: []string{"health-social-care"},
			},
		})
		if err != nil {
			t.Fatalf("append %s: %v", c.kind, err)
		}
	}
	fac.See("Share the health centre's community room", "NHS funding cycles are too short",
		"2 contributions: 1 opportunity, 1 barrier", "  Health and social care")
	fac.See("█ 1", "░ 1")
}

// designPrompt is a prompt in the default guide that takes both
// opportunities and barriers.

func TestFacilitatorChoosesAWorkshopFromTheList(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, "")), 100, 30)
	fac.See(sum.Code, "Anchors and services", "watch the room")
	fac.Key("enter")
	fac.See("Waiting for the first contribution")
	fac.Key("esc")
	fac.See("watch the room")
}

func TestFacilitatorScreenFitsAnEightyColumnTerminal(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 80, 24)
	fac.See("Live contributions", "Tally by theme", "█ opportunities  ░ barriers", "Here now")
	fac.Send(tea.WindowSizeMsg{Width: 50, Height: 20})
	fac.See("Live contributions")
	fac.Key("tab")
	fac.See("▸ Tally by theme")
}

func TestFacilitatorFiltersSearchesAndOpensAContribution(t *testing.T) {
	store, sum := datatest.Workshop(t)
	me := tuitest.Join(t, store, sum.ID, "Bo")
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	add := func(id string, kind inquiry.Kind, text string, themes ...string) {
		t.Helper()
		_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
			Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: me},
			Contribution: &inquiry.ContributionDetails{ID: id, Participant: me, Prompt: design, Kind: kind,
				Text: inquiry.Words{Text: text}, Themes: themes},
		})
		if err != nil {
			t.Fatalf("append: %v", err)
		}
	}
	add("c1", inquiry.Opportunity, "Shared transport for hospital visits", "health-social-care")
	add("c2", inquiry.Barrier, "Short funding cycles from the council", "services-procurement")
	add("c3", inquiry.Barrier, "Nobody returns our calls", "local-democracy")

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Shared transport", "Short funding cycles", "Nobody returns our calls")

	fac.Key("k") // opportunities
	fac.Key("k") // barriers
	fac.See("Showing Barriers · 2 matches", "Short funding cycles", "Nobody returns our calls")
	if fac.Screen.Contains("Shared transport") {
		t.Fatalf("the barrier filter still shows an opportunity:\n%s", fac.Screen.Text())
	}

	fac.Key("/")
	fac.Type("funding")
	fac.Key("enter")
	fac.See("Showing Barriers · “funding” · 1 match", "Short funding cycles")
	if fac.Screen.Contains("Nobody returns our calls") {
		t.Fatalf("the search still shows a contribution without the word:\n%s", fac.Screen.Text())
	}

	fac.Key("x")
	fac.See("Live contributions, newest first", "Shared transport")
	fac.Key("down") // from the newest to the one before
	fac.Key("enter")
	fac.See("▸ Barrier by Bo", "Short funding cycles from the council", "Themes: Public service coordination")
	fac.Key("?")
	fac.See("search the words of contributions")
}

func TestFacilitatorRoomRecoversFromATinyWindow(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 20, 5)
	fac.See("Too small")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleLive, Anonymous: true}})
	fac.Resize(100, 30)
	fac.See("Anchors and services", "Waiting for the first contribution", "seeing live, anonymous")
}
