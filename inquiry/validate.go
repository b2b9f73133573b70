package inquiry

import (
	"fmt"
	"regexp"
	"time"
)

// idPattern is what guide, phase, prompt, theme and partner IDs look like:
// short, lower case, safe in a file name, a URL and a CSV cell.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// Validate checks a guide's meaning: IDs present, well-formed and unique,
// every phase with prompts, every kind known. The error names the field
// (as "phases[1].prompts[0].kinds[2]"); the parser adds the file and line.
func (g Guide) Validate() error {
	bad := func(field, format string, args ...any) error {
		return &GuideError{File: g.ID, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
	if !idPattern.MatchString(g.ID) {
		return bad("id", "%q is not an ID: use lower-case letters, digits and hyphens", g.ID)
	}
	if g.Title == "" {
		return bad("title", "a guide needs a title")
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
			for k, kind := range pr.Kinds {
				if !kind.Valid() {
					return bad(fmt.Sprintf("%s.kinds[%d]", at, k), "unknown kind %q (known: %v)", kind, Kinds)
				}
			}
			if pr.Timebox < 0 || time.Duration(pr.Timebox) > 24*time.Hour {
				return bad(at+".timebox", "a timebox is between 0 and 24h")
			}
		}
	}
	if err := validateIDs(g.ID, "partners", len(g.Partners), func(i int) (string, string) {
		return g.Partners[i].ID, g.Partners[i].Label
	}); err != nil {
		return err
	}
	return validateIDs(g.ID, "themes", len(g.Themes), func(i int) (string, string) {
		return g.Themes[i].ID, g.Themes[i].Label
	})
}

// validateIDs checks a list of ID and label pairs: well-formed, labelled and
// unique. Themes must also not clash with the starting taxonomy.
func validateIDs(file, field string, n int, item func(int) (id, label string)) error {
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
		seen[id] = true
	}
	return nil
}
