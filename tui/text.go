package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fit cuts a styled line to the width, marking the cut with an ellipsis.
func Fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// Wrap breaks plain text into lines no wider than width.
func Wrap(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	return strings.Split(ansi.Wrap(s, width, ""), "\n")
}

// Width is the number of cells a styled string takes.
func Width(s string) int { return ansi.StringWidth(s) }

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

// Snippet is the start of a text on one line, for confirmations and lists.
func Snippet(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}

// Cycle moves i by delta within 0..n-1, wrapping at both ends.
func Cycle(i, delta, n int) int {
	if n <= 0 {
		return 0
	}
	return ((i+delta)%n + n) % n
}
