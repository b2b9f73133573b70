package facilitator

import (
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// scribeScreen is an enrolled scribe's screen on the workshop.
func scribeScreen(t *testing.T, store tui.Room, code string, w, h int) *tuitest.Term {
	s := tui.Session{ID: "scribe-" + t.Name(), Context: t.Context(), Room: store, Code: code, Width: w, Height: h,
		Actor: inquiry.Actor{Role: inquiry.RoleScribe, ID: "SHA256:scribe", Name: "Ailsa Ross"}}
	return tuitest.Run(t, NewScribe(s), w, h)
}

// TestScribeCorrectsAndDeletesTheirOwnEntries: a scribe lists what they
// entered for a table, corrects a typo (the same contribution, edited)
// and deletes an entry after a y; what someone else entered for the table
// is not theirs to change and is not listed.
func TestScribeCorrectsAndDeletesTheirOwnEntries(t *testing.T) {
	store, sum := datatest.Workshop(t)
	sc := scribeScreen(t, store, sum.Code, 80, 24)
	scribeTable(t, sc, "Table 3")
	table := scribedJoin(t, store, sum.ID).ID
	sc.Type("We asked the council to tend")
	sc.Key("enter")
	sc.See("Saved ✓ for Table 3")
	typo := tuitest.LastEvent(t, store, sum.ID, inquiry.ContributionAdded).Contribution.ID
	sc.Type("A second thought to delete")
	sc.Key("enter")
	sc.See("Saved ✓ for Table 3: Story “A second")
	second := tuitest.LastEvent(t, store, sum.ID, inquiry.ContributionAdded).Contribution.ID
	tuitest.Contribute(t, store, sum.ID, table, "by-someone-else", tuitest.PromptAt(t, 0, 0), inquiry.Strength, "Entered at the other desk")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAdded, Actor: tuitest.Facilitator,
		Contribution: &inquiry.ContributionDetails{ID: "by-the-facilitator", Participant: table, Prompt: tuitest.PromptAt(t, 0, 0),
			Kind: inquiry.Strength, Text: inquiry.Words{Text: "Entered at the other desk"}}})

	sc.Key("esc")
	sc.Key("down")
	sc.See("Table 3 · 2 entries by you · joined", "e correct")
	sc.Key("e")
	sc.See("What you entered for Table 3", "“A second thought to delete”", "“We asked the council to tend”")
	if sc.Shows("Entered at the other desk") {
		t.Fatalf("the list holds an entry someone else made:\n%s", sc.Screen.Text())
	}

	sc.Key("down") // the older one, with the typo
	sc.Key("enter")
	sc.See("Correcting what you entered for Table 3", "Enter saves the correction", "We asked the council to tend")
	for range len("tend") {
		sc.Key("backspace")
	}
	sc.Type("attend")
	sc.Key("enter")
	sc.See("✓ Corrected: “We asked the council to attend”")
	edited := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ContributionEdited)
	if edited.Contribution.ID != typo || edited.Contribution.Text.Text != "We asked the council to attend" || edited.Actor.Role != inquiry.RoleScribe {
		t.Fatalf("edited %s to %q by %v, want the typo corrected by the scribe", edited.Contribution.ID, edited.Contribution.Text.Text, edited.Actor)
	}

	sc.Key("up") // the newer one
	sc.Key("d")
	sc.See("Delete “A second thought to delete”", "y delete it")
	sc.Key("n")
	sc.See("Nothing was changed.")
	sc.Key("d")
	sc.Key("y")
	deleted := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ContributionDeleted)
	if deleted.Target != second {
		t.Fatalf("deleted %s, want %s", deleted.Target, second)
	}
	sc.See("✓ Deleted.")
	if sc.Shows("A second thought") {
		t.Fatalf("the deleted entry is still listed:\n%s", sc.Screen.Text())
	}
}

// TestScribeGivesTheTablesKindOfOrganisation: a table joins with its kind
// of organisation, and the scribe corrects it later.
func TestScribeGivesTheTablesKindOfOrganisation(t *testing.T) {
	store, sum := datatest.Workshop(t)
	sc := scribeScreen(t, store, sum.Code, 80, 24)
	sc.See("+ Someone new")
	sc.Key("enter")
	sc.Type("Table 5")
	sc.Key("tab")
	sc.Key("space")
	sc.Key("tab")
	sc.See("▸ Kind of organisation, if known", "◂ not given ▸")
	sc.Key("right")
	sc.See("◂ " + inquiry.OrganisationTypes[0] + " ▸")
	sc.Key("enter")
	sc.See("Writing for Table 5")
	if p := scribedJoin(t, store, sum.ID); p.Organisation != inquiry.OrganisationTypes[0] {
		t.Fatalf("joined from %q, want %q", p.Organisation, inquiry.OrganisationTypes[0])
	}

	sc.Key("esc")
	sc.Key("down")
	sc.Key("o")
	sc.See("Kind of organisation: Table 5", "▸ "+inquiry.OrganisationTypes[0])
	for range 3 { // to Local authority
		sc.Key("down")
	}
	sc.See("▸ Local authority")
	sc.Key("enter")
	sc.See("✓ Table 5 comes from: Local authority.")
	e := tuitest.LastEventEventually(t, store, sum.ID, inquiry.OrganisationChanged)
	if e.Profile.Organisation != "Local authority" || e.Actor.Role != inquiry.RoleScribe {
		t.Fatalf("organisation %q by %v", e.Profile.Organisation, e.Actor)
	}
}

// TestScribePlacesATablesDots: in an open vote the scribe places the
// table's dots over the ballot everyone sees; the facilitator's turnout
// counts the table apart from people with a terminal.
func TestScribePlacesATablesDots(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	bus := addContribution(t, store, sum.ID, ann, design, inquiry.Opportunity, "A bus to the clinic")
	addContribution(t, store, sum.ID, ann, design, inquiry.Opportunity, "A room for the youth club")
	sc := scribeScreen(t, store, sum.Code, 80, 24)
	scribeTable(t, sc, "Table 2")
	table := scribedJoin(t, store, sum.ID).ID
	sc.Key("esc")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: "Which first?", Dots: 3}})
	sc.Key("down")
	sc.See("v their dots")
	sc.Key("v")
	sc.See("Dots for Table 2", "3 dots left of 3", "Which first?", "○   Ann · Opportunity", "“A bus to the clinic”")
	sc.Key("right")
	sc.Key("right")
	sc.See("1 dot left of 3", "●●  Ann · Opportunity")
	sc.Key("enter")
	sc.See("✓ Table 2's dots are saved: 2 dots placed.")
	cast := tuitest.LastEventEventually(t, store, sum.ID, inquiry.VoteCast)
	if cast.Ballot.Participant != table || cast.Ballot.Dots[bus] != 2 || cast.Actor.Role != inquiry.RoleScribe {
		t.Fatalf("cast %+v by %v, want Table 2's two dots on the bus by the scribe", *cast.Ballot, cast.Actor)
	}

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 120, 30)
	fac.Key("tab")
	fac.Key("tab")
	fac.Key("tab")
	fac.See("0 of 1 voted · 1 of 1 table", "   1 ●● 2 · Ann")
}

// TestScribeAgreesForATable: + lists what others said; + on one records
// the table's agreement (and again takes it back), which the facilitator's
// details count on the original.
func TestScribeAgreesForATable(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	bus := addContribution(t, store, sum.ID, ann, tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier), inquiry.Opportunity, "A bus to the clinic")
	sc := scribeScreen(t, store, sum.Code, 80, 24)
	scribeTable(t, sc, "Table 7")
	table := scribedJoin(t, store, sum.ID).ID
	sc.Key("esc")
	sc.Key("down")
	sc.See("+ agree")
	sc.Key("+")
	sc.See("Agreeing for Table 7", "[ ] Ann · Opportunity · Design 3 · 0 agree", "“A bus to the clinic”")
	sc.Key("enter")
	sc.See("✓ Table 7 agrees with “A bus to the clinic”.", "[✓] Ann · Opportunity · Design 3 · 1 agrees")
	e := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ContributionAgreed)
	if e.Target != bus || e.Agreement.Participant != table || e.Actor.Role != inquiry.RoleScribe {
		t.Fatalf("agreed with %s for %s by %v", e.Target, e.Agreement.Participant, e.Actor)
	}

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 120, 30)
	fac.Key("enter")
	fac.See("Agreed by 1 person: Table 7")

	sc.Key("+")
	tuitest.LastEventEventually(t, store, sum.ID, inquiry.AgreementWithdrawn)
	sc.See("✓ Table 7 no longer agrees with", "[ ] Ann")
}
