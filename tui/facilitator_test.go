package tui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

func facilitatorSession(t *testing.T, room Room, code string) Session {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return Session{
		ID: "f-" + t.Name(), Context: ctx, Room: room, Code: code, Width: 100, Height: 30,
		Actor: inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:test"},
	}
}

func TestFacilitatorSeesContributionsAndTallyArriveLive(t *testing.T) {
	store, sum := newRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("Anchors and services", "Waiting for the first contribution", "No opportunities or barriers yet")

	part := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	part.join("Ann")
	fac.see("Ann (")

	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	// Record an opportunity and a barrier on the design prompts, through
	// the store as a second participant would, and watch them arrive.
	ws := workshop(t, store, sum.ID)
	me := ws.Participants[0].ID
	design := designPrompt(t, guide)
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
	fac.see("Share the health centre's community room", "NHS funding cycles are too short",
		"2 contributions: 1 opportunity, 1 barrier", "  Health and social care")
	fac.see("█ 1", "░ 1")
}

// designPrompt is a prompt in the default guide that takes both
// opportunities and barriers.
func designPrompt(t *testing.T, g inquiry.Guide) inquiry.PromptRef {
	t.Helper()
	for p, ph := range g.Phases {
		for q, pr := range ph.Prompts {
			if pr.Allows(inquiry.Opportunity) && pr.Allows(inquiry.Barrier) {
				return g.Ref(p, q)
			}
		}
	}
	t.Fatal("no prompt takes opportunities and barriers")
	return ""
}

func TestFacilitatorChoosesAWorkshopFromTheList(t *testing.T) {
	store, sum := newRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, "")), 100, 30)
	fac.see(sum.Code, "Anchors and services", "watch the room")
	fac.key("enter")
	fac.see("Waiting for the first contribution")
	fac.key("esc")
	fac.see("watch the room")
}

func TestFacilitatorScreenFitsAnEightyColumnTerminal(t *testing.T) {
	store, sum := newRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 80, 24)
	fac.see("Live contributions", "Tally by theme", "█ opportunities  ░ barriers", "Here now")
	fac.send(tea.WindowSizeMsg{Width: 50, Height: 20})
	fac.scr.Resize(50, 20)
	fac.see("Live contributions")
	fac.key("tab")
	fac.see("▸ Tally by theme")
}

func TestFacilitatorFiltersSearchesAndOpensAContribution(t *testing.T) {
	store, sum := newRoom(t)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	me := joinDirectly(t, store, sum.ID, "Bo")
	design := designPrompt(t, guide)
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

	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("Shared transport", "Short funding cycles", "Nobody returns our calls")

	fac.key("k") // opportunities
	fac.key("k") // barriers
	fac.see("Showing Barriers", "Short funding cycles", "Nobody returns our calls")
	if fac.scr.Contains("Shared transport") {
		t.Fatalf("the barrier filter still shows an opportunity:\n%s", fac.scr.Text())
	}

	fac.key("/")
	fac.typeText("funding")
	fac.key("enter")
	fac.see("Showing Barriers · “funding”", "Short funding cycles")
	if fac.scr.Contains("Nobody returns our calls") {
		t.Fatalf("the search still shows a contribution without the word:\n%s", fac.scr.Text())
	}

	fac.key("x")
	fac.see("Live contributions, newest first", "Shared transport")
	fac.key("down") // from the newest to the one before
	fac.key("enter")
	fac.see("▸ Barrier by Bo", "Short funding cycles from the council", "Themes: Public service coordination")
	fac.key("?")
	fac.see("search the words of contributions")
}

// joinDirectly records a participant joining, as their screen would.
func joinDirectly(t *testing.T, store interface {
	Append(context.Context, string, inquiry.Event) (inquiry.Event, error)
}, ws, name string) string {
	t.Helper()
	id := "p-" + name
	_, err := store.Append(context.Background(), ws, inquiry.Event{
		Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
		Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: name}, ConsentAt: time.Now()},
	})
	if err != nil {
		t.Fatalf("join %s: %v", name, err)
	}
	return id
}
