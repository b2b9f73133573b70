// Package report writes a workshop as one self-contained HTML page that
// people share: a funder, a council committee, the people who were there.
// It fetches nothing: styles are inline and the charts are inline SVG, so it
// opens the same offline, on a phone, and printed on A4.
//
// Everything a person wrote goes through html/template, so nothing they
// typed can become markup. Only live contributions are counted or quoted
// (not deleted, hidden, withdrawn, erased or merged away), and nothing of an
// erased person appears.
package report

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
)

// Audience is who a report is written for.
type Audience string

// The audiences a report can be written for.
const (
	// Facilitators get everything: the report, plus what only facilitators
	// see (each person's progress, hidden contributions and their reasons,
	// the facilitation record). It is the default: only a facilitator can
	// export, and this is the version for the facilitators' own records.
	Facilitators Audience = "facilitators"
	// Participants get the report without what only facilitators see, and
	// without names when the workshop was anonymous: the version to share.
	Participants Audience = "participants"
)

// ParseAudience reads an audience as a person types it.
func ParseAudience(s string) (Audience, error) {
	switch a := Audience(strings.ToLower(strings.TrimSpace(s))); a {
	case Facilitators, Participants:
		return a, nil
	case "":
		return Facilitators, nil
	}
	return "", fmt.Errorf("%w: audience %q: choose facilitators or participants", inquiry.ErrInvalid, s)
}

// Options say how a report is written.
type Options struct {
	// Audience is who it is for; the zero value is Facilitators.
	Audience Audience
}

//go:embed page.html style.css
var files embed.FS

var pageTemplate = template.Must(template.New("page.html").ParseFS(files, "page.html"))

// Write writes the workshop's HTML report. events is the log ws was folded
// from, whole: the report states its head, so that a reader holding the
// log (or the JSON export) can check the report was made from it.
func Write(w io.Writer, ws *inquiry.Workshop, events []inquiry.Event, opts Options) error {
	if ws == nil || ws.Head == 0 || len(events) == 0 {
		return fmt.Errorf("html report: %w: the workshop has no events", inquiry.ErrInvalid)
	}
	if last := events[len(events)-1]; uint64(len(events)) != ws.Head || last.Seq != ws.Head || last.Hash != ws.HeadHash {
		return fmt.Errorf("html report: %w: the log does not end at the workshop's head (event %d)", inquiry.ErrInvalid, ws.Head)
	}
	if opts.Audience == "" {
		opts.Audience = Facilitators
	}
	out := bufio.NewWriter(w)
	if err := pageTemplate.Execute(out, build(ws, events, opts)); err != nil {
		return fmt.Errorf("html report of workshop %s: %w", ws.ID, err)
	}
	return out.Flush()
}
