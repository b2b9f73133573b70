package facilitator

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// toPeople moves the room's focus to the people pane.
func toPeople(fac *tuitest.Term) {
	fac.Key("tab")
	fac.Key("tab")
	fac.See("▸ People")
}

// TestPeoplePaneShowsAResumeCodeAndIssuesANewOne: for someone without a
// key, enter shows the code the store would take from them; i, after a
// y, retires it and shows the new one, which then brings them back where
// the old one no longer does.
func TestPeoplePaneShowsAResumeCodeAndIssuesANewOne(t *testing.T) {
	store, sum := datatest.Workshop(t)
	bram := tuitest.Join(t, store, sum.ID, "Bram")
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	toPeople(fac)
	fac.See("▸   Bram · away", "enter resume code")
	fac.Key("enter")
	old, err := store.ResumeCode(sum.ID, bram)
	if err != nil {
		t.Fatal(err)
	}
	fac.See("Bram · away · code "+old, "Bram's resume code is "+old)

	fac.Key("i")
	fac.See("Issue Bram a new resume code? Their old code stops working at once.")
	fac.Key("y")
	e := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ResumeCodeReissued)
	if e.Target != bram || e.Actor.Role != inquiry.RoleFacilitator {
		t.Fatalf("reissued for %s by %v", e.Target, e.Actor)
	}
	fac.See("✓ Bram's new resume code is")
	shown := regexp.MustCompile(`new resume code is ([2-9A-Z]{4}-[2-9A-Z]{4})`).FindStringSubmatch(fac.Screen.Text())
	if shown == nil || shown[1] == old {
		t.Fatalf("no new code on the screen:\n%s", fac.Screen.Text())
	}
	if who, ok := store.Resume(sum.ID, shown[1]); !ok || who != bram {
		t.Errorf("the code shown brings back %q (%v), want Bram", who, ok)
	}
	if _, ok := store.Resume(sum.ID, old); ok {
		t.Error("the old code still works")
	}
	fac.See("Bram · away · code " + shown[1])
}

// TestPeoplePaneSaysWhyAKeyedOrScribedPersonHasNoCode: a code is only
// for someone without a key.
func TestPeoplePaneSaysWhyAKeyedOrScribedPersonHasNoCode(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-kay"},
		Participant: &inquiry.ParticipantDetails{ID: "p-kay", Name: inquiry.Words{Text: "Kay"}, ConsentAt: stampTime(), Identity: "key-kay"}})
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	toPeople(fac)
	fac.Key("enter")
	fac.See("Kay connected with an SSH key: it brings them back, without a code.")
	fac.Key("i")
	fac.See("Kay connected with an SSH key")
	if tuitest.HasEvent(store, sum.ID, inquiry.ResumeCodeReissued) {
		t.Fatal("a code was issued to someone with a key")
	}
}

// TestFacilitatorMergesTwoEntriesOfOnePerson: Bram lost his code and
// joined again as "Bram (2)"; the facilitator puts the cursor on the
// second entry, is offered the first (same name first), and after a y the
// room counts one Bram with both contributions.
func TestFacilitatorMergesTwoEntriesOfOnePerson(t *testing.T) {
	store, sum := datatest.Workshop(t)
	first := tuitest.Join(t, store, sum.ID, "Bram")
	tuitest.Join(t, store, sum.ID, "Ann")
	again := tuitest.Join(t, store, sum.ID, "Bram again")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-bram2"},
		Participant: &inquiry.ParticipantDetails{ID: "p-bram2", Name: inquiry.Words{Text: "Bram"}, ConsentAt: stampTime()}})
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	addContribution(t, store, sum.ID, first, design, inquiry.Opportunity, "Before the line dropped")
	addContribution(t, store, sum.ID, "p-bram2", design, inquiry.Opportunity, "After joining again")
	_ = again

	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	toPeople(fac)
	fac.See("4 joined", "Bram (2) · away")
	fac.Key("end") // the last to join: Bram (2)
	fac.See("▸   Bram (2) · away")
	fac.Key("m")
	fac.See("Who is Bram (2)? Pick the person they joined as before", "▸ Bram · joined", "same name", "Ann · joined")
	fac.Key("enter")
	fac.See("Is Bram (2) the same person as Bram?", "y merge Bram (2) into Bram")
	fac.Key("y")
	e := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ParticipantsMerged)
	if e.Merge.From != "p-bram2" || e.Merge.Into != first {
		t.Fatalf("merged %s into %s, want Bram (2) into Bram", e.Merge.From, e.Merge.Into)
	}
	fac.See("✓ Merged Bram (2) into Bram: one person now.", "3 joined")
	if fac.Shows("Bram (2) · away") {
		t.Fatalf("the merged entry is still listed:\n%s", fac.Screen.Text())
	}
	fac.Key("shift+tab")
	fac.Key("shift+tab")
	fac.See("Bram · Opportunity · Design 3", "“After joining again”")
	if strings.Contains(fac.Screen.Text(), "Bram (2) ·") {
		t.Fatalf("the feed still names the merged entry:\n%s", fac.Screen.Text())
	}
}

// TestFacilitatorHoldsALobbyAndLetsPeopleIn: l holds newcomers; the pane
// and the line of who is here say how many wait; a lets one in, A all.
func TestFacilitatorHoldsALobbyAndLetsPeopleIn(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.Key("l")
	tuitest.LastEventEventually(t, store, sum.ID, inquiry.LobbyOpened)
	fac.See("✓ Lobby on: newcomers wait until you let them in")
	for _, name := range []string{"Ann", "Bo", "Cy"} {
		tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-" + name},
			Participant: &inquiry.ParticipantDetails{ID: "p-" + name, Name: inquiry.Words{Text: name}, ConsentAt: stampTime(), Organisation: "Local authority"}})
	}
	toPeople(fac)
	fac.See("3 waiting · a lets one in, A all", "Ann · waiting to be let in · Local", "a let in")
	fac.Key("a")
	if e := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ParticipantAdmitted); e.Target != "p-Ann" {
		t.Fatalf("let in %s, want Ann", e.Target)
	}
	fac.See("✓ Let Ann in", "2 waiting · a lets one in", "Ann · away")
	fac.Key("A")
	tuitest.LastEventEventually(t, store, sum.ID, inquiry.WaitingAdmitted)
	fac.See("✓ Let 2 people in from the lobby.", "Lobby on: newcomers wait · l lifts it", "open · lobby on")
	if n := len(tuitest.Folded(t, store, sum.ID).Waiting()); n != 0 {
		t.Fatalf("%d still waiting", n)
	}
	fac.Key("l")
	tuitest.LastEventEventually(t, store, sum.ID, inquiry.LobbyClosed)
	fac.See("✓ Lobby off: newcomers come straight in.")
}

// TestFacilitatorRemovesAndBlocksSomeoneGivingTheReason: b asks why, then
// asks again with what it does; only y removes them, with the reason in
// the log.
func TestFacilitatorRemovesAndBlocksSomeoneGivingTheReason(t *testing.T) {
	store, sum := datatest.Workshop(t)
	mal := tuitest.Join(t, store, sum.ID, "Mal")
	addContribution(t, store, sum.ID, mal, tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier), inquiry.Opportunity, "Buy cheap watches here")
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	toPeople(fac)
	fac.Key("B")
	fac.See("Why remove Mal?")
	fac.Key("enter")
	fac.See("Nobody was removed: say why, for the transcript.")
	fac.Key("B")
	fac.Type("adverts, again and again")
	fac.Key("enter")
	fac.See("Remove Mal and block them?", "y remove and block Mal")
	fac.Key("n")
	fac.See("Nothing was changed.")
	if tuitest.HasEvent(store, sum.ID, inquiry.ParticipantBlocked) {
		t.Fatal("Mal was removed without a yes")
	}
	fac.Key("B")
	fac.Type("adverts, again and again")
	fac.Key("enter")
	fac.Key("y")
	e := tuitest.LastEventEventually(t, store, sum.ID, inquiry.ParticipantBlocked)
	if e.Target != mal || e.Curation == nil || e.Curation.Reason != "adverts, again and again" {
		t.Fatalf("removed %s for %+v", e.Target, e.Curation)
	}
	fac.See("✓ Removed Mal from the workshop and blocked them (adverts, again and again).", "Mal · removed")
	fac.Key("shift+tab")
	fac.Key("shift+tab")
	fac.See("(hidden: " + inquiry.BlockedReason + ")")
}

// TestRoomWarnsWhenTheWorkshopsSpaceForWordsIsNearlyFull: past 80% of
// the text budget a line says so; below it, nothing.
func TestRoomWarnsWhenTheWorkshopsSpaceForWordsIsNearlyFull(t *testing.T) {
	store, err := data.Open(data.Options{Dir: t.TempDir(), TextBudget: 4000})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	sum, err := store.OpenWorkshop(context.Background(), inquiry.System, inquiry.WorkshopDetails{Title: "Small", Guide: guide, Pacing: inquiry.SelfPaced})
	if err != nil {
		t.Fatal(err)
	}
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Waiting for the first contribution")
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	words := strings.Repeat("a community room for everyone ", 10) // 300 bytes
	for i := 0; ; i++ {
		who := tuitest.Join(t, store, sum.ID, fmt.Sprintf("P%d", i))
		if i < 9 && fac.Shows("space for words") {
			t.Fatalf("warned at %d contributions of %d bytes, under 80%% of 4,000:\n%s", i, len(words), fac.Screen.Text())
		}
		if i == 11 {
			break
		}
		addContribution(t, store, sum.ID, who, design, inquiry.Opportunity, words)
		fac.See(fmt.Sprintf("P%d ·", i))
	}
	fac.See("% of the space for words used: when it is full, new words are refused")
	fac.Resize(140, 30)
	fac.See("% of this workshop's space for words is used (", " kB of 4.0 kB)")
}

// TestFacilitatorsAndScribesAreNamedWhereTheRoomNamesThem: a facilitator
// is present by name, a scribe at their desk too, and the details say who
// entered a contribution by name, not "a facilitator" or a fingerprint.
func TestFacilitatorsAndScribesAreNamedWhereTheRoomNamesThem(t *testing.T) {
	store, sum := datatest.Workshop(t)
	alice := tuitest.FacilitatorSession(t, store, sum.Code)
	alice.ID, alice.Actor.Name = "alice", "Alice Grant"
	fac := tuitest.Run(t, New(alice), 120, 30)
	fac.See("Waiting for the first contribution")
	tuitest.Eventually(t, "Alice to be present by name", func() bool {
		for _, p := range store.Present(sum.ID) {
			if p.Session == "alice" && p.Name == "Alice Grant" && p.Role == inquiry.RoleFacilitator {
				return true
			}
		}
		return false
	})

	sc := scribeScreen(t, store, sum.Code, 80, 24)
	scribeTable(t, sc, "Table 4")
	sc.Type("The library van")
	sc.Key("enter")
	sc.See("Saved ✓ for Table 4")
	toPeople(fac)
	fac.See("With you: Ailsa Ross (scribe)")
	fac.Key("shift+tab")
	fac.Key("shift+tab")
	fac.Key("enter")
	fac.See("Entered by the scribe Ailsa Ross for Table 4")

	alice.Code = ""
	chooser := tuitest.Run(t, New(alice), 80, 24)
	chooser.See("Anchorage · Alice Grant, facilitator")
}
