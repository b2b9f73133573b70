package grapheme

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

const family = "👨\u200d👩\u200d👧" // man, woman, girl, joined

func TestCharactersAreWhatAPersonSeesAsOne(t *testing.T) {
	tests := []struct {
		name, s      string
		count, width int
	}{
		{"ASCII", "hall", 4, 4},
		{"a heart with its emoji variation selector", "I ❤️ it", 6, 7},
		{"a heart without it", "❤", 1, 1},
		{"a skin tone", "👍🏽", 1, 2},
		{"a flag", "🇬🇧", 1, 2},
		{"the flag of Scotland (tag sequence)", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", 1, 2},
		{"a family", family, 1, 2},
		{"two families", family + family, 2, 4},
		{"an accent made of two code points", "Gàidhlig e\u0301", 10, 10},
		{"CJK", "日本語", 3, 6},
		{"a keycap", "1️⃣", 1, 2},
		{"a new line", "a\nb", 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Count(tt.s); got != tt.count {
				t.Errorf("Count(%q) = %d, want %d", tt.s, got, tt.count)
			}
			if got := Width(tt.s); got != tt.width {
				t.Errorf("Width(%q) = %d, want %d", tt.s, got, tt.width)
			}
			sum := 0
			for s := tt.s; s != ""; {
				c, w := Next(s)
				sum += w
				s = s[len(c):]
			}
			if sum != tt.width {
				t.Errorf("the widths of Next's characters add up to %d, want %d", sum, tt.width)
			}
		})
	}
}

// Next's shortcut for ASCII must cut and measure as the segmenter does.
func TestNextAgreesWithTheSegmenterOnEveryPairOfASCIIBytes(t *testing.T) {
	for a := range 0x80 {
		for b := range 0x80 {
			s := string([]byte{byte(a), byte(b)}) + "é"
			c, w := Next(s)
			wantC, wantW := ansi.FirstGraphemeCluster(s, Method)
			if c != wantC || w != wantW {
				t.Fatalf("Next(%q) = %q, %d; the segmenter says %q, %d", s, c, w, wantC, wantW)
			}
		}
	}
}

func TestHeadKeepsWholeCharacters(t *testing.T) {
	if got := Head(family+"ab", 2); got != family+"a" {
		t.Errorf("Head = %q, want the family and a", got)
	}
	if got := Head("e\u0301x", 1); got != "e\u0301" {
		t.Errorf("Head = %q, want the e with its accent", got)
	}
	if got := Head("ab", 5); got != "ab" {
		t.Errorf("Head past the end = %q", got)
	}
}

func TestTruncateNeverSplitsACharacter(t *testing.T) {
	if got := Truncate(family+family+" abc", 3, ""); got != family {
		t.Errorf("Truncate to 3 columns = %q, want one family (two columns)", got)
	}
	if got := Truncate("\x1b[1mI ❤️ it\x1b[m", 4, "…"); ansi.Strip(got) != "I …" {
		t.Errorf("Truncate = %q, want the heart cut whole", got)
	}
	if got := Truncate("abc", 0, "…"); got != "" {
		t.Errorf("Truncate to nothing = %q", got)
	}
}

func TestWrapBreaksBetweenCharactersNeverInside(t *testing.T) {
	got := Wrap(family+family+" abc", 3)
	want := []string{family, family, "abc"}
	if !slices.Equal(got, want) {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
	for _, line := range Wrap(strings.Repeat("日本 ", 5), 5) {
		if Width(line) > 5 {
			t.Errorf("line %q is wider than 5", line)
		}
	}
}

func TestABrokenByteIsACharacterOfItsOwn(t *testing.T) {
	for _, tt := range []struct{ s, first string }{{"a\xe2b", "a"}, {"\xe2b", "\xe2"}, {"é\xffx", "é"}, {"🇬\xe2", "🇬"}} {
		if c, w := Next(tt.s); c != tt.first || w < 1 {
			t.Errorf("Next(%q) = %q, %d; want %q", tt.s, c, w, tt.first)
		}
	}
}

func TestWrapKeepsHyphenatedWordsAndFitsTheWidth(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width int
		want  []string
	}{
		{"the code looks like harbour-4821, then enter", 22, []string{"the code looks like", "harbour-4821, then", "enter"}},
		{"", 10, []string{""}},
		{"one\ntwo  three", 20, []string{"one", "two three"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"日本語の文", 5, []string{"日本", "語の", "文"}},
		{"👩🏽‍🌾👩🏽‍🌾👩🏽‍🌾 x", 4, []string{"👩🏽‍🌾👩🏽‍🌾", "👩🏽‍🌾 x"}},
		{"kept at Design\u00a02\u00a0·\u00a07 now", 14, []string{"kept at", "Design\u00a02\u00a0·\u00a07", "now"}},
	} {
		got := Wrap(tc.s, tc.width)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
		for _, l := range got {
			if Width(l) > tc.width {
				t.Errorf("Wrap(%q, %d): %q is wider than the width", tc.s, tc.width, l)
			}
		}
	}
}

func TestWrapLeavesNoLoneMarkAtTheStartOfALine(t *testing.T) {
	got := Wrap("\u0301\u0302 stray marks first and then \u0301more", 10)
	want := []string{"stray", "marks", "first and", "then \u0301more"} // mid-line it joins the space
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
}
