package inquiry

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// markdownReport writes the markdown export: a report for people who were
// not in the room, such as a funder or a council committee. It leads with a
// synthesis (opportunities and barriers by theme, in the words people
// used), then lists the participants, then gives the transcript phase by
// phase and prompt by prompt, and ends by saying which log it was made from.
//
// Only live contributions are quoted and counted: not deleted, hidden,
// withdrawn, erased, or merged into another as a duplicate. The transcript
// keeps the place of those taken back or hidden, with the time and why but
// not their words or their author, so that the record shows something was
// said without repeating what the person took back or a facilitator
// moderated. Sections for votes, commitments and what the facilitators did
// appear only when there is something to put in them.
type markdownReport struct {
	out    *bufio.Writer
	ws     *Workshop
	events []Event
	labels exportLabels
	tally  Tally
	// deletedBy says who deleted each deleted contribution; enteredBy who
	// entered each contribution for a scribed participant; editedBy who
	// last edited each edited one.
	deletedBy map[string]Actor
	enteredBy map[string]Actor
	editedBy  map[string]Actor
}

func writeMarkdown(w io.Writer, ws *Workshop, events []Event) error {
	r := markdownReport{
		out:       bufio.NewWriter(w),
		ws:        ws,
		events:    events,
		labels:    newExportLabels(ws),
		tally:     ws.Tally(),
		deletedBy: map[string]Actor{},
		enteredBy: map[string]Actor{},
		editedBy:  map[string]Actor{},
	}
	for _, e := range events {
		switch {
		case e.Type == ContributionDeleted:
			r.deletedBy[e.Target] = e.Actor
		case e.Type == ContributionEdited:
			r.editedBy[e.Contribution.ID] = e.Actor
		case e.Type == ContributionAdded && e.Actor.Role != RoleParticipant:
			r.enteredBy[e.Contribution.ID] = e.Actor
		}
	}
	r.header()
	r.synthesis()
	r.priorities()
	r.commitments()
	r.participants()
	r.transcript()
	r.facilitationRecord()
	r.provenance()
	// bufio.Writer keeps the first write error; Flush returns it.
	return r.out.Flush()
}

func (r *markdownReport) printf(format string, args ...any) {
	fmt.Fprintf(r.out, format, args...)
}

func (r *markdownReport) header() {
	ws := r.ws
	r.printf("# %s\n\n", mdLine(ws.Title))
	r.printf("*A workshop report from Anchorage.*\n\n")
	r.printf("- **When:** %s\n", r.span())
	r.printf("- **Guide:** %s\n", mdLine(ws.Guide.Title))
	pacing := "self-paced"
	if ws.Pacing == FacilitatorPaced {
		pacing = "led by the facilitator, prompt by prompt"
	}
	r.printf("- **Pacing:** %s\n", pacing)
	if ws.Settings != (Settings{Visibility: VisibleLive}) {
		r.printf("- **Seeing each other:** %s\n", seeingEachOther(ws.Settings))
	}
	if team := r.team(); team != "" {
		r.printf("- **Facilitation team:** %s\n", team)
	}
	r.printf("- **Participants:** %d\n", len(ws.People()))
	r.printf("- **Contributions:** %s\n", r.contributionCount())
	r.printf("- **Log head:** event %d, hash `%s`\n\n", ws.Head, ws.HeadHash)
}

// span is when the workshop ran, in UTC.
func (r *markdownReport) span() string {
	opened, closed := r.ws.OpenedAt.UTC(), r.ws.ClosedAt.UTC()
	switch {
	case r.ws.Open || r.ws.ClosedAt.IsZero():
		return fmt.Sprintf("%s, from %s UTC (still open when this report was made)", reportDate(opened), clockTime(opened))
	case sameUTCDay(opened, closed):
		return fmt.Sprintf("%s, %s to %s UTC", reportDate(opened), clockTime(opened), clockTime(closed))
	}
	return fmt.Sprintf("%s, %s to %s, %s UTC", reportDate(opened), clockTime(opened), reportDate(closed), clockTime(closed))
}

// contributionCount is "15 (4 opportunities, 1 barrier, ...)".
func (r *markdownReport) contributionCount() string {
	var parts []string
	for _, k := range AllKinds {
		if n := r.tally.Totals[k]; n > 0 {
			parts = append(parts, kindCount(n, k))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d (%s)", r.tally.Contributions, strings.Join(parts, ", "))
}

// synthesis leads with what the facilitators highlighted, then gives the
// opportunities and barriers theme by theme (a "####" section each, under
// their "###"), then the other kinds.
func (r *markdownReport) synthesis() {
	r.printf("## Synthesis\n\n")
	live := r.live()
	r.highlights(live)
	r.printf("### Opportunities and barriers by theme\n\n")
	var rows []TallyRow
	for _, row := range r.tally.Rows() {
		if row.Sum(Opportunity, Barrier) > 0 {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		r.printf("No opportunities or barriers were recorded.\n\n")
	} else {
		if r.reframedColumn() {
			r.printf("| Theme | Opportunities | Barriers | Barriers reframed |\n| --- | ---: | ---: | ---: |\n")
		} else {
			r.printf("| Theme | Opportunities | Barriers |\n| --- | ---: | ---: |\n")
		}
		for _, row := range rows {
			r.printf("| %s | %d | %d |", mdLine(row.Theme.Label), row.Counts[Opportunity], row.Counts[Barrier])
			if r.reframedColumn() {
				r.printf(" %d |", row.Reframed)
			}
			r.printf("\n")
		}
		r.printf("\nA contribution with several themes is counted, and quoted, under each of them.")
		if r.reframedColumn() {
			r.printf(" A reframe (what would need to be true) is quoted under the barrier it answers and not counted as a barrier.")
		}
		r.printf("\n\n")
	}
	for _, row := range rows {
		r.printf("#### %s\n\n", mdLine(row.Theme.Label))
		for _, k := range []Kind{Opportunity, Barrier} {
			quotes := selectContributions(live, func(c *Contribution) bool { return c.Kind == k && hasThemeID(c, row.Theme.ID) })
			if len(quotes) == 0 {
				continue
			}
			r.printf("**%s (%d)**\n\n", k.Plural(), len(quotes))
			for _, c := range quotes {
				r.quote(c, false)
				if k == Barrier {
					r.reframesUnder(c)
				}
			}
			r.printf("\n")
		}
	}
	r.strayReframes(live)
	r.printf("### Strengths, aspirations, actions and stories\n\n")
	others := 0
	for _, k := range []Kind{Strength, Aspiration, Action, Story} {
		quotes := selectContributions(live, func(c *Contribution) bool { return c.Kind == k })
		if len(quotes) == 0 {
			continue
		}
		others += len(quotes)
		r.printf("#### %s (%d)\n\n", k.Plural(), len(quotes))
		for _, c := range quotes {
			r.quote(c, true)
		}
		r.printf("\n")
	}
	if others == 0 {
		r.printf("None were recorded.\n\n")
	}
}

// quote writes a contribution as a list item: the words in quotation
// marks, then who said them and what they concern.
func (r *markdownReport) quote(c *Contribution, withThemes bool) {
	r.printf("- “%s” — %s", mdText(c.Text, "  "), mdLine(r.labels.name(c.Participant)))
	if c.ScribedBy != "" {
		r.printf(" *(scribed)*")
	}
	if n := len(r.ws.Agreements(c.ID)); n > 0 {
		r.printf(" · agreed by %s", Plural(n, "other", "others"))
	}
	if themes := r.labels.themeLabels(c); withThemes && len(themes) > 0 {
		r.printf(" · %s", mdLine(strings.Join(themes, "; ")))
	}
	if partner := r.labels.partner(c); partner != "" {
		r.printf(" · partner: %s", mdLine(partner))
	}
	if c.Answers != "" {
		r.printf(" · reframes %s", r.ref(c.Answers))
	}
	r.commitment(c)
	r.printf("\n")
}

func (r *markdownReport) participants() {
	r.printf("## Participants\n\n")
	if len(r.ws.Participants) == 0 {
		r.printf("Nobody joined.\n\n")
		return
	}
	r.printf("Names are as people gave them; some are pseudonyms.\n\n")
	for _, p := range r.ws.People() {
		if p.Erased {
			r.printf("- *A participant whose name and words were erased at their request, %s.*\n", r.when(p.ErasedAt))
			continue
		}
		org := "organisation not given"
		if p.Organisation != "" {
			org = mdLine(p.Organisation)
		}
		n := r.labels.contributed[p.ID]
		r.printf("- **%s**, %s: %s, joined %s", mdLine(p.Name), org, Plural(n, "contribution", "contributions"), r.when(p.JoinedAt))
		if p.Language != "" {
			r.printf(", in %s", LanguageName(p.Language))
		}
		if p.Scribed {
			r.printf(", without a terminal: a scribe entered what they said")
		}
		if p.Withdrawn {
			r.printf(", withdrew %s and took back what they said", r.when(p.WithdrawnAt))
		}
		r.alsoJoined(p)
		if p.Blocked {
			r.printf(", removed by a facilitator %s", r.when(p.BlockedAt))
		}
		r.printf("\n")
	}
	r.printf("\n")
}

func (r *markdownReport) transcript() {
	r.printf("## Transcript\n\n")
	r.printf("Phase by phase and prompt by prompt, in the order things were said. Times are UTC.\n\n")
	said := byPrompt(r.ws.Contributions)
	for p, phase := range r.ws.Guide.Phases {
		r.printf("### %s\n\n", mdLine(phase.Title))
		if phase.Summary != "" {
			r.printf("*%s*\n\n", mdLine(phase.Summary))
		}
		for q, prompt := range phase.Prompts {
			r.printf("#### %s: %s\n\n", r.ws.Guide.PlaceAt(p, q), mdLine(prompt.Text))
			cs := said[r.ws.Guide.Ref(p, q)]
			if len(cs) == 0 {
				r.printf("Nothing was recorded here.\n\n")
			}
			r.transcriptEntries(cs)
		}
	}
}

// entry writes one contribution in the transcript, as a list item
// indented by indent: when, who, what kind, its themes, partner,
// commitment, links and curation, then the words. One taken back or
// hidden keeps its place without its words or author.
func (r *markdownReport) entry(c *Contribution, indent string) {
	if gone := r.goneNote(c); gone != "" {
		r.printf("%s- **%s** · *(%s)*\n\n", indent, r.when(c.AddedAt), gone)
		return
	}
	r.printf("%s- **%s · %s** · %s", indent, r.when(c.AddedAt), mdLine(r.labels.name(c.Participant)), strings.ToLower(c.Kind.Label()))
	if themes := r.labels.themeLabels(c); len(themes) > 0 {
		r.printf(" · themes: %s", mdLine(strings.Join(themes, "; ")))
		if c.ThemesAccepted {
			r.printf(" *(confirmed by a facilitator)*")
		}
	}
	if partner := r.labels.partner(c); partner != "" {
		r.printf(" · partner: %s", mdLine(partner))
	}
	r.commitment(c)
	r.links(c)
	r.agreement(c)
	if !c.EditedAt.IsZero() {
		r.printf(" · *(edited %s%s)*", r.when(c.EditedAt), r.editor(c))
	}
	r.printf("\n\n%s  %s\n\n", indent, mdText(c.Text, indent+"  "))
}

// goneNote says why a contribution's words are not in the report, or ""
// if they are.
func (r *markdownReport) goneNote(c *Contribution) string {
	switch {
	case c.Erased:
		return "erased at the author's request"
	case c.Withdrawn:
		return "withdrawn by the author"
	case c.Deleted:
		d := r.deletedBy[c.ID]
		switch {
		case d.Role == RoleParticipant && d.ID == c.Participant:
			return "deleted by the author"
		case d.Role == RoleScribe:
			return "deleted by " + r.byline(d) + ", who had entered it"
		}
		return "deleted by " + r.byline(d)
	case c.Hidden:
		return "hidden by a facilitator: " + mdLine(c.HiddenReason)
	}
	return ""
}

func (r *markdownReport) provenance() {
	r.printf("## About this report\n\n")
	r.printf("Anchorage made this report from the workshop's event log, up to and including event %d, whose hash is\n\n", r.ws.Head)
	r.printf("`%s`\n\n", r.ws.HeadHash)
	r.printf("Each event in the log carries the hash of the one before it, so anyone holding the log can check " +
		"that this report was made from it, untouched. Contributions their authors or a facilitator deleted are " +
		"left out of the synthesis and the counts; the transcript shows where they were, without their words.\n")
	r.provenanceOfCuration()
}

// live are the live contributions, in the order they were added.
func (r *markdownReport) live() []*Contribution {
	return selectContributions(r.ws.Contributions, (*Contribution).Live)
}

// when is a time of day in UTC, with the date too if it is not the day the
// workshop opened.
func (r *markdownReport) when(t time.Time) string {
	t = t.UTC()
	if sameUTCDay(t, r.ws.OpenedAt.UTC()) {
		return clockTime(t)
	}
	return t.Format("2 January") + " " + clockTime(t)
}

func selectContributions(cs []*Contribution, keep func(*Contribution) bool) []*Contribution {
	var out []*Contribution
	for _, c := range cs {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}

func hasThemeID(c *Contribution, id string) bool {
	if id == "" {
		return len(c.Themes) == 0
	}
	for _, t := range c.Themes {
		if t == id {
			return true
		}
	}
	return false
}

func kindCount(n int, k Kind) string {
	return Plural(n, string(k), strings.ToLower(k.Plural()))
}

func reportDate(t time.Time) string { return t.Format("2 January 2006") }

func clockTime(t time.Time) string { return t.Format("15:04") }

func sameUTCDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
