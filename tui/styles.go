package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Colours from the basic 16, so they read on dark and light terminals and
// survive the poorest colour profile; the program's painter brings them
// down to each session's profile as it writes them (see NewPainter).
var (
	colourAccent  = lipgloss.Color("6") // cyan
	colourDim     = lipgloss.Color("8")
	colourGood    = lipgloss.Color("2")
	colourBad     = lipgloss.Color("1")
	colourWarn    = lipgloss.Color("3")
	colourBarrier = lipgloss.Color("5")
)

// The inks every screen is drawn with. They are made once for all
// sessions, and never changed: an ink is read only, so sharing one costs a
// session nothing and cannot carry one session's state to another.
var (
	// Title is the name Anchorage and a screen's title.
	Title = newInk(lipgloss.NewStyle().Bold(true).Foreground(colourAccent))
	// Accent marks where the person is and what they chose.
	Accent = newInk(lipgloss.NewStyle().Foreground(colourAccent))
	// Dim is for what explains rather than what matters.
	Dim = newInk(lipgloss.NewStyle().Foreground(colourDim))
	// Good is for what went well.
	Good = newInk(lipgloss.NewStyle().Foreground(colourGood))
	// Bad is for what went wrong.
	Bad = newInk(lipgloss.NewStyle().Foreground(colourBad).Bold(true))
	// Warn is for what needs attention soon: a clock, a question.
	Warn = newInk(lipgloss.NewStyle().Foreground(colourWarn))
	// Bold is for what matters, and the keys in a line of keys.
	Bold = newInk(lipgloss.NewStyle().Bold(true))
	// Selected is the line or choice under the cursor.
	Selected = newInk(lipgloss.NewStyle().Reverse(true))
	// Barrier is the colour of barriers, beside opportunities in Good.
	Barrier = newInk(lipgloss.NewStyle().Foreground(colourBarrier))
)

// styles is the inks gathered, as the editor takes them.
type styles struct {
	title, accent, dim, good, bad, warn, bold, selected, barrier ink
}

// newStyles gathers the inks, as the editor takes them.
func newStyles() styles {
	return styles{title: Title, accent: Accent, dim: Dim, good: Good, bad: Bad, warn: Warn, bold: Bold, selected: Selected, barrier: Barrier}
}

// ink is a text style that writes a span of one line as its SGR codes,
// the text and a reset: the exact bytes lipgloss's Style.Render makes for
// such a span, at the cost of a string concatenation instead of the
// several microseconds Render spends checking borders, margins, padding
// and widths on every call (a quarter of the server's processor under
// load). The codes are the full colour; the painter's colorprofile.Writer
// brings them down to each session's profile (NO_COLOR and ASCII included)
// as it writes them.
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

// Rule is a horizontal line across the width.
func Rule(width int) string {
	return Dim.Render(strings.Repeat("─", max(width, 0)))
}
