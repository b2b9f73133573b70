package participant

import (
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// moveWithTheRoom takes the person to the prompt the facilitator has just
// opened for everyone, and tells them so: where they are now, and, if they
// were writing, where their unsent words are kept and how to get back to
// them.
func (m *Screen) moveWithTheRoom(p, q int) {
	c, g := &m.compose, m.view.guide
	from := g.PlaceAt(c.form.At())
	unsent := strings.TrimSpace(c.form.Words()) != ""
	editing := c.editing != ""
	c.goTo(p, q)
	m.stage, m.reading = stageGuide, nil
	m.saveDraft() // the words left behind are kept on the server too
	to := g.PlaceAt(p, q)
	text := "The facilitator opened " + unbroken(to) + " for everyone: " + g.Phases[p].Prompts[q].Text
	// Short enough for two lines of a 60-column window; where the words
	// are comes first, for a narrower one that cuts the second line (the
	// phase bar says where the person is now).
	switch {
	case editing && unsent:
		text = "Your changes are not saved: they are kept as a draft at " + unbroken(from) + ". The facilitator opened " + unbroken(to) + "."
	case unsent:
		text = "Your words are kept at " + unbroken(from) + ": " + wayBack(from, to) + " The facilitator opened " + unbroken(to) + "."
	}
	m.notice = tui.Notice{Text: text}
	if m.move != nil {
		m.move(m.presence())
	}
}

// unbroken is a place as words that wrap as one ("Design 2 · 7 of 11"
// is never cut between two lines): its spaces do not break.
func unbroken(p inquiry.Place) string {
	return strings.ReplaceAll(p.String(), " ", "\u00a0")
}

// wayBack says how to get from one prompt back to another.
func wayBack(from, to inquiry.Place) string {
	switch n := to.InGuide - from.InGuide; {
	case n == 1:
		return "pgup takes you back."
	case n > 1:
		return "pgup " + inquiry.Plural(n, "time", "times") + " takes you back."
	}
	return "it is there when that prompt is open again."
}
