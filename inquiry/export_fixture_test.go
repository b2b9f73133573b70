package inquiry

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry/inquirytest/golden"
)

// compareExportGolden checks got against testdata/name, or rewrites the
// file when run with -update.
func compareExportGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

// exportLog writes a workshop's log the way the store does: each event's
// words sealed (here with a fixed salt), numbered, chained to the one
// before, and checked by Apply so that a fixture can never be a log the
// store would refuse.
type exportLog struct {
	tb     testing.TB
	start  time.Time
	ws     *Workshop
	events []Event
	// checked makes every event pass Check first, as the store's are:
	// Apply alone does not check pacing (see checkPace).
	checked bool
}

// exportFacilitator is the facilitator who opens and closes the fixtures.
var exportFacilitator = Actor{Role: RoleFacilitator, ID: "SHA256:q8Vn0jH4xXbqg1r6Z0kS0cDmZ2Yb7l9yA5w1Qm3t2sE"}

func newExportLog(tb testing.TB, start time.Time, d WorkshopDetails) *exportLog {
	l := &exportLog{tb: tb, start: start, ws: &Workshop{}}
	l.append(0, Event{Type: WorkshopOpened, Actor: exportFacilitator, Workshop: &d})
	return l
}

// append completes an event as the store would and applies it.
func (l *exportLog) append(after time.Duration, e Event) Event {
	l.tb.Helper()
	if l.checked {
		if err := l.ws.Check(e); err != nil {
			l.tb.Fatalf("fixture event %d (%s) refused by Check: %v", l.ws.Head+1, e.Type, err)
		}
	}
	e.Seq = l.ws.Head + 1
	e.At = l.start.Add(after)
	e.Prev = l.ws.HeadHash
	for _, w := range e.Words() {
		w.Seal([]byte("anchorage fixture salt"))
	}
	e.Hash = e.ChainHash()
	if err := l.ws.Apply(e); err != nil {
		l.tb.Fatalf("fixture event %d (%s) refused: %v", e.Seq, e.Type, err)
	}
	l.events = append(l.events, e)
	return e
}

func (l *exportLog) join(after time.Duration, id, name, organisation string) {
	l.append(after, Event{
		Type: ParticipantJoined, Actor: Actor{Role: RoleParticipant, ID: id},
		Participant: &ParticipantDetails{
			ID: id, Name: Words{Text: name}, Organisation: organisation,
			ConsentAt: l.start.Add(after - 30*time.Second),
			Identity:  "id-" + id,
		},
	})
}

// add records a contribution by its author; the text goes through
// CleanText first, as the screens do before anything is submitted.
func (l *exportLog) add(after time.Duration, id, author string, ref PromptRef, kind Kind, text string, themes []string, partner string) {
	l.append(after, Event{
		Type: ContributionAdded, Actor: Actor{Role: RoleParticipant, ID: author},
		Contribution: &ContributionDetails{
			ID: id, Participant: author, Prompt: ref, Kind: kind,
			Text: Words{Text: CleanText(text)}, Themes: themes, Partner: partner,
		},
	})
}

// edit changes a contribution's text, as its author.
func (l *exportLog) edit(after time.Duration, id, text string) {
	c, ok := l.ws.Contribution(id)
	if !ok {
		l.tb.Fatalf("fixture: no contribution %s to edit", id)
	}
	l.append(after, Event{
		Type: ContributionEdited, Actor: Actor{Role: RoleParticipant, ID: c.Participant},
		Contribution: &ContributionDetails{
			ID: id, Participant: c.Participant, Prompt: c.Prompt, Kind: c.Kind,
			Text: Words{Text: text}, Themes: c.Themes, Partner: c.Partner,
		},
	})
}

// remove deletes a contribution, as the given actor.
func (l *exportLog) remove(after time.Duration, id string, by Actor) {
	l.append(after, Event{Type: ContributionDeleted, Actor: by, Target: id})
}

func (l *exportLog) close(after time.Duration) {
	l.append(after, Event{Type: WorkshopClosed, Actor: exportFacilitator})
}

// exportGuide is a small four-D guide written for these tests, so they do
// not depend on the built-in guides.
func exportGuide() Guide {
	return Guide{
		ID:      "four-d-sample",
		Title:   "Partnerships at their best",
		Summary: "An appreciative inquiry into partnerships between community anchors and public services.",
		Phases: []Phase{
			{ID: "discover", Title: "Discover", Summary: "Partnership at its best: what made it work.", Prompts: []Prompt{
				{ID: "at-best", Text: "Tell us about a time a partnership between a community anchor and a public service was at its best. What made it work?", Kinds: []Kind{Story, Strength}},
			}},
			{ID: "dream", Title: "Dream", Summary: "What partnerships could achieve.", Prompts: []Prompt{
				{ID: "five-years", Text: "Imagine it is five years from now and the partnership is thriving. What is happening?", Kinds: []Kind{Aspiration, Opportunity}},
			}},
			{ID: "design", Title: "Design", Summary: "The opportunities to build on and the barriers in the way.", Prompts: []Prompt{
				{ID: "build-on", Text: "What opportunities could we build on?", Kinds: []Kind{Opportunity}},
				{ID: "in-the-way", Text: "What is in the way?", Kinds: []Kind{Barrier},
					Reframe: "What would need to be true for this not to be in the way?"},
			}},
			{ID: "deliver", Title: "Deliver", Summary: "Who commits to what.", Prompts: []Prompt{
				{ID: "commit", Text: "What will you do, and by when?", Kinds: []Kind{Action}},
				{ID: "anything-else", Text: "Is there anything else the group should hear?"},
			}},
		},
		Themes: []Theme{{ID: "food", Label: "Food and growing"}},
	}
}

// exportStart is when the sample workshop opens.
var exportStart = time.Date(2026, time.March, 12, 10, 0, 0, 0, time.UTC)

// sampleExportLog is a small, realistic workshop: five participants (one
// with a Gaelic name, one whose name would be a spreadsheet formula), every
// kind of contribution, themes and partners, an edit, a deletion, and the
// hostile text a public server must expect.
func sampleExportLog(tb testing.TB) (*Workshop, []Event) {
	tb.Helper()
	l := newExportLog(tb, exportStart, WorkshopDetails{
		ID: "ws-kilbrannan", Title: "Anchors and public services in Kilbrannan",
		Code: "harbour-4821", Pacing: SelfPaced, Guide: exportGuide(),
	})
	m := time.Minute
	l.join(2*m, "p-morag", "Morag", "Community anchor organisation")
	l.join(3*m, "p-sine", "Sìne", "Community group or volunteer")
	l.join(3*m+40*time.Second, "p-alan", "Alan R.", "Local authority")
	l.join(5*m, "p-dev", "Dev", "NHS / health and social care")
	l.join(6*m, "p-kirsty", "@kirsty", "")

	l.add(12*m, "c-01", "p-morag", "discover/at-best", Story,
		"When the health centre closed on Fridays, the council let us run a drop-in from our hall. The practice sent a nurse every week, and people came because they already knew us.",
		[]string{"health-social-care", "services-procurement"}, "nhs")
	l.add(15*m, "c-02", "p-dev", "discover/at-best", Strength,
		"Trust built over years: the anchor knew every family on the estate by name.",
		[]string{"resilience"}, "")
	l.add(17*m, "c-03", "p-sine", "discover/at-best", Story,
		"Our lunch club started with six people.\nNow it is forty, and the link worker refers people to us.\n\nNobody planned that: it grew.",
		[]string{"health-social-care", "food"}, "nhs")

	l.add(31*m, "c-04", "p-alan", "dream/five-years", Aspiration,
		"Community planning that starts from what the anchor already knows, not from our own service plans.",
		[]string{"community-planning", "local-democracy"}, "community-planning")
	l.add(33*m, "c-05", "p-sine", "dream/five-years", Opportunity,
		"Community-owned renewables paying for the hall's heating and the youth work.",
		[]string{"sustainability", "social-enterprise"}, "funders")
	// Pasted from a terminal that had been sent a clipboard-writing escape:
	// CleanText removes the whole sequence, payload and all.
	l.add(36*m, "c-06", "p-kirsty", "dream/five-years", Aspiration,
		"\x1b]52;c;ZWNobyBwd25lZA==\x07Young people running the bus survey themselves, and being listened to.",
		nil, "")
	l.add(38*m, "c-07", "p-sine", "dream/five-years", Aspiration,
		"1. Keep the hall open\n2. Bring the bus back\n- and the bank, one day",
		[]string{"place-making"}, "")

	l.add(48*m, "c-08", "p-morag", "design/build-on", Opportunity,
		"Asset transfer of the old library so it stays open for the whole community.",
		[]string{"empowerment-assets"}, "local-authority")
	l.add(50*m, "c-09", "p-alan", "design/build-on", Opportunity,
		"Shared procurement: let anchors bid for small lots, not only the big contracts.",
		[]string{"services-procurement", "local-economy"}, "local-authority")
	l.add(53*m, "c-10", "p-dev", "design/build-on", Opportunity,
		"Ask the health board to fund a link worker.",
		[]string{"health-social-care"}, "nhs")
	l.add(55*m, "c-11", "p-dev", "design/build-on", Opportunity,
		"A link worker based in the anchor, paid for jointly by the health board and the council.",
		[]string{"health-social-care", "community-planning"}, "nhs")

	l.add(61*m, "c-12", "p-morag", "design/in-the-way", Barrier,
		"Funding arrives in one-year pots, so nobody can plan beyond March.",
		[]string{"third-sector"}, "funders")
	l.add(63*m, "c-13", "p-morag", "design/in-the-way", Barrier,
		"Officers change every year and we start the relationship again each time.",
		[]string{"community-planning"}, "local-authority")
	l.remove(65*m, "c-10", Actor{Role: RoleParticipant, ID: "p-dev"})
	l.add(66*m, "c-14", "p-kirsty", "design/in-the-way", Barrier,
		`=HYPERLINK("x") is how the last consultation reached us. Nobody clicked it.`,
		[]string{"local-democracy"}, "other")
	l.add(68*m, "c-15", "p-sine", "design/in-the-way", Barrier,
		"# Paperwork\nThe asset transfer forms run to forty pages, and the guidance to more.",
		[]string{"empowerment-assets"}, "local-authority")
	l.add(70*m, "c-16", "p-alan", "design/in-the-way", Barrier,
		"Our online portal times out on the village hall wifi. <script>alert(1)</script> [click here](http://example.com)",
		[]string{"services-procurement"}, "local-authority")
	l.add(72*m, "c-17", "p-dev", "design/in-the-way", Barrier,
		"Rent | rates | insurance all rise faster than grants.",
		nil, "")
	l.edit(80*m, "c-08", "Asset transfer of the old library, starting with a five-year lease, so it stays open for the whole community.")

	l.add(85*m, "c-18", "p-alan", "deliver/commit", Action,
		"I will set up a quarterly meeting between the locality team and the three anchors, starting in June.",
		[]string{"community-planning"}, "local-authority")
	l.add(87*m, "c-19", "p-morag", "deliver/commit", Action,
		"- Share our room bookings with the health and social care partnership\n- Invite the link worker to the lunch club",
		[]string{"health-social-care"}, "nhs")
	l.add(89*m, "c-20", "p-kirsty", "deliver/commit", Action,
		"+1 to the quarterly meeting. I'll bring the young people's survey results.",
		[]string{"local-democracy"}, "")
	l.close(105 * m)
	return l.ws, l.events
}

// largeExportLog is a workshop with n contributions spread over the sample
// guide's prompts, forty participants, themes and partners, for
// benchmarks: what a long day with a big room might leave behind.
func largeExportLog(tb testing.TB, n int) (*Workshop, []Event) {
	tb.Helper()
	g := exportGuide()
	l := newExportLog(tb, exportStart, WorkshopDetails{
		ID: "ws-large", Title: "A long day with a big room", Code: "large-0001", Pacing: FacilitatorPaced, Guide: g,
	})
	const people = 40
	for i := range people {
		l.join(time.Duration(i)*time.Second, fmt.Sprintf("p-%02d", i), fmt.Sprintf("Person %02d", i), "Community anchor organisation")
	}
	var refs []PromptRef
	for p, ph := range g.Phases {
		for q := range ph.Prompts {
			refs = append(refs, g.Ref(p, q))
		}
	}
	themes := l.ws.Themes()
	partners := g.PartnerList()
	for i := range n {
		ref := refs[i%len(refs)]
		prompt, _ := g.Prompt(ref)
		kinds := prompt.KindChoices()
		var ids []string
		for j := range i % 3 {
			ids = append(ids, themes[(i*7+j*5)%len(themes)].ID)
		}
		partner := ""
		if i%4 != 0 {
			partner = partners[i%len(partners)].ID
		}
		text := fmt.Sprintf("Contribution %d: the anchor and the council could share the hall, the data and the budget | "+
			"so that *everyone* in the village gets to say what matters <before> the plans are made.", i)
		l.add(10*time.Minute+time.Duration(i)*time.Second, fmt.Sprintf("c-%05d", i), fmt.Sprintf("p-%02d", i%people),
			ref, kinds[i%len(kinds)], text, ids, partner)
	}
	return l.ws, l.events
}
