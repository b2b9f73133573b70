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
	toAction(t, &f)
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

// TestCommitmentLineIsDrawnOnlyWhenItsInputsChange types words at an
// action prompt and checks that the who and by-when line is drawn once,
// not once a frame, and again when the owner, the date or the focus
// changes.
func TestCommitmentLineIsDrawnOnlyWhenItsInputsChange(t *testing.T) {
	f := NewContributionForm(newTestChoices(t), "", false)
	toAction(t, &f)
	line, _ := f.CommitmentLine(80)
	if !strings.Contains(line, "Who") || f.drawn.commitment.draws != 1 {
		t.Fatalf("the first frame drew %q (%d times)", line, f.drawn.commitment.draws)
	}
	for _, r := range "The youth club" {
		press(&f, string(r))
		if again, _ := f.CommitmentLine(80); again != line {
			t.Fatalf("typing words changed the line to %q", again)
		}
	}
	if n := f.drawn.commitment.draws; n != 1 {
		t.Fatalf("typing 14 characters of words drew the line %d times, want once", n)
	}
	press(&f, "tab", "tab", "tab", "tab") // kind, themes, partner, owner
	if f.Focus() != FieldOwner {
		t.Fatalf("four tabs reached %v, want the owner", f.Focus())
	}
	_, before := f.CommitmentLine(80)
	press(&f, "S", "a", "m")
	line, cursor := f.CommitmentLine(80)
	if !strings.Contains(line, "Sam") || cursor == nil || cursor.X != before.X+3 {
		t.Fatalf("after typing Sam the line is %q with the cursor at %v (from %v)", line, cursor, before)
	}
	OffsetCursor(cursor, 10, 10) // a screen moves the cursor it is given
	if _, again := f.CommitmentLine(80); again.X != cursor.X-10 || again.Y != 0 {
		t.Fatalf("the kept cursor moved with the one handed out: %v", again)
	}
	draws := f.drawn.commitment.draws
	f.CommitmentLine(60)
	if f.drawn.commitment.draws != draws+1 {
		t.Fatal("a narrower window did not draw the line again")
	}
}

// toAction moves a form to a prompt that asks for actions, with the
// action chosen.
func toAction(t *testing.T, f *ContributionForm) {
	t.Helper()
	for p, phase := range f.choices.Guide().Phases {
		for q, prompt := range phase.Prompts {
			for k, kind := range prompt.KindChoices() {
				if kind == inquiry.Action {
					f.GoTo(p, q)
					f.kind = k
					return
				}
			}
		}
	}
	t.Fatal("the default guide asks for no actions")
}

// TestTheFormHoldsAnActionsInputsOnlyWhileOneIsWritten: the owner and
// date inputs (some 16 KB) are made when an action needs them, keep what
// is typed, come back with a snapshot, and go with the words.
func TestTheFormHoldsAnActionsInputsOnlyWhileOneIsWritten(t *testing.T) {
	f := NewContributionForm(newTestChoices(t), "", false)
	if f.commit != nil {
		t.Fatal("a new form holds an action's inputs")
	}
	toAction(t, &f)
	f.SetWords("Ask the council for the keys")
	press(&f, "tab", "tab", "tab", "tab") // kind, themes, partner, who
	for _, r := range "Morag" {
		press(&f, string(r))
	}
	press(&f, "tab")
	for _, r := range "2027-01-15" {
		press(&f, string(r))
	}
	d, problem := f.Contribution("p-1")
	if problem != "" || d.Owner.Text != "Morag" || d.Due != "2027-01-15" {
		t.Fatalf("the action says owner %q, due %q (problem %q); want what was typed", d.Owner.Text, d.Due, problem)
	}
	kept := f.Snapshot()
	f.Clear()
	if f.commit != nil {
		t.Error("a cleared form keeps an action's inputs")
	}
	f.Restore(kept, kept.Words())
	if d, _ := f.Contribution("p-1"); d.Owner.Text != "Morag" || d.Due != "2027-01-15" {
		t.Errorf("restored, the action says owner %q, due %q", d.Owner.Text, d.Due)
	}
}
