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
func (n Notice) Lines(w int) string { return n.LinesUpTo(w, 2) }

// NoticeRows is how many lines a notice may take at width w: two, and
// three on a window narrower than 60 columns, where a sentence in a
// language whose words run longer (Gaelic, Welsh) needs them.
func NoticeRows(w int) int {
	if w < 60 {
		return 3
	}
	return 2
}

// LinesUpTo is Lines on most lines at most.
func (n Notice) LinesUpTo(w, most int) string {
	if n.Text == "" {
		return ""
	}
	if n.Quote != "" {
		return n.quoted(w)
	}
	lines := Wrap(n.Text, w)
	if most = max(most, 1); len(lines) > most {
		lines = lines[:most]
		lines[most-1] = Fit(lines[most-1]+" …", w)
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
