package inquiry

import "testing"

func TestThemeStatusSaysWhereThemesStandInPlainWords(t *testing.T) {
	l := baseLog(t)
	withThemes := func(e Event, themes ...string) Event { e.Contribution.Themes = themes; return e }
	l.append(withThemes(added(bob, "c-2", bob.ID, "design/barriers", Barrier, "Rents."), "housing", "place-making"))
	l.append(added(bob, "c-3", bob.ID, "design/barriers", Barrier, "The bus to the health centre stopped running."))
	l.append(added(bob, "c-4", bob.ID, "design/barriers", Barrier, "Nobody asked us."))
	l.append(added(bob, "c-5", bob.ID, "design/barriers", Barrier, "Nothing here either."))
	l.append(themesChanged(facilitator, "c-5"))
	l.append(withThemes(added(bob, "c-6", bob.ID, "design/barriers", Barrier, "Houses."), "housing"))
	l.append(themesChanged(facilitator, "c-6", "housing"))
	w := l.replay()
	suggested := w.themeLabels(w.Suggester().Suggest("The bus to the health centre stopped running."))
	if len(suggested) == 0 {
		t.Fatal("the test needs words that suggest a theme")
	}
	cases := []struct {
		id, want string
	}{
		{"c-2", "Housing; Place-making, not yet confirmed by a facilitator"},
		{"c-3", "none yet; its words suggest " + andList(suggested)},
		{"c-4", "none yet, and its words suggest none"},
		{"c-5", "none, confirmed by a facilitator"},
		{"c-6", "Housing, confirmed by a facilitator"},
	}
	for _, c := range cases {
		if got := w.ThemeStatus(contribution(t, w, c.id)); got != c.want {
			t.Errorf("%s: %q, want %q", c.id, got, c.want)
		}
	}
	if got := andList([]string{"a", "b", "c"}); got != "a, b and c" {
		t.Errorf("andList = %q", got)
	}
}
