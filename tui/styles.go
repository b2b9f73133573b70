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
	title, accent, dim, good, bad, warn, bold, selected, key, barrier ink
}

func newStyles() styles {
	s := lipgloss.NewStyle()
	return styles{
		title:    newInk(s.Bold(true).Foreground(colourAccent)),
		accent:   newInk(s.Foreground(colourAccent)),
		dim:      newInk(s.Foreground(colourDim)),
		good:     newInk(s.Foreground(colourGood)),
		bad:      newInk(s.Foreground(colourBad).Bold(true)),
		warn:     newInk(s.Foreground(colourWarn)),
		bold:     newInk(s.Bold(true)),
		selected: newInk(s.Reverse(true)),
		key:      newInk(s.Bold(true)),
		barrier:  newInk(s.Foreground(colourBarrier)),
	}
}

// ink is a text style that writes a span of one line as its SGR codes,
// the text and a reset: the exact bytes lipgloss's Style.Render makes for
// such a span, at the cost of a string concatenation instead of the
// several microseconds Render spends checking borders, margins, padding
// and widths on every call (a quarter of the server's processor under
// load). The codes are the full colour; Bubble Tea downsamples them to
// each session's profile (NO_COLOR and ascii included) as it draws.
type ink struct {
	style          lipgloss.Style
	prefix, suffix string
}

// inkProbe is a character no span of ours starts or ends with, rendered
// once to learn what a style writes before and after its text.
const inkProbe = "\x00"

func newInk(s lipgloss.Style) ink {
	r := s.Render(inkProbe)
	i := strings.Index(r, inkProbe)
	if i < 0 {
		return ink{style: s, prefix: "", suffix: ""} // cannot happen: Render keeps the text
	}
	return ink{style: s, prefix: r[:i], suffix: r[i+len(inkProbe):]}
}

// Render styles s. A span with a newline or a tab is left to lipgloss,
// which styles each line, pads lines to the widest and expands tabs.
func (k ink) Render(s string) string {
	if strings.ContainsAny(s, "\n\t") {
		return k.style.Render(s)
	}
	return k.prefix + s + k.suffix
}

// helpLine renders "key action · key action", cut to the width.
func (st styles) helpLine(width int, pairs ...string) string {
	var b strings.Builder
	sep := st.dim.Render(" · ")
	for i := 0; i+1 < len(pairs); i += 2 {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(st.key.Render(pairs[i]))
		b.WriteByte(' ')
		b.WriteString(st.dim.Render(pairs[i+1]))
	}
	return fit(b.String(), width)
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
