package participant

import (
	"slices"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// toBarrierWithReframe moves a screen to the first prompt that asks for
// barriers and a reframe, with barrier chosen as the kind, and returns
// the prompt.
func toBarrierWithReframe(t *testing.T, tt *tuitest.Term) (inquiry.PromptRef, inquiry.Prompt) {
	t.Helper()
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	for i, place := range guide.Places() {
		pr := guide.Phases[place.PhaseIndex].Prompts[place.InPhase-1]
		if pr.Reframe == "" || !slices.Contains(pr.KindChoices(), inquiry.Barrier) {
			continue
		}
		for range i {
			tt.Key("pgdown")
		}
		tt.See(place.String())
		tt.Key("tab") // to the kind
		for range slices.Index(pr.KindChoices(), inquiry.Barrier) {
			tt.Key("right")
		}
		tt.Key("shift+tab") // back to the words
		tt.See("[Barrier]")
		return place.Ref, pr
	}
	t.Fatal("the default guide has no prompt asking for barriers with a reframe")
	return "", inquiry.Prompt{}
}

// TestParticipantReframeIsSavedAsAReframeOfItsBarrier: the answer to "what
// would need to be true?" after a barrier is a reframe linked to that
// barrier, never a second barrier; an edit keeps it one; it is shown under
// its barrier in the person's own list and in others'.
func TestParticipantReframeIsSavedAsAReframeOfItsBarrier(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Gil")
	ref, prompt := toBarrierWithReframe(t, tt)
	tt.See(prompt.Reframe[:20])
	tt.Type("Funding comes in one-year cycles")
	tt.Key("enter")
	tt.See("Saved ✓ Barrier", "Reframe of your barrier “Funding comes in one-year")
	tt.Type("Funders agree three-year grants with the council")
	tt.Key("enter")
	tt.See("Saved ✓ Reframe")

	ws := tuitest.Folded(t, store, sum.ID)
	if len(ws.Contributions) != 2 {
		t.Fatalf("contributions = %d, want the barrier and its reframe", len(ws.Contributions))
	}
	barrier, reframe := ws.Contributions[0], ws.Contributions[1]
	if reframe.Kind != inquiry.Reframe || reframe.Answers != barrier.ID || reframe.Prompt != ref {
		t.Fatalf("the answer was saved as %s answering %q at %s; want a reframe of %s at %s",
			reframe.Kind, reframe.Answers, reframe.Prompt, barrier.ID, ref)
	}
	if n := len(ws.LiveReframes(barrier.ID)); n != 1 {
		t.Fatalf("the barrier has %d reframes, want 1", n)
	}

	// After a reframe the editor writes a contribution of its own again.
	tt.Type("Another barrier")
	tt.Key("enter")
	tt.See("Saved ✓ Barrier: “Another barrier”")
	tt.Key("esc")
	tt.See("Not a reframe")

	tt.Key("ctrl+o")
	tt.See("Barrier — Design", "↳ Reframe of the barrier above", "Funders agree three-year grants")
	tt.Key("down") // the reframe, under its barrier
	tt.Key("enter")
	tt.See("Editing", "Reframe of your barrier")
	tt.Key("end")
	tt.Type(" and the health board")
	tt.Key("enter")
	tt.See("Changes saved ✓ Reframe")
	ws = tuitest.Folded(t, store, sum.ID)
	if c, _ := ws.Contribution(reframe.ID); c.Kind != inquiry.Reframe || c.Answers != barrier.ID ||
		c.Text != "Funders agree three-year grants with the council and the health board" {
		t.Fatalf("after the edit: %+v, want the same reframe of the same barrier with the new words", c)
	}

	// Someone else sees the reframe under its barrier.
	other := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	other.FillJoinForm("Hew")
	toBarrierWithReframe(t, other)
	other.Key("ctrl+r")
	other.See("Gil · Barrier", "↳ Gil · Reframe", "Funders agree three-year grants")
	text := other.Screen.Text()
	if b, r := strings.Index(text, "Funding comes in one-year"), strings.Index(text, "↳ Gil · Reframe"); b < 0 || r < b {
		t.Fatalf("the reframe is not under its barrier:\n%s", text)
	}
}
