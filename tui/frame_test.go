package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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
