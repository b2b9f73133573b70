package tui

import (
	"strings"

	"github.com/anchorage/anchorage/tui/grapheme"
)

// Text on every screen is measured, cut and wrapped in grapheme clusters
// (tui/grapheme), the model the painter and the editor use: one idea of
// how wide a character is, so a line measured to fit does fit.

// Fit cuts a styled line to the width, marking the cut with an ellipsis.
func Fit(s string, width int) string {
	return grapheme.Truncate(s, width, "…")
}

// Wrap breaks plain text into lines no wider than width.
func Wrap(s string, width int) []string {
	return grapheme.Wrap(s, width)
}

// Width is the number of cells a styled string takes.
func Width(s string) int { return grapheme.Width(s) }

// TwoSides puts left and right on one line of width w, cutting left if
// both do not fit.
func TwoSides(left, right string, w int) string {
	rw := Width(right)
	if rw+2 > w {
		return Fit(left, w)
	}
	left = Fit(left, w-rw-1)
	return left + strings.Repeat(" ", w-Width(left)-rw) + right
}

// Snippet is the start of a text on one line, n characters at most, for
// confirmations and lists.
func Snippet(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if grapheme.Count(text) <= n {
		return text
	}
	return grapheme.Head(text, max(n-1, 0)) + "…"
}

// Cycle moves i by delta within 0..n-1, wrapping at both ends.
func Cycle(i, delta, n int) int {
	if n <= 0 {
		return 0
	}
	return ((i+delta)%n + n) % n
}
