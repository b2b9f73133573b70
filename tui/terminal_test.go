package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// testClamp keeps sizes within 10x3 and 300x100, as a server's limits
// might.
func testClamp(w, h int) (int, int) { return min(max(w, 10), 300), min(max(h, 3), 100) }

func TestFilterClampsWindowSizes(t *testing.T) {
	clamped := filter(testClamp, colorprofile.TrueColor)
	tests := []struct {
		name     string
		in, want tea.WindowSizeMsg
	}{
		{"huge claim", tea.WindowSizeMsg{Width: 3000, Height: 2000}, tea.WindowSizeMsg{Width: 300, Height: 100}},
		{"zero claim", tea.WindowSizeMsg{Width: 0, Height: 0}, tea.WindowSizeMsg{Width: 10, Height: 3}},
		{"negative claim", tea.WindowSizeMsg{Width: -5, Height: -1}, tea.WindowSizeMsg{Width: 10, Height: 3}},
		{"ordinary terminal", tea.WindowSizeMsg{Width: 80, Height: 24}, tea.WindowSizeMsg{Width: 80, Height: 24}},
		{"wide and short", tea.WindowSizeMsg{Width: 900, Height: 1}, tea.WindowSizeMsg{Width: 300, Height: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clamped(nil, tt.in); got != tt.want {
				t.Errorf("filter(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	unclamped := filter(nil, colorprofile.TrueColor)
	if got := unclamped(nil, tea.WindowSizeMsg{Width: 3000, Height: 2000}); got != (tea.WindowSizeMsg{Width: 3000, Height: 2000}) {
		t.Errorf("without a clamp a size became %v", got)
	}
}

func TestFilterResumesInsteadOfSuspending(t *testing.T) {
	f := filter(testClamp, colorprofile.TrueColor)
	if got := f(nil, tea.SuspendMsg{}); got != (tea.ResumeMsg{}) {
		t.Errorf("a suspend became %T, want tea.ResumeMsg: there is no shell to suspend to", got)
	}
	key := tea.KeyPressMsg{Code: 'a', Text: "a"}
	if got := f(nil, key); got != key {
		t.Errorf("a key press became %v", got)
	}
}

func TestFilterKeepsTheSessionsColourProfile(t *testing.T) {
	ascii := filter(testClamp, colorprofile.ASCII)
	if got := ascii(nil, tea.CapabilityMsg{Content: "RGB"}); got != nil {
		t.Errorf("a terminal's RGB report passed as %v: Bubble Tea would switch to true colour", got)
	}
	if got := ascii(nil, tea.ColorProfileMsg{Profile: colorprofile.TrueColor}); got != (tea.ColorProfileMsg{Profile: colorprofile.ASCII}) {
		t.Errorf("a true colour profile became %v, want Ascii", got)
	}
	full := filter(nil, colorprofile.TrueColor)
	if got := full(nil, tea.CapabilityMsg{Content: "RGB"}); got != (tea.CapabilityMsg{Content: "RGB"}) {
		t.Errorf("with true colour allowed, the report became %v", got)
	}
}

func TestNoColourFollowsTheConvention(t *testing.T) {
	tests := []struct {
		env  []string
		want bool
	}{
		{nil, false},
		{[]string{"NO_COLOR="}, false},
		{[]string{"NO_COLOR=1"}, true},
		{[]string{"NO_COLOR=yes"}, true},
		{[]string{"NO_COLOR=0"}, true}, // any value at all, as no-color.org says
		{[]string{"NO_COLOUR=1"}, false},
	}
	for _, tt := range tests {
		if got := noColour(tt.env); got != tt.want {
			t.Errorf("noColour(%q) = %v, want %v", tt.env, got, tt.want)
		}
	}
	if p := Profile([]string{"TERM=xterm-256color", "NO_COLOR=yes"}); p != colorprofile.ASCII {
		t.Errorf("xterm-256color with NO_COLOR=yes: profile %v, want Ascii", p)
	}
	if p := Profile([]string{"TERM=dumb"}); p != colorprofile.NoTTY {
		t.Errorf("TERM=dumb: profile %v, want NoTTY", p)
	}
}
