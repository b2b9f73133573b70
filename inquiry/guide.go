package inquiry

import (
	"fmt"
	"time"
)

// Guide is an ordered set of phases, each with prompts, that a workshop
// steps through. Guides are data: the built-ins are embedded YAML and
// facilitators can write their own.
type Guide struct {
	ID      string  `yaml:"id" json:"id"`
	Title   string  `yaml:"title" json:"title"`
	Summary string  `yaml:"summary" json:"summary,omitempty"`
	Phases  []Phase `yaml:"phases" json:"phases"`
	// Partners replaces DefaultPartners when set.
	Partners []Partner `yaml:"partners,omitempty" json:"partners,omitempty"`
	// Themes are added to the starting taxonomy for workshops using this guide.
	Themes []Theme `yaml:"themes,omitempty" json:"themes,omitempty"`
	// Language is the language of the guide's words, DefaultLanguage when
	// empty; phases and prompts may give them in others (Languages).
	Language string `yaml:"language,omitempty" json:"language,omitempty"`
}

// Phase is one stage of a guide, such as Discover or Design.
type Phase struct {
	ID      string   `yaml:"id" json:"id"`
	Title   string   `yaml:"title" json:"title"`
	Summary string   `yaml:"summary" json:"summary,omitempty"`
	Prompts []Prompt `yaml:"prompts" json:"prompts"`
	// Languages gives the title and summary in other languages than the
	// guide's own (see guide_languages.go).
	Languages map[string]PhaseWords `yaml:"languages,omitempty" json:"languages,omitempty"`
}

// Prompt is one question a participant answers with contributions.
type Prompt struct {
	ID   string `yaml:"id" json:"id"`
	Text string `yaml:"text" json:"text"`
	Help string `yaml:"help,omitempty" json:"help,omitempty"`
	// Kinds are the kinds of contribution this prompt asks for; the first is
	// the default. Empty means any kind.
	Kinds []Kind `yaml:"kinds,omitempty" json:"kinds,omitempty"`
	// Reframe is offered when someone records a barrier: the question that
	// turns it towards what could be done ("what would need to be true?").
	Reframe string `yaml:"reframe,omitempty" json:"reframe,omitempty"`
	// Timebox is how long a facilitator-led workshop gives this prompt.
	Timebox Duration `yaml:"timebox,omitempty" json:"timebox,omitempty"`
	// Languages gives the text, help and reframe in other languages than
	// the guide's own (see guide_languages.go).
	Languages map[string]PromptWords `yaml:"languages,omitempty" json:"languages,omitempty"`
}

// Duration is a time.Duration written as "10m" in guides and exports.
type Duration time.Duration

// PromptRef names a prompt within a guide as "phase/prompt".
type PromptRef string

// Ref returns the reference of the prompt at phase p, prompt q.
func (g Guide) Ref(p, q int) PromptRef {
	return PromptRef(g.Phases[p].ID + "/" + g.Phases[p].Prompts[q].ID)
}

// Locate finds the phase and prompt a reference names.
func (g Guide) Locate(ref PromptRef) (phase, prompt int, ok bool) {
	for p, ph := range g.Phases {
		for q := range ph.Prompts {
			if g.Ref(p, q) == ref {
				return p, q, true
			}
		}
	}
	return 0, 0, false
}

// Prompt returns the prompt a reference names.
func (g Guide) Prompt(ref PromptRef) (Prompt, bool) {
	p, q, ok := g.Locate(ref)
	if !ok {
		return Prompt{}, false
	}
	return g.Phases[p].Prompts[q], true
}

// PartnerList is the list of partners a contribution can concern.
func (g Guide) PartnerList() []Partner {
	if len(g.Partners) > 0 {
		return g.Partners
	}
	return DefaultPartners
}

// Partner returns the partner with the given ID.
func (g Guide) Partner(id string) (Partner, bool) {
	for _, p := range g.PartnerList() {
		if p.ID == id {
			return p, true
		}
	}
	return Partner{}, false
}

// Allows reports whether the prompt accepts contributions of kind k.
func (p Prompt) Allows(k Kind) bool {
	if len(p.Kinds) == 0 {
		return k.Valid()
	}
	for _, allowed := range p.Kinds {
		if allowed == k {
			return true
		}
	}
	return false
}

// KindChoices are the kinds a person may pick for this prompt, default first.
func (p Prompt) KindChoices() []Kind {
	if len(p.Kinds) == 0 {
		return Kinds
	}
	return p.Kinds
}

// GuideError says where in a guide file something is wrong.
type GuideError struct {
	File  string // the file name, or the built-in guide's name
	Line  int    // 1-based; 0 when the problem is not tied to a line
	Field string // the path of the field, such as "phases[2].prompts[0].kinds"
	Msg   string
}

func (e *GuideError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}
