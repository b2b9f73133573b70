package inquiry

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// people makes participants of the given kinds of organisation, n of each
// in turn: people("Local authority", 5, "", 2) is five council officers
// and two people who did not say.
func people(spec ...any) []*Participant {
	var ps []*Participant
	for i := 0; i < len(spec); i += 2 {
		for range spec[i+1].(int) {
			ps = append(ps, &Participant{ID: fmt.Sprintf("p%d", len(ps)), Organisation: spec[i].(string)})
		}
	}
	return ps
}

// shown writes the sectors shown as "Councils 5, Others 6".
func shown(g SectorGroups) string {
	var parts []string
	for _, sp := range g.Shown {
		parts = append(parts, fmt.Sprintf("%s %d", sp.Sector.Label, sp.People))
	}
	return strings.Join(parts, ", ")
}

func labels(ss []Sector) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Label)
	}
	return strings.Join(out, ", ")
}

func TestGroupSectorsNeverShowsAGroupOfFewerThanFivePeople(t *testing.T) {
	const (
		anchor  = "Community anchor organisation"
		group   = "Community group or volunteer"
		council = "Local authority"
		nhs     = "NHS / health and social care"
		third   = "Third sector organisation"
		funder  = "Funder"
	)
	cases := []struct {
		name     string
		people   []*Participant
		shown    string
		folded   string
		withheld bool
	}{
		{name: "nobody", people: nil},
		{name: "every sector big enough", people: people(anchor, 5, council, 5, nhs, 5, third, 5, funder, 5),
			shown: "Community anchors and groups 5, Councils 5, Health and social care 5, Third sector 5, Others 5"},
		{name: "anchors and community groups stand together", people: people(anchor, 3, group, 2, council, 6),
			shown: "Community anchors and groups 5, Councils 6"},
		{name: "small sectors join others", people: people(anchor, 6, council, 5, nhs, 3, third, 2, "", 1),
			shown: "Community anchors and groups 6, Councils 5, Others 6", folded: "Health and social care, Third sector"},
		{name: "an empty others is not shown", people: people(anchor, 7, council, 5),
			shown: "Community anchors and groups 7, Councils 5"},
		{name: "a small others takes the smallest sector with it", people: people(anchor, 8, council, 5, nhs, 6, third, 2),
			shown: "Community anchors and groups 8, Health and social care 6, Others 7", folded: "Councils, Third sector"},
		{name: "of two equal smallest, the later one goes", people: people(anchor, 5, council, 5, funder, 1),
			shown: "Community anchors and groups 5, Others 6", folded: "Councils"},
		{name: "folding goes on until others is big enough", people: people(anchor, 5, council, 5, "", 1),
			shown: "Community anchors and groups 5, Others 6", folded: "Councils"},
		{name: "all small but five together: one column of others", people: people(anchor, 2, council, 2, nhs, 1),
			shown: "Others 5", folded: "Community anchors and groups, Councils, Health and social care"},
		{name: "one big sector and a lone other: nothing is shown", people: people(council, 6, funder, 1),
			shown: "Others 7", folded: "Councils"},
		{name: "fewer than five in all", people: people(anchor, 2, council, 2), withheld: true},
		{name: "one person", people: people(nhs, 1), withheld: true},
		{name: "unknown kinds and case", people: people("local AUTHORITY", 5, "Parish council", 5),
			shown: "Councils 5, Others 5"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := GroupSectors(tc.people)
			if got := shown(g); got != tc.shown {
				t.Errorf("shown %q, want %q", got, tc.shown)
			}
			if got := labels(g.Folded); got != tc.folded {
				t.Errorf("folded %q, want %q", got, tc.folded)
			}
			if g.Withheld != tc.withheld {
				t.Errorf("withheld %v, want %v", g.Withheld, tc.withheld)
			}
			total := 0
			for _, sp := range g.Shown {
				if sp.People < SmallGroup {
					t.Errorf("%s is shown with %d people", sp.Sector.Label, sp.People)
				}
				total += sp.People
			}
			if !g.Withheld && total != len(tc.people) {
				t.Errorf("the columns count %d people, want all %d", total, len(tc.people))
			}
			for _, p := range tc.people {
				as, ok := g.ShownAs(SectorOf(p.Organisation))
				if ok == g.Withheld || (ok && !slices.ContainsFunc(g.Shown, func(sp SectorPeople) bool { return sp.Sector == as })) {
					t.Errorf("%q is shown as %v (%v), which is not a column", p.Organisation, as, ok)
				}
			}
		})
	}
}

func TestSplitBySectorCountsWhatEachSectorSaidByTheme(t *testing.T) {
	l := newExportLog(t, exportStart, WorkshopDetails{
		ID: "ws-split", Title: "Split", Code: "split-0001", Pacing: SelfPaced, Guide: exportGuide(),
	})
	m := time.Minute
	join := func(prefix, organisation string, n int) {
		for i := range n {
			l.join(m, fmt.Sprintf("%s%d", prefix, i), fmt.Sprintf("%s %d", prefix, i), organisation)
		}
	}
	join("anchor", "Community anchor organisation", 5)
	join("council", "Local authority", 6) // one of them says nothing
	join("quiet", "Funder", 3)            // nobody here says anything
	n := 0
	add := func(author string, kind Kind, themes ...string) {
		n++
		ref := map[Kind]PromptRef{Opportunity: "design/build-on", Barrier: "design/in-the-way", Strength: "discover/at-best"}[kind]
		l.add(2*m, fmt.Sprintf("c-%02d", n), author, ref, kind, "words "+author, themes, "")
	}
	for i := range 5 {
		add(fmt.Sprintf("anchor%d", i), Opportunity, "housing")
		add(fmt.Sprintf("council%d", i), Barrier, "housing", "health-social-care")
	}
	add("anchor0", Barrier, "housing")
	add("council0", Opportunity)
	add("anchor1", Strength, "housing") // counted by kind: not an opportunity or a barrier
	// A withdrawn council officer's words count for nobody.
	join("gone", "Local authority", 1)
	add("gone0", Barrier, "housing")
	l.append(3*m, withdrew(Actor{Role: RoleParticipant, ID: "gone0"}, "gone0"))

	split := l.ws.SplitBySector()
	if got := shown(split.Groups); got != "Community anchors and groups 5, Councils 5" {
		t.Fatalf("shown %q: the council officer who said nothing, the quiet funders and the one who withdrew count for nothing", got)
	}
	want := map[string][2][2]int{ // theme → sector shown → {opportunities, barriers}
		"Housing":                {{5, 1}, {0, 5}},
		"Health and social care": {{0, 0}, {0, 5}},
		UnthemedLabel:            {{0, 0}, {1, 0}},
	}
	if len(split.Rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(split.Rows), len(want), split.Rows)
	}
	for _, row := range split.Rows {
		w, ok := want[row.Theme.Label]
		if !ok {
			t.Errorf("unexpected row %q", row.Theme.Label)
			continue
		}
		for i := range split.Groups.Shown {
			got := [2]int{row.Sum(i, Opportunity), row.Sum(i, Barrier)}
			if got != w[i] {
				t.Errorf("%s, %s: %v, want %v", row.Theme.Label, split.Groups.Shown[i].Sector.Label, got, w[i])
			}
		}
	}
	if last := split.Rows[len(split.Rows)-1]; !(TallyRow{Theme: last.Theme}).Unthemed() {
		t.Errorf("the unthemed row is not last: %q", last.Theme.Label)
	}
}
