package tui

import "strings"

// screen builds a frame line by line and knows how many lines it has, so a
// component's cursor can be placed at the row it was drawn on.
type screen struct {
	b strings.Builder
	n int
}

// line appends one or more lines (s may hold newlines).
func (s *screen) line(l string) {
	for _, part := range strings.Split(l, "\n") {
		if s.n > 0 {
			s.b.WriteByte('\n')
		}
		s.b.WriteString(part)
		s.n++
	}
}

// fill adds empty lines until the frame has n lines.
func (s *screen) fill(n int) {
	for s.n < n {
		s.line("")
	}
}

func (s *screen) String() string { return s.b.String() }
