package tui

import "strings"

// Notice is the one line that tells a person what just happened: news in
// the colour of good news, or a problem in the colour of bad.
type Notice struct {
	Text string
	Bad  bool
}

func (n Notice) ink() ink {
	if n.Bad {
		return Bad
	}
	return Good
}

// Line is the notice on one line of width w; "" when there is none.
func (n Notice) Line(w int) string {
	if n.Text == "" {
		return ""
	}
	return Fit(n.ink().Render(n.Text), w)
}

// Lines is the notice wrapped to width w, on two lines at most; "" when
// there is none.
func (n Notice) Lines(w int) string {
	if n.Text == "" {
		return ""
	}
	lines := Wrap(n.Text, w)
	if len(lines) > 2 {
		lines = lines[:2]
	}
	for i := range lines {
		lines[i] = n.ink().Render(lines[i])
	}
	return strings.Join(lines, "\n")
}
