package facilitator

import (
	"context"
	"slices"
	"testing"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// curationRoom is a room with two contributions and the facilitator's
// screen showing the details of the newer one.
func curationRoom(t *testing.T) (store *data.Store, ws string, fac *tuitest.Term, older, newer string) {
	t.Helper()
	store, sum := datatest.Workshop(t)
	bo := tuitest.Join(t, store, sum.ID, "Bo")
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	older = addContribution(t, store, sum.ID, bo, design, inquiry.Opportunity, "Shared transport for hospital visits", "health-social-care")
	newer = addContribution(t, store, sum.ID, bo, design, inquiry.Opportunity, "A shared minibus to the hospital", "health-social-care")
	fac = tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("A shared minibus")
	fac.Key("enter")
	fac.See("▸ Opportunity by Bo", "Themes: Health and social care, not yet")
	return store, sum.ID, fac, older, newer
}

// curated waits for the facilitator's curation event of a type on a
// contribution and returns it.
func curated(t *testing.T, store *data.Store, ws string, typ inquiry.EventType, target string) inquiry.Event {
	t.Helper()
	tuitest.Eventually(t, string(typ)+" on "+target, func() bool {
		events := store.Events(ws, 0)
		return events[len(events)-1].Type == typ
	})
	e := tuitest.LastEvent(t, store, ws, typ)
	if e.Target != target || e.Actor != (inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:test"}) {
		t.Fatalf("%s on %s by %v, want on %s by this facilitator", typ, e.Target, e.Actor, target)
	}
	return e
}

func TestFacilitatorAcceptsTheSuggestedThemes(t *testing.T) {
	store, ws, fac, _, newer := curationRoom(t)
	fac.Key("a")
	e := curated(t, store, ws, inquiry.ThemesChanged, newer)
	if !slices.Equal(e.Curation.Themes, []string{"health-social-care"}) {
		t.Fatalf("accepted themes %v, want the suggested ones", e.Curation.Themes)
	}
	fac.See("Themes: Health and social care,", "confirmed by a facilitator", "✓ Confirmed the themes")
}

func TestFacilitatorChangesThemesAndAddsOneToTheWorkshop(t *testing.T) {
	store, ws, fac, _, newer := curationRoom(t)
	fac.Key("t")
	fac.See("Themes for “A shared minibus", "[✓] Health and social care")
	fac.Key("n")
	fac.Type("Rural transport")
	fac.Key("tab")
	fac.Type("bus, minibus")
	fac.See("Its ID will be rural-transport")
	fac.Key("enter")
	added := tuitest.LastEventEventually(t, store, ws, inquiry.ThemeAdded)
	if added.Theme.ID != "rural-transport" || added.Theme.Label != "Rural transport" || !slices.Equal(added.Theme.Keywords, []string{"bus", "minibus"}) {
		t.Fatalf("added theme %+v", *added.Theme)
	}
	fac.See("[✓] Rural transport")

	fac.Key("enter")
	e := curated(t, store, ws, inquiry.ThemesChanged, newer)
	if !slices.Equal(e.Curation.Themes, []string{"health-social-care", "rural-transport"}) {
		t.Fatalf("themes %v, want health and the new one", e.Curation.Themes)
	}
	fac.See("Themes: Health and social care; Rural", "transport, confirmed by a facilitator")
}

func TestFacilitatorHighlightsAndStopsHighlighting(t *testing.T) {
	store, ws, fac, _, newer := curationRoom(t)
	fac.Key("*")
	if e := curated(t, store, ws, inquiry.ContributionHighlighted, newer); !e.Curation.Highlight {
		t.Fatal("the first * did not highlight")
	}
	fac.See("▸ Opportunity by Bo ★", "✓ Highlighted ★")
	fac.Key("*")
	tuitest.Eventually(t, "the highlight to be taken off", func() bool {
		c, _ := tuitest.Folded(t, store, ws).Contribution(newer)
		return !c.Highlighted
	})
	fac.See("No longer highlighted")
}

func TestFacilitatorHidesAContributionWithAReasonAndShowsItAgain(t *testing.T) {
	store, ws, fac, _, newer := curationRoom(t)
	fac.Key("h")
	fac.See("Why hide it?")
	fac.Type("names a member of staff")
	fac.Key("enter")
	e := curated(t, store, ws, inquiry.ContributionHidden, newer)
	if e.Curation.Reason != "names a member of staff" {
		t.Fatalf("hidden for %q", e.Curation.Reason)
	}
	fac.See("(hidden: names a member of staff)", "Hidden: names a member of staff")

	fac.Key("h")
	curated(t, store, ws, inquiry.ContributionUnhidden, newer)
	fac.See("Shown again")
}

func TestFacilitatorMergesADuplicateAfterAsking(t *testing.T) {
	store, ws, fac, older, newer := curationRoom(t)
	fac.Key("m")
	fac.See("Merge into which one?")
	fac.Key("down") // the older one
	fac.Key("enter")
	fac.See("Merge “A shared minibus to the hospi…” into “Shared transport for hospital…”?")
	fac.Key("n")
	fac.See("Nothing was changed.")
	if tuitest.HasEvent(store, ws, inquiry.ContributionMerged) {
		t.Fatal("declining the question merged anyway")
	}

	fac.Key("enter") // details of the older one, picked out in the merge
	fac.Key("up")
	fac.See("▸ Opportunity by Bo", "A shared minibus")
	fac.Key("m")
	fac.Key("down")
	fac.Key("enter")
	fac.See("only the second is shown (u on the first undoes it)")
	fac.Key("y")
	if e := curated(t, store, ws, inquiry.ContributionMerged, newer); e.Curation.Into != older {
		t.Fatalf("merged into %s, want %s", e.Curation.Into, older)
	}
	fac.See("(merged) “A shared minibus to the hospital”")
}

func TestFeedAndDetailsShowWhatAContributionBuildsOn(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	bo := tuitest.Join(t, store, sum.ID, "Bo")
	first := addContribution(t, store, sum.ID, ann, tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier), inquiry.Opportunity, "Open the school gym at weekends")
	_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
		Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: bo},
		Contribution: &inquiry.ContributionDetails{ID: "plus-one", Participant: bo, Prompt: tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier), Kind: inquiry.Opportunity,
			Text: inquiry.Words{Text: "+1, and run a youth club there"}, BuildsOn: first},
	})
	if err != nil {
		t.Fatalf("build on: %v", err)
	}
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Bo · Opportunity ↳ builds on")
	fac.Key("enter")
	fac.See("Builds on “Open the school gym at", "weekends” by Ann")
}
