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
// all shown,
// and three more people with the extreme names, each with a story of
// about 2,000 characters at the guide's first prompt (the first LongText
// itself, the others "RTLName — " and most of it), LongText once more as
// an opportunity ("c-long-opportunity"), and a dot vote open on
// opportunities.
func ExtremeRoom(t testing.TB, pacing inquiry.Pacing) *MemRoom {
	t.Helper()
	room := NewMemRoom(t, 60, 500, pacing)
	first := room.Workshop().Guide.Ref(0, 0)
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
	}
	room.Add(t, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-x0"},
		Contribution: &inquiry.ContributionDetails{ID: "c-long-opportunity", Participant: "p-x0", Prompt: PromptFor(t, inquiry.Opportunity),
			Kind: inquiry.Opportunity, Text: inquiry.Words{Text: LongText}}})
	room.Record(t, inquiry.Event{Type: inquiry.VoteOpened,
		Vote: &inquiry.Vote{ID: "v1", Title: "Which of these should the partnership start with first of all", Kinds: []inquiry.Kind{inquiry.Opportunity}, Dots: 3}})
	return room
}
