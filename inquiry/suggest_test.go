package inquiry

import (
	"slices"
	"strings"
	"testing"
)

func TestSuggestThemesFromWhatPeopleWrite(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"The GP practice now refers lonely older people to our lunch club.",
			[]string{"health-social-care"}},
		{"We took over the old school buildings through an asset transfer and now run them as a community hub.",
			[]string{"empowerment-assets"}},
		{"Families hit by universal credit sanctions come to our food pantry and money advice sessions.",
			[]string{"welfare-poverty"}},
		{"Income from the community wind turbine pays for energy advice and insulation.",
			[]string{"sustainability"}},
		{"Participatory budgeting let residents vote on how the ward budget was spent.",
			[]string{"local-democracy", "services-procurement"}},
		{"Tenants of the housing association are worried about damp and rising rents.",
			[]string{"housing"}},
		{"Our café is a social enterprise that trains young people and gives them their first job.",
			[]string{"social-enterprise", "local-economy"}},
		{"Commissioners in the council and the NHS never coordinate their funding, so we fill in three forms for the same work.",
			[]string{"services-procurement", "health-social-care"}},
		{"During the pandemic our volunteers delivered prescriptions and food parcels to people shielding.",
			[]string{"resilience", "health-social-care", "welfare-poverty"}},
		{"The communities facing the most inequality and disadvantage have no anchor organisation at all.",
			[]string{"inequalities"}},
		{"Our community-led plan fed straight into the locality plan of the community planning partnership.",
			[]string{"community-planning"}},
		{"We are turning the derelict site in the village centre into a play park.",
			[]string{"place-making"}},
		{"The neighborhood organization runs a community garden and a repair cafe.",
			[]string{"sustainability", "social-enterprise", "place-making"}},
		{"Short-term grants from the council and the health board make it hard to plan for the long term.",
			[]string{"services-procurement", "health-social-care"}},
		{"Councillors should hear from community councils before decisions are made.",
			[]string{"local-democracy"}},
		{"VOLUNTEERS, charities and the Third Sector Interface meet monthly.",
			[]string{"third-sector"}},
	}
	for _, c := range cases {
		if got := SuggestThemes(c.text, DefaultThemes); !slices.Equal(got, c.want) {
			t.Errorf("SuggestThemes(%q)\n got %v\nwant %v", c.text, got, c.want)
		}
	}
}

func TestSuggestThemesOffersNothingForUnrelatedText(t *testing.T) {
	for _, text := range []string{
		"",
		"   ",
		"The weather was lovely and there were biscuits with the tea.",
		"Thank you all for coming this morning.",
		"I agree with what was said before.",
		"A careful career in scarecrows.", // "care" must not match inside other words
		"\x1b]0;title\x07!!!",
	} {
		if got := SuggestThemes(text, DefaultThemes); got != nil {
			t.Errorf("SuggestThemes(%q) = %v, want nothing", text, got)
		}
	}
}

func TestSuggestThemesOffersAtMostThreeBestFirst(t *testing.T) {
	text := "housing housing housing health health poverty volunteer climate"
	got := SuggestThemes(text, DefaultThemes)
	want := []string{"housing", "health-social-care", "welfare-poverty"}
	if !slices.Equal(got, want) {
		t.Errorf("SuggestThemes(%q) = %v, want %v", text, got, want)
	}
}

func TestSuggestThemesBreaksTiesByListOrder(t *testing.T) {
	themes := []Theme{
		{ID: "b", Label: "B", Keywords: []string{"boat"}},
		{ID: "a", Label: "A", Keywords: []string{"anchor"}},
	}
	for range 20 {
		if got := SuggestThemes("an anchor for the boat", themes); !slices.Equal(got, []string{"b", "a"}) {
			t.Fatalf("SuggestThemes with a tie = %v, want the list order [b a]", got)
		}
	}
}

func TestSuggestThemesUsesAGuidesOwnKeywords(t *testing.T) {
	themes := append(slices.Clip(DefaultThemes), Theme{ID: "youth", Label: "Young people", Keywords: []string{"young people", "youth"}})
	got := SuggestThemes("A youth forum so that young people are heard", themes)
	if len(got) == 0 || got[0] != "youth" {
		t.Errorf("SuggestThemes with a guide theme = %v, want youth first", got)
	}
}

func TestShortStemsMatchOnlyWholeWords(t *testing.T) {
	cases := []struct {
		word, stem string
		want       bool
	}{
		{"gp", "gp", true},
		{"gps", "gp", true},
		{"gpu", "gp", false},
		{"care", "care", true},
		{"career", "care", false},
		{"buses", "bus", true},
		{"landlord", "land", false},
		{"volunteering", "volunteer", true},
		{"volunteer", "volunteering", false},
		{"renewables", "renewabl", true},
	}
	for _, c := range cases {
		if got := stemMatches(c.word, c.stem); got != c.want {
			t.Errorf("stemMatches(%q, %q) = %v, want %v", c.word, c.stem, got, c.want)
		}
	}
}

// A keyword that another keyword of the same theme already matches word
// for word would count the same words twice.
func TestDefaultThemeKeywordsAreNotRedundant(t *testing.T) {
	for _, theme := range DefaultThemes {
		if len(theme.Keywords) < 10 {
			t.Errorf("theme %s has only %d keywords", theme.ID, len(theme.Keywords))
		}
		for i, a := range theme.Keywords {
			if a != strings.ToLower(a) || CleanLine(a) != a {
				t.Errorf("theme %s keyword %q is not a lower-case line", theme.ID, a)
			}
			words := keywordWords(a)
			for j, b := range theme.Keywords {
				k := keyword{stems: keywordWords(b)}
				if i != j && len(k.stems) == len(words) && k.matchesAt(words, 0) {
					t.Errorf("theme %s: keyword %q already matches keyword %q", theme.ID, b, a)
				}
			}
		}
	}
}

func BenchmarkSuggestThemes(b *testing.B) {
	text := strings.Repeat("During the pandemic our volunteers delivered prescriptions and food parcels to people shielding. ", 20)
	for b.Loop() {
		SuggestThemes(text, DefaultThemes)
	}
}

func BenchmarkThemeIndexSuggest(b *testing.B) {
	text := strings.Repeat("During the pandemic our volunteers delivered prescriptions and food parcels to people shielding. ", 20)
	index := NewThemeIndex(DefaultThemes)
	for b.Loop() {
		index.Suggest(text)
	}
}
