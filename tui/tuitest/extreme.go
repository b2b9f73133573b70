package tuitest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// Extreme content for judging screens at every size (issue 10): the
// longest name a person may give, names in emoji and in a right-to-left
// script, and a contribution of 2,000 characters.
var (
	LongName  = strings.Repeat("Wilhelmina ", 4)[:inquiry.MaxNameRunes]
	EmojiName = "👩🏽‍🌾 Ffion 🌾🇬🇧"
	RTLName   = "مريم الحسيني"
	LongText  = longContribution()
)

func longContribution() string {
	var b strings.Builder
	for i := 0; b.Len() < 1990; i++ {
		fmt.Fprintf(&b, "Sentence %d of a very long story about the lunch club and the health centre. ", i)
	}
	return strings.TrimSpace(b.String()[:1990]) + " The end."
}

// ExtremeRoom is a room of 60 people and 500 contributions (NewMemRoom),
// all shown, and three more people with the extreme names, each with a
// story of about 2,000 characters at the guide's first prompt (the first
// LongText itself, the others "RTLName — " and most of it). The second
// also has a long barrier at the first prompt that asks for one
// (PromptFor, "c-x-barrier"), which the first reframes ("c-x-reframe");
// 57 of the room agree (+1) with the newest story and with the reframe.
// LongText is there once more as an opportunity ("c-long-opportunity"), a
// dot vote is open on opportunities, and Facilitator has written a story
// for a table with a long name ("p-table", first of all).
func ExtremeRoom(t testing.TB, pacing inquiry.Pacing) *MemRoom {
	t.Helper()
	room := NewMemRoom(t, 60, 500, pacing)
	first := room.Workshop().Guide.Ref(0, 0)
	room.Add(t, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: Facilitator,
		Participant: &inquiry.ParticipantDetails{ID: "p-table", Name: inquiry.Words{Text: "Table 3, by the window, " + LongName[:15]},
			ConsentAt: time.Now(), Scribed: true}})
	room.Add(t, inquiry.Event{Type: inquiry.ContributionAdded, Actor: Facilitator,
		Contribution: &inquiry.ContributionDetails{ID: "c-table", Participant: "p-table", Prompt: first,
			Kind: inquiry.Story, Text: inquiry.Words{Text: "Written for the table: " + LongText[:600]}}})
	for i, name := range []string{LongName, EmojiName, RTLName} {
		id := fmt.Sprintf("p-x%d", i)
		room.Add(t, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
			Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: name},
				Organisation: inquiry.OrganisationTypes[0], ConsentAt: time.Now()}})
		text := LongText
		if i > 0 {
			text = strings.TrimSpace(RTLName + " — " + LongText[:1900])
		}
		room.Add(t, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
			Contribution: &inquiry.ContributionDetails{ID: fmt.Sprintf("c-x%d", i), Participant: id, Prompt: first,
				Kind: inquiry.Story, Text: inquiry.Words{Text: text}}})
		if i == 1 {
			room.Add(t, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
				Contribution: &inquiry.ContributionDetails{ID: "c-x-barrier", Participant: id, Prompt: PromptFor(t, inquiry.Barrier),
					Kind: inquiry.Barrier, Text: inquiry.Words{Text: "In the way: " + LongText[:1500]}}})
			room.Add(t, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-x0"},
				Contribution: &inquiry.ContributionDetails{ID: "c-x-reframe", Participant: "p-x0", Prompt: PromptFor(t, inquiry.Barrier),
					Kind: inquiry.Reframe, Answers: "c-x-barrier", Text: inquiry.Words{Text: "It would need " + LongText[:1500]}}})
		}
	}
	for p := range 57 {
		for _, c := range []string{"c-x2", "c-x-reframe"} {
			room.Add(t, inquiry.Event{Type: inquiry.ContributionAgreed, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: ParticipantID(p)},
				Target: c, Agreement: &inquiry.Agreement{Participant: ParticipantID(p)}})
		}
	}
	room.Add(t, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-x0"},
		Contribution: &inquiry.ContributionDetails{ID: "c-long-opportunity", Participant: "p-x0", Prompt: PromptFor(t, inquiry.Opportunity),
			Kind: inquiry.Opportunity, Text: inquiry.Words{Text: LongText}}})
	room.Record(t, inquiry.Event{Type: inquiry.VoteOpened,
		Vote: &inquiry.Vote{ID: "v1", Title: "Which of these should the partnership start with first of all", Kinds: []inquiry.Kind{inquiry.Opportunity}, Dots: 3}})
	return room
}
