package inquiry

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Width is how many terminal columns a line of text takes: the sum of its
// grapheme clusters' widths, as the screens' painter and Lip Gloss measure
// them (East Asian wide characters and emoji take two). Every screen
// measures people's words with it, so that one idea of width holds
// everywhere. On text CleanText has made it is also what a terminal
// draws: no cluster of it is invisible (zero columns wide), so no count
// of columns comes out differently.
func Width(s string) int { return ansi.StringWidth(s) }

// Wrap breaks text into lines of at most width columns (by Width) at
// spaces, for the card's lines and the report's chart labels; a word wider
// than width has a line of its own. Empty text is one empty line.
func Wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case Width(line)+1+Width(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}
