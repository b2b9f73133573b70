package participant

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
	"github.com/anchorage/anchorage/tui/words"
)

// Every stage of a participant's full screen, reached in a language, for
// the tests that judge the screens in every language (languages_test.go).

// langStage is a participant screen at one stage of their way through a
// workshop.
type langStage struct {
	name   string
	pacing inquiry.Pacing
	// before changes the room before the person arrives.
	before func(t *testing.T, r *tuitest.MemRoom)
	// noCode starts at the join code screen; otherwise the session comes
	// with the workshop's code, as ssh CODE@HOST does.
	noCode bool
	// reach brings the screen to the stage, driven without a program.
	reach func(t *testing.T, m *Screen, r *tuitest.MemRoom)
	// essentials are what the stage must keep on the screen, in the
	// screen's language: how to leave or go back, where the person is, a
	// keyless person's resume code.
	essentials func(w words.Words, m *Screen) []string
}

// resumeCode is every participant's resume code in these tests: the
// length the store's are.
const resumeCode = "K7QM-3XPR"

// shortCodes is a MemRoom whose resume codes are as long as the store's,
// so that the screens lay them out as they would in a workshop.
type shortCodes struct{ *tuitest.MemRoom }

func (shortCodes) ResumeCode(_, _ string) (string, error) { return resumeCode, nil }

// The room's own words, the same in every language: what people wrote
// is kept in the words they wrote it in.
var (
	langNames = []string{"Bryn", "Catrin"}
	langTexts = []string{"Neuadd y pentref ar nos Fawrth", "Criw ifanc a'r ganolfan iechyd"}
	langVote  = "Blaenoriaethau 2026"
)

// langRoom is a workshop with two people who have each written at the
// first prompt, which a facilitator-paced room has open.
func langRoom(t *testing.T, pacing inquiry.Pacing) *tuitest.MemRoom {
	t.Helper()
	r := tuitest.NewMemRoom(t, 0, 0, pacing)
	ref := r.Workshop().Guide.Ref(0, 0)
	if pacing == inquiry.FacilitatorPaced { // nothing can be written before a prompt is open
		r.Record(t, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: ref}})
	}
	kinds := r.Workshop().Guide.Phases[0].Prompts[0].KindChoices()
	for i, name := range langNames {
		id := tuitest.ParticipantID(i)
		actor := inquiry.Actor{Role: inquiry.RoleParticipant, ID: id}
		r.Record(t, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: actor, Participant: &inquiry.ParticipantDetails{
			ID: id, Name: inquiry.Words{Text: name}, ConsentAt: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}})
		r.Record(t, inquiry.Event{Type: inquiry.ContributionAdded, Actor: actor, Contribution: &inquiry.ContributionDetails{
			ID: "c-" + id, Participant: id, Prompt: ref, Kind: kinds[i%len(kinds)], Text: inquiry.Words{Text: langTexts[i]}}})
	}
	return r
}

// press presses keys, leaving what they ask to be done for later.
func press(m *Screen, names ...string) {
	for _, k := range names {
		m.Update(tuitest.Key(k))
	}
}

// pressAndAnswer presses a key that asks the room for something (a join,
// a save, a lookup) and gives the screen the room's answer.
func pressAndAnswer(t *testing.T, m *Screen, name string) {
	t.Helper()
	_, cmd := m.Update(tuitest.Key(name))
	if cmd == nil {
		t.Fatalf("%s asked the room nothing; the screen says %q", name, m.notice.Text)
	}
	answer := make(chan tea.Msg, 1)
	go func() { answer <- cmd() }()
	select {
	case msg := <-answer:
		m.Update(msg)
	case <-time.After(tuitest.WaitLimit):
		t.Fatalf("waited %s for the room to answer %s", tuitest.WaitLimit, name)
	}
}

// typeIn types text as keys.
func typeIn(m *Screen, text string) {
	for _, r := range text {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// joinAsAnn fills in the join form and joins.
func joinAsAnn(t *testing.T, m *Screen, _ *tuitest.MemRoom) {
	t.Helper()
	typeIn(m, "Ann")
	press(m, "enter", "tab", "space")
	pressAndAnswer(t, m, "enter")
	if m.stage != stageGuide && m.stage != stageWaiting {
		t.Fatalf("Ann did not get in: %q", m.notice.Text)
	}
}

// saveWords joins and saves a contribution at the first prompt.
func saveWords(t *testing.T, m *Screen, r *tuitest.MemRoom) {
	t.Helper()
	joinAsAnn(t, m, r)
	typeIn(m, "Caffi trwsio")
	pressAndAnswer(t, m, "enter")
}

// leaving is how the line of keys says to leave; goingBack how it says
// to go back by esc.
func leaving(w words.Words) string                { return "ctrl+c " + w.Key("leave") }
func goingBack(w words.Words, does string) string { return "esc " + w.Key(does) }

// here is where the guide screen is, as its phase bar says it.
func here(w words.Words, m *Screen) string {
	return placeIn(w, m.view.guide, m.view.guide.PlaceAt(m.compose.form.At()))
}

func inTheGuide(w words.Words, m *Screen) []string {
	return []string{leaving(w), here(w, m), resumeCode}
}

var langStages = []langStage{
	{name: "the join code", noCode: true, reach: func(*testing.T, *Screen, *tuitest.MemRoom) {},
		essentials: func(w words.Words, _ *Screen) []string { return []string{leaving(w)} }},
	{name: "a wrong join code", noCode: true, reach: func(t *testing.T, m *Screen, _ *tuitest.MemRoom) {
		typeIn(m, "plover-0000")
		pressAndAnswer(t, m, "enter")
	}, essentials: func(w words.Words, _ *Screen) []string { return []string{leaving(w), "plover-0000"} }},
	{name: "the join form", reach: func(*testing.T, *Screen, *tuitest.MemRoom) {},
		essentials: func(w words.Words, _ *Screen) []string { return []string{leaving(w), "ctrl+r"} }},
	{name: "the join form refused", reach: func(_ *testing.T, m *Screen, _ *tuitest.MemRoom) {
		typeIn(m, "Ann")
		press(m, "enter", "enter")
	}, essentials: func(w words.Words, _ *Screen) []string { return []string{leaving(w)} }},
	{name: "a resume code", reach: func(_ *testing.T, m *Screen, _ *tuitest.MemRoom) { press(m, "ctrl+r") },
		essentials: func(w words.Words, _ *Screen) []string { return []string{goingBack(w, "join as someone new")} }},
	{name: "waiting in the lobby", before: func(t *testing.T, r *tuitest.MemRoom) {
		r.Record(t, inquiry.Event{Type: inquiry.LobbyOpened})
	}, reach: joinAsAnn, essentials: func(w words.Words, _ *Screen) []string { return []string{leaving(w), resumeCode} }},
	{name: "the guide, just joined", reach: joinAsAnn, essentials: inTheGuide},
	{name: "the guide, just saved", reach: saveWords, essentials: inTheGuide},
	{name: "the guide, an action", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		joinAsAnn(t, m, r)
		toAction(t, m)
		press(m, "tab", "tab", "tab", "tab") // to who will do it
	}, essentials: inTheGuide},
	{name: "the guide, reframing a barrier", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		joinAsAnn(t, m, r)
		toReframe(t, m)
		press(m, "tab")
		for m.compose.form.Kind() != inquiry.Barrier {
			press(m, "right")
		}
		typeIn(m, "Dim bws")
		pressAndAnswer(t, m, "enter")
	}, essentials: inTheGuide},
	{name: "the guide, moved by the facilitator", pacing: inquiry.FacilitatorPaced, reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		joinAsAnn(t, m, r)
		typeIn(m, "Hanner")
		r.Ring(t, m, inquiry.Event{Type: inquiry.PromptOpened,
			Pace: &inquiry.Pace{Prompt: r.Workshop().Guide.Ref(1, 0), EndsAt: time.Now().Add(10 * time.Minute)}})
	}, essentials: inTheGuide},
	{name: "the guide, a vote opened", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		joinAsAnn(t, m, r)
		r.Ring(t, m, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: langVote, Dots: 3}})
	}, essentials: inTheGuide},
	{name: "the guide, editing", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		saveWords(t, m, r)
		press(m, "ctrl+o", "enter")
	}, essentials: inTheGuide},
	{name: "every key, over the guide", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		joinAsAnn(t, m, r)
		press(m, "f1")
	}, essentials: func(w words.Words, _ *Screen) []string { return []string{w.Say("keys.title"), goingBack(w, "close")} }},
	{name: "their own", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		saveWords(t, m, r)
		press(m, "ctrl+o")
	}, essentials: func(w words.Words, _ *Screen) []string { return []string{w.Say("mine.title"), goingBack(w, "back")} }},
	{name: "their own, withdrawing", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		saveWords(t, m, r)
		press(m, "ctrl+o", "W")
	}, essentials: func(w words.Words, _ *Screen) []string { return []string{w.Say("mine.title"), goingBack(w, "back")} }},
	{name: "others' words", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		joinAsAnn(t, m, r)
		press(m, "ctrl+r")
		pressAndAnswer(t, m, "+")
	}, essentials: func(w words.Words, _ *Screen) []string {
		return []string{w.Say("others.title"), goingBack(w, "back to writing")}
	}},
	{name: "others' words read whole", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		joinAsAnn(t, m, r)
		press(m, "ctrl+r", "r")
	}, essentials: func(w words.Words, _ *Screen) []string { return []string{goingBack(w, "back to the list")} }},
	{name: "the vote", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		joinAsAnn(t, m, r)
		r.Ring(t, m, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: langVote, Dots: 3}})
		press(m, "ctrl+t", "right")
		pressAndAnswer(t, m, "enter")
	}, essentials: func(w words.Words, _ *Screen) []string {
		return []string{w.Say("vote.title", "title", langVote), goingBack(w, "back")}
	}},
	{name: "the vote's results", reach: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		joinAsAnn(t, m, r)
		r.Ring(t, m, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: langVote, Dots: 3}})
		r.Ring(t, m, inquiry.Event{Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: tuitest.ParticipantID(1)},
			Ballot: &inquiry.Ballot{Vote: "v1", Participant: tuitest.ParticipantID(1), Dots: map[string]int{"c-" + tuitest.ParticipantID(0): 2}}})
		r.Ring(t, m, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
		press(m, "ctrl+t")
	}, essentials: func(w words.Words, _ *Screen) []string {
		return []string{w.Say("vote.results_title", "title", langVote), goingBack(w, "back to writing")}
	}},
}

// reachIn brings a new screen, in a language, to a stage.
func reachIn(t *testing.T, st langStage, lang string) (*Screen, *tuitest.MemRoom) {
	t.Helper()
	pacing := st.pacing
	if pacing == "" {
		pacing = inquiry.SelfPaced
	}
	r := langRoom(t, pacing)
	if st.before != nil {
		st.before(t, r)
	}
	s := tui.Session{ID: "s-lang", Context: t.Context(), Room: shortCodes{r}, Width: 80, Height: 24, Language: lang}
	if !st.noCode {
		s.Code = r.Workshop().Code
	}
	m := opened(t, s)
	st.reach(t, m, r)
	return m, r
}
