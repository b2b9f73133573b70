package inquiry

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

// contribution finds a contribution the test expects to exist.
func contribution(t *testing.T, w *Workshop, id string) *Contribution {
	t.Helper()
	c, ok := w.Contribution(id)
	if !ok {
		t.Fatalf("no contribution %s", id)
	}
	return c
}

func participant(t *testing.T, w *Workshop, id string) *Participant {
	t.Helper()
	p, ok := w.Participant(id)
	if !ok {
		t.Fatalf("no participant %s", id)
	}
	return p
}

func TestFoldPacingMovesTheRoomAndItsTimebox(t *testing.T) {
	l := pacedLog(t)
	if w := l.replay(); w.Current != (Pace{}) {
		t.Fatalf("before any prompt is opened, Current = %+v, want zero", w.Current)
	}
	ends := testStart.Add(time.Hour)
	l.append(promptOpened(facilitator, "discover/best-time", ends))
	if w := l.replay(); w.Current.Prompt != "discover/best-time" || !w.Current.EndsAt.Equal(ends) {
		t.Errorf("after opening, Current = %+v", w.Current)
	}
	l.append(timeboxChanged(facilitator, "discover/best-time", ends.Add(5*time.Minute)))
	if w := l.replay(); !w.Current.EndsAt.Equal(ends.Add(5 * time.Minute)) {
		t.Errorf("after extending, ends at %v", w.Current.EndsAt)
	}
	end := l.append(timeboxChanged(facilitator, "discover/best-time", time.Time{}))
	if w := l.replay(); !w.Current.EndsAt.Equal(end.At) {
		t.Errorf("after ending, ends at %v, want the time it was ended, %v", w.Current.EndsAt, end.At)
	}
	l.append(promptOpened(facilitator, "discover/what-made-it-work", time.Time{}))
	w := l.replay()
	if w.Current.Prompt != "discover/what-made-it-work" || !w.Current.EndsAt.IsZero() {
		t.Errorf("after moving on without a timebox, Current = %+v", w.Current)
	}
	// A new prompt's timebox can be ended again: the old one's end is forgotten.
	if err := w.Check(timeboxChanged(facilitator, "discover/what-made-it-work", time.Time{})); err != nil {
		t.Errorf("ending the new prompt's timebox: %v", err)
	}
}

func TestFoldSettingsAndReveals(t *testing.T) {
	l := baseLog(t)
	w := l.replay()
	if w.Settings != (Settings{Visibility: VisibleLive}) || len(w.Revealed) != 0 {
		t.Errorf("a new workshop: settings %+v, revealed %v; want live, nothing revealed", w.Settings, w.Revealed)
	}
	l.append(settingsChanged(facilitator, VisibleOnReveal, true))
	l.append(promptRevealed(facilitator, "design/barriers"))
	w = l.replay()
	if w.Settings != (Settings{Visibility: VisibleOnReveal, Anonymous: true}) || !w.Revealed["design/barriers"] || w.Revealed["design/opportunities"] {
		t.Errorf("settings %+v, revealed %v", w.Settings, w.Revealed)
	}
}

func TestFoldCuration(t *testing.T) {
	l := roomLog(t)
	l.append(themesChanged(facilitator, "c-1", "welfare-poverty", "transport"))
	l.append(themesChanged(facilitator, "c-2"))
	w := l.replay()
	c1, c2 := contribution(t, w, "c-1"), contribution(t, w, "c-2")
	if !c1.ThemesAccepted || !slices.Equal(c1.Themes, []string{"welfare-poverty", "transport"}) {
		t.Errorf("c-1 themes %v accepted %v", c1.Themes, c1.ThemesAccepted)
	}
	if !c2.ThemesAccepted || len(c2.Themes) != 0 {
		t.Errorf("c-2 accepted as unthemed: themes %v accepted %v", c2.Themes, c2.ThemesAccepted)
	}
	if th, ok := w.Theme("transport"); !ok || th.Label != "Transport" || !slices.Equal(th.Keywords, []string{"bus", "train"}) {
		t.Errorf("added theme = %+v, %v", th, ok)
	}
	if themes := w.Themes(); themes[len(themes)-1].ID != "transport" || len(w.AddedThemes) != 1 {
		t.Errorf("the added theme should end the taxonomy: %v, added %v", themes[len(themes)-1], w.AddedThemes)
	}
	if c3 := contribution(t, w, "c-3"); c3.MergedInto != "c-2" || c3.Live() {
		t.Errorf("c-3 = %+v, want merged into c-2 and not live", c3)
	}
	if c4 := contribution(t, w, "c-4"); !c4.Hidden || c4.HiddenReason != "Names a council officer." || c4.Live() {
		t.Errorf("c-4 = %+v, want hidden with its reason", c4)
	}
	if c8 := contribution(t, w, "c-8"); !c8.Highlighted || !c8.Live() {
		t.Errorf("c-8 = %+v, want highlighted and live", c8)
	}

	// The author's edit to other themes makes them the author's again.
	l.append(edited(alice, ContributionDetails{ID: "c-1", Participant: alice.ID, Prompt: "design/barriers", Kind: Barrier, Themes: []string{"housing"}}, "Funding comes in one-year grants."))
	l.append(unhidden(facilitator, "c-4"))
	l.append(highlighted(facilitator, "c-8", false))
	w = l.replay()
	if c1 := contribution(t, w, "c-1"); c1.ThemesAccepted {
		t.Errorf("c-1 after the author re-themed it: still accepted")
	}
	if c4 := contribution(t, w, "c-4"); c4.Hidden || c4.HiddenReason != "" || !c4.Live() {
		t.Errorf("c-4 after unhiding = %+v", c4)
	}
	if c8 := contribution(t, w, "c-8"); c8.Highlighted {
		t.Errorf("c-8 still highlighted")
	}
}

func TestFoldScribingAndCommitments(t *testing.T) {
	w := roomLog(t).replay()
	if p := participant(t, w, table3); !p.Scribed || p.Name != "Table 3" {
		t.Errorf("Table 3 = %+v, want scribed", p)
	}
	c7 := contribution(t, w, "c-7")
	if c7.ScribedBy != scribe.ID || c7.Owner != "Table 3" || c7.Due != "2026-06-30" {
		t.Errorf("c-7 = %+v, want scribed by the scribe, owned by Table 3, due 30 June", c7)
	}
	l := baseLog(t)
	l.append(added(System, "c-2", table3, "design/barriers", Barrier, "Read from the flipchart."))
	l.append(building(added(bob, "c-3", bob.ID, "design/barriers", Barrier, "+1, and the forms."), "c-1"))
	w = l.replay()
	if c := contribution(t, w, "c-2"); c.ScribedBy != "system" {
		t.Errorf("entered by the server: ScribedBy %q, want \"system\"", c.ScribedBy)
	}
	if c := contribution(t, w, "c-3"); c.BuildsOn != "c-1" || c.ScribedBy != "" {
		t.Errorf("c-3 = %+v, want it to build on c-1, entered by Bob", c)
	}
}

func TestFoldLeavingForgetsTheWords(t *testing.T) {
	l := roomLog(t)
	l.append(voteCast(bob, "v-1", bob.ID, map[string]int{"c-8": 3}))
	l.append(withdrew(bob, bob.ID))
	w := l.replay()
	carolP, danP, bobP := participant(t, w, carol.ID), participant(t, w, dan.ID), participant(t, w, bob.ID)
	if !carolP.Withdrawn || carolP.WithdrawnAt.IsZero() || carolP.Erased || carolP.Name != "Carol" || !carolP.Left() {
		t.Errorf("Carol = %+v, want withdrawn with her name kept", carolP)
	}
	if !danP.Erased || danP.ErasedAt.IsZero() || danP.Name != "" || !danP.Left() {
		t.Errorf("Dan = %+v, want erased, name and all", danP)
	}
	if c5 := contribution(t, w, "c-5"); !c5.Withdrawn || c5.Text != "" || c5.Live() {
		t.Errorf("c-5 = %+v, want withdrawn without words", c5)
	}
	if c6 := contribution(t, w, "c-6"); !c6.Erased || c6.Text != "" || c6.Live() {
		t.Errorf("c-6 = %+v, want erased without words", c6)
	}
	if !bobP.Withdrawn {
		t.Errorf("Bob should have withdrawn")
	}
	for _, id := range []string{"c-2", "c-4", "c-9"} {
		if c := contribution(t, w, id); !c.Withdrawn || c.Text != "" {
			t.Errorf("%s = %+v, want Bob's contribution withdrawn, even the deleted and hidden ones", id, c)
		}
	}
	if v, _ := w.Vote("v-1"); v.Ballots[bob.ID] != nil {
		t.Errorf("Bob's dots should go with him: %v", v.Ballots)
	}
	if c1 := contribution(t, w, "c-1"); c1.Text == "" || c1.Withdrawn {
		t.Errorf("Alice's c-1 = %+v, want her words kept", c1)
	}
}

func TestFoldClosingTheWorkshopClosesItsVote(t *testing.T) {
	l := roomLog(t)
	end := l.append(closed())
	w := l.replay()
	v, ok := w.Vote("v-1")
	if !ok || v.Open || !v.ClosedAt.Equal(end.At) || w.OpenVote() != nil {
		t.Errorf("v-1 after the workshop closed = %+v", v)
	}
	if v0, _ := w.Vote("v-0"); v0.ClosedAt.Equal(end.At) {
		t.Errorf("v-0 closed earlier and should keep its own closing time")
	}
}

func TestVisibleTo(t *testing.T) {
	// A room of its own, without votes, since a vote shows its candidates
	// whatever the settings.
	l := baseLog(t) // c-1: Alice's barrier on design/barriers
	l.append(added(bob, "c-2", bob.ID, "design/opportunities", Opportunity, "Share the hall."))
	l.append(added(alice, "c-3", alice.ID, "design/opportunities", Opportunity, "Share the hall, please."))
	l.append(merged(facilitator, "c-3", "c-2"))
	l.append(added(bob, "c-4", bob.ID, "design/barriers", Barrier, "Something unkind."))
	l.append(hidden(facilitator, "c-4", "Unkind."))
	l.append(added(bob, "c-5", bob.ID, "design/barriers", Barrier, "Taken back."))
	l.append(deleted(bob, "c-5"))
	l.append(joined(carol, "Carol"))
	l.append(added(carol, "c-6", carol.ID, "design/barriers", Barrier, "Mine, then not."))
	l.append(withdrew(carol, carol.ID))
	atSetting := func(v Visibility, reveal ...PromptRef) *Workshop {
		ll := &testLog{t: t, events: slices.Clone(l.events)}
		if v != VisibleLive {
			ll.append(settingsChanged(facilitator, v, false))
		}
		for _, ref := range reveal {
			ll.append(promptRevealed(facilitator, ref))
		}
		return ll.replay()
	}
	live := atSetting(VisibleLive)
	onReveal := atSetting(VisibleOnReveal)
	revealed := atSetting(VisibleOnReveal, "design/barriers")
	off := atSetting(VisibleNever)
	cases := []struct {
		name    string
		w       *Workshop
		viewer  string
		c       string
		visible bool
	}{
		{"live: another's contribution", live, alice.ID, "c-2", true},
		{"live: one's own", live, alice.ID, "c-1", true},
		{"live: another's merged-away duplicate", live, bob.ID, "c-3", false},
		{"live: one's own merged-away duplicate", live, alice.ID, "c-3", true},
		{"live: another's hidden one", live, alice.ID, "c-4", false},
		{"live: one's own hidden one, to be told why", live, bob.ID, "c-4", true},
		{"live: another's deleted one", live, alice.ID, "c-5", false},
		{"live: one's own deleted one", live, bob.ID, "c-5", false},
		{"live: a withdrawn one", live, alice.ID, "c-6", false},
		{"live: one's own after withdrawing", live, carol.ID, "c-6", false},
		{"reveal: another's, not yet revealed", onReveal, alice.ID, "c-2", false},
		{"reveal: one's own, not yet revealed", onReveal, alice.ID, "c-1", true},
		{"reveal: another's, once revealed", revealed, bob.ID, "c-1", true},
		{"reveal: another's on a prompt not revealed", revealed, alice.ID, "c-2", false},
		{"reveal: another's hidden one, revealed prompt", revealed, alice.ID, "c-4", false},
		{"off: another's", off, alice.ID, "c-2", false},
		{"off: one's own", off, alice.ID, "c-1", true},
		{"off: another's, even revealed", atSetting(VisibleNever, "design/barriers"), bob.ID, "c-1", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.w.VisibleTo(tc.viewer, contribution(t, tc.w, tc.c)); got != tc.visible {
				t.Errorf("VisibleTo(%s, %s) = %v, want %v", tc.viewer, tc.c, got, tc.visible)
			}
		})
	}
	if live.VisibleTo(alice.ID, nil) {
		t.Errorf("VisibleTo of no contribution should be false")
	}
}

func TestVisibleToShowsAVotesCandidatesWhateverTheSettings(t *testing.T) {
	l := baseLog(t)
	l.append(settingsChanged(facilitator, VisibleNever, false))
	l.append(added(bob, "c-2", bob.ID, "design/opportunities", Opportunity, "Share the hall."))
	l.append(voteOpened(facilitator, "v-1", "Which first?", 3, Opportunity))
	w := l.replay()
	if !w.VisibleTo(alice.ID, contribution(t, w, "c-2")) {
		t.Errorf("an opportunity on the ballot should be visible to everyone")
	}
	if w.VisibleTo(bob.ID, contribution(t, w, "c-1")) {
		t.Errorf("a barrier is not on the ballot: with visibility off, Bob should not see Alice's")
	}
}

func TestVoteResults(t *testing.T) {
	l := roomLog(t) // v-1: Alice has c-2: 2, c-8: 1
	l.append(added(alice, "c-10", alice.ID, "design/opportunities", Opportunity, "A shared minibus."))
	l.append(added(bob, "c-11", bob.ID, "design/opportunities", Opportunity, "A minibus we share."))
	l.append(voteCast(bob, "v-1", bob.ID, map[string]int{"c-8": 1, "c-10": 1, "c-11": 1}))
	l.append(voteCast(scribe, "v-1", table3, map[string]int{"c-10": 3}))
	l.append(voteCast(scribe, "v-1", table3, map[string]int{"c-11": 2, "c-8": 1})) // moved
	w := l.replay()
	v, _ := w.Vote("v-1")
	// Ties keep the order contributions were added: c-8 before c-11.
	want := []VoteResult{{"c-8", 3, 1}, {"c-11", 3, 1}, {"c-2", 2, 3}, {"c-10", 1, 4}}
	if got := v.Results(); !reflect.DeepEqual(got, want) {
		t.Errorf("results:\n got %v\nwant %v", got, want)
	}
	if v.Voters() != 3 {
		t.Errorf("voters = %d, want 3", v.Voters())
	}

	// Merging the duplicate minibus into the first gives it the dots.
	l.append(merged(facilitator, "c-11", "c-10"))
	// Hiding c-2 takes its dots out of the count while it is hidden.
	l.append(hidden(facilitator, "c-2", "Repeats c-8."))
	// Bob leaving takes his dots with him; the dots on his duplicate c-11
	// already count for c-10, which stays.
	l.append(withdrew(bob, bob.ID))
	l.append(voteClosed(facilitator, "v-1"))
	w = l.replay()
	v, _ = w.Vote("v-1")
	want = []VoteResult{{"c-8", 2, 1}, {"c-10", 2, 1}}
	if got := v.Results(); !reflect.DeepEqual(got, want) {
		t.Errorf("results after a merge, a hide and a withdrawal:\n got %v\nwant %v", got, want)
	}
	if v.Open || w.OpenVote() != nil {
		t.Errorf("v-1 should be closed")
	}
	if got := w.dotsReceived(); got["c-8"] != 2 || got["c-10"] != 2 || got["c-11"] != 0 {
		t.Errorf("dots received: %v", got)
	}
}

func TestVoteResultsOfAnEmptyVote(t *testing.T) {
	l := baseLog(t)
	l.append(voteOpened(facilitator, "v-1", "Anything?", 3))
	v, _ := l.replay().Vote("v-1")
	if got := v.Results(); got == nil || len(got) != 0 {
		t.Errorf("results of a vote nobody voted in = %#v, want an empty list", got)
	}
	if !v.Admits(&Contribution{Kind: Story}) {
		t.Errorf("a vote over any kind should admit a live story")
	}
}
