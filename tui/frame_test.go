package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui/words"
)

func TestLastWordsAreWrappedToTheWindow(t *testing.T) {
	f := Frame{Width: 30, Height: 10}
	words := "That code was not recognised, and there have been too many tries. Ask the facilitator for the code."
	f.End(words)
	content := f.View(func() (string, *tea.Cursor) { return "", nil }).Content
	for _, row := range strings.Split(strings.TrimSuffix(content, "\n"), "\n") {
		if Width(row) > 30 {
			t.Errorf("a row of the last words is %d columns wide on a 30-column window: %q", Width(row), row)
		}
	}
	if got := strings.Join(strings.Fields(content), " "); got != words {
		t.Errorf("the last words read %q, want them whole: %q", got, words)
	}
}

func TestATooSmallWindowKeepsWhatMattersMost(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		keep string
		want string
	}{
		{20, 5, "", "Too small: 20x5.\nEnlarge to 30x10.\nYour text is kept.\nctrl+c leaves."},
		{20, 4, "resume K7QM-3XPR", "resume K7QM-3XPR\nToo small: 20x4.\nEnlarge to 30x10.\nctrl+c leaves."},
		{20, 2, "resume K7QM-3XPR", "resume K7QM-3XPR\nctrl+c leaves."},
		{12, 1, "", "ctrl+c leav…"},
	} {
		if got := tooSmall(english(), tc.w, tc.h, tc.keep); got != tc.want {
			t.Errorf("%dx%d keeping %q:\n%s\nwant:\n%s", tc.w, tc.h, tc.keep, got, tc.want)
		}
	}
	// Welsh's word for the resume code is longer: at 20 columns the line
	// to keep wraps, whole, and how to leave stays.
	cy := (*words.Catalogue)(nil).In("cy")
	keep := cy.Say("guide.title_resume", "code", "N2SZ-EEBR")
	got := tooSmall(cy, 20, 5, keep)
	rows := strings.Split(got, "\n")
	if !strings.Contains(got, "N2SZ-EEBR") || !strings.Contains(got, cy.Say("frame.leave")) || len(rows) > 5 {
		t.Errorf("in Welsh at 20x5 keeping %q:\n%s\nwant the code whole, how to leave, and at most 5 rows", keep, got)
	}
	for _, r := range rows {
		if Width(r) > 20 {
			t.Errorf("in Welsh at 20x5 the row %q is wider than 20", r)
		}
	}
}
