package facilitator

import (
	"context"
	"slices"
	"testing"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// scribeTable adds "Table 3" at the scribe desk, from the list of whom to
// write for.
func scribeTable(t *testing.T, tt *tuitest.Term, name string) {
	t.Helper()
	tt.See("Write for a table or a person without a laptop", "+ Someone new")
	tt.Key("enter")
	tt.See("Someone new, without a laptop")
	tt.Type(name)
	tt.Key("tab")
	tt.Key("space")
	tt.Key("enter")
	tt.See("Writing for " + name + " (scribed)")
}

// scribedJoin is the join of a scribed participant, waited for.
func scribedJoin(t *testing.T, store *data.Store, ws string) *inquiry.ParticipantDetails {
	t.Helper()
	e := tuitest.LastEventEventually(t, store, ws, inquiry.ParticipantJoined)
	if !e.Participant.Scribed || e.Participant.ConsentAt.IsZero() {
		t.Fatalf("joined %+v, want a scribed participant with consent confirmed", *e.Participant)
	}
	return e.Participant
}

func TestFacilitatorScribesForATableWithoutALaptop(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 2, 0)}})
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 80, 24)
	fac.See("Now open: Design 1")
	fac.Key("c")
	scribeTable(t, fac, "Table 3")
	table := scribedJoin(t, store, sum.ID)
	if e := tuitest.LastEvent(t, store, sum.ID, inquiry.ParticipantJoined); e.Actor.Role != inquiry.RoleFacilitator || table.Name.Text != "Table 3" {
		t.Fatalf("%s joined by %v", table.Name.Text, e.Actor)
	}
	fac.See("Design 1 · 6 of 11 (open for everyone)")

	fac.Type("A youth worker shared between the school and the hall")
	fac.Key("enter")
	fac.See("Saved ✓ for Table 3: Opportunity “A youth worker")
	added := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ContributionAdded)
	if added.Contribution.Participant != table.ID || added.Contribution.Prompt != tuitest.PromptAt(t, 2, 0) || added.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("added %+v by %v", *added.Contribution, added.Actor)
	}
	c, _ := tuitest.Folded(t, store, sum.ID).Contribution(added.Contribution.ID)
	if c.ScribedBy != "SHA256:test" {
		t.Fatalf("the contribution is marked as scribed by %q", c.ScribedBy)
	}

	fac.Key("esc") // back to whom to write for
	fac.See("Table 3 · 1 entry by you · joined")
	fac.Key("esc") // back to the room
	fac.See("Table 3 · Opportunity scribed", "A youth worker shared")
}

func TestScribingAnActionRecordsItsOwnerAndDueDate(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Live contributions")
	fac.Key("c")
	scribeTable(t, fac, "Mrs Ahmed")
	for range 8 {
		fac.Key("pgdown") // to the Deliver phase, which asks for actions
	}
	fac.See("Deliver 1", "[Action]", "Who", "By when")
	fac.Type("Ask the council for the keys to the hall")
	for range 5 {
		fac.Key("tab") // past prompt, kind, themes and partner to the owner
	}
	fac.Type("Ayr Community Trust")
	fac.Key("tab")
	fac.Type("2026-03-01")
	fac.Key("enter")
	fac.See("Saved ✓ for Mrs Ahmed: Action")
	d := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ContributionAdded).Contribution
	if d.Kind != inquiry.Action || d.Owner.Text != "Ayr Community Trust" || d.Due != "2026-03-01" {
		t.Fatalf("added %s owned by %q due %q", d.Kind, d.Owner.Text, d.Due)
	}
	fac.Key("esc")
	fac.Key("esc")
	fac.Key("enter")
	fac.See("Owner: Ayr Community Trust", "Due: 2026-03-01", "Entered by you for Mrs Ahmed")
}

func TestScribeDeskWaitsForConsent(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 80, 24)
	fac.Key("c")
	fac.See("+ Someone new")
	fac.Key("enter")
	fac.Type("Table 5")
	fac.Key("enter")
	fac.See("Ask them first")
	if tuitest.HasEvent(store, sum.ID, inquiry.ParticipantJoined) {
		t.Fatal("someone joined without their consent confirmed")
	}
}

func TestScribeScreenWritesForAScribedParticipant(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s := tui.Session{ID: "scribe-1", Context: ctx, Room: store, Code: sum.Code, Width: 80, Height: 24,
		Actor: inquiry.Actor{Role: inquiry.RoleScribe, ID: "SHA256:scribe"}}
	sc := tuitest.Run(t, NewScribe(s), 80, 24)
	sc.See("Anchors and services", sum.Code+" · scribe")
	scribeTable(t, sc, "Flipchart B")
	table := scribedJoin(t, store, sum.ID)
	sc.Type("The library van could carry prescriptions")
	sc.Key("enter")
	sc.See("Saved ✓ for Flipchart B")
	added := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ContributionAdded)
	if added.Actor != s.Actor || added.Contribution.Participant != table.ID {
		t.Fatalf("added for %s by %v, want for %s by the scribe", added.Contribution.Participant, added.Actor, table.ID)
	}
	for _, curation := range []string{"Tally by theme", "next prompt", "Live contributions"} {
		if sc.Screen.Contains(curation) {
			t.Fatalf("the scribe's screen shows %q:\n%s", curation, sc.Screen.Text())
		}
	}
}

func TestScribeScreenSaysWhenTheCodeNamesNoWorkshop(t *testing.T) {
	store, _ := datatest.Workshop(t)
	s := tui.Session{ID: "scribe-2", Context: context.Background(), Room: store, Code: "nowhere-0000", Width: 80, Height: 24,
		Actor: inquiry.Actor{Role: inquiry.RoleScribe, ID: "SHA256:scribe"}}
	sc := tuitest.Run(t, NewScribe(s), 80, 24)
	sc.Wait()
	sc.See(`No workshop has the code "nowhere-0000"`)
}

func TestScribeTicksAThemeWithX(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.Key("c")
	scribeTable(t, fac, "Table 6")
	fac.Key("tab") // the prompt
	fac.Key("tab") // the kind
	fac.Key("tab") // the themes
	fac.See("▸Themes")
	fac.Key("x")
	fac.See("✓" + inquiry.DefaultThemes[0].Label)
	fac.Key("tab")
	fac.Key("tab") // the partner, then round to the words
	fac.Type("The hall is free on Tuesdays")
	fac.Key("enter")
	fac.See("Saved ✓ for Table 6")
	added := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ContributionAdded)
	if got := added.Contribution.Themes; !slices.Equal(got, []string{inquiry.DefaultThemes[0].ID}) {
		t.Fatalf("saved with themes %v, want the one ticked with x", got)
	}
}
