package display

import (
	"strings"
	"testing"
)

// TestGaelicAndWelshWordsDrawInTheLargeType: the small letters with the
// accents of Gaelic and Welsh (and a combining mark typed after its
// letter) are in the wall's large type, each its plain letter with ink
// above it and nowhere else changed; an accented capital, which has no
// room for its accent, sends the text to the terminal's own type.
func TestGaelicAndWelshWordsDrawInTheLargeType(t *testing.T) {
	for _, words := range []string{"Gàidhlig", "Fàilte gu Alba", "Croeso i'r dŵr a'r tŷ", "Ysgol Gymraeg caffi ê ï ö ÿ", "Cafe\u0301 mòr"} {
		if _, ok := largest(words, 200, 60, 2); !ok {
			t.Errorf("%q is not drawn in the large type", words)
		}
	}
	for r, a := range accented {
		g, ok := glyphOf(r)
		if !ok {
			t.Errorf("%c is not in the font", r)
			continue
		}
		base, _ := glyphOf(a.base)
		if g.width() != base.width() {
			t.Errorf("%c is %d dots wide, its letter %c %d", r, g.width(), a.base, base.width())
		}
		inked := false
		for y := range g {
			for x := range g[y] {
				switch {
				case y < 2 && g[y][x]:
					inked = true
				case y >= 2 && g[y][x] != base[y][x]:
					t.Errorf("%c differs from %c at row %d, column %d, below the accent", r, a.base, y, x)
				}
			}
		}
		if !inked {
			t.Errorf("%c has no accent over its letter", r)
		}
	}
	if _, ok := largest("Àite", 200, 60, 2); ok {
		t.Error("an accented capital was drawn in the large type, which has no room for its accent")
	}
	// The accents are told apart: no two accented forms of a letter alike.
	drawn := map[string]rune{}
	for r := range accented {
		g, _ := glyphOf(r)
		var b strings.Builder
		for _, row := range g {
			for _, dot := range row {
				b.WriteString(map[bool]string{true: "#", false: "."}[dot])
			}
			b.WriteByte(' ')
		}
		if other, ok := drawn[b.String()]; ok {
			t.Errorf("%c and %c are drawn alike", r, other)
		}
		drawn[b.String()] = r
	}
}
