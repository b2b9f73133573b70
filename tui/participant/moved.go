package participant

import (
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/words"
)

// moveWithTheRoom takes the person to the prompt the facilitator has just
// opened for everyone, and tells them so: where they are now, and, if they
// were writing, where their unsent words are kept and how to get back to
// them.
func (m *Screen) moveWithTheRoom(p, q int) {
	c, g, w := &m.compose, m.view.guide, m.words()
	from := g.PlaceAt(c.form.At())
	unsent := strings.TrimSpace(c.form.Words()) != ""
	editing := c.editing != ""
	c.goTo(p, q)
	m.stage, m.reading = stageGuide, nil
	m.saveDraft() // the words left behind are kept on the server too
	to := g.PlaceAt(p, q)
	toWords, fromWords := unbroken(placeIn(w, g, to)), unbroken(placeIn(w, g, from))
	text := w.Say("guide.moved", "to", toWords, "text", g.Phases[p].Prompts[q].In(w.Lang()).Text)
	// Short enough for two lines of a 60-column window; where the words
	// are comes first, for a narrower one that cuts the second line (the
	// phase bar says where the person is now).
	switch {
	case editing && unsent:
		text = w.Say("guide.moved_editing", "to", toWords, "from", fromWords)
	case unsent:
		text = w.Say("guide.moved_unsent", "to", toWords, "from", fromWords, "way", wayBack(w, from, to))
	}
	m.notice = tui.Notice{Text: text}
	if m.move != nil {
		m.move(m.presence())
	}
}

// placeIn is a place as the screens show it in a language: "Design 2 ·
// 7 of 11", the phase named in the language where the guide gives it.
func placeIn(w words.Words, g *inquiry.Guide, p inquiry.Place) string {
	phase := p.Phase
	if p.PhaseIndex < len(g.Phases) {
		phase = g.Phases[p.PhaseIndex].In(w.Lang()).Title
	}
	return w.Say("guide.where", "phase", phase, "n", p.InPhase, "at", p.InGuide, "total", p.GuidePrompts)
}

// unbroken is a place as words that wrap as one ("Design 2 · 7 of 11"
// is never cut between two lines): its spaces do not break.
func unbroken(place string) string {
	return strings.ReplaceAll(place, " ", "\u00a0")
}

// wayBack says how to get from one prompt back to another.
func wayBack(w words.Words, from, to inquiry.Place) string {
	switch n := to.InGuide - from.InGuide; {
	case n == 1:
		return w.Say("guide.way_back_once")
	case n > 1:
		return w.Count("guide.way_back", n)
	}
	return w.Say("guide.way_back_later")
}
