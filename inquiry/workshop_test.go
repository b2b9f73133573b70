package inquiry

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// testSalt seals every test event's words. The store uses fresh random
// salt; a fixed one keeps the test logs the same on every run.
var testSalt = []byte("anchorage test salt, not random")

var testStart = time.Date(2026, 5, 14, 10, 0, 0, 0, time.UTC)

var (
	facilitator = Actor{Role: RoleFacilitator, ID: "SHA256:facilitator"}
	alice       = Actor{Role: RoleParticipant, ID: "p-alice"}
	bob         = Actor{Role: RoleParticipant, ID: "p-bob"}
)

// testLog builds a workshop's log the way the store does: it seals each
// event's words, numbers it and chains it to the one before.
type testLog struct {
	t      *testing.T
	events []Event
}

func (l *testLog) append(e Event) Event {
	l.t.Helper()
	e = cloneEvent(e)
	e.Seq = uint64(len(l.events)) + 1
	e.At = testStart.Add(time.Duration(e.Seq) * time.Minute)
	if n := len(l.events); n > 0 {
		e.Prev = l.events[n-1].Hash
	}
	for _, w := range e.Words() {
		w.Seal(testSalt)
	}
	e.Hash = e.ChainHash()
	l.events = append(l.events, e)
	return e
}

// replay folds the log so far, failing the test if it does not replay.
func (l *testLog) replay() *Workshop {
	l.t.Helper()
	w, err := Replay(l.events)
	if err != nil {
		l.t.Fatalf("Replay of the test log: %v", err)
	}
	return w
}

// copyEvents copies a log deeply, through JSON as an export would, so a
// test can tamper with the copy.
func copyEvents(t *testing.T, events []Event) []Event {
	t.Helper()
	data, err := json.Marshal(events)
	if err != nil {
		t.Fatalf("marshal log: %v", err)
	}
	var out []Event
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("unmarshal log: %v", err)
	}
	return out
}

func cloneEvent(e Event) Event {
	if e.Participant != nil {
		p := *e.Participant
		e.Participant = &p
	}
	if e.Contribution != nil {
		c := *e.Contribution
		e.Contribution = &c
	}
	return e
}

func opened() Event {
	g, _ := BuiltinGuide(DefaultGuideID)
	return Event{Type: WorkshopOpened, Actor: facilitator, Workshop: &WorkshopDetails{
		ID: "ws-1", Title: "Anchors and the council", Code: "harbour-4821", Pacing: SelfPaced, Guide: g,
	}}
}

func joined(who Actor, name string) Event {
	return Event{Type: ParticipantJoined, Actor: who, Participant: &ParticipantDetails{
		ID: who.ID, Name: Words{Text: name}, Organisation: "Local authority", ConsentAt: testStart,
	}}
}

func added(by Actor, id, author string, prompt PromptRef, kind Kind, text string) Event {
	return Event{Type: ContributionAdded, Actor: by, Contribution: &ContributionDetails{
		ID: id, Participant: author, Prompt: prompt, Kind: kind, Text: Words{Text: text},
	}}
}

func edited(by Actor, c ContributionDetails, text string) Event {
	c.Text = Words{Text: text}
	return Event{Type: ContributionEdited, Actor: by, Contribution: &c}
}

func deleted(by Actor, id string) Event {
	return Event{Type: ContributionDeleted, Actor: by, Target: id}
}

func closed() Event { return Event{Type: WorkshopClosed, Actor: facilitator} }

// scribedJoin is a facilitator or scribe entering a table or a person
// without a terminal.
func scribedJoin(by Actor, id, name string) Event {
	return Event{Type: ParticipantJoined, Actor: by, Participant: &ParticipantDetails{
		ID: id, Name: Words{Text: name}, ConsentAt: testStart, Scribed: true,
	}}
}

// table3 is a table of people without laptops, whose words a scribe enters.
const table3 = "p-table-3"

// baseLog is a workshop where Alice and Bob have joined, Alice has named a
// barrier, and the facilitator has entered Table 3 to scribe for.
func baseLog(t *testing.T) *testLog {
	l := &testLog{t: t}
	l.append(opened())
	l.append(joined(alice, "Alice"))
	l.append(joined(bob, "Bob"))
	l.append(added(alice, "c-1", alice.ID, "design/barriers", Barrier, "Funding comes in one-year grants."))
	l.append(scribedJoin(facilitator, table3, "Table 3"))
	return l
}

func TestCheckAppliesTheWorkshopRules(t *testing.T) {
	base := baseLog(t)
	aliceBarrier := *base.events[3].Contribution
	withThemes := func(e Event, themes []string, partner string) Event {
		e.Contribution.Themes, e.Contribution.Partner = themes, partner
		return e
	}
	erasedText := added(alice, "c-9", alice.ID, "design/barriers", Barrier, "")
	erasedText.Contribution.Text = Words{Digest: strings.Repeat("ab", 32)}

	closedLog := baseLog(t)
	closedLog.append(closed())

	cases := []struct {
		name   string
		closed bool
		event  Event
		want   error // nil, or the sentinel errors.Is must find
	}{
		{"a participant joins", false, joined(Actor{Role: RoleParticipant, ID: "p-carol"}, "Carol"), nil},
		{"a participant adds a contribution", false, withThemes(added(alice, "c-2", alice.ID, "discover/best-time", Story, "The lunch club started with the GP."), []string{"health-social-care"}, "nhs"), nil},
		{"a facilitator adds for a scribed table", false, added(facilitator, "c-2", table3, "deliver/next-steps", Action, "Table 3 will write to the council."), nil},
		{"text of exactly the limit", false, added(alice, "c-2", alice.ID, "design/barriers", Barrier, strings.Repeat("é", MaxTextRunes)), nil},
		{"the author edits", false, edited(alice, aliceBarrier, "Funding comes in one-year grants, always late."), nil},
		{"a facilitator edits", false, edited(facilitator, aliceBarrier, "Funding comes in short grants."), nil},
		{"the author deletes", false, deleted(alice, "c-1"), nil},
		{"a facilitator deletes", false, deleted(facilitator, "c-1"), nil},
		{"a facilitator closes", false, closed(), nil},

		{"someone else edits", false, edited(bob, aliceBarrier, "Not what Alice said."), ErrNotAllowed},
		{"someone else deletes", false, deleted(bob, "c-1"), ErrNotAllowed},
		{"a facilitator adds in the name of someone with a terminal", false, added(facilitator, "c-2", bob.ID, "deliver/next-steps", Action, "Bob will write to the council."), ErrNotAllowed},
		{"a participant adds in another's name", false, added(bob, "c-2", alice.ID, "design/barriers", Barrier, "Words put in Alice's mouth."), ErrNotAllowed},
		{"a participant closes", false, Event{Type: WorkshopClosed, Actor: alice}, ErrNotAllowed},

		{"unknown prompt", false, added(alice, "c-2", alice.ID, "design/nowhere", Barrier, "Lost."), ErrNotFound},
		{"unknown theme", false, withThemes(added(alice, "c-2", alice.ID, "design/barriers", Barrier, "Text."), []string{"knitting"}, ""), ErrNotFound},
		{"unknown partner", false, withThemes(added(alice, "c-2", alice.ID, "design/barriers", Barrier, "Text."), nil, "the-moon"), ErrNotFound},
		{"unknown participant", false, added(facilitator, "c-2", "p-nobody", "design/barriers", Barrier, "Text."), ErrNotFound},
		{"editing a contribution that does not exist", false, edited(alice, ContributionDetails{ID: "c-404", Participant: alice.ID, Prompt: "design/barriers", Kind: Barrier}, "Text."), ErrNotFound},
		{"deleting a contribution that does not exist", false, deleted(alice, "c-404"), ErrNotFound},

		{"a kind the prompt does not ask for", false, added(alice, "c-2", alice.ID, "design/barriers", Story, "A story."), ErrInvalid},
		{"an edit to a kind the prompt does not ask for", false, func() Event { e := edited(alice, aliceBarrier, "Text."); e.Contribution.Kind = Action; return e }(), ErrInvalid},
		{"text with an escape sequence", false, added(alice, "c-2", alice.ID, "design/barriers", Barrier, "Look\x1b]0;pwned\x07"), ErrInvalid},
		{"text with a NUL", false, added(alice, "c-2", alice.ID, "design/barriers", Barrier, "a\x00b"), ErrInvalid},
		{"text over the limit", false, added(alice, "c-2", alice.ID, "design/barriers", Barrier, strings.Repeat("é", MaxTextRunes+1)), ErrInvalid},
		{"empty text", false, added(alice, "c-2", alice.ID, "design/barriers", Barrier, ""), ErrInvalid},
		{"erased words in a new event", false, erasedText, ErrInvalid},
		{"a theme given twice", false, withThemes(added(alice, "c-2", alice.ID, "design/barriers", Barrier, "Text."), []string{"housing", "housing"}, ""), ErrInvalid},
		{"a name with a control character", false, joined(Actor{Role: RoleParticipant, ID: "p-eve"}, "Eve\x1b[2J"), ErrInvalid},
		{"a second opening", false, opened(), ErrInvalid},

		{"the same add sent again", false, added(alice, "c-1", alice.ID, "design/barriers", Barrier, "Funding comes in one-year grants."), ErrDuplicate},
		{"the same ID from another author", false, added(bob, "c-1", bob.ID, "design/barriers", Barrier, "Mine."), ErrConflict},
		{"an edit that changes nothing", false, edited(alice, aliceBarrier, aliceBarrier.Text.Text), ErrDuplicate},

		{"joining a closed workshop", true, joined(Actor{Role: RoleParticipant, ID: "p-carol"}, "Carol"), ErrClosed},
		{"adding to a closed workshop", true, added(alice, "c-2", alice.ID, "design/barriers", Barrier, "Too late."), ErrClosed},
		{"editing in a closed workshop", true, edited(alice, aliceBarrier, "Too late."), ErrClosed},
		{"deleting in a closed workshop", true, deleted(alice, "c-1"), ErrClosed},
		{"closing a closed workshop", true, closed(), ErrClosed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := base.replay()
			if c.closed {
				w = closedLog.replay()
			}
			err := w.Check(c.event)
			switch {
			case c.want == nil && err != nil:
				t.Errorf("Check = %v, want it allowed", err)
			case c.want != nil && !errors.Is(err, c.want):
				t.Errorf("Check = %v, want %v", err, c.want)
			}
		})
	}
}

func TestCheckRefusesEventsBeforeTheOpening(t *testing.T) {
	var w Workshop
	if err := w.Check(joined(alice, "Alice")); !errors.Is(err, ErrInvalid) {
		t.Errorf("Check of a join with no workshop = %v, want %v", err, ErrInvalid)
	}
	bad := opened()
	bad.Workshop.Guide.Phases = nil
	if err := w.Check(bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("Check of an opening with a broken guide = %v, want %v", err, ErrInvalid)
	}
}

func TestAnswersHoldsEachPromptsContributionsInOrder(t *testing.T) {
	l := &testLog{t: t}
	l.append(opened())
	l.append(joined(alice, "Alice"))
	g, _ := BuiltinGuide(DefaultGuideID)
	first, second := g.Ref(0, 0), g.Ref(0, 1)
	l.append(added(alice, "c1", alice.ID, first, Story, "one"))
	l.append(added(alice, "c2", alice.ID, second, Strength, "two"))
	l.append(added(alice, "c3", alice.ID, first, Story, "three"))
	w := l.replay()
	var got []string
	for _, c := range w.Answers(first) {
		got = append(got, c.ID)
	}
	if strings.Join(got, " ") != "c1 c3" {
		t.Fatalf("Answers(first prompt) = %v, want c1 c3", got)
	}
	if n := len(w.Answers(g.Ref(1, 0))); n != 0 {
		t.Fatalf("Answers of an unanswered prompt has %d", n)
	}
}

func TestSuggesterIsSharedUntilAThemeIsAdded(t *testing.T) {
	l := &testLog{t: t}
	l.append(opened())
	w := l.replay()
	first := w.Suggester()
	if w.Suggester() != first {
		t.Fatal("a second call built a new index")
	}
	l.append(Event{Type: ThemeAdded, Actor: facilitator, Theme: &Theme{ID: "ferries", Label: "Ferries", Keywords: []string{"ferry"}}})
	w = l.replay()
	if got := w.Suggester().Suggest("the ferry timetable"); len(got) == 0 || got[0] != "ferries" {
		t.Fatalf("after adding a theme the suggestions are %v, want ferries first", got)
	}
}
