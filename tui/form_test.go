package tui

import (
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// testChoices are the default guide's prompts and the starting themes.
type testChoices struct{ guide inquiry.Guide }

func newTestChoices(t *testing.T) *testChoices {
	t.Helper()
	g, ok := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok {
		t.Fatal("the default guide is missing")
	}
	return &testChoices{guide: g}
}

func (c *testChoices) Guide() *inquiry.Guide   { return &c.guide }
func (c *testChoices) Themes() []inquiry.Theme { return inquiry.DefaultThemes }
func (c *testChoices) SuggestThemes(text string) []string {
	return inquiry.NewThemeIndex(inquiry.DefaultThemes).Suggest(text)
}

// press gives the form named keys, one after another.
func press(f *ContributionForm, names ...string) {
	for _, k := range names {
		f.Key(keyPress(k))
	}
}

func TestContributionFormTicksAThemeWithSpaceOrX(t *testing.T) {
	for _, tick := range []string{"space", "x"} {
		t.Run(tick, func(t *testing.T) {
			f := NewContributionForm(newTestChoices(t), "", false)
			press(&f, "tab", "tab") // past the kind to the themes
			if f.Focus() != FieldThemes {
				t.Fatalf("two tabs reached %v, want the themes", f.Focus())
			}
			press(&f, tick)
			if len(f.themes) != 1 || f.themes[0] != inquiry.DefaultThemes[0].ID || !f.themesTouched {
				t.Fatalf("%s on the first theme chose %v (by hand: %v)", tick, f.themes, f.themesTouched)
			}
			press(&f, tick)
			if len(f.themes) != 0 {
				t.Fatalf("%s again left %v ticked", tick, f.themes)
			}
			if f.Words() != "" {
				t.Fatalf("%s on the themes typed %q into the words", tick, f.Words())
			}
		})
	}
}

func TestContributionFormRefusesAPasteThatWouldNotFit(t *testing.T) {
	f := NewContributionForm(newTestChoices(t), "", false)
	f.SetWords("Already here. ")
	problem := f.Paste(strings.Repeat("long words ", 300))
	if !strings.Contains(problem, "Nothing was pasted") || f.Words() != "Already here. " {
		t.Fatalf("an oversized paste: problem %q, words %q; want it refused whole", problem, f.Words())
	}
	if problem := f.Paste("a short paste"); problem != "" || f.Words() != "Already here. a short paste" {
		t.Fatalf("a short paste: problem %q, words %q", problem, f.Words())
	}
}

func TestContributionFormChecksAnActionsDate(t *testing.T) {
	f := NewContributionForm(newTestChoices(t), "", false)
	for !f.IsAction() {
		p, q, ok := f.Neighbour(1)
		if !ok {
			t.Fatal("no prompt in the default guide asks for actions")
		}
		f.GoTo(p, q)
	}
	f.SetWords("Ask the council for the keys")
	press(&f, "tab", "tab", "tab", "tab", "tab") // kind, themes, partner, who, by when
	if f.Focus() != FieldDue {
		t.Fatalf("five tabs reached %v, want the date", f.Focus())
	}
	for _, r := range "next week" {
		press(&f, string(r))
	}
	if _, problem := f.Contribution("p-1"); !strings.Contains(problem, "2026-12-31") || f.Focus() != FieldDue {
		t.Fatalf("a date of %q: problem %q, focus %v; want it refused on the date", "next week", problem, f.Focus())
	}
}

func TestContributionFormVisitsThePromptOnlyWhereItChoosesIt(t *testing.T) {
	for _, chooses := range []bool{false, true} {
		f := NewContributionForm(newTestChoices(t), "", chooses)
		press(&f, "tab")
		want := FieldKind
		if chooses {
			want = FieldPrompt
		}
		if f.Focus() != want {
			t.Errorf("choosing the prompt %v: tab reached %v, want %v", chooses, f.Focus(), want)
		}
	}
}
