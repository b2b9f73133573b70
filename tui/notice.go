package tui

import "strings"

// Notice is the one line that tells a person what just happened: news in
// the colour of good news, or a problem in the colour of bad.
type Notice struct {
	Text string
	// Quote is someone's words the notice is about, shown after Text on
	// the same line, in quotation marks, cut to fit: a quote is never
	// broken over two lines.
	Quote string
	Bad   bool
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
	if n.Quote != "" {
		return n.quoted(w)
	}
	return Fit(n.ink().Render(n.Text), w)
}

// Lines is the notice wrapped to width w, on two lines at most, the
// second ending in … if there was more; "" when there is none. A notice
// with a quote takes one line.
func (n Notice) Lines(w int) string {
	if n.Text == "" {
		return ""
	}
	if n.Quote != "" {
		return n.quoted(w)
	}
	lines := Wrap(n.Text, w)
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = Fit(lines[1]+" …", w)
	}
	for i := range lines {
		lines[i] = n.ink().Render(lines[i])
	}
	return strings.Join(lines, "\n")
}

// quoted is the notice and its quote on one line of width w, the quote cut
// to what fits (and left out if too little of it would).
func (n Notice) quoted(w int) string {
	quote := strings.Join(strings.Fields(n.Quote), " ")
	room := w - Width(n.Text+" “”")
	if room < 8 {
		return Fit(n.ink().Render(n.Text), w)
	}
	return n.ink().Render(n.Text + " “" + Fit(quote, room) + "”")
}
