package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestAQuoteIsNeverBrokenOverTwoLines(t *testing.T) {
	n := Notice{Text: "Saved ✓ Story:", Quote: "The lunch club started in the church hall, and the GP surgery sent people to it"}
	for _, w := range []int{30, 40, 60, 200} {
		got := ansi.Strip(n.Lines(w))
		if strings.Contains(got, "\n") || Width(got) > w || !strings.HasPrefix(got, "Saved ✓ Story: “The") || !strings.HasSuffix(got, "”") {
			t.Errorf("at %d columns: %q, want one line with the quote cut inside its marks", w, got)
		}
	}
	if got := ansi.Strip(n.Lines(20)); got != "Saved ✓ Story:" {
		t.Errorf("at 20 columns: %q, want the quote left out rather than a few letters of it", got)
	}
}

func TestALongNoticeSaysThereWasMore(t *testing.T) {
	n := Notice{Text: strings.Repeat("word ", 40)}
	lines := strings.Split(ansi.Strip(n.Lines(30)), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("a notice of three lines at 30 columns: %q, want two, the second ending in …", lines)
	}
}
