package facilitator

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestEveryRoomStateFitsEverySize draws each of the room's states (the
// feed, details, the people pane with a lobby, the merge list, the vote
// form and pane, the tally by sector, the list of keys, each stage of the
// scribe desk) at every size from 30x10 to 200x60, with long names, wide
// characters and a long contribution, and checks that no line is wider
// than the terminal, none is past its foot, and the line of keys is last.
func TestEveryRoomStateFitsEverySize(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: design}})
	names := []string{"Alexandra Fotheringham-Wallace of Govan", "李小龍 表 😀 Nadia", "Bram", "Bram"}
	var people []string
	for i := range 12 {
		name := fmt.Sprintf("Person %02d", i)
		if i < len(names) {
			name = names[i]
		}
		id := fmt.Sprintf("p-%02d", i)
		tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
			Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: name}, ConsentAt: stampTime(),
				Organisation: inquiry.OrganisationTypes[i%len(inquiry.OrganisationTypes)]}})
		people = append(people, id)
		kind := inquiry.Opportunity
		if i%2 == 1 {
			kind = inquiry.Barrier
		}
		text := "Share the hall " + strings.Repeat("and the minibus ", i)
		if i == 1 {
			text = strings.Repeat("a very long contribution, ", 76)
		}
		tuitest.Contribute(t, store, sum.ID, id, fmt.Sprintf("c-%02d", i), design, kind, text, "housing", "health-social-care")
	}
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: people[3]},
		Contribution: &inquiry.ContributionDetails{ID: "reframe", Participant: people[3], Prompt: design, Kind: inquiry.Reframe,
			Text: inquiry.Words{Text: "What would help"}, Answers: "c-01"}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAgreed, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: people[2]},
		Target: "c-01", Agreement: &inquiry.Agreement{Participant: people[2]}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: tuitest.Facilitator,
		Participant: &inquiry.ParticipantDetails{ID: "table", Name: inquiry.Words{Text: "Table 3"}, ConsentAt: stampTime(), Scribed: true}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.LobbyOpened})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-wait"},
		Participant: &inquiry.ParticipantDetails{ID: "p-wait", Name: inquiry.Words{Text: "Waiting Wendy"}, ConsentAt: stampTime(), Organisation: "Local authority"}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v", Title: "Which first of all the many things we said tonight?", Dots: 3}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: people[0]},
		Ballot: &inquiry.Ballot{Vote: "v", Participant: people[0], Dots: map[string]int{"c-01": 2, "c-02": 1}}})

	states := []struct {
		name   string
		scribe bool
		keys   []string
	}{
		{"feed", false, nil},
		{"details", false, []string{"end", "up", "enter"}},
		{"details of a long one", false, []string{"end", "enter", "up"}},
		{"tally", false, []string{"tab"}},
		{"tally by sector", false, []string{"g"}},
		{"people", false, []string{"tab", "tab"}},
		{"people merge", false, []string{"tab", "tab", "down", "down", "down", "m"}},
		{"remove question", false, []string{"tab", "tab", "B", "r", "e", "a", "s", "o", "n", "enter"}},
		{"vote pane", false, []string{"tab", "tab", "tab"}},
		{"keys", false, []string{"?"}},
		{"keys scrolled", false, []string{"?", "pgdown", "pgdown"}},
		{"search", false, []string{"/"}},
		{"prompts", false, []string{"o"}},
		{"settings", false, []string{"s"}},
		{"desk", false, []string{"c"}},
		{"desk new", false, []string{"c", "enter"}},
		{"desk writing", false, []string{"c", "down", "enter"}},
		{"desk ballot", false, []string{"c", "down", "v"}},
		{"desk agree", false, []string{"c", "down", "+"}},
		{"desk organisation", false, []string{"c", "down", "o"}},
		{"scribe's own desk", true, nil},
		{"enrol", false, []string{"tab"}},
	}
	sizes := [][2]int{{30, 10}, {40, 12}, {60, 20}, {80, 24}, {100, 30}, {200, 60}}
	for _, st := range states {
		for _, size := range sizes {
			w, h := size[0], size[1]
			s := tuitest.FacilitatorSession(t, store, sum.Code)
			s.Width, s.Height = w, h
			var m tea.Model
			switch {
			case st.name == "enrol":
				m = NewEnrol(func(string, string) error { return nil }, "ssh -p 23234 10.0.0.5")
				m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			case st.scribe:
				s.Actor = inquiry.Actor{Role: inquiry.RoleScribe, ID: "SHA256:scribe", Name: strings.Repeat("Scribe ", 6)}
				m = NewScribe(s)
			default:
				m = New(s)
			}
			m, _ = m.Update(tui.BellMsg{})
			for _, k := range st.keys {
				m, _ = m.Update(tuitest.Key(k))
			}
			lines := strings.Split(m.View().Content, "\n")
			if len(lines) > h {
				t.Errorf("%s at %dx%d: %d lines", st.name, w, h, len(lines))
			}
			for i, l := range lines {
				if got := tui.Width(ansi.Strip(l)); got > w {
					t.Errorf("%s at %dx%d: line %d is %d wide: %q", st.name, w, h, i+1, got, ansi.Strip(l))
				}
			}
		}
	}
}
