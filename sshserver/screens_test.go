package sshserver

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

func TestSessionFilterClampsWindowSizes(t *testing.T) {
	filter := sessionFilter(DefaultConfig().Window, colorprofile.TrueColor)
	tests := []struct {
		name     string
		in, want tea.WindowSizeMsg
	}{
		{"huge claim", tea.WindowSizeMsg{Width: 3000, Height: 2000}, tea.WindowSizeMsg{Width: 500, Height: 200}},
		{"zero claim", tea.WindowSizeMsg{Width: 0, Height: 0}, tea.WindowSizeMsg{Width: 10, Height: 3}},
		{"negative claim", tea.WindowSizeMsg{Width: -5, Height: -1}, tea.WindowSizeMsg{Width: 10, Height: 3}},
		{"ordinary terminal", tea.WindowSizeMsg{Width: 80, Height: 24}, tea.WindowSizeMsg{Width: 80, Height: 24}},
		{"wide and short", tea.WindowSizeMsg{Width: 900, Height: 1}, tea.WindowSizeMsg{Width: 500, Height: 3}},
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
	filter := sessionFilter(DefaultConfig().Window, colorprofile.TrueColor)
	if got := filter(nil, tea.SuspendMsg{}); got != (tea.ResumeMsg{}) {
		t.Errorf("a suspend became %T, want tea.ResumeMsg: there is no shell to suspend to", got)
	}
	key := tea.KeyPressMsg{Code: 'a', Text: "a"}
	if got := filter(nil, key); got != key {
		t.Errorf("a key press became %v", got)
	}
}
