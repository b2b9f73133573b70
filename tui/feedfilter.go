package tui

import (
	"slices"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
)

// feedFilter narrows the facilitator's feed to one phase, kind, theme or
// partner, and to contributions containing some words. Each index is -1
// for "any".
type feedFilter struct {
	phase, kind, theme, partner int
	search                      string // lower case
}

func noFilter() feedFilter { return feedFilter{phase: -1, kind: -1, theme: -1, partner: -1} }

func (f feedFilter) active() bool {
	return f.phase >= 0 || f.kind >= 0 || f.theme >= 0 || f.partner >= 0 || f.search != ""
}

// matches reports whether a contribution passes the filter.
func (f feedFilter) matches(ws *inquiry.Workshop, c *inquiry.Contribution) bool {
	if f.phase >= 0 {
		if p, _, ok := ws.Guide.Locate(c.Prompt); !ok || p != f.phase {
			return false
		}
	}
	if f.kind >= 0 && c.Kind != inquiry.Kinds[f.kind] {
		return false
	}
	if f.theme >= 0 {
		themes := ws.Themes()
		if f.theme >= len(themes) || !slices.Contains(c.Themes, themes[f.theme].ID) {
			return false
		}
	}
	if f.partner >= 0 {
		partners := ws.Guide.PartnerList()
		if f.partner >= len(partners) || c.Partner != partners[f.partner].ID {
			return false
		}
	}
	return f.search == "" || strings.Contains(strings.ToLower(c.Text), f.search)
}

// describe names the filter in a few words for the feed's title.
func (f feedFilter) describe(ws *inquiry.Workshop) string {
	var parts []string
	if f.phase >= 0 {
		parts = append(parts, ws.Guide.Phases[f.phase].Title)
	}
	if f.kind >= 0 {
		parts = append(parts, inquiry.Kinds[f.kind].Plural())
	}
	if f.theme >= 0 {
		if themes := ws.Themes(); f.theme < len(themes) {
			parts = append(parts, themes[f.theme].Label)
		}
	}
	if f.partner >= 0 {
		if partners := ws.Guide.PartnerList(); f.partner < len(partners) {
			parts = append(parts, partners[f.partner].Label)
		}
	}
	if f.search != "" {
		parts = append(parts, "“"+f.search+"”")
	}
	return strings.Join(parts, " · ")
}

// step moves one of the filter's choices on by one, through "any" and
// back: n is how many choices there are.
func step(i, n int) int { return cycle(i+1, 1, n+1) - 1 }
