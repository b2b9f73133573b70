package inquiry

import "strings"

// Kind says what sort of thing a contribution is.
type Kind string

// The kinds of contribution a guide's prompts can ask for.
const (
	Opportunity Kind = "opportunity"
	Barrier     Kind = "barrier"
	Strength    Kind = "strength"
	Aspiration  Kind = "aspiration"
	Action      Kind = "action"
	Story       Kind = "story"
)

// Kinds lists every kind in the order screens and reports show them.
var Kinds = []Kind{Opportunity, Barrier, Strength, Aspiration, Action, Story}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

// Label is the kind as a person reads it: "Opportunity".
func (k Kind) Label() string {
	if k == "" {
		return ""
	}
	return strings.ToUpper(string(k[:1])) + string(k[1:])
}

// Plural is the heading used for a group of contributions of this kind.
func (k Kind) Plural() string {
	if k == Opportunity {
		return "Opportunities"
	}
	if k == Story {
		return "Stories"
	}
	return k.Label() + "s"
}
