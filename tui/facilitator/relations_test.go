package facilitator

import (
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestDetailsShowAgreementWhatWasBuiltOnItAndItsReframes: the details of
// a barrier count who agrees with it and say what was built on it and how
// it was reframed; a reframe says which barrier it answers.
func TestDetailsShowAgreementWhatWasBuiltOnItAndItsReframes(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	bo := tuitest.Join(t, store, sum.ID, "Bo")
	cy := tuitest.Join(t, store, sum.ID, "Cy")
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	barrier := addContribution(t, store, sum.ID, ann, design, inquiry.Barrier, "Funding comes a year at a time")
	for _, who := range []string{bo, cy} {
		tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAgreed, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: who},
			Target: barrier, Agreement: &inquiry.Agreement{Participant: who}})
	}
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: bo},
		Contribution: &inquiry.ContributionDetails{ID: "built", Participant: bo, Prompt: design, Kind: inquiry.Barrier,
			Text: inquiry.Words{Text: "And the reporting takes weeks"}, BuildsOn: barrier}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: cy},
		Contribution: &inquiry.ContributionDetails{ID: "reframe", Participant: cy, Prompt: design, Kind: inquiry.Reframe,
			Text: inquiry.Words{Text: "Three-year grants agreed with the council"}, Answers: barrier}})

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 160, 40)
	fac.See("Cy · Reframe ↳ reframes a barrier")
	fac.Key("enter")
	fac.See("▸ Reframe by Cy", "Reframes the barrier “Funding comes a year at a time” by Ann")
	fac.Key("end") // the oldest: Ann's barrier
	fac.See("▸ Barrier by Ann", "Agreed by 2 people: Bo, Cy",
		"Built on by 1 contribution: “And the reporting takes weeks” (Bo)",
		"Reframed in 1 answer: “Three-year grants agreed with…” (Cy)")

	// The tally and the counts know the reframe too, and the feed can be
	// narrowed to reframes alone.
	fac.Key("esc")
	fac.See("Tally by theme", "░░ 2 (1 reframed)", "2 barriers, 1 reframe")
	for range inquiry.AllKinds {
		fac.Key("k")
	}
	fac.See("Showing Reframes · 1 match", "Three-year grants")
	if fac.Shows("“Funding comes a year at a time”") {
		t.Fatalf("the reframes filter shows a barrier:\n%s", fac.Screen.Text())
	}
}

// TestFacilitatorUndoesAMerge: u on a merged contribution shows it on its
// own again, as an event of its own; the question before merging no
// longer says a merge cannot be undone.
func TestFacilitatorUndoesAMerge(t *testing.T) {
	store, ws, fac, older, newer := curationRoom(t)
	tuitest.Record(t, store, ws, inquiry.Event{Type: inquiry.ContributionMerged, Target: newer, Curation: &inquiry.Curation{Into: older}})
	fac.See("Merged into “Shared transport for", "hospital visits”: only that one is shown", "(u undoes the merge)", "u undo merge")
	fac.Key("m")
	fac.See("It is already merged into another: u undoes that merge first.")
	fac.Key("u")
	e := curated(t, store, ws, inquiry.ContributionUnmerged, newer)
	if e.Curation.Into != older {
		t.Fatalf("undid a merge into %s, want %s", e.Curation.Into, older)
	}
	fac.See("✓ Shown on its own again", "Once merged into “Shared transport for", "the merge was undone", "m merge")
	if fac.Shows("(merged)") {
		t.Fatalf("the feed still marks it merged:\n%s", fac.Screen.Text())
	}
}
