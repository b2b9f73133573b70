package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Lines builds a screen line by line and knows how many lines it has, so
// that a component's cursor can be placed at the row it was drawn on.
type Lines struct {
	b strings.Builder
	n int
}

// Line appends one or more lines (l may hold newlines).
func (s *Lines) Line(l string) {
	for _, part := range strings.Split(l, "\n") {
		if s.n > 0 {
			s.b.WriteByte('\n')
		}
		s.b.WriteString(part)
		s.n++
	}
}

// Fill adds empty lines until there are n.
func (s *Lines) Fill(n int) {
	for s.n < n {
		s.Line("")
	}
}

// Len is how many lines there are.
func (s *Lines) Len() int { return s.n }

func (s *Lines) String() string { return s.b.String() }

// OffsetCursor moves a component's cursor to where the component is drawn,
// and keeps it from blinking: a blink is a redraw per idle session.
func OffsetCursor(c *tea.Cursor, x, y int) *tea.Cursor {
	if c == nil {
		return nil
	}
	c.X += x
	c.Y += y
	c.Blink = false
	return c
}
