package inquiry

import (
	"fmt"
	"testing"
	"time"
)

// tallyRow finds a theme's row in a tally.
func tallyRow(t *testing.T, tally Tally, themeID string) TallyRow {
	t.Helper()
	if themeID == "" {
		return tally.Unthemed
	}
	for _, r := range tally.Themes {
		if r.Theme.ID == themeID {
			return r
		}
	}
	t.Fatalf("no tally row for theme %q", themeID)
	return TallyRow{}
}

func TestTallyCountsLiveContributionsByThemeAndKind(t *testing.T) {
	ws, _ := sampleExportLog(t)
	tally := ws.Tally()

	cases := []struct {
		theme string
		want  map[Kind]int
	}{
		// c-10, a deleted opportunity on health and social care, is not counted.
		{"health-social-care", map[Kind]int{Opportunity: 1, Story: 2, Action: 1}},
		{"community-planning", map[Kind]int{Opportunity: 1, Barrier: 1, Aspiration: 1, Action: 1}},
		{"empowerment-assets", map[Kind]int{Opportunity: 1, Barrier: 1}},
		{"services-procurement", map[Kind]int{Opportunity: 1, Barrier: 1, Story: 1}},
		{"resilience", map[Kind]int{Strength: 1}},
		{"housing", map[Kind]int{}},
		{"food", map[Kind]int{Story: 1}}, // the guide's own theme
		{"", map[Kind]int{Barrier: 1, Aspiration: 1}},
	}
	for _, tc := range cases {
		t.Run(rowName(tc.theme), func(t *testing.T) {
			row := tallyRow(t, tally, tc.theme)
			for _, k := range Kinds {
				count, present := row.Counts[k]
				if !present {
					t.Errorf("Counts has no entry for %s; every kind should be present", k)
				}
				if count != tc.want[k] {
					t.Errorf("%s: got %d, want %d", k, count, tc.want[k])
				}
			}
		})
	}

	wantTotals := map[Kind]int{Opportunity: 4, Barrier: 6, Strength: 1, Aspiration: 3, Action: 3, Story: 2}
	for _, k := range Kinds {
		if tally.Totals[k] != wantTotals[k] {
			t.Errorf("total %s: got %d, want %d", k, tally.Totals[k], wantTotals[k])
		}
	}
	if tally.Contributions != 19 {
		t.Errorf("Contributions: got %d, want 19 (20 added, 1 deleted)", tally.Contributions)
	}
	if len(tally.Themes) != len(DefaultThemes)+1 {
		t.Errorf("got %d theme rows, want one per theme of the taxonomy (%d)", len(tally.Themes), len(DefaultThemes)+1)
	}
	for i, th := range ws.Themes() {
		if tally.Themes[i].Theme.ID != th.ID {
			t.Fatalf("row %d is %q, want %q: rows follow taxonomy order", i, tally.Themes[i].Theme.ID, th.ID)
		}
	}
	if tally.Unthemed.Theme.Label != UnthemedLabel || !tally.Unthemed.Unthemed() {
		t.Errorf("unthemed row: got theme %+v", tally.Unthemed.Theme)
	}
}

func rowName(id string) string {
	if id == "" {
		return "unthemed"
	}
	return id
}

func TestTallyRowsPutMostOpportunitiesAndBarriersFirstThenTaxonomyOrder(t *testing.T) {
	ws, _ := sampleExportLog(t)
	var got []string
	for _, r := range ws.Tally().Rows() {
		got = append(got, rowName(r.Theme.ID))
	}
	want := []string{
		// two opportunities and barriers each, in taxonomy order
		"community-planning", "empowerment-assets", "services-procurement",
		// one each
		"health-social-care", "local-democracy", "social-enterprise", "third-sector", "local-economy", "sustainability",
		// none, but other kinds; housing and the rest with nothing are left out
		"resilience", "place-making", "food",
		// not a theme: always last
		"unthemed",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Rows order:\n got %v\nwant %v", got, want)
	}
}

func TestTallyRowsLeaveOutUnthemedWhenEverythingHasATheme(t *testing.T) {
	l := newExportLog(t, exportStart, WorkshopDetails{ID: "w", Title: "T", Code: "oak-0001", Pacing: SelfPaced, Guide: exportGuide()})
	l.join(time.Minute, "p", "P", "")
	l.add(2*time.Minute, "c", "p", "design/in-the-way", Barrier, "Parking.", []string{"housing"}, "")
	rows := l.ws.Tally().Rows()
	if len(rows) != 1 || rows[0].Theme.ID != "housing" {
		t.Errorf("got rows %+v, want housing alone", rows)
	}
}

func TestTallyMaxIsTheLongestBar(t *testing.T) {
	ws, _ := sampleExportLog(t)
	tally := ws.Tally()
	cases := []struct {
		kinds []Kind
		want  int
	}{
		{[]Kind{Opportunity, Barrier}, 2},
		{[]Kind{Opportunity}, 1},
		{[]Kind{Story}, 2},           // health and social care
		{[]Kind{Barrier, Action}, 2}, // community planning, and local democracy
		{nil, 4},                     // every kind: community planning, and health and social care
	}
	for _, tc := range cases {
		if got := tally.Max(tc.kinds...); got != tc.want {
			t.Errorf("Max(%v): got %d, want %d", tc.kinds, got, tc.want)
		}
	}
	if got := (Tally{}).Max(Opportunity); got != 0 {
		t.Errorf("Max of an empty tally: got %d, want 0", got)
	}
}

func TestTallyForgetsAContributionOnceDeleted(t *testing.T) {
	l := newExportLog(t, exportStart, WorkshopDetails{ID: "w", Title: "T", Code: "oak-0001", Pacing: SelfPaced, Guide: exportGuide()})
	l.join(time.Minute, "p", "P", "")
	l.add(2*time.Minute, "c", "p", "design/build-on", Opportunity, "A shared van.", []string{"resilience"}, "")
	if got := tallyRow(t, l.ws.Tally(), "resilience").Counts[Opportunity]; got != 1 {
		t.Fatalf("before deletion: got %d opportunities on resilience, want 1", got)
	}
	l.remove(3*time.Minute, "c", Actor{Role: RoleParticipant, ID: "p"})
	tally := l.ws.Tally()
	if got := tallyRow(t, tally, "resilience").Counts[Opportunity]; got != 0 {
		t.Errorf("after deletion: got %d opportunities on resilience, want 0", got)
	}
	if tally.Totals[Opportunity] != 0 || tally.Contributions != 0 || len(tally.Rows()) != 0 {
		t.Errorf("after deletion the tally should be empty, got %+v", tally)
	}
}

func TestTallyFollowsAnEditToAnotherKind(t *testing.T) {
	l := newExportLog(t, exportStart, WorkshopDetails{ID: "w", Title: "T", Code: "oak-0001", Pacing: SelfPaced, Guide: exportGuide()})
	l.join(time.Minute, "p", "P", "")
	l.add(2*time.Minute, "c", "p", "deliver/anything-else", Barrier, "No bus after six.", nil, "")
	c, _ := l.ws.Contribution("c")
	l.append(3*time.Minute, Event{
		Type: ContributionEdited, Actor: exportFacilitator,
		Contribution: &ContributionDetails{ID: "c", Participant: "p", Prompt: c.Prompt, Kind: Opportunity,
			Text: Words{Text: "A community bus after six."}, Themes: []string{"resilience"}},
	})
	tally := l.ws.Tally()
	if tally.Totals[Barrier] != 0 || tally.Totals[Opportunity] != 1 {
		t.Errorf("totals after re-kinding: %v", tally.Totals)
	}
	if tally.Unthemed.Sum() != 0 || tallyRow(t, tally, "resilience").Counts[Opportunity] != 1 {
		t.Errorf("rows after re-theming: unthemed %v, resilience %v", tally.Unthemed.Counts, tallyRow(t, tally, "resilience").Counts)
	}
}

func BenchmarkTally(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		ws, _ := largeExportLog(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = ws.Tally()
			}
		})
	}
}

func TestRunningTallyHasARowWidthForEveryKind(t *testing.T) {
	if numKinds != len(AllKinds) {
		t.Fatalf("numKinds is %d but there are %d kinds: widen the running tally's rows", numKinds, len(AllKinds))
	}
}
