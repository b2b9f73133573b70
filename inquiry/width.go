package inquiry

import "github.com/charmbracelet/x/ansi"

// Width is how many terminal columns a line of text takes: the sum of its
// grapheme clusters' widths, as the screens' painter and Lip Gloss measure
// them (East Asian wide characters and emoji take two). Every screen
// measures people's words with it, so that one idea of width holds
// everywhere. On text CleanText has made it is also what a terminal
// draws: no cluster of it is invisible (zero columns wide), so no count
// of columns comes out differently.
func Width(s string) int { return ansi.StringWidth(s) }
