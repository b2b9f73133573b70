package tui

import (
	"context"
	"slices"
	"testing"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

// curationRoom is a room with two contributions and the facilitator's
// screen showing the details of the newer one.
func curationRoom(t *testing.T) (store *data.Store, ws string, fac *term, older, newer string) {
	t.Helper()
	store, sum := newRoom(t)
	g, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	bo := joinDirectly(t, store, sum.ID, "Bo")
	older = addContribution(t, store, sum.ID, bo, designPrompt(t, g), inquiry.Opportunity, "Shared transport for hospital visits", "health-social-care")
	newer = addContribution(t, store, sum.ID, bo, designPrompt(t, g), inquiry.Opportunity, "A shared minibus to the hospital", "health-social-care")
	fac = run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("A shared minibus")
	fac.key("enter")
	fac.see("▸ Opportunity by Bo", "(suggested: a accepts)")
	return store, sum.ID, fac, older, newer
}

// curated waits for the facilitator's curation event of a type on a
// contribution and returns it.
func curated(t *testing.T, store *data.Store, ws string, typ inquiry.EventType, target string) inquiry.Event {
	t.Helper()
	eventually(t, string(typ)+" on "+target, func() bool {
		events := store.Events(ws, 0)
		return events[len(events)-1].Type == typ
	})
	e := lastEvent(t, store, ws, typ)
	if e.Target != target || e.Actor != (inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:test"}) {
		t.Fatalf("%s on %s by %v, want on %s by this facilitator", typ, e.Target, e.Actor, target)
	}
	return e
}

func TestFacilitatorAcceptsTheSuggestedThemes(t *testing.T) {
	store, ws, fac, _, newer := curationRoom(t)
	fac.key("a")
	e := curated(t, store, ws, inquiry.ThemesChanged, newer)
	if !slices.Equal(e.Curation.Themes, []string{"health-social-care"}) {
		t.Fatalf("accepted themes %v, want the suggested ones", e.Curation.Themes)
	}
	fac.see("Themes: Health and social care", "(accepted)")
}

func TestFacilitatorChangesThemesAndAddsOneToTheWorkshop(t *testing.T) {
	store, ws, fac, _, newer := curationRoom(t)
	fac.key("t")
	fac.see("Themes for “A shared minibus", "[✓] Health and social care")
	fac.key("n")
	fac.typeText("Rural transport")
	fac.key("tab")
	fac.typeText("bus, minibus")
	fac.see("Its ID will be rural-transport")
	fac.key("enter")
	added := lastEventEventually(t, store, ws, inquiry.ThemeAdded)
	if added.Theme.ID != "rural-transport" || added.Theme.Label != "Rural transport" || !slices.Equal(added.Theme.Keywords, []string{"bus", "minibus"}) {
		t.Fatalf("added theme %+v", *added.Theme)
	}
	fac.see("[✓] Rural transport")

	fac.key("enter")
	e := curated(t, store, ws, inquiry.ThemesChanged, newer)
	if !slices.Equal(e.Curation.Themes, []string{"health-social-care", "rural-transport"}) {
		t.Fatalf("themes %v, want health and the new one", e.Curation.Themes)
	}
	fac.see("Themes: Health and social care, Rural", "transport (accepted)")
}

func TestFacilitatorHighlightsAndStopsHighlighting(t *testing.T) {
	store, ws, fac, _, newer := curationRoom(t)
	fac.key("*")
	if e := curated(t, store, ws, inquiry.ContributionHighlighted, newer); !e.Curation.Highlight {
		t.Fatal("the first * did not highlight")
	}
	fac.see("▸ Opportunity by Bo ★", "✓ Highlighted ★")
	fac.key("*")
	eventually(t, "the highlight to be taken off", func() bool {
		c, _ := workshop(t, store, ws).Contribution(newer)
		return !c.Highlighted
	})
	fac.see("No longer highlighted")
}

func TestFacilitatorHidesAContributionWithAReasonAndShowsItAgain(t *testing.T) {
	store, ws, fac, _, newer := curationRoom(t)
	fac.key("h")
	fac.see("Why hide it?")
	fac.typeText("names a member of staff")
	fac.key("enter")
	e := curated(t, store, ws, inquiry.ContributionHidden, newer)
	if e.Curation.Reason != "names a member of staff" {
		t.Fatalf("hidden for %q", e.Curation.Reason)
	}
	fac.see("(hidden: names a member of staff)", "Hidden: names a member of staff")

	fac.key("h")
	curated(t, store, ws, inquiry.ContributionUnhidden, newer)
	fac.see("Shown again")
}

func TestFacilitatorMergesADuplicateAfterAsking(t *testing.T) {
	store, ws, fac, older, newer := curationRoom(t)
	fac.key("m")
	fac.see("Merge into which one?")
	fac.key("down") // the older one
	fac.key("enter")
	fac.see("Merge “A shared minibus to the hospi…” into “Shared transport for hospital…”?")
	fac.key("n")
	fac.see("Nothing was changed.")
	if hasEvent(store, ws, inquiry.ContributionMerged) {
		t.Fatal("declining the question merged anyway")
	}

	fac.key("enter") // details of the older one, picked out in the merge
	fac.key("up")
	fac.see("▸ Opportunity by Bo", "A shared minibus")
	fac.key("m")
	fac.key("down")
	fac.key("enter")
	fac.see("cannot be undone")
	fac.key("y")
	if e := curated(t, store, ws, inquiry.ContributionMerged, newer); e.Curation.Into != older {
		t.Fatalf("merged into %s, want %s", e.Curation.Into, older)
	}
	fac.see("(merged) “A shared minibus to the hospital”")
}

func TestFeedAndDetailsShowWhatAContributionBuildsOn(t *testing.T) {
	store, sum := newRoom(t)
	g, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	ann := joinDirectly(t, store, sum.ID, "Ann")
	bo := joinDirectly(t, store, sum.ID, "Bo")
	first := addContribution(t, store, sum.ID, ann, designPrompt(t, g), inquiry.Opportunity, "Open the school gym at weekends")
	_, err := store.Append(context.Background(), sum.ID, inquiry.Event{
		Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: bo},
		Contribution: &inquiry.ContributionDetails{ID: "plus-one", Participant: bo, Prompt: designPrompt(t, g), Kind: inquiry.Opportunity,
			Text: inquiry.Words{Text: "+1, and run a youth club there"}, BuildsOn: first},
	})
	if err != nil {
		t.Fatalf("build on: %v", err)
	}
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("Bo · Opportunity ↳ builds on")
	fac.key("enter")
	fac.see("Builds on “Open the school gym at", "weekends” by Ann")
}

// lastEventEventually waits for an event of a type and returns the last.
func lastEventEventually(t *testing.T, store *data.Store, ws string, typ inquiry.EventType) inquiry.Event {
	t.Helper()
	eventually(t, "a "+string(typ)+" event", func() bool { return hasEvent(store, ws, typ) })
	return lastEvent(t, store, ws, typ)
}
