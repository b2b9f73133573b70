package inquiry

import (
	"fmt"
	"maps"
	"slices"
)

// A guide's words in several languages. The guide's own fields (a phase's
// title, a prompt's text) are in its language (Guide.Language, English
// unless it says); a phase or prompt may give the same words in other
// languages under languages:, each language a block of the fields it
// translates:
//
//	- id: best-time
//	  text: Tell us about a time it worked.
//	  help: It can be big or small.
//	  languages:
//	    cy:
//	      text: Dywedwch wrthym am adeg pan weithiodd.
//	    gd:
//	      text: Innis dhuinn mu àm a dh'obraich e.
//
// A field a language leaves out is shown in the guide's own language, so a
// guide translated in part still reads whole. Guides written before
// languages came are read as they always were.

// PromptWords are a prompt's words in one language.
type PromptWords struct {
	Text    string `yaml:"text,omitempty" json:"text,omitempty"`
	Help    string `yaml:"help,omitempty" json:"help,omitempty"`
	Reframe string `yaml:"reframe,omitempty" json:"reframe,omitempty"`
}

// PhaseWords are a phase's words in one language.
type PhaseWords struct {
	Title   string `yaml:"title,omitempty" json:"title,omitempty"`
	Summary string `yaml:"summary,omitempty" json:"summary,omitempty"`
}

// FirstLanguage is the language the guide's own fields are in.
func (g Guide) FirstLanguage() string {
	if g.Language == "" {
		return DefaultLanguage
	}
	return g.Language
}

// Languages are the languages the guide has words in: its own first, then
// the others in alphabetical order.
func (g Guide) Languages() []string {
	others := map[string]bool{}
	for _, ph := range g.Phases {
		for lang := range ph.Languages {
			others[lang] = true
		}
		for _, pr := range ph.Prompts {
			for lang := range pr.Languages {
				others[lang] = true
			}
		}
	}
	delete(others, g.FirstLanguage())
	return append([]string{g.FirstLanguage()}, slices.Sorted(maps.Keys(others))...)
}

// In is the prompt's words in a language, each field the prompt does not
// give in it in the guide's own language.
func (p Prompt) In(lang string) PromptWords {
	w := p.Languages[lang]
	return PromptWords{Text: or(w.Text, p.Text), Help: or(w.Help, p.Help), Reframe: or(w.Reframe, p.Reframe)}
}

// In is the phase's words in a language, each field the phase does not
// give in it in the guide's own language.
func (ph Phase) In(lang string) PhaseWords {
	w := ph.Languages[lang]
	return PhaseWords{Title: or(w.Title, ph.Title), Summary: or(w.Summary, ph.Summary)}
}

func or(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// validateLanguages checks the guide's language and every phase's and
// prompt's words in other languages: each language written as a code and
// not the guide's own (whose words are the fields themselves), and each
// text clean, as the guide's own must be. A language may translate only
// what the guide has: a help in Welsh for a prompt without help would be
// shown to Welsh speakers alone.
func (g Guide) validateLanguages(clean cleaning) error {
	bad := func(field, format string, args ...any) error {
		return &GuideError{File: g.ID, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
	if g.Language != "" && !ValidLanguage(g.Language) {
		return bad("language", "%q is not a language code: use two or three lower-case letters, such as en, gd or cy", g.Language)
	}
	check := func(at, lang string, texts ...translatedText) error {
		switch {
		case !ValidLanguage(lang):
			return bad(at, "%s is not a language code: use two or three lower-case letters, such as en, gd or cy", fieldName(lang))
		case lang == g.FirstLanguage():
			return bad(at, "%s is the guide's own language (language: %s): its words go in the fields themselves", lang, g.FirstLanguage())
		}
		for _, t := range texts {
			if t.text != "" && t.given == "" {
				return bad(joinPath(at, t.field), "is given in %s, but the guide has no %s here to translate", lang, t.field)
			}
		}
		return checkGuideText(clean, g.ID, at, plainTexts(texts)...)
	}
	for p, ph := range g.Phases {
		for _, lang := range slices.Sorted(maps.Keys(ph.Languages)) {
			w := ph.Languages[lang]
			at := fmt.Sprintf("phases[%d].languages.%s", p, fieldName(lang))
			if err := check(at, lang, translated("title", w.Title, ph.Title, true), translated("summary", w.Summary, ph.Summary, false)); err != nil {
				return err
			}
		}
		for q, pr := range ph.Prompts {
			for _, lang := range slices.Sorted(maps.Keys(pr.Languages)) {
				w := pr.Languages[lang]
				at := fmt.Sprintf("phases[%d].prompts[%d].languages.%s", p, q, fieldName(lang))
				if err := check(at, lang, translated("text", w.Text, pr.Text, false), translated("help", w.Help, pr.Help, false),
					translated("reframe", w.Reframe, pr.Reframe, false)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// translatedText is a field's words in another language, with the words
// it translates.
type translatedText struct {
	guideText
	given string
}

func translated(field, text, given string, oneLine bool) translatedText {
	return translatedText{guideText: guideText{field: field, text: text, oneLine: oneLine}, given: given}
}

func plainTexts(texts []translatedText) []guideText {
	out := make([]guideText, len(texts))
	for i, t := range texts {
		out[i] = t.guideText
	}
	return out
}
