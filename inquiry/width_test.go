package inquiry

import (
	"slices"
	"strings"
	"testing"
)

func TestWrapBreaksAtSpacesByColumnsNotCharacters(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"   ", 10, []string{""}},
		{"Community planning", 10, []string{"Community", "planning"}},
		{"Health and social care", 10, []string{"Health and", "social", "care"}},
		{"a word-longer-than-the-width here", 8, []string{"a", "word-longer-than-the-width", "here"}},
		// Wide characters take two columns each: "住房 福利" is five runes
		// but nine columns, so it does not fit in five.
		{"住房 福利 社区", 9, []string{"住房 福利", "社区"}},
		{"住房 福利", 5, []string{"住房", "福利"}},
		{"❤️ it ❤️", 5, []string{"❤️ it", "❤️"}},
	}
	for _, c := range cases {
		if got := Wrap(c.text, c.width); !slices.Equal(got, c.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
		for _, line := range Wrap(c.text, c.width) {
			if Width(line) > c.width && strings.Contains(line, " ") {
				t.Errorf("Wrap(%q, %d) made %q, %d columns wide and more than one word", c.text, c.width, line, Width(line))
			}
		}
	}
}
