package inquiry

import (
	"cmp"
	"fmt"
	"io"
	"strings"
)

// Format is a way of writing a workshop out for people who never connect:
// a readable report, a spreadsheet, or the whole record as data.
type Format string

// The export formats.
const (
	// FormatMarkdown is a report for a funder or a council committee: a
	// synthesis by theme, the participants and the transcript.
	FormatMarkdown Format = "markdown"
	// FormatCSV is one row per live contribution, for a spreadsheet.
	FormatCSV Format = "csv"
	// FormatJSON is the workshop, its tally and its whole event log.
	FormatJSON Format = "json"
)

// Formats lists every export format, in the order help text offers them.
var Formats = []Format{FormatMarkdown, FormatCSV, FormatJSON}

// ParseFormat reads a format as a person types it: any case, and "md" for
// markdown.
func ParseFormat(s string) (Format, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if name == "md" {
		return FormatMarkdown, nil
	}
	for _, f := range Formats {
		if name == string(f) {
			return f, nil
		}
	}
	return "", fmt.Errorf("%w: export format %q: choose markdown (or md), csv or json", ErrInvalid, s)
}

// Extension is the file name extension for the format, with its dot.
func (f Format) Extension() string {
	switch f {
	case FormatMarkdown:
		return ".md"
	case FormatCSV:
		return ".csv"
	case FormatJSON:
		return ".json"
	}
	return ""
}

// Export writes the workshop in the given format. events is the log ws was
// folded from, whole: the JSON export carries it, and every format states
// its head (the last event's sequence number and hash) so that a reader
// holding the log can check the export was made from it, untouched.
//
// Export returns an error wrapping ErrInvalid if the log does not end at the
// workshop's head, since a report from a mismatched pair would state a head
// it was not made from.
func Export(w io.Writer, f Format, ws *Workshop, events []Event) error {
	// Parsing again lets a caller pass a format as typed ("MD").
	f, err := ParseFormat(string(f))
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := checkHead(ws, events); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	switch f {
	case FormatMarkdown:
		err = writeMarkdown(w, ws, events)
	case FormatCSV:
		err = writeCSV(w, ws)
	case FormatJSON:
		err = writeJSON(w, ws, events)
	}
	if err != nil {
		return fmt.Errorf("export %s of workshop %s: %w", f, ws.ID, err)
	}
	return nil
}

// checkHead makes sure the log and the fold agree on where the chain ends.
func checkHead(ws *Workshop, events []Event) error {
	if ws == nil || ws.Head == 0 {
		return fmt.Errorf("%w: the workshop has no events", ErrInvalid)
	}
	if uint64(len(events)) != ws.Head {
		return fmt.Errorf("%w: the log has %s but the workshop's head is event %d", ErrInvalid, Plural(len(events), "event", "events"), ws.Head)
	}
	last := events[len(events)-1]
	if last.Seq != ws.Head || last.Hash != ws.HeadHash {
		return fmt.Errorf("%w: the log ends at event %d (%.12s), the workshop at event %d (%.12s)",
			ErrInvalid, last.Seq, last.Hash, ws.Head, ws.HeadHash)
	}
	return nil
}

// exportLabels looks up the names an export shows for the IDs a
// contribution holds, built once per export rather than once per row.
type exportLabels struct {
	themes   map[string]string
	partners map[string]string
	names    map[string]*Participant
	// contributed counts each participant's live contributions (see
	// Contribution.Live).
	contributed map[string]int
	// mergedFrom lists, for each contribution, the duplicates merged into
	// it, in the order they were added.
	mergedFrom map[string][]string
}

func newExportLabels(ws *Workshop) exportLabels {
	l := exportLabels{
		themes:      map[string]string{},
		partners:    map[string]string{},
		names:       make(map[string]*Participant, len(ws.Participants)),
		contributed: make(map[string]int, len(ws.Participants)),
		mergedFrom:  map[string][]string{},
	}
	for _, t := range ws.Themes() {
		l.themes[t.ID] = t.Label
	}
	for _, p := range ws.Guide.PartnerList() {
		l.partners[p.ID] = p.Label
	}
	for _, p := range ws.Participants {
		l.names[p.ID] = p
	}
	for _, c := range ws.Contributions {
		if c.Live() {
			l.contributed[c.Participant]++
		}
		if c.MergedInto != "" && !c.gone() {
			l.mergedFrom[c.MergedInto] = append(l.mergedFrom[c.MergedInto], c.ID)
		}
	}
	return l
}

// agreedBy are the names of those who agree with the contribution.
func (l exportLabels) agreedBy(ws *Workshop, c *Contribution) []string {
	who := ws.Agreements(c.ID)
	names := make([]string, len(who))
	for i, id := range who {
		names[i] = l.name(id)
	}
	return names
}

// builtOnBy are the IDs of the live contributions that build on c.
func builtOnBy(ws *Workshop, c *Contribution) []string {
	var ids []string
	for _, b := range ws.BuiltOn(c.ID) {
		if b.Live() {
			ids = append(ids, b.ID)
		}
	}
	return ids
}

// enteredBy names the facilitator or scribe who entered a contribution for
// a scribed participant, or "" if the participant entered it.
func enteredBy(ws *Workshop, c *Contribution) string {
	switch c.ScribedBy {
	case "":
		return ""
	case string(RoleSystem):
		return ws.ActorName(System)
	}
	return ws.ActorName(Actor{Role: RoleScribe, ID: c.ScribedBy})
}

// themeLabels are the labels of the contribution's themes, in its order.
func (l exportLabels) themeLabels(c *Contribution) []string {
	labels := make([]string, 0, len(c.Themes))
	for _, id := range c.Themes {
		labels = append(labels, cmp.Or(l.themes[id], id))
	}
	return labels
}

// partner is the label of the partner the contribution concerns, or "".
func (l exportLabels) partner(c *Contribution) string {
	if c.Partner == "" {
		return ""
	}
	return cmp.Or(l.partners[c.Partner], c.Partner)
}

// language is the code of the language a participant took part in, ""
// if their join did not record one.
func (l exportLabels) language(id string) string {
	if p, ok := l.names[id]; ok {
		return p.Language
	}
	return ""
}

// name is the author's display name as they gave it.
func (l exportLabels) name(id string) string {
	if p, ok := l.names[id]; ok {
		return p.Name
	}
	return id
}

// organisation is the author's organisation type, or "".
func (l exportLabels) organisation(id string) string {
	if p, ok := l.names[id]; ok {
		return p.Organisation
	}
	return ""
}

// byPrompt groups contributions by the prompt they answer, keeping the
// order in which they were added.
func byPrompt(cs []*Contribution) map[PromptRef][]*Contribution {
	m := map[PromptRef][]*Contribution{}
	for _, c := range cs {
		m[c.Prompt] = append(m[c.Prompt], c)
	}
	return m
}
