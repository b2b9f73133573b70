package tui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

func TestFooterDropsTheLeastImportantKeysFirstNeverLeaveOrHelp(t *testing.T) {
	save, choices, leave := Bind("enter", "save", "enter"), Bind("tab", "choices", "tab"), Leave
	wide := ansi.Strip(Footer(80, save, choices, leave))
	if wide != "enter save · tab choices · ctrl+c leave" {
		t.Fatalf("the line of keys at 80 columns is %q", wide)
	}
	for w, want := range map[int]string{
		38: "enter save · ctrl+c leave",
		26: "enter save · ctrl+c leave",
		20: "ctrl+c leave",
	} {
		if got := ansi.Strip(Footer(w, save, choices, leave)); got != want {
			t.Errorf("at %d columns the line of keys is %q, want %q: the last keys dropped first, whole, never leave", w, got, want)
		}
	}
	help := Bind("?", "keys", "?")
	if got, want := ansi.Strip(Footer(30, save, help, choices, leave)), "? keys · ctrl+c leave"; got != want {
		t.Errorf("at 30 columns with ? among the keys: %q, want %q", got, want)
	}
	off := Bind("x", "hidden", "x")
	off.SetEnabled(false)
	if got := ansi.Strip(Footer(80, save, off, leave)); strings.Contains(got, "hidden") {
		t.Fatalf("a disabled key is on the line: %q", got)
	}
}

func TestFooterKeepingShowsItsKeyHoweverNarrow(t *testing.T) {
	keys := []key.Binding{Bind("↑↓", "pick", "up"), Bind("enter", "open", "enter"), Bind("n", "next prompt", "n")}
	for _, w := range []int{80, 30, 12} {
		got := ansi.Strip(FooterKeeping(w, Bind("?", "keys", "?"), keys...))
		if !strings.HasSuffix(got, "? keys") || Width(got) > w {
			t.Errorf("at %d columns: %q, want it to end with \"? keys\" and fit", w, got)
		}
	}
	if got := ansi.Strip(FooterKeeping(30, Bind("?", "keys", "?"), keys...)); got != "↑↓ pick · enter open · ? keys" {
		t.Errorf("at 30 columns: %q, want as many leading keys as fit before \"? keys\"", got)
	}
}

func TestMoveGoesByOneByAPageAndToTheEnds(t *testing.T) {
	tests := []struct {
		key  string
		want int
	}{{"up", -1}, {"down", 1}, {"pgup", -10}, {"pgdown", 10}, {"home", -1 << 30}, {"end", 1 << 30}}
	for _, tt := range tests {
		if got, ok := Move(keyPress(tt.key), 10); !ok || got != tt.want {
			t.Errorf("Move(%s) = %d, %v; want %d", tt.key, got, ok, tt.want)
		}
	}
	if _, ok := Move(keyPress("x"), 10); ok {
		t.Error("x moved the cursor")
	}
	cursor := 3
	for _, k := range []string{"end", "down", "pgup", "home", "up"} {
		MoveIn(&cursor, 5, keyPress(k), 10)
	}
	if cursor != 0 {
		t.Errorf("after end, down, pgup, home and up in a list of 5 the cursor is at %d, want 0", cursor)
	}
}
