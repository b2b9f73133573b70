package facilitator

import (
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// detailLines show the picked-out contribution whole, with everything
// known about it and what curation has done to it, then the keys that
// curate it.
func (m *Screen) detailLines(w, h int) []string {
	c := m.pickedOut()
	if c == nil {
		return []string{tui.Dim.Render(tui.Fit("  Nothing selected.", w))}
	}
	lines := []string{tui.Fit(tui.Accent.Render("▸ "+c.Kind.Label()+" by "+m.participantName(c.Participant))+marks(c), w)}
	where := fullPlace(m.ws.Guide, c.Prompt)
	if p, ok := m.ws.Guide.Prompt(c.Prompt); ok {
		where += ": " + p.Text
	}
	add := func(style func(string) string, text string, most int) {
		for i, l := range tui.Wrap(text, w-2) {
			if i < most {
				lines = append(lines, "  "+style(l))
			}
		}
	}
	plain := func(s string) string { return s }
	// A short pane keeps the words first: where they were written on one
	// line, and no blank line after it.
	whereMost, gap := 2, h >= 10
	if !gap {
		whereMost = 1
	}
	add(tui.Dim.Render, where, whereMost)
	if gap {
		lines = append(lines, "")
	}
	text := c.Text
	switch {
	case c.Erased:
		text = "(erased at the author's request)"
	case c.Withdrawn:
		text = "(withdrawn by the author)"
	}
	room := min(max(h-12, 3), h-len(lines)) // the facts below have the rest
	if words := tui.Wrap(text, w-2); len(words) > room {
		// Cut where the pane ends, saying where the rest is.
		add(plain, text, max(room-1, 1))
		lines = append(lines, "  "+tui.Dim.Render(tui.Fit("… f shows it whole", w-2)))
	} else {
		add(plain, text, len(words))
	}
	lines = append(lines, "")
	facts := append([]string{m.themeFact(c)}, m.relations(c)...)
	if c.Partner != "" {
		facts = append(facts, "Partner: "+partnerLabel(m.ws.Guide, c.Partner))
	}
	if c.Owner != "" {
		facts = append(facts, "Owner: "+c.Owner)
	}
	if c.Due != "" {
		facts = append(facts, "Due: "+c.Due)
	}
	if c.Hidden {
		facts = append(facts, "Hidden: "+c.HiddenReason)
	}
	if c.ScribedBy != "" {
		facts = append(facts, "Entered by "+m.scriber(c)+" for "+m.participantName(c.Participant))
	}
	added := "Added " + clock(c.AddedAt)
	if !c.EditedAt.IsZero() {
		added += ", edited " + clock(c.EditedAt)
	}
	facts = append(facts, added)
	for i, f := range facts {
		most := 3
		if i == 0 {
			most = 5 // the themes, which a long list of labels wraps
		}
		add(tui.Dim.Render, f, most)
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return lines
}

// marks are the signs of curation after a contribution's heading: ★
// highlighted, hidden, merged, scribed.
func marks(c *inquiry.Contribution) string {
	var out []string
	if c.Highlighted {
		out = append(out, tui.Warn.Render("★"))
	}
	if c.Hidden {
		out = append(out, tui.Bad.Render("hidden"))
	}
	if c.MergedInto != "" {
		out = append(out, tui.Dim.Render("merged"))
	}
	if c.BuildsOn != "" {
		out = append(out, tui.Dim.Render("↳ builds on"))
	}
	if c.Answers != "" {
		out = append(out, tui.Dim.Render("↳ reframes a barrier"))
	}
	if c.ScribedBy != "" {
		out = append(out, tui.Dim.Render("scribed"))
	}
	if len(out) == 0 {
		return ""
	}
	return " " + strings.Join(out, " ")
}

// scriber says who entered a contribution for someone: you, or another
// facilitator or a scribe by name, or the server.
func (m *Screen) scriber(c *inquiry.Contribution) string {
	a := scribeOf(m.ws, c)
	switch {
	case c.ScribedBy == m.s.Actor.ID && a.Role == m.s.Actor.Role:
		return "you"
	case a.Role == inquiry.RoleSystem:
		return "the server"
	case a.Role == inquiry.RoleScribe:
		return "the scribe " + m.ws.ActorName(a)
	case a.Role == "":
		return "a facilitator"
	}
	return m.ws.ActorName(a) + " (facilitator)"
}

// scribeOf is whoever entered a contribution on a participant's behalf:
// the fold keeps their ID, and the team their role ("" if unknown).
func scribeOf(ws *inquiry.Workshop, c *inquiry.Contribution) inquiry.Actor {
	if c.ScribedBy == string(inquiry.RoleSystem) {
		return inquiry.System
	}
	for _, t := range ws.Team() {
		if t.ID == c.ScribedBy {
			return inquiry.Actor{Role: t.Role, ID: t.ID, Name: t.Name}
		}
	}
	return inquiry.Actor{}
}
