package report

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// page is everything the template shows, worked out beforehand so that the
// template only lays it out.
type page struct {
	Title string
	Style template.CSS
	// ForFacilitators is set for the facilitators' version.
	ForFacilitators bool
	// Named is false when the report leaves out people's names (an
	// anonymous workshop, for participants).
	Named bool

	About     about
	Themes    themeChart
	Sectors   sectorView
	Highlight []quote
	Said      []themeQuotes
	// Stray are the reframes of barriers the report does not quote.
	Stray  []quote
	Others []kindQuotes
	Votes  []voteView
	Commit []commitment
	Facil  *facilitation // nil for participants

	HeadSeq  uint64
	HeadHash string
	Code     string
}

// about is the workshop in a paragraph.
type about struct {
	When, Guide, Pacing string
	// People is how many took part; Kinds says from which kinds of
	// organisation, small groups folded as the sector split folds them.
	People int
	Kinds  string
	// Languages says in which languages people took part, as counts, or
	// "" (see languagesSpoken).
	Languages string
	Scribed   int
	Made      string // "48 contributions: 12 opportunities, …"
	Seeing    string // what participants saw of each other, if not the default
}

// style is the stylesheet, inlined into every report.
var style = func() template.CSS {
	b, err := files.ReadFile("style.css")
	if err != nil {
		panic("report: the embedded stylesheet is missing: " + err.Error())
	}
	// The stylesheet is ours, embedded at build time: nothing in it comes
	// from a person.
	return template.CSS(b)
}()

func build(ws *inquiry.Workshop, events []inquiry.Event, opts Options) *page {
	b := newBuilder(ws, opts)
	p := &page{
		Title: ws.Title, Style: style,
		ForFacilitators: opts.Audience == Facilitators,
		Named:           b.named,
		HeadSeq:         ws.Head, HeadHash: ws.HeadHash, Code: ws.Code,
	}
	p.About = b.about()
	tally := ws.Tally()
	p.Themes = newThemeChart(tally)
	p.Sectors = newSectorView(ws.SplitBySector(), p.Themes.Scale)
	p.Highlight = b.highlights()
	p.Said, p.Others = b.said(tally)
	p.Stray = b.strayReframes()
	p.Votes = b.votes()
	p.Commit = b.commitments()
	if p.ForFacilitators {
		p.Facil = b.facilitation(events)
	}
	return p
}

// builder holds what every part of the report looks up.
type builder struct {
	ws    *inquiry.Workshop
	opts  Options
	named bool
	live  []*inquiry.Contribution
	// reframes are the live reframes quoted under each barrier, by the
	// barrier's ID; stray those whose barrier is not quoted (see
	// reframesOf).
	reframes map[string][]*inquiry.Contribution
	stray    []*inquiry.Contribution
}

func newBuilder(ws *inquiry.Workshop, opts Options) *builder {
	b := &builder{
		ws: ws, opts: opts,
		named: opts.Audience == Facilitators || !ws.Settings.Anonymous,
	}
	for _, c := range ws.Contributions {
		if c.Live() {
			b.live = append(b.live, c)
		}
	}
	b.reframes, b.stray = reframesOf(ws, b.live)
	return b
}

func (b *builder) about() about {
	ws := b.ws
	a := about{When: span(ws), Guide: ws.Guide.Title, Pacing: "self-paced"}
	if ws.Pacing == inquiry.FacilitatorPaced {
		a.Pacing = "led by the facilitator, prompt by prompt"
	}
	var present []*inquiry.Participant
	for _, p := range ws.Participants {
		if !p.Left() {
			present = append(present, p)
			if p.Scribed {
				a.Scribed++
			}
		}
	}
	a.People = len(present)
	a.Kinds = kindsOfOrganisation(inquiry.GroupSectors(present))
	a.Languages = languagesSpoken(present)
	t := ws.Tally()
	var parts []string
	for _, k := range inquiry.AllKinds {
		if n := t.Totals[k]; n > 0 {
			parts = append(parts, inquiry.Plural(n, string(k), strings.ToLower(k.Plural())))
		}
	}
	a.Made = "no contributions"
	if len(parts) > 0 {
		a.Made = inquiry.Plural(t.Contributions, "contribution", "contributions") + ": " + list(parts)
	}
	if ws.Settings != (inquiry.Settings{Visibility: inquiry.VisibleLive}) {
		a.Seeing = seeing(ws.Settings)
	}
	return a
}

// kindsOfOrganisation says from which kinds of organisation people came,
// by sector, with the small-group rule: "6 from community anchors and
// groups, 5 from councils and 6 others (health and social care and the
// third sector each had fewer than 5 people, and are counted with the
// others)".
func kindsOfOrganisation(g inquiry.SectorGroups) string {
	if g.Withheld {
		return fmt.Sprintf("too few to say from which kinds of organisation without picking someone out (fewer than %d)", inquiry.SmallGroup)
	}
	var parts []string
	for _, sp := range g.Shown {
		if sp.Sector == inquiry.SectorOthers {
			parts = append(parts, fmt.Sprintf("%d from other organisations or none given", sp.People))
			continue
		}
		parts = append(parts, fmt.Sprintf("%d from %s", sp.People, strings.ToLower(sp.Sector.Label)))
	}
	if len(g.Folded) > 0 {
		// The sector split says which; here it is enough to say why.
		parts[len(parts)-1] += fmt.Sprintf(" (no group of fewer than %d people is named on its own)", inquiry.SmallGroup)
	}
	return list(parts)
}

// span is when the workshop ran, in UTC.
func span(ws *inquiry.Workshop) string {
	opened, closed := ws.OpenedAt.UTC(), ws.ClosedAt.UTC()
	switch {
	case ws.Open || ws.ClosedAt.IsZero():
		return fmt.Sprintf("on %s, from %s UTC (still open when this report was made)", date(opened), clock(opened))
	case opened.Format(time.DateOnly) == closed.Format(time.DateOnly):
		return fmt.Sprintf("on %s, from %s to %s UTC", date(opened), clock(opened), clock(closed))
	}
	return fmt.Sprintf("from %s, %s to %s, %s UTC", date(opened), clock(opened), date(closed), clock(closed))
}

// seeing says what participants saw of each other's contributions.
func seeing(s inquiry.Settings) string {
	var says string
	switch s.Visibility {
	case inquiry.VisibleOnReveal:
		says = "others' contributions were held back until a facilitator revealed them"
	case inquiry.VisibleNever:
		says = "participants saw only their own contributions"
	default:
		says = "others' contributions were shown as they arrived"
	}
	if s.Anonymous {
		says += ", without names"
	}
	return says
}

func date(t time.Time) string  { return t.Format("2 January 2006") }
func clock(t time.Time) string { return t.Format("15:04") }

// list joins phrases as a sentence does: "a, b and c".
func list(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
