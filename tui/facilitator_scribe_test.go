package tui

import (
	"context"
	"slices"
	"testing"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

// scribeTable adds "Table 3" at the scribe desk, from the list of whom to
// write for.
func (tt *term) scribeTable(name string) {
	tt.t.Helper()
	tt.see("Write for a table or a person without a laptop", "+ Someone new")
	tt.key("enter")
	tt.see("Someone new, without a laptop")
	tt.typeText(name)
	tt.key("tab")
	tt.key("space")
	tt.key("enter")
	tt.see("Writing for " + name + " (scribed)")
}

// scribedJoin is the join of a scribed participant, waited for.
func scribedJoin(t *testing.T, store *data.Store, ws string) *inquiry.ParticipantDetails {
	t.Helper()
	e := lastEventEventually(t, store, ws, inquiry.ParticipantJoined)
	if !e.Participant.Scribed || e.Participant.ConsentAt.IsZero() {
		t.Fatalf("joined %+v, want a scribed participant with consent confirmed", *e.Participant)
	}
	return e.Participant
}

func TestFacilitatorScribesForATableWithoutALaptop(t *testing.T) {
	store, sum := pacedRoom(t)
	record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: promptAt(t, 2, 0)}})
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 80, 24)
	fac.see("Now open: Design 1")
	fac.key("c")
	fac.scribeTable("Table 3")
	table := scribedJoin(t, store, sum.ID)
	if e := lastEvent(t, store, sum.ID, inquiry.ParticipantJoined); e.Actor.Role != inquiry.RoleFacilitator || table.Name.Text != "Table 3" {
		t.Fatalf("%s joined by %v", table.Name.Text, e.Actor)
	}
	fac.see("Design 1 (open for everyone)")

	fac.typeText("A youth worker shared between the school and the hall")
	fac.key("enter")
	fac.see("Saved ✓ for Table 3: Opportunity “A youth worker")
	added := lastEventEventually(t, store, sum.ID, inquiry.ContributionAdded)
	if added.Contribution.Participant != table.ID || added.Contribution.Prompt != promptAt(t, 2, 0) || added.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("added %+v by %v", *added.Contribution, added.Actor)
	}
	c, _ := workshop(t, store, sum.ID).Contribution(added.Contribution.ID)
	if c.ScribedBy != "SHA256:test" {
		t.Fatalf("the contribution is marked as scribed by %q", c.ScribedBy)
	}

	fac.key("esc") // back to whom to write for
	fac.see("Table 3 · joined")
	fac.key("esc") // back to the room
	fac.see("Table 3 · Opportunity scribed", "A youth worker shared")
}

func TestScribingAnActionRecordsItsOwnerAndDueDate(t *testing.T) {
	store, sum := newRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.see("Live contributions")
	fac.key("c")
	fac.scribeTable("Mrs Ahmed")
	for range 8 {
		fac.key("pgdown") // to the Deliver phase, which asks for actions
	}
	fac.see("Deliver 1", "[Action]", "Who", "By when")
	fac.typeText("Ask the council for the keys to the hall")
	for range 5 {
		fac.key("tab") // past prompt, kind, themes and partner to the owner
	}
	fac.typeText("Ayr Community Trust")
	fac.key("tab")
	fac.typeText("2026-03-01")
	fac.key("enter")
	fac.see("Saved ✓ for Mrs Ahmed: Action")
	d := lastEventEventually(t, store, sum.ID, inquiry.ContributionAdded).Contribution
	if d.Kind != inquiry.Action || d.Owner.Text != "Ayr Community Trust" || d.Due != "2026-03-01" {
		t.Fatalf("added %s owned by %q due %q", d.Kind, d.Owner.Text, d.Due)
	}
	fac.key("esc")
	fac.key("esc")
	fac.key("enter")
	fac.see("Owner: Ayr Community Trust", "Due: 2026-03-01", "Entered by you for Mrs Ahmed")
}

func TestScribeDeskWaitsForConsent(t *testing.T) {
	store, sum := newRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 80, 24)
	fac.key("c")
	fac.see("+ Someone new")
	fac.key("enter")
	fac.typeText("Table 5")
	fac.key("enter")
	fac.see("Ask them first")
	if hasEvent(store, sum.ID, inquiry.ParticipantJoined) {
		t.Fatal("someone joined without their consent confirmed")
	}
}

func TestScribeScreenWritesForAScribedParticipant(t *testing.T) {
	store, sum := newRoom(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s := Session{ID: "scribe-1", Context: ctx, Room: store, Code: sum.Code, Width: 80, Height: 24,
		Actor: inquiry.Actor{Role: inquiry.RoleScribe, ID: "SHA256:scribe"}}
	sc := run(t, NewScribe(s), 80, 24)
	sc.see("Anchors and services", sum.Code+" · scribe")
	sc.scribeTable("Flipchart B")
	table := scribedJoin(t, store, sum.ID)
	sc.typeText("The library van could carry prescriptions")
	sc.key("enter")
	sc.see("Saved ✓ for Flipchart B")
	added := lastEventEventually(t, store, sum.ID, inquiry.ContributionAdded)
	if added.Actor != s.Actor || added.Contribution.Participant != table.ID {
		t.Fatalf("added for %s by %v, want for %s by the scribe", added.Contribution.Participant, added.Actor, table.ID)
	}
	for _, curation := range []string{"Tally by theme", "next prompt", "Live contributions"} {
		if sc.scr.Contains(curation) {
			t.Fatalf("the scribe's screen shows %q:\n%s", curation, sc.scr.Text())
		}
	}
}

func TestScribeScreenSaysWhenTheCodeNamesNoWorkshop(t *testing.T) {
	store, _ := newRoom(t)
	s := Session{ID: "scribe-2", Context: context.Background(), Room: store, Code: "nowhere-0000", Width: 80, Height: 24,
		Actor: inquiry.Actor{Role: inquiry.RoleScribe, ID: "SHA256:scribe"}}
	sc := run(t, NewScribe(s), 80, 24)
	sc.wait()
	sc.see(`No workshop has the code "nowhere-0000"`)
}

func TestScribeTicksAThemeWithX(t *testing.T) {
	store, sum := newRoom(t)
	fac := run(t, NewFacilitator(facilitatorSession(t, store, sum.Code)), 100, 30)
	fac.key("c")
	fac.scribeTable("Table 6")
	fac.key("tab") // the prompt
	fac.key("tab") // the kind
	fac.key("tab") // the themes
	fac.see("▸Themes")
	fac.key("x")
	fac.see("✓" + inquiry.DefaultThemes[0].Label)
	fac.key("tab")
	fac.key("tab") // the partner, then round to the words
	fac.typeText("The hall is free on Tuesdays")
	fac.key("enter")
	fac.see("Saved ✓ for Table 6")
	added := lastEventEventually(t, store, sum.ID, inquiry.ContributionAdded)
	if got := added.Contribution.Themes; !slices.Equal(got, []string{inquiry.DefaultThemes[0].ID}) {
		t.Fatalf("saved with themes %v, want the one ticked with x", got)
	}
}
