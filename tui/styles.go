package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Colours from the basic 16, so they read on dark and light terminals and
// survive the poorest colour profile; Bubble Tea downsamples per session.
var (
	colourAccent  = lipgloss.Color("6") // cyan
	colourDim     = lipgloss.Color("8")
	colourGood    = lipgloss.Color("2")
	colourBad     = lipgloss.Color("1")
	colourWarn    = lipgloss.Color("3")
	colourBarrier = lipgloss.Color("5")
)

// styles is the shared look of every screen. It is a value built once per
// session rather than package state, so sessions never share mutable style.
type styles struct {
	title, accent, dim, good, bad, warn, bold, selected, key, barrier lipgloss.Style
}

func newStyles() styles {
	s := lipgloss.NewStyle()
	return styles{
		title:    s.Bold(true).Foreground(colourAccent),
		accent:   s.Foreground(colourAccent),
		dim:      s.Foreground(colourDim),
		good:     s.Foreground(colourGood),
		bad:      s.Foreground(colourBad).Bold(true),
		warn:     s.Foreground(colourWarn),
		bold:     s.Bold(true),
		selected: s.Reverse(true),
		key:      s.Bold(true),
		barrier:  s.Foreground(colourBarrier),
	}
}

// helpLine renders "key action · key action", cut to the width.
func (st styles) helpLine(width int, pairs ...string) string {
	var parts []string
	for i := 0; i+1 < len(pairs); i += 2 {
		parts = append(parts, st.key.Render(pairs[i])+" "+st.dim.Render(pairs[i+1]))
	}
	return fit(strings.Join(parts, st.dim.Render(" · ")), width)
}

// fit cuts a styled line to the width, marking the cut with an ellipsis.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// wrap breaks plain text into lines no wider than width.
func wrap(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	return strings.Split(ansi.Wrap(s, width, ""), "\n")
}

// rule is a horizontal line across the width.
func (st styles) rule(width int) string {
	return st.dim.Render(strings.Repeat("─", max(width, 0)))
}

// width is the number of cells a styled string takes.
func width(s string) int { return ansi.StringWidth(s) }
