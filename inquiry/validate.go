package inquiry

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// idPattern is what guide, phase, prompt, theme and partner IDs look like:
// short, lower case, safe in a file name, a URL and a CSV cell.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// Validate checks a guide's meaning: IDs present, well-formed and unique,
// every phase with prompts, every kind known. The error names the field
// (as "phases[1].prompts[0].kinds[2]"); the parser adds the file and line.
func (g Guide) Validate() error { return g.validate(cleaningFor(false)) }

// validate is Validate with the cleaning a check applies to the guide's
// words (see cleaning): a guide recorded in an old log may hold invisible
// characters a new one may not.
func (g Guide) validate(clean cleaning) error {
	bad := func(field, format string, args ...any) error {
		return &GuideError{File: g.ID, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
	if !idPattern.MatchString(g.ID) {
		return bad("id", "%q is not an ID: use lower-case letters, digits and hyphens", g.ID)
	}
	if g.Title == "" {
		return bad("title", "a guide needs a title")
	}
	if err := checkGuideText(clean, g.ID, "", guideText{"title", g.Title, true}, guideText{"summary", g.Summary, false}); err != nil {
		return err
	}
	if len(g.Phases) == 0 {
		return bad("phases", "a guide needs at least one phase")
	}
	phaseIDs := map[string]bool{}
	for p, ph := range g.Phases {
		at := fmt.Sprintf("phases[%d]", p)
		if !idPattern.MatchString(ph.ID) {
			return bad(at+".id", "%q is not an ID: use lower-case letters, digits and hyphens", ph.ID)
		}
		if phaseIDs[ph.ID] {
			return bad(at+".id", "phase %q appears twice", ph.ID)
		}
		phaseIDs[ph.ID] = true
		if ph.Title == "" {
			return bad(at+".title", "phase %q needs a title", ph.ID)
		}
		if err := checkGuideText(clean, g.ID, at, guideText{"title", ph.Title, true}, guideText{"summary", ph.Summary, false}); err != nil {
			return err
		}
		if len(ph.Prompts) == 0 {
			return bad(at+".prompts", "phase %q needs at least one prompt", ph.ID)
		}
		promptIDs := map[string]bool{}
		for q, pr := range ph.Prompts {
			at := fmt.Sprintf("%s.prompts[%d]", at, q)
			if !idPattern.MatchString(pr.ID) {
				return bad(at+".id", "%q is not an ID: use lower-case letters, digits and hyphens", pr.ID)
			}
			if promptIDs[pr.ID] {
				return bad(at+".id", "prompt %q appears twice in phase %q", pr.ID, ph.ID)
			}
			promptIDs[pr.ID] = true
			if pr.Text == "" {
				return bad(at+".text", "prompt %q needs text", pr.ID)
			}
			if err := checkGuideText(clean, g.ID, at, guideText{"text", pr.Text, false}, guideText{"help", pr.Help, false}, guideText{"reframe", pr.Reframe, false}); err != nil {
				return err
			}
			for k, kind := range pr.Kinds {
				if !kind.Valid() {
					return bad(fmt.Sprintf("%s.kinds[%d]", at, k), "unknown kind %q: a prompt can ask for %s", kind, kindList())
				}
				if slices.Contains(pr.Kinds[:k], kind) {
					return bad(fmt.Sprintf("%s.kinds[%d]", at, k), "kind %q is listed twice", kind)
				}
			}
			if pr.Timebox < 0 || time.Duration(pr.Timebox) > 24*time.Hour {
				return bad(at+".timebox", "a timebox is between 0 and 24h")
			}
		}
	}
	if err := validateIDs(clean, g.ID, "partners", len(g.Partners), func(i int) (string, string) {
		return g.Partners[i].ID, g.Partners[i].Label
	}); err != nil {
		return err
	}
	if err := validateIDs(clean, g.ID, "themes", len(g.Themes), func(i int) (string, string) {
		return g.Themes[i].ID, g.Themes[i].Label
	}); err != nil {
		return err
	}
	if err := g.validateLanguages(clean); err != nil {
		return err
	}
	for i, t := range g.Themes {
		for k, word := range t.Keywords {
			if len(keywordWords(word)) == 0 || clean.line(word) != word || RuneCount(word) > MaxNameRunes {
				return bad(fmt.Sprintf("themes[%d].keywords[%d]", i, k), "a keyword is one line of up to %d letters, digits and spaces", MaxNameRunes)
			}
		}
	}
	return nil
}

// kindList is the known kinds as a sentence: "opportunity, barrier, ... or story".
func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// guideText is one field of a guide that participants will read.
type guideText struct {
	field   string
	text    string
	oneLine bool // a title or label, rather than a passage
}

// checkGuideText checks the words of a guide that participants will read.
// They must already be what CleanText (or CleanLine) would make of them, so
// a guide file cannot carry terminal escape sequences onto participants'
// screens.
func checkGuideText(c cleaning, file, at string, texts ...guideText) error {
	for _, t := range texts {
		clean, limit, rule := c.text(t.text), MaxTextRunes, "must be free of control characters, invisible characters and tabs"
		if t.oneLine {
			clean, limit, rule = c.line(t.text), MaxTitleRunes, "must be one line, free of control characters, invisible characters and tabs"
		}
		switch {
		case clean != t.text:
			return &GuideError{File: file, Field: joinPath(at, t.field), Msg: rule}
		case RuneCount(t.text) > limit:
			return &GuideError{File: file, Field: joinPath(at, t.field), Msg: fmt.Sprintf("is %d characters long: the limit is %d", RuneCount(t.text), limit)}
		}
	}
	return nil
}

// validateIDs checks a list of ID and label pairs: well-formed, labelled and
// unique. Themes must also not clash with the starting taxonomy.
func validateIDs(clean cleaning, file, field string, n int, item func(int) (id, label string)) error {
	seen := map[string]bool{}
	if field == "themes" {
		for _, t := range DefaultThemes {
			seen[t.ID] = true
		}
	}
	for i := range n {
		id, label := item(i)
		at := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !idPattern.MatchString(id):
			return &GuideError{File: file, Field: at + ".id", Msg: fmt.Sprintf("%q is not an ID: use lower-case letters, digits and hyphens", id)}
		case seen[id]:
			return &GuideError{File: file, Field: at + ".id", Msg: fmt.Sprintf("%q is already taken", id)}
		case label == "":
			return &GuideError{File: file, Field: at + ".label", Msg: "needs a label"}
		}
		if err := checkGuideText(clean, file, at, guideText{"label", label, true}); err != nil {
			return err
		}
		seen[id] = true
	}
	return nil
}
