package inquiry

import (
	"testing"
	"time"
)

// exportScribe is the scribe the facilitator enrolled for Table 3, named
// on her events as the server names her.
var exportScribe = Actor{Role: RoleScribe, ID: "SHA256:Xk2mP9qLr4TzW8vN1bYc6dEa3fGh5jKl7oQs0uIx9wE", Name: "Ailsa Ross"}

// namedFacilitator is exportFacilitator as the server names her on her
// events once she has given her name.
var namedFacilitator = Actor{Role: exportFacilitator.Role, ID: exportFacilitator.ID, Name: "Catriona Bell"}

// facilitatedExportLog is an afternoon led by a facilitator, prompt by
// prompt: contributions held back until revealed, a table without laptops
// whose words a scribe enters, building on, curation (themes confirmed, a
// theme added, a duplicate merged, a highlight, one hidden), a dot vote,
// commitments, one participant who withdraws and one erased at her
// request. It also has what came with issue 11: a timebox paused,
// resumed and shortened; agreements without words (one taken back, one
// that goes with an erased participant); a merge undone; a scribe who
// gives the table's organisation, corrects a typo and deletes an entry
// made in error; a second vote over the highlighted contributions to one
// prompt; and a facilitator and a scribe named on their events. The log's
// words are erased as the store erases them.
func facilitatedExportLog(tb testing.TB) (*Workshop, []Event) {
	tb.Helper()
	l := newExportLog(tb, exportStart, WorkshopDetails{
		ID: "ws-glenbrae", Title: "Glenbrae: what the hall could become",
		Code: "glen-2291", Pacing: FacilitatorPaced, Guide: exportGuide(),
	})
	l.checked = true
	m := time.Minute
	at := func(d time.Duration) time.Time { return exportStart.Add(d) }
	p := func(id string) Actor { return Actor{Role: RoleParticipant, ID: id} }
	add := func(after time.Duration, by Actor, id, author string, ref PromptRef, kind Kind, text string, themes []string, partner string) {
		l.append(after, Event{Type: ContributionAdded, Actor: by, Contribution: &ContributionDetails{
			ID: id, Participant: author, Prompt: ref, Kind: kind, Text: Words{Text: text}, Themes: themes, Partner: partner,
		}})
	}
	commit := func(after time.Duration, by Actor, id, author, text, owner, due string) {
		l.append(after, Event{Type: ContributionAdded, Actor: by, Contribution: &ContributionDetails{
			ID: id, Participant: author, Prompt: "deliver/commit", Kind: Action,
			Text: Words{Text: text}, Owner: Words{Text: owner}, Due: due,
		}})
	}
	cast := func(after time.Duration, by Actor, who string, dots map[string]int) {
		l.append(after, Event{Type: VoteCast, Actor: by, Ballot: &Ballot{Vote: "v-1", Participant: who, Dots: dots}})
	}
	pace := func(after time.Duration, typ EventType, ref PromptRef, endsAt time.Time) {
		l.append(after, Event{Type: typ, Actor: namedFacilitator, Pace: &Pace{Prompt: ref, EndsAt: endsAt}})
	}
	curate := func(after time.Duration, typ EventType, target string, c Curation) {
		l.append(after, Event{Type: typ, Actor: namedFacilitator, Target: target, Curation: &c})
	}
	agree := func(after time.Duration, typ EventType, by Actor, who, target string) {
		l.append(after, Event{Type: typ, Actor: by, Target: target, Agreement: &Agreement{Participant: who}})
	}

	l.append(1*m, Event{Type: SettingsChanged, Actor: namedFacilitator, Settings: &Settings{Visibility: VisibleOnReveal}})
	l.join(2*m, "p-morag", "Morag", "Community anchor organisation")
	l.join(3*m, "p-sine", "Sìne", "Community group or volunteer")
	l.join(4*m, "p-alan", "Alan R.", "Local authority")
	l.join(5*m, "p-dev", "Dev", "NHS / health and social care")
	l.join(5*m+30*time.Second, "p-kirsty", "Kirsty", "")
	l.append(6*m, Event{Type: ParticipantJoined, Actor: exportScribe, Participant: &ParticipantDetails{
		ID: "p-table-3", Name: Words{Text: "Table 3"}, Organisation: "Other",
		ConsentAt: at(6 * m), Scribed: true,
	}})
	l.append(7*m, Event{Type: OrganisationChanged, Actor: exportScribe, Target: "p-table-3", Profile: &Profile{Organisation: "Community group or volunteer"}})

	pace(10*m, PromptOpened, "discover/at-best", at(25*m))
	add(12*m, p("p-morag"), "c-01", "p-morag", "discover/at-best", Story,
		"When the health centre closed on Fridays, the council let us run a drop-in from our hall.",
		[]string{"health-social-care"}, "nhs")
	add(14*m, p("p-sine"), "c-02", "p-sine", "discover/at-best", Strength,
		"Everyone on the estate knows the caretaker by name.", []string{"resilience"}, "")
	add(15*m, exportScribe, "c-03", "p-table-3", "discover/at-best", Story,
		"The lunch club started with six people and the GP practice now sends people to it.",
		[]string{"health-social-care"}, "nhs")
	add(16*m, p("p-kirsty"), "c-14", "p-kirsty", "discover/at-best", Story,
		"My gran would not have got through the winter without the hall.", nil, "")
	pace(17*m, TimeboxPaused, "discover/at-best", time.Time{})
	pace(19*m, TimeboxResumed, "discover/at-best", time.Time{})
	pace(20*m, TimeboxChanged, "discover/at-best", at(30*m))
	pace(22*m, TimeboxChanged, "discover/at-best", at(29*m))
	pace(24*m, TimeboxChanged, "discover/at-best", time.Time{})
	l.append(25*m, Event{Type: PromptRevealed, Actor: namedFacilitator, Target: "discover/at-best"})
	agree(26*m, ContributionAgreed, p("p-dev"), "p-dev", "c-01")
	agree(26*m+30*time.Second, ContributionAgreed, p("p-kirsty"), "p-kirsty", "c-01")

	pace(30*m, PromptOpened, "design/build-on", time.Time{})
	add(32*m, p("p-morag"), "c-04", "p-morag", "design/build-on", Opportunity,
		"Asset transfer of the old library, so it stays open for the whole community.", nil, "local-authority")
	l.append(33*m, Event{Type: PromptRevealed, Actor: namedFacilitator, Target: "design/build-on"})
	l.append(34*m, Event{Type: ContributionAdded, Actor: p("p-alan"), Contribution: &ContributionDetails{
		ID: "c-05", Participant: "p-alan", Prompt: "design/build-on", Kind: Opportunity,
		Text:   Words{Text: "+1, and the council could offer a five-year lease first."},
		Themes: []string{"empowerment-assets"}, Partner: "local-authority", BuildsOn: "c-04",
	}})
	add(35*m, p("p-alan"), "c-06", "p-alan", "design/build-on", Opportunity,
		"Take over the old library as a community hub.", nil, "")
	add(36*m, p("p-dev"), "c-07", "p-dev", "design/build-on", Opportunity,
		"A link worker based in the anchor, paid for jointly by the health board and the council.",
		[]string{"health-social-care"}, "nhs")
	add(37*m, p("p-dev"), "c-08", "p-dev", "design/build-on", Opportunity,
		"Nurse J. at the practice is the only one who ever helps.", nil, "nhs")
	curate(38*m, ContributionHidden, "c-08", Curation{Reason: "Names a member of staff."})
	add(39*m, exportScribe, "c-09", "p-table-3", "design/build-on", Opportunity,
		"Bring back the evening bus so people can get to the hall.", nil, "")
	add(39*m+20*time.Second, exportScribe, "c-15", "p-table-3", "design/build-on", Opportunity,
		"A crèche on Saturday mornings.", nil, "")
	curate(40*m, ThemesChanged, "c-04", Curation{Themes: []string{"empowerment-assets"}})
	l.append(40*m+30*time.Second, Event{Type: ContributionDeleted, Actor: exportScribe, Target: "c-15"})
	l.append(41*m, Event{Type: ThemeAdded, Actor: namedFacilitator, Theme: &Theme{ID: "transport", Label: "Transport", Keywords: []string{"bus", "train"}}})
	curate(42*m, ThemesChanged, "c-09", Curation{Themes: []string{"transport"}})
	add(43*m, p("p-dev"), "c-16", "p-dev", "design/build-on", Opportunity,
		"A minibus the hall and the surgery share, for appointments.", nil, "")
	curate(44*m, ContributionMerged, "c-06", Curation{Into: "c-04"})
	curate(44*m+30*time.Second, ContributionMerged, "c-16", Curation{Into: "c-09"})
	curate(45*m, ContributionHighlighted, "c-07", Curation{Highlight: true})
	curate(46*m, ContributionUnmerged, "c-16", Curation{Into: "c-09"})
	curate(46*m+30*time.Second, ContributionHighlighted, "c-04", Curation{Highlight: true})
	agree(47*m, ContributionAgreed, p("p-dev"), "p-dev", "c-04")
	agree(47*m+20*time.Second, ContributionAgreed, exportScribe, "p-table-3", "c-07")
	agree(47*m+40*time.Second, ContributionAgreed, p("p-morag"), "p-morag", "c-09")
	agree(48*m, AgreementWithdrawn, p("p-morag"), "p-morag", "c-09")
	agree(48*m+20*time.Second, ContributionAgreed, p("p-morag"), "p-morag", "c-07")

	l.append(50*m, Event{Type: VoteOpened, Actor: namedFacilitator, Vote: &Vote{
		ID: "v-1", Title: "Which opportunities should we take forward first?", Kinds: []Kind{Opportunity}, Dots: 3,
	}})
	cast(51*m, p("p-morag"), "p-morag", map[string]int{"c-04": 2, "c-07": 1})
	cast(52*m, p("p-sine"), "p-sine", map[string]int{"c-04": 1, "c-09": 2})
	cast(53*m, p("p-alan"), "p-alan", map[string]int{"c-07": 2, "c-05": 1})
	cast(54*m, p("p-dev"), "p-dev", map[string]int{"c-04": 2, "c-05": 1})
	cast(55*m, exportScribe, "p-table-3", map[string]int{"c-09": 3})
	cast(56*m, p("p-morag"), "p-morag", map[string]int{"c-04": 1, "c-07": 1, "c-09": 1})
	l.append(58*m, Event{Type: VoteClosed, Actor: namedFacilitator, Target: "v-1"})
	l.append(58*m+20*time.Second, Event{Type: VoteOpened, Actor: namedFacilitator, Vote: &Vote{
		ID: "v-2", Title: "Of the highlighted, which first?", Dots: 1, Prompt: "design/build-on", Highlighted: true,
	}})
	l.append(58*m+40*time.Second, Event{Type: VoteCast, Actor: p("p-alan"), Ballot: &Ballot{Vote: "v-2", Participant: "p-alan", Dots: map[string]int{"c-04": 1}}})
	l.append(59*m, Event{Type: VoteCast, Actor: p("p-dev"), Ballot: &Ballot{Vote: "v-2", Participant: "p-dev", Dots: map[string]int{"c-04": 1}}})
	l.append(59*m+10*time.Second, Event{Type: VoteCast, Actor: exportScribe, Ballot: &Ballot{Vote: "v-2", Participant: "p-table-3", Dots: map[string]int{"c-07": 1}}})
	l.append(59*m+30*time.Second, Event{Type: VoteClosed, Actor: namedFacilitator, Target: "v-2"})

	pace(60*m, PromptOpened, "deliver/commit", time.Time{})
	commit(62*m, p("p-alan"), "c-10", "p-alan",
		"Set up a quarterly meeting between the locality team and the three anchors.", "Kilbrannan Council locality team", "2026-06-30")
	commit(64*m, p("p-morag"), "c-11", "p-morag",
		"Share our room bookings with the health and social care partnership.", "Morag, Glenbrae Community Trust", "2026-05-01")
	commit(66*m, exportScribe, "c-12", "p-table-3",
		"Write to the council to tend the bus company about the evening service.", "Table 3", "")
	l.append(67*m, Event{Type: ContributionEdited, Actor: exportScribe, Contribution: &ContributionDetails{
		ID: "c-12", Participant: "p-table-3", Prompt: "deliver/commit", Kind: Action,
		Text: Words{Text: "Write to the bus company about the evening service."}, Owner: Words{Text: "Table 3"},
	}})
	commit(68*m, p("p-sine"), "c-13", "p-sine",
		"Start a lunch club at the library.", "Sìne", "2026-09-01")
	l.append(70*m, Event{Type: ParticipantWithdrawn, Actor: p("p-sine"), Target: "p-sine"})
	l.append(75*m, Event{Type: ParticipantErased, Actor: namedFacilitator, Target: "p-kirsty"})
	l.close(80 * m)

	eraseAsTheStoreDoes(l.events, []string{"p-sine"}, []string{"p-kirsty"})
	return l.ws, l.events
}
