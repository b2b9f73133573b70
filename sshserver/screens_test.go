package sshserver

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

func TestSessionFilterClampsWindowSizes(t *testing.T) {
	limits := DefaultConfig().Window
	filter := sessionFilter(limits, colorprofile.TrueColor)
	tests := []struct {
		name     string
		in, want tea.WindowSizeMsg
	}{
		{"huge claim", tea.WindowSizeMsg{Width: 3000, Height: 2000}, tea.WindowSizeMsg{Width: limits.MaxWidth, Height: limits.MaxHeight}},
		{"zero claim", tea.WindowSizeMsg{Width: 0, Height: 0}, tea.WindowSizeMsg{Width: 10, Height: 3}},
		{"negative claim", tea.WindowSizeMsg{Width: -5, Height: -1}, tea.WindowSizeMsg{Width: 10, Height: 3}},
		{"ordinary terminal", tea.WindowSizeMsg{Width: 80, Height: 24}, tea.WindowSizeMsg{Width: 80, Height: 24}},
		{"wide and short", tea.WindowSizeMsg{Width: 900, Height: 1}, tea.WindowSizeMsg{Width: limits.MaxWidth, Height: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := filter(nil, tt.in); got != tt.want {
				t.Errorf("filter(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestSessionFilterResumesInsteadOfSuspending(t *testing.T) {
	limits := DefaultConfig().Window
	filter := sessionFilter(limits, colorprofile.TrueColor)
	if got := filter(nil, tea.SuspendMsg{}); got != (tea.ResumeMsg{}) {
		t.Errorf("a suspend became %T, want tea.ResumeMsg: there is no shell to suspend to", got)
	}
	key := tea.KeyPressMsg{Code: 'a', Text: "a"}
	if got := filter(nil, key); got != key {
		t.Errorf("a key press became %v", got)
	}
}

func TestSessionFilterKeepsTheSessionsColourProfile(t *testing.T) {
	filter := sessionFilter(DefaultConfig().Window, colorprofile.ASCII)
	if got := filter(nil, tea.CapabilityMsg{Content: "RGB"}); got != nil {
		t.Errorf("a terminal's RGB report passed as %v: Bubble Tea would switch to true colour", got)
	}
	if got := filter(nil, tea.ColorProfileMsg{Profile: colorprofile.TrueColor}); got != (tea.ColorProfileMsg{Profile: colorprofile.ASCII}) {
		t.Errorf("a true colour profile became %v, want Ascii", got)
	}
	full := sessionFilter(DefaultConfig().Window, colorprofile.TrueColor)
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
	if p := sessionProfile([]string{"TERM=xterm-256color", "NO_COLOR=yes"}); p != colorprofile.ASCII {
		t.Errorf("xterm-256color with NO_COLOR=yes: profile %v, want Ascii", p)
	}
	if p := sessionProfile([]string{"TERM=dumb"}); p != colorprofile.NoTTY {
		t.Errorf("TERM=dumb: profile %v, want NoTTY", p)
	}
}
