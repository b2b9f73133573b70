package facilitator

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestFacilitatorRoomStaysUsableWithSixtyPeopleAndFiveHundredContributions(t *testing.T) {
	store, sum := datatest.Workshop(t)
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	people := make([]string, 60)
	for i := range people {
		people[i] = tuitest.Join(t, store, sum.ID, fmt.Sprintf("Person %02d", i+1))
	}
	addContribution(t, store, sum.ID, people[0], design, inquiry.Opportunity, "The very first thought of the morning")
	// The other 499 arrive as a busy room sends them: many at once.
	var wg sync.WaitGroup
	for i, who := range people {
		wg.Go(func() {
			for n := i; n < 499; n += len(people) {
				kind := []inquiry.Kind{inquiry.Opportunity, inquiry.Barrier}[n%2]
				_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
					Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: who},
					Contribution: &inquiry.ContributionDetails{ID: fmt.Sprintf("bulk-%03d", n), Participant: who, Prompt: design,
						Kind: kind, Text: inquiry.Words{Text: fmt.Sprintf("%s number %03d", kind.Label(), n)}},
				})
				if err != nil {
					t.Errorf("append %d: %v", n, err)
				}
			}
		})
	}
	wg.Wait()

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 80, 24)
	fac.See("60 participants · 0 here · 500 contributions", "251", "249")

	fac.Key("end")
	fac.See("The very first thought of the morning")
	fac.Key("home")
	fac.Key("k") // opportunities only
	fac.See("Showing Opportunities")
	fac.Key("end")
	fac.See("The very first thought of the morning")
	fac.Key("/")
	fac.Type("number 042")
	fac.Key("enter")
	fac.See("Showing Opportunities · “number 042”", "Opportunity number 042")

	fac.Key("x")
	fac.Key("tab")
	fac.Key("tab")
	fac.See("▸ People", "60 joined")
	fac.Key("end")
	fac.See("Person 60")
	fac.Key("home")
	fac.See("Person 01")
}

// TestRoomKeepsItsFeedAndProgressInStepWithTheLog checks that the feed
// and the index kept between bells, changed only where events touched
// them, come out as a fresh look at the whole workshop would.
func TestRoomKeepsItsFeedAndProgressInStepWithTheLog(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	open := tuitest.PromptAt(t, 2, 2) // takes opportunities and barriers
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: open}})
	m := New(tuitest.FacilitatorSession(t, store, sum.Code)).(*Screen)
	m.filter.kind = slices.Index(inquiry.Kinds, inquiry.Barrier)
	m.inRoom(func() { m.setFilter(m.filter) })

	ann := tuitest.Join(t, store, sum.ID, "Ann")
	bo := tuitest.Join(t, store, sum.ID, "Bo")
	cy := tuitest.Join(t, store, sum.ID, "Cy")
	a1 := addContribution(t, store, sum.ID, ann, open, inquiry.Barrier, "No room to meet")
	a2 := addContribution(t, store, sum.ID, ann, open, inquiry.Opportunity, "The church hall")
	b1 := addContribution(t, store, sum.ID, bo, open, inquiry.Barrier, "No room to meet, again")
	c1 := addContribution(t, store, sum.ID, cy, open, inquiry.Barrier, "Buses stop at six")
	m.inRoom(m.catchUp)
	check := func(when string) {
		t.Helper()
		var fresh feedList
		var again *roomIndex
		m.inRoom(func() {
			fresh.rebuild(m.ws, m.filter)
			again = newRoomIndex(m.ws)
		})
		if !slices.Equal(m.feed.items, fresh.items) {
			t.Fatalf("%s: the kept feed has %d items, a fresh one %d", when, m.feed.len(), fresh.len())
		}
		got, of := m.index.progress(open)
		want, wantOf := again.progress(open)
		if got != want || of != wantOf {
			t.Fatalf("%s: kept progress %d of %d, fresh %d of %d", when, got, of, want, wantOf)
		}
	}
	check("after the contributions")

	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionMerged, Target: b1, Curation: &inquiry.Curation{Into: a1}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionHidden, Target: a2, Curation: &inquiry.Curation{Reason: "off topic"}})
	_, err := store.Append(context.Background(), sum.ID, inquiry.Event{Type: inquiry.ContributionEdited, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: ann},
		Contribution: &inquiry.ContributionDetails{ID: a2, Participant: ann, Prompt: open, Kind: inquiry.Barrier, Text: inquiry.Words{Text: "The church hall is closed"}}})
	if err != nil {
		t.Fatalf("edit: %v", err)
	}
	_, err = store.Append(context.Background(), sum.ID, inquiry.Event{Type: inquiry.ContributionDeleted, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: cy}, Target: c1})
	if err != nil {
		t.Fatalf("delete: %v", err)
	}
	m.inRoom(m.catchUp)
	check("after curation, an edit and a deletion")
	if got, of := m.index.progress(open); got != 2 || of != 3 {
		t.Fatalf("progress %d of %d, want 2 of 3 (Cy deleted theirs)", got, of)
	}

	// Dan joins twice; a facilitator finds the two are one person and
	// merges them, undoes the merge of Bo's barrier, and removes Cy.
	dan := tuitest.Join(t, store, sum.ID, "Dan")
	again := tuitest.Join(t, store, sum.ID, "Dan again")
	addContribution(t, store, sum.ID, again, open, inquiry.Barrier, "The bus pass form is online only")
	m.inRoom(m.catchUp)
	check("after Dan joined twice")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantsMerged, Merge: &inquiry.PeopleMerge{From: again, Into: dan}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionUnmerged, Target: b1, Curation: &inquiry.Curation{Into: a1}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantBlocked, Target: cy})
	m.inRoom(m.catchUp)
	check("after a merge of two people, an undone merge and a removal")
	if got, of := m.index.progress(open); got != 3 || of != 3 {
		t.Fatalf("progress %d of %d, want 3 of 3 (Ann, Bo and Dan; Cy removed, Dan once)", got, of)
	}

	_, err = store.Append(context.Background(), sum.ID, inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: bo}, Target: bo})
	if err != nil {
		t.Fatalf("withdraw: %v", err)
	}
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantErased, Target: ann})
	m.inRoom(m.catchUp)
	check("after a withdrawal and an erasure")
	if got, of := m.index.progress(open); got != 1 || of != 1 {
		t.Fatalf("progress %d of %d, want 1 of 1 (Dan)", got, of)
	}
}
