package inquiry

import "fmt"

// Place is where a prompt sits in a guide, in the words everyone uses for
// it: its phase and its number in that phase ("Design 2"), and its number
// in the whole guide ("7 of 11"). Screens, the wall and every export name
// prompts this way, so "everyone go to Design 2" means one prompt to all.
type Place struct {
	Ref PromptRef
	// Phase is the phase's title; PhaseIndex its position in the guide,
	// from 0.
	Phase      string
	PhaseIndex int
	// InPhase is the prompt's number in its phase, from 1, of PhasePrompts.
	InPhase      int
	PhasePrompts int
	// InGuide is the prompt's number in the whole guide, from 1, of
	// GuidePrompts.
	InGuide      int
	GuidePrompts int
}

// String is the place in full: "Design 2 · 7 of 11".
func (p Place) String() string {
	return fmt.Sprintf("%s · %d of %d", p.Short(), p.InGuide, p.GuidePrompts)
}

// Short is the place as said aloud in the room: "Design 2".
func (p Place) Short() string {
	return fmt.Sprintf("%s %d", p.Phase, p.InPhase)
}

// Progress is the place in the whole guide alone: "7 of 11", for where
// the phase is already on the screen.
func (p Place) Progress() string {
	return fmt.Sprintf("%d of %d", p.InGuide, p.GuidePrompts)
}

// Place finds where the prompt a reference names sits in the guide.
func (g Guide) Place(ref PromptRef) (Place, bool) {
	p, q, ok := g.Locate(ref)
	if !ok {
		return Place{}, false
	}
	return g.PlaceAt(p, q), true
}

// PlaceAt is the place of the prompt at phase p, prompt q (both from 0),
// which must exist.
func (g Guide) PlaceAt(p, q int) Place {
	at := q
	for _, ph := range g.Phases[:p] {
		at += len(ph.Prompts)
	}
	return Place{
		Ref: g.Ref(p, q), Phase: g.Phases[p].Title, PhaseIndex: p,
		InPhase: q + 1, PhasePrompts: len(g.Phases[p].Prompts),
		InGuide: at + 1, GuidePrompts: g.promptCount(),
	}
}

// Places lists every prompt's place, in the guide's order.
func (g Guide) Places() []Place {
	total := g.promptCount()
	places := make([]Place, 0, total)
	for p, ph := range g.Phases {
		for q := range ph.Prompts {
			places = append(places, Place{
				Ref: g.Ref(p, q), Phase: ph.Title, PhaseIndex: p,
				InPhase: q + 1, PhasePrompts: len(ph.Prompts),
				InGuide: len(places) + 1, GuidePrompts: total,
			})
		}
	}
	return places
}

// promptCount is how many prompts the guide has in all its phases.
func (g Guide) promptCount() int {
	n := 0
	for _, ph := range g.Phases {
		n += len(ph.Prompts)
	}
	return n
}
