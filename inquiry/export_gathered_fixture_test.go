package inquiry

import (
	"testing"
	"time"
)

// gatheredExportLog is an evening on the barriers and the ways through
// them: barriers reframed by their authors, by others and by a scribed
// table; a duplicate barrier with its own reframe merged into the first;
// a reframe whose barrier its author then deleted; a vote over any kind
// that a reframe wins; Bram, who lost his resume code and joined again,
// voting twice before a facilitator merges the two; and a resume code
// issued again.
func gatheredExportLog(tb testing.TB) (*Workshop, []Event) {
	tb.Helper()
	l := newExportLog(tb, exportStart, WorkshopDetails{
		ID: "ws-carradale", Title: "Carradale: the ways through",
		Code: "otter-5120", Pacing: SelfPaced, Guide: exportGuide(),
	})
	l.checked = true
	m := time.Minute
	const barriers PromptRef = "design/in-the-way"
	p := func(id string) Actor { return Actor{Role: RoleParticipant, ID: id} }
	add := func(after time.Duration, by Actor, id, author string, kind Kind, answers, text string, themes ...string) {
		l.append(after, Event{Type: ContributionAdded, Actor: by, Contribution: &ContributionDetails{
			ID: id, Participant: author, Prompt: barriers, Kind: kind, Answers: answers,
			Text: Words{Text: text}, Themes: themes,
		}})
	}

	l.join(2*m, "p-morag", "Morag", "Community anchor organisation")
	l.join(3*m, "p-sine", "Sìne", "Community group or volunteer")
	l.join(4*m, "p-alan", "Alan R.", "Local authority")
	l.join(5*m, "p-bram", "Bram", "")
	l.append(6*m, Event{Type: ParticipantJoined, Actor: exportScribe, Participant: &ParticipantDetails{
		ID: "p-table-2", Name: Words{Text: "Table 2"}, ConsentAt: exportStart.Add(6 * m), Scribed: true,
	}})

	add(10*m, p("p-morag"), "c-01", "p-morag", Barrier, "",
		"Funding arrives in one-year pots, so nobody can plan beyond March.", "third-sector")
	add(12*m, p("p-sine"), "r-01", "p-sine", Reframe, "c-01",
		"A fund that runs as long as the locality plan, agreed with the council.", "services-procurement")
	add(13*m, p("p-morag"), "r-02", "p-morag", Reframe, "c-01",
		"Funders would need to trust us with five years, and ask for less paperwork in return.")
	add(15*m, p("p-alan"), "c-02", "p-alan", Barrier, "",
		"Officers change every year and the relationship starts again each time.", "community-planning")
	add(17*m, p("p-bram"), "c-03", "p-bram", Barrier, "",
		"The hall's forms run to forty pages.", "empowerment-assets")
	add(18*m, exportScribe, "r-03", "p-table-2", Reframe, "c-03",
		"One page, and an officer who helps fill it in.")
	add(20*m, p("p-sine"), "c-04", "p-sine", Barrier, "",
		"Grants only last a year.", "third-sector")
	add(21*m, p("p-bram"), "r-04", "p-bram", Reframe, "c-04",
		"Ten-year funding for the anchors.")
	l.append(22*m, Event{Type: ContributionMerged, Actor: exportFacilitator, Target: "c-04", Curation: &Curation{Into: "c-01"}})
	add(24*m, p("p-bram"), "c-05", "p-bram", Barrier, "",
		"Nobody answers the phone at the council.")
	add(25*m, p("p-sine"), "r-05", "p-sine", Reframe, "c-05",
		"A named officer for each anchor, with a direct line.")
	l.remove(26*m, "c-05", p("p-bram"))
	l.join(27*m, "p-bram-again", "Bram", "")
	add(28*m, p("p-bram-again"), "c-06", "p-bram-again", Barrier, "",
		"The last bus leaves the village at six.")

	cast := func(after time.Duration, who string, dots map[string]int) {
		l.append(after, Event{Type: VoteCast, Actor: p(who), Ballot: &Ballot{Vote: "v-1", Participant: who, Dots: dots}})
	}
	l.append(30*m, Event{Type: VoteOpened, Actor: exportFacilitator, Vote: &Vote{
		ID: "v-1", Title: "Where should we start?", Dots: 3,
	}})
	cast(31*m, "p-morag", map[string]int{"r-01": 2, "c-02": 1})
	cast(32*m, "p-alan", map[string]int{"r-01": 1, "r-03": 2})
	cast(33*m, "p-bram", map[string]int{"r-01": 3})
	cast(34*m, "p-bram-again", map[string]int{"c-06": 2, "r-03": 1})
	l.append(35*m, Event{Type: ParticipantsMerged, Actor: exportFacilitator, Merge: &PeopleMerge{From: "p-bram-again", Into: "p-bram"}})
	l.append(36*m, Event{Type: VoteClosed, Actor: exportFacilitator, Target: "v-1"})
	l.append(37*m, Event{Type: ResumeCodeReissued, Actor: exportFacilitator, Target: "p-sine"})
	l.close(40 * m)
	return l.ws, l.events
}
