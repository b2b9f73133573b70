package facilitator

import (
	"fmt"
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestTallySwitchesToSectorsWithTheSmallGroupRule: g shows the tally by
// sector; a sector of fewer than five people is counted with the others,
// and so is the smallest sector shown when the others are still fewer
// than five, and the pane says which; with fewer than five people in all
// there is no split, and the pane says why.
func TestTallySwitchesToSectorsWithTheSmallGroupRule(t *testing.T) {
	store, sum := datatest.Workshop(t)
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	n := 0
	join := func(org string, people int) {
		for range people {
			id := fmt.Sprintf("p-%02d", n)
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
				Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: fmt.Sprintf("Person %02d", n)}, ConsentAt: stampTime(), Organisation: org}})
			kind := inquiry.Opportunity
			if org == "Local authority" {
				kind = inquiry.Barrier
			}
			tuitest.Contribute(t, store, sum.ID, id, fmt.Sprintf("c-%02d", n), design, kind, "The housing list", "housing")
			n++
		}
	}
	join("Community anchor organisation", 3)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 120, 40)
	fac.See("Tally by theme", "g by sector")
	fac.Key("g")
	fac.See("Tally by sector", "No split by sector yet: fewer than 5 people")

	join("Community anchor organisation", 3) // 6 in all
	join("Local authority", 5)
	join("NHS / health and social care", 2)
	fac.See("People counted: Community anchors and groups 6,", "Others 7.",
		"Counted with Others, as fewer than 5 people (or", "Councils,", "Health and social care.",
		"  Housing", "Community       ███████████ 6   0", "Others          ███ 2          ░░░░░░░░░ 5")
	if fac.Shows("Councils 5") {
		t.Fatalf("the councils' five are shown alone though the others would then be two:\n%s", fac.Screen.Text())
	}
	fac.Key("g")
	fac.See("Tally by theme")
}
