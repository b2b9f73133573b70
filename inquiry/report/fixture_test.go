package report

import (
	"fmt"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/inquirytest"
)

// fixtureGuide is a short four-D guide written for these tests, so that
// they do not change when a built-in guide does.
func fixtureGuide() inquiry.Guide {
	return inquiry.Guide{
		ID: "four-d-report", Title: "Partnerships at their best",
		Phases: []inquiry.Phase{
			{ID: "discover", Title: "Discover", Prompts: []inquiry.Prompt{
				{ID: "at-best", Text: "When was a partnership at its best?", Kinds: []inquiry.Kind{inquiry.Story, inquiry.Strength}},
			}},
			{ID: "dream", Title: "Dream", Prompts: []inquiry.Prompt{
				{ID: "five-years", Text: "What could partnership achieve in five years?", Kinds: []inquiry.Kind{inquiry.Aspiration}},
			}},
			{ID: "design", Title: "Design", Prompts: []inquiry.Prompt{
				{ID: "build-on", Text: "What could we build on?", Kinds: []inquiry.Kind{inquiry.Opportunity}},
				{ID: "in-the-way", Text: "What is in the way?", Kinds: []inquiry.Kind{inquiry.Barrier, inquiry.Opportunity},
					Reframe: "What would need to be true?"},
			}},
			{ID: "deliver", Title: "Deliver", Prompts: []inquiry.Prompt{
				{ID: "commit", Text: "What will you do, and by when?", Kinds: []inquiry.Kind{inquiry.Action}},
			}},
		},
	}
}

var fixtureStart = time.Date(2026, time.March, 12, 10, 0, 0, 0, time.UTC)

// fixture is a morning workshop in Kilbrannan: 19 people from community
// anchors, the council, health and the third sector, a funder and a
// scribed table, in English and in Cymraeg; opportunities and barriers
// across themes, reframes (one of a barrier later hidden, and ones that
// were hidden, withdrawn and erased), agreements, a highlight, a hidden
// barrier, a dot vote, commitments, someone who withdrew, someone erased
// at their request, and words that try to be markup.
func fixture(tb testing.TB, anonymous bool) *inquirytest.Log {
	tb.Helper()
	l := inquirytest.New(tb, fixtureStart, inquiry.WorkshopDetails{
		ID: "ws-kilbrannan", Title: "Anchors and public services in Kilbrannan",
		Code: "harbour-4821", Pacing: inquiry.SelfPaced, Guide: fixtureGuide(),
	})
	m := time.Minute
	if anonymous {
		l.Act(m, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleLive, Anonymous: true}})
	}
	// Five take part in Cymraeg, the others in English; the two who leave
	// the record were the only ones in Cymraeg and Gàidhlig beyond those,
	// so the report can count languages only once they are left out.
	people := []struct{ id, name, org, language string }{
		{"morag", "Morag", "Community anchor organisation", "en"},
		{"sine", "Sìne", "Community group or volunteer", "cy"},
		{"callum", "Callum", "Community anchor organisation", "en"},
		{"aileen", "Aileen", "Community anchor organisation", "en"},
		{"ravi", "Ravi", "Community group or volunteer", "cy"},
		{"jo", "Jo <b>", "Community anchor organisation", "en"},
		{"alan", "Alan R.", "Local authority", "en"},
		{"fiona", "Fiona", "Local authority", "en"},
		{"gordon", "Gordon", "Local authority", "en"},
		{"priya", "Priya", "Local authority", "en"},
		{"euan", "Euan", "Local authority", "en"},
		{"dev", "Dev", "NHS / health and social care", "en"},
		{"mairi", "Màiri", "NHS / health and social care", "cy"},
		{"tom", "Tom", "NHS / health and social care", "en"},
		{"kirsty", "Kirsty", "Third sector organisation", "cy"},
		{"owen", "Owen", "Third sector organisation", "cy"},
		{"ali", "Ali", "Funder", "en"},
		{"leaver", "Pat", "Local authority", "cy"},
		{"erased", "Sam Erased", "Community anchor organisation", "gd"},
	}
	for i, p := range people {
		l.JoinIn(time.Duration(i)*20*time.Second+2*m, p.id, p.name, p.org, p.language)
	}
	l.JoinScribed(9*m, "table3", "Table 3 (village hall)", "")

	n := 0
	at := 10 * m
	add := func(author string, ref inquiry.PromptRef, kind inquiry.Kind, text string, themes ...string) string {
		n++
		at += 40 * time.Second
		id := fmt.Sprintf("c-%02d", n)
		l.Add(at, inquirytest.Contribution{ID: id, Author: author, Prompt: ref, Kind: kind, Text: text, Themes: themes})
		return id
	}
	const (
		best  = "discover/at-best"
		dream = "dream/five-years"
		build = "design/build-on"
		way   = "design/in-the-way"
	)
	opp, bar := inquiry.Opportunity, inquiry.Barrier
	add("morag", best, inquiry.Story, "When the health centre closed on Fridays, the council let us run a drop-in from our hall.", "health-social-care")
	add("dev", best, inquiry.Strength, "Trust built over years: the anchor knew every family on the estate by name.", "resilience")
	add("sine", dream, inquiry.Aspiration, "A village where the hall, the practice and the council plan the year together.", "community-planning")

	add("morag", build, opp, "Our hall is open six days a week: services could come to people here.", "health-social-care", "place-making")
	add("callum", build, opp, "Take on the old library as a community hub through asset transfer.", "empowerment-assets")
	add("aileen", build, opp, "Link workers already refer people to our lunch club.", "health-social-care")
	add("ravi", build, opp, "Young people want to run the café as a social enterprise.", "social-enterprise", "local-economy")
	add("jo", build, opp, "<script>alert('hi')</script> Shared data on who uses which service.", "services-procurement")
	add("alan", build, opp, "The locality plan is being rewritten this year: anchors can shape it.", "community-planning")
	add("fiona", build, opp, "Participatory budgeting money for small housing repairs.", "housing", "local-democracy")
	add("gordon", build, opp, "Council buildings lie empty in the evenings.", "empowerment-assets")
	add("dev", build, opp, "Social prescribing needs places to send people.", "health-social-care")
	add("mairi", build, opp, "A shared health walk programme with the anchor.", "health-social-care", "resilience")
	add("kirsty", build, opp, "Pool volunteer training across the third sector.", "third-sector")
	add("ali", build, opp, "Multi-year funding for partnerships that already work.", "welfare-poverty")
	add("table3", build, opp, "A warm space in winter with advice on benefits.", "welfare-poverty", "housing")
	add("priya", build, opp, "Community energy on the school roof.", "sustainability")

	procurement := add("euan", way, bar, "Procurement rules shut out small local groups.", "services-procurement")
	add("sine", way, bar, "Short-term grants: we spend half the year applying for the next one.", "welfare-poverty")
	add("callum", way, bar, "Asset transfer takes years and nobody explains the steps.", "empowerment-assets")
	add("tom", way, bar, "Referral pathways change without anyone telling the anchor.", "health-social-care")
	add("owen", way, bar, "Every agency asks for the same forms in a different shape.", "services-procurement")
	add("priya", way, bar, "Housing allocations are decided far from the village.", "housing", "local-democracy")
	supplier := add("aileen", way, bar, "The council sees us as a supplier, not a partner.", "community-planning")
	hidden := add("gordon", way, bar, "Named officer is useless.", "community-planning")
	add("ravi", way, bar, "No bus after six, so evening meetings exclude people.", "inequalities")
	add("mairi", way, bar, "GP practices are stretched and cannot release staff.", "health-social-care")
	add("fiona", way, bar, "Budgets are set a year at a time.", "welfare-poverty")

	// Reframes: what would need to be true. Morag's answers the
	// procurement barrier; Alan's answers the barrier that will be
	// hidden; the others leave the record (hidden, withdrawn, erased).
	reframe := func(id, author, barrier, text string) {
		at += 40 * time.Second
		l.Add(at, inquirytest.Contribution{ID: id, Author: author, Prompt: way, Kind: inquiry.Reframe,
			Text: text, Themes: []string{"services-procurement"}, Answers: barrier})
	}
	reframe("c-reframe", "morag", procurement, "Contracts split into lots small enough for a community group to bid for.")
	reframe("r-stray", "alan", hidden, "One named contact for the hall, who comes to it.")
	reframe("r-hidden", "gordon", procurement, "HIDDEN REFRAME: sack the procurement team.")
	reframe("r-leaver", "leaver", supplier, "LEAVER'S REFRAME: a partnership agreement.")
	reframe("r-erased", "erased", procurement, "ERASED REFRAME: a local buyer.")

	// Agreements (+1): the erased person's and the leaver's go with them.
	for _, a := range []struct{ who, with string }{
		{"owen", procurement}, {"sine", procurement}, {"callum", procurement}, {"erased", procurement},
		{"alan", "c-reframe"}, {"tom", "c-reframe"}, {"leaver", "c-04"}, {"dev", "c-04"},
	} {
		at += 10 * time.Second
		l.Agree(at, a.who, a.with)
	}

	actions := []struct{ author, text, owner, due string }{
		{"alan", "Bring the locality plan draft to the hall before it goes to committee.", "Council community planning team", "2026-04-30"},
		{"morag", "Write up the Friday drop-in as a case study.", "Kilbrannan Community Trust", "2026-03-31"},
		{"kirsty", "Draft a shared volunteer training calendar.", "Third sector forum", ""},
	}
	for _, a := range actions {
		n++
		at += 40 * time.Second
		l.Add(at, inquirytest.Contribution{ID: fmt.Sprintf("c-%02d", n), Author: a.author, Prompt: "deliver/commit",
			Kind: inquiry.Action, Text: a.text, Owner: a.owner, Due: a.due})
	}

	// What leaves the record: a withdrawn person's words, an erased
	// person's name and words, and a hidden barrier.
	add("leaver", way, bar, "LEAVER'S WORDS: the depot is a problem.", "housing")
	add("erased", build, opp, "ERASED WORDS: the pier could be a market.", "local-economy")
	l.Append(at+m, inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "leaver"}, Target: "leaver"})
	l.Act(at+2*m, inquiry.Event{Type: inquiry.ParticipantErased, Target: "erased"})
	l.Act(at+3*m, inquiry.Event{Type: inquiry.ContributionHidden, Target: hidden, Curation: &inquiry.Curation{Reason: "names an officer"}})
	l.Act(at+3*m, inquiry.Event{Type: inquiry.ContributionHidden, Target: "r-hidden", Curation: &inquiry.Curation{Reason: "not kind"}})
	l.Act(at+4*m, inquiry.Event{Type: inquiry.ContributionHighlighted, Target: "c-04", Curation: &inquiry.Curation{Highlight: true}})
	l.Act(at+4*m, inquiry.Event{Type: inquiry.ContributionHighlighted, Target: procurement, Curation: &inquiry.Curation{Highlight: true}})

	// A dot vote over barriers, with a tie.
	l.Act(at+5*m, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: "Which barriers first?", Dots: 3, Kinds: []inquiry.Kind{bar}}})
	ballots := map[string]map[string]int{
		"morag": {procurement: 2, "c-19": 1}, "alan": {procurement: 1, "c-19": 2}, "dev": {"c-21": 3},
		"kirsty": {procurement: 1, "c-22": 2}, "ravi": {"c-26": 3},
	}
	for _, who := range []string{"morag", "alan", "dev", "kirsty", "ravi"} {
		l.Append(at+6*m, inquiry.Event{Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: who},
			Ballot: &inquiry.Ballot{Vote: "v1", Participant: who, Dots: ballots[who]}})
	}
	l.Act(at+8*m, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
	l.Act(at+9*m, inquiry.Event{Type: inquiry.WorkshopClosed})
	return l
}
