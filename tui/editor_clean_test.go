package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// TestEditorNeverEchoesControlOrInvisibleCharacters: whatever a key
// carries, the editor holds, and draws on the writer's own terminal, only
// what will be saved: no C0 or C1 control, no bidirectional override, no
// character that draws nothing; the letters, accents typed after them and
// the parts of an emoji stay.
func TestEditorNeverEchoesControlOrInvisibleCharacters(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string // each the Text of one key press
		want  string
		never []string
	}{
		{"right-to-left override", []string{"a", "\u202e", "b"}, "ab", []string{"\u202e"}},
		{"C1 controls", []string{"x", "\u0085", "\u009b", "31m", "y"}, "x31my", []string{"\u0085", "\u009b"}},
		{"C0 in a key's text", []string{"a\x07b\x1bc"}, "abc", []string{"\x07", "\x1b"}},
		{"invisible characters", []string{"Ali", "\u200b", "\u00ad", "ce", "\u2060"}, "Alice", []string{"\u200b", "\u00ad", "\u2060"}},
		{"tab and carriage return", []string{"one\ttwo\r\nthree"}, "one two\nthree", []string{"\t", "\r"}},
		{"an accent typed after its letter", []string{"e", "\u0301"}, "e\u0301", nil},
		{"an emoji typed in parts", []string{"👩", "\u200d", "🌾"}, "👩\u200d🌾", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEditor("", inquiry.MaxTextRunes)
			e.Focus()
			for _, text := range tt.keys {
				e.Update(tea.KeyPressMsg{Code: []rune(text)[0], Text: text})
			}
			if e.Value() != tt.want {
				t.Fatalf("the editor holds %q, want %q", e.Value(), tt.want)
			}
			drawn := e.View(newStyles())
			for _, bad := range tt.never {
				if strings.Contains(drawn, bad) {
					t.Errorf("the editor draws %q on the writer's terminal: %q", bad, drawn)
				}
			}
			if saved := inquiry.CleanText(e.Value()); saved != e.Value() {
				t.Errorf("the editor shows %q but %q would be saved", e.Value(), saved)
			}
		})
	}
}
