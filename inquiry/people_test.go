package inquiry

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

func peopleMerged(by Actor, from, into string) Event {
	return Event{Type: ParticipantsMerged, Actor: by, Merge: &PeopleMerge{From: from, Into: into}}
}

func codeReissued(by Actor, id string) Event {
	return Event{Type: ResumeCodeReissued, Actor: by, Target: id}
}

// peopleLog is roomLog (Carol withdrew, Dan erased, Table 3 scribed) with
// Bob joining again as a second entry and a second scribed table.
func peopleLog(t *testing.T) *testLog {
	l := roomLog(t)
	l.append(joined(Actor{Role: RoleParticipant, ID: "p-bob-2"}, "Bob"))
	l.append(scribedJoin(scribe, "p-table-4", "Table 4"))
	l.append(joined(Actor{Role: RoleParticipant, ID: "p-eve"}, "Eve"))
	l.append(withdrew(Actor{Role: RoleParticipant, ID: "p-eve"}, "p-eve"))
	return l
}

func TestParticipantMergeRules(t *testing.T) {
	l := peopleLog(t)
	w := l.replay()
	checkRules(t, w, []ruleCase{
		{"a facilitator merges a second entry into the first", peopleMerged(facilitator, "p-bob-2", bob.ID), nil},
		{"the server may too", peopleMerged(System, "p-bob-2", bob.ID), nil},
		{"two scribed tables", peopleMerged(facilitator, "p-table-4", table3), nil},
		{"someone who withdrew, into someone who did not", peopleMerged(facilitator, "p-eve", bob.ID), nil},
		{"a participant may not", peopleMerged(bob, "p-bob-2", bob.ID), ErrNotAllowed},
		{"a scribe may not", peopleMerged(scribe, "p-table-4", table3), ErrNotAllowed},
		{"without the two", Event{Type: ParticipantsMerged, Actor: facilitator}, ErrInvalid},
		{"into themselves", peopleMerged(facilitator, bob.ID, bob.ID), ErrInvalid},
		{"an unknown participant", peopleMerged(facilitator, "p-nobody", bob.ID), ErrNotFound},
		{"into an unknown participant", peopleMerged(facilitator, bob.ID, "p-nobody"), ErrNotFound},
		{"a scribed table into a person", peopleMerged(facilitator, table3, bob.ID), ErrNotAllowed},
		{"a person into a scribed table", peopleMerged(facilitator, bob.ID, table3), ErrNotAllowed},
		{"someone erased", peopleMerged(facilitator, dan.ID, bob.ID), ErrNotAllowed},
		{"into someone erased", peopleMerged(facilitator, bob.ID, dan.ID), ErrNotAllowed},
		{"into someone who withdrew", peopleMerged(facilitator, bob.ID, carol.ID), ErrNotAllowed},
		{"both withdrew", peopleMerged(facilitator, "p-eve", carol.ID), ErrNotAllowed},
	})

	l.append(peopleMerged(facilitator, "p-bob-2", bob.ID))
	l.append(closed())
	after := l.replay()
	checkRules(t, after, []ruleCase{
		{"the same merge again", peopleMerged(facilitator, "p-bob-2", bob.ID), ErrDuplicate},
		{"the merged-away entry into another", peopleMerged(facilitator, "p-bob-2", alice.ID), ErrConflict},
		{"into the merged-away entry", peopleMerged(facilitator, alice.ID, "p-bob-2"), ErrInvalid},
		{"after the workshop closed, tidying up for the report", peopleMerged(facilitator, alice.ID, bob.ID), nil},
		{"the merged-away entry withdrawing", withdrew(Actor{Role: RoleParticipant, ID: "p-bob-2"}, "p-bob-2"), ErrNotAllowed},
		{"the merged-away entry erased on its own", erasedBy(facilitator, "p-bob-2"), ErrNotAllowed},
		{"the kept one withdrawing", withdrew(bob, bob.ID), nil},
	})
	open := peopleLog(t)
	open.append(peopleMerged(facilitator, "p-bob-2", bob.ID))
	open.append(peopleMerged(facilitator, "p-table-4", table3))
	checkRules(t, open.replay(), []ruleCase{
		{"the merged-away entry contributing", added(Actor{Role: RoleParticipant, ID: "p-bob-2"}, "c-50", "p-bob-2", "design/opportunities", Opportunity, "Words."), ErrNotAllowed},
		{"a scribe entering for a merged-away table", added(scribe, "c-50", "p-table-4", "design/opportunities", Opportunity, "Words."), ErrNotAllowed},
		{"the merged-away entry voting", voteCast(Actor{Role: RoleParticipant, ID: "p-bob-2"}, "v-1", "p-bob-2", map[string]int{"c-2": 1}), ErrNotAllowed},
		{"the kept one contributing", added(bob, "c-50", bob.ID, "design/opportunities", Opportunity, "Words."), nil},
	})
}

func TestMergingMovesEverythingToTheKeptParticipant(t *testing.T) {
	l := peopleLog(t)
	bob2 := Actor{Role: RoleParticipant, ID: "p-bob-2"}
	eve := Actor{Role: RoleParticipant, ID: "p-eve"}
	l.append(added(bob2, "c-20", bob2.ID, "design/opportunities", Opportunity, "A minibus for the lunch club."))
	l.append(voteCast(bob, "v-1", bob.ID, map[string]int{"c-2": 1}))
	l.append(voteCast(bob2, "v-1", bob2.ID, map[string]int{"c-8": 2, "c-20": 1}))
	l.append(voteCast(alice, "v-1", alice.ID, map[string]int{"c-2": 3}))
	l.append(peopleMerged(facilitator, bob2.ID, bob.ID))
	w := l.replay()

	bobs := func() []string {
		var ids []string
		for _, c := range w.Contributions {
			if c.Participant == bob.ID {
				ids = append(ids, c.ID)
			}
		}
		return ids
	}
	if got, want := bobs(), []string{"c-2", "c-4", "c-9", "c-20"}; !slices.Equal(got, want) {
		t.Errorf("Bob's contributions after the merge: %v, want %v", got, want)
	}
	if p, _ := w.Participant(bob2.ID); !p.Merged() || p.MergedInto != bob.ID || p.MergedAt.IsZero() {
		t.Errorf("the merged-away entry: %+v", p)
	}
	if w.Kept(bob2.ID) != bob.ID || w.Kept(bob.ID) != bob.ID || w.Kept("p-nobody") != "p-nobody" {
		t.Errorf("Kept does not lead the second entry to the first")
	}
	if got := w.MergedFrom(bob.ID); !slices.Equal(got, []string{bob2.ID}) {
		t.Errorf("MergedFrom(Bob) = %v", got)
	}
	v, _ := w.Vote("v-1")
	if !maps.Equal(v.Ballots[bob.ID], map[string]int{"c-8": 2, "c-20": 1}) || v.Ballots[bob2.ID] != nil {
		t.Errorf("ballots after the merge: %v; want the later one, Bob's second entry's, as Bob's", v.Ballots)
	}
	if v.Voters() != 2 {
		t.Errorf("%d voters, want 2 (Alice and Bob)", v.Voters())
	}
	if n := len(w.People()); n != len(w.Participants)-1 || w.Summary().Participants != n {
		t.Errorf("People %d, participants %d, summary %d: the merge should count one person", n, len(w.Participants), w.Summary().Participants)
	}

	// The earlier ballot stands when it is the later one; a merged-away
	// entry who withdrew keeps their words withdrawn, as the kept one's.
	l.append(peopleMerged(facilitator, eve.ID, alice.ID))
	w = l.replay()
	if p, _ := w.Participant(alice.ID); p.Withdrawn {
		t.Errorf("merging someone who withdrew withdrew the one kept")
	}

	earlier := peopleLog(t)
	earlier.append(voteCast(bob2, "v-1", bob2.ID, map[string]int{"c-8": 2}))
	earlier.append(voteCast(bob, "v-1", bob.ID, map[string]int{"c-2": 1}))
	earlier.append(peopleMerged(facilitator, bob2.ID, bob.ID))
	v, _ = earlier.replay().Vote("v-1")
	if !maps.Equal(v.Ballots[bob.ID], map[string]int{"c-2": 1}) {
		t.Errorf("the kept participant's later ballot was replaced: %v", v.Ballots[bob.ID])
	}
}

func TestErasingTheKeptParticipantErasesTheMergedAway(t *testing.T) {
	l := peopleLog(t)
	bob2 := Actor{Role: RoleParticipant, ID: "p-bob-2"}
	l.append(added(bob2, "c-20", bob2.ID, "design/opportunities", Opportunity, "A minibus."))
	l.append(peopleMerged(facilitator, bob2.ID, bob.ID))
	l.append(erasedBy(facilitator, bob.ID))
	w := l.replay()
	second, _ := w.Participant(bob2.ID)
	if second.Name != "" || !second.Erased {
		t.Errorf("the merged-away entry keeps its name after the person was erased: %+v", second)
	}
	if c, _ := w.Contribution("c-20"); !c.Erased || c.Text != "" {
		t.Errorf("the merged-away entry's words survive the erasure: %+v", c)
	}
}

func TestByIdentityFindsTheKeptParticipant(t *testing.T) {
	l := peopleLog(t)
	l.append(Event{Type: ParticipantJoined, Actor: Actor{Role: RoleParticipant, ID: "p-keyed"}, Participant: &ParticipantDetails{
		ID: "p-keyed", Name: Words{Text: "Bob on his laptop"}, ConsentAt: testStart, Identity: "key-of-bob",
	}})
	if p, ok := l.replay().ByIdentity("key-of-bob"); !ok || p.ID != "p-keyed" {
		t.Errorf("ByIdentity before the merge = %v, %v", p, ok)
	}
	l.append(peopleMerged(facilitator, "p-keyed", bob.ID))
	w := l.replay()
	if p, ok := w.ByIdentity("key-of-bob"); !ok || p.ID != bob.ID {
		t.Errorf("ByIdentity after the merge = %v, %v; want Bob", p, ok)
	}
	if _, ok := w.ByIdentity(""); ok {
		t.Errorf("an empty identity found someone")
	}
}

func TestResumeCodeReissueRules(t *testing.T) {
	l := peopleLog(t)
	l.append(peopleMerged(facilitator, "p-bob-2", bob.ID))
	w := l.replay()
	checkRules(t, w, []ruleCase{
		{"a facilitator, for a participant", codeReissued(facilitator, alice.ID), nil},
		{"a participant may not", codeReissued(alice, alice.ID), ErrNotAllowed},
		{"a scribe may not", codeReissued(scribe, alice.ID), ErrNotAllowed},
		{"an unknown participant", codeReissued(facilitator, "p-nobody"), ErrNotFound},
		{"a scribed table", codeReissued(facilitator, table3), ErrInvalid},
		{"someone who withdrew", codeReissued(facilitator, carol.ID), ErrNotAllowed},
		{"someone erased", codeReissued(facilitator, dan.ID), ErrNotAllowed},
		{"a merged-away entry", codeReissued(facilitator, "p-bob-2"), ErrNotAllowed},
	})
	l.append(codeReissued(facilitator, alice.ID))
	l.append(codeReissued(facilitator, alice.ID))
	if p := participant(t, l.replay(), alice.ID); p.CodeReissuedAt.IsZero() {
		t.Errorf("the reissue is not recorded on the participant")
	}
	for _, e := range l.events {
		if e.Type == ResumeCodeReissued && (e.Merge != nil || e.Participant != nil || e.Target != alice.ID) {
			t.Errorf("a reissue event carries more than whose code: %+v", e)
		}
	}
}

func TestExportsCountOnePersonAfterAMerge(t *testing.T) {
	x := exportGathered(t)
	if !strings.Contains(x.md, "- **Participants:** 5\n") {
		t.Errorf("the report does not count five people (six entries, two of them Bram)")
	}
	people := section(x.md, "## Participants")
	if strings.Count(people, "**Bram**") != 1 || !strings.Contains(people, "- **Bram**, organisation not given: 3 contributions, joined 10:05; joined again 10:27 as “Bram (2)”, the same person (merged 10:35)") {
		t.Errorf("the participants list Bram twice, or not as one person:\n%s", people)
	}
	record := section(x.md, "## Facilitation record")
	for _, want := range []string{
		"found Bram (2) (joined 10:27) and Bram (joined 10:05) to be the same person, and merged the first into the second",
		"issued Sìne (joined 10:03) a new resume code (the old one no longer works)",
	} {
		if !strings.Contains(record, want) {
			t.Errorf("the facilitation record lacks %q:\n%s", want, record)
		}
	}
	priorities := section(x.md, "## Priorities")
	if !strings.Contains(priorities, "3 of 4 participants placed dots") || !strings.Contains(priorities, "| 3 | The last bus leaves the village at six. | Bram | 2 |") {
		t.Errorf("Bram's two ballots are not one, the later:\n%s", priorities)
	}
	if x.doc.Totals["participants"] != 5.0 {
		t.Errorf("JSON totals count %v participants, want 5", x.doc.Totals["participants"])
	}
	for _, p := range x.doc.Participants {
		switch p["id"] {
		case "p-bram-again":
			if p["merged_into"] != "p-bram" || p["merged_at"] == nil || p["contributions"] != 0.0 {
				t.Errorf("JSON merged-away entry: %v", p)
			}
		case "p-bram":
			if p["merged_into"] != "" || p["contributions"] != 3.0 {
				t.Errorf("JSON kept entry: %v", p)
			}
		}
	}
	if row := x.rows["c-06"]; row["participant_id"] != "p-bram" || row["participant"] != "Bram" {
		t.Errorf("CSV row of the second entry's contribution names %q (%q), want the kept p-bram", row["participant_id"], row["participant"])
	}
}

func TestAddedAfterSaysWhetherADraftWasSentSince(t *testing.T) {
	l := peopleLog(t) // Alice added c-1 (design/barriers) and c-8 (design/opportunities)
	bob2 := Actor{Role: RoleParticipant, ID: "p-bob-2"}
	added20 := l.append(added(bob2, "c-20", bob2.ID, "design/barriers", Barrier, "The buses."))
	l.append(peopleMerged(facilitator, bob2.ID, bob.ID))
	w := l.replay()
	c1, _ := w.Contribution("c-1")
	c8, _ := w.Contribution("c-8")
	tests := []struct {
		name        string
		participant string
		ref         PromptRef
		at          time.Time
		want        bool
	}{
		{"saved before the contribution at that prompt", alice.ID, "design/barriers", c1.AddedAt.Add(-time.Second), true},
		{"saved as it was added", alice.ID, "design/barriers", c1.AddedAt, false},
		{"saved after it", alice.ID, "design/barriers", c1.AddedAt.Add(time.Second), false},
		{"a later contribution at another prompt", alice.ID, "design/barriers", c8.AddedAt.Add(-time.Second), false},
		{"a prompt they never answered", alice.ID, "dream/five-years-on", testStart, false},
		{"a contribution moved to them by a merge", bob.ID, "design/barriers", added20.At.Add(-time.Second), true},
		{"the merged-away entry stands for the kept one", bob2.ID, "design/barriers", added20.At.Add(-time.Second), true},
		{"someone unknown", "p-nobody", "design/barriers", testStart, false},
	}
	for _, tt := range tests {
		if got := w.AddedAfter(tt.participant, tt.ref, tt.at); got != tt.want {
			t.Errorf("%s: AddedAfter = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNamesakesAndKeylessHelpAFacilitatorFindTheLost(t *testing.T) {
	l := peopleLog(t) // Bob joined twice; Table 3 and Table 4 scribed
	l.append(joined(Actor{Role: RoleParticipant, ID: "p-bob-3"}, "BOB"))
	l.append(Event{Type: ParticipantJoined, Actor: Actor{Role: RoleParticipant, ID: "p-keyed"}, Participant: &ParticipantDetails{
		ID: "p-keyed", Name: Words{Text: "Bob"}, ConsentAt: testStart, Identity: "key-of-bob",
	}})
	l.append(peopleMerged(facilitator, "p-bob-3", bob.ID))
	w := l.replay()
	var ids []string
	for _, p := range w.Namesakes(bob.ID) {
		ids = append(ids, p.ID)
	}
	if want := []string{"p-bob-2", "p-keyed"}; !slices.Equal(ids, want) {
		t.Errorf("Namesakes(Bob) = %v, want %v (not the one already merged)", ids, want)
	}
	if got := w.Namesakes(table3); len(got) != 0 {
		t.Errorf("Table 3 has namesakes %v", got)
	}
	for id, want := range map[string]bool{bob.ID: true, "p-keyed": false, table3: false} {
		if p := participant(t, w, id); p.Keyless() != want {
			t.Errorf("%s: Keyless = %v, want %v", id, p.Keyless(), want)
		}
	}
}
