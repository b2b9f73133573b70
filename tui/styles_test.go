package tui

import (
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"
)

// TestInkWritesWhatLipglossWrites pins the fast path of every style to the
// bytes lipgloss's Render makes for the same text, so that no screen
// changes by a byte for being drawn faster.
func TestInkWritesWhatLipglossWrites(t *testing.T) {
	texts := []string{
		"", "Anchorage", " · ", "✓ Discover", "宽字符 and emoji 👩‍👩‍👧", "  leading and trailing  ",
		"two\nlines", "a tab\there", "\x1b[1minner codes\x1b[m", "ends with a newline\n", "carriage\r\nreturn",
	}
	all := map[string]ink{
		"title": Title, "accent": Accent, "dim": Dim, "good": Good, "bad": Bad,
		"warn": Warn, "bold": Bold, "selected": Selected, "barrier": Barrier,
	}
	if n := reflect.TypeFor[styles]().NumField(); n != len(all) {
		t.Fatalf("styles has %d inks and this test checks %d: add the new one here", n, len(all))
	}
	for name, k := range all {
		for _, text := range texts {
			want := k.style.Render(text)
			if got := k.Render(text); got != want {
				t.Errorf("%s.Render(%q) = %q, lipgloss makes %q", name, text, got, want)
			}
		}
	}
}

// TestInkOfAPlainStyleAddsNothing: a style without attributes writes the
// text alone, as lipgloss does.
func TestInkOfAPlainStyleAddsNothing(t *testing.T) {
	k := newInk(lipgloss.NewStyle())
	if got := k.Render("words"); got != "words" {
		t.Errorf("plain ink wrote %q", got)
	}
}
