package facilitator

import (
	"slices"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// feedFilter narrows the facilitator's feed to one phase, kind (reframes
// included: inquiry.AllKinds), theme or partner, and to contributions containing some words. Each index is -1
// for "any".
type feedFilter struct {
	phase, kind, theme, partner int
	search                      string // lower case
}

func noFilter() feedFilter { return feedFilter{phase: -1, kind: -1, theme: -1, partner: -1} }

func (f feedFilter) active() bool {
	return f.phase >= 0 || f.kind >= 0 || f.theme >= 0 || f.partner >= 0 || f.search != ""
}

// compile resolves the filter against the workshop once — the phase's
// prompts, the theme's and the partner's IDs — so that testing each of
// hundreds of contributions costs no walk through the guide or the
// taxonomy.
func (f feedFilter) compile(ws *inquiry.Workshop) func(*inquiry.Contribution) bool {
	var prompts map[inquiry.PromptRef]bool
	if f.phase >= 0 {
		prompts = map[inquiry.PromptRef]bool{}
		if f.phase < len(ws.Guide.Phases) {
			for q := range ws.Guide.Phases[f.phase].Prompts {
				prompts[ws.Guide.Ref(f.phase, q)] = true
			}
		}
	}
	var kind inquiry.Kind
	if f.kind >= 0 && f.kind < len(inquiry.AllKinds) {
		kind = inquiry.AllKinds[f.kind]
	}
	theme, partner := "", ""
	if f.theme >= 0 {
		theme = "\x00" // matches nothing if the index is out of range
		if themes := ws.Themes(); f.theme < len(themes) {
			theme = themes[f.theme].ID
		}
	}
	if f.partner >= 0 {
		partner = "\x00"
		if partners := ws.Guide.PartnerList(); f.partner < len(partners) {
			partner = partners[f.partner].ID
		}
	}
	search := f.search
	return func(c *inquiry.Contribution) bool {
		switch {
		case prompts != nil && !prompts[c.Prompt]:
			return false
		case f.kind >= 0 && c.Kind != kind:
			return false
		case theme != "" && !slices.Contains(c.Themes, theme):
			return false
		case partner != "" && c.Partner != partner:
			return false
		}
		return search == "" || strings.Contains(strings.ToLower(c.Text), search)
	}
}

// describe names the filter in a few words for the feed's title.
func (f feedFilter) describe(ws *inquiry.Workshop) string {
	var parts []string
	if f.phase >= 0 {
		parts = append(parts, ws.Guide.Phases[f.phase].Title)
	}
	if f.kind >= 0 {
		parts = append(parts, inquiry.AllKinds[f.kind].Plural())
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
func step(i, n int) int { return tui.Cycle(i+1, 1, n+1) - 1 }
