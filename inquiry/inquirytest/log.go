// Package inquirytest builds workshop logs for tests outside package
// inquiry (reports, cards, panes): events sealed, numbered and chained as
// the store makes them, each checked by the fold, so a fixture can never be
// a log the store would refuse.
package inquirytest

import (
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// Facilitator is the facilitator who opens the workshops built here.
var Facilitator = inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:q8Vn0jH4xXbqg1r6Z0kS0cDmZ2Yb7l9yA5w1Qm3t2sE"}

// Log is a workshop's log being written, and the workshop it folds to.
type Log struct {
	tb     testing.TB
	start  time.Time
	WS     *inquiry.Workshop
	Events []inquiry.Event
}

// New opens a workshop at start, as Facilitator.
func New(tb testing.TB, start time.Time, d inquiry.WorkshopDetails) *Log {
	l := &Log{tb: tb, start: start, WS: &inquiry.Workshop{}}
	l.Append(0, inquiry.Event{Type: inquiry.WorkshopOpened, Actor: Facilitator, Workshop: &d})
	return l
}

// Append completes an event as the store would, after the given time
// since the workshop opened, checks it against the rules and folds it in.
func (l *Log) Append(after time.Duration, e inquiry.Event) inquiry.Event {
	l.tb.Helper()
	if err := l.WS.Check(e); err != nil {
		l.tb.Fatalf("fixture event %d (%s) refused by Check: %v", l.WS.Head+1, e.Type, err)
	}
	e.Seq = l.WS.Head + 1
	e.At = l.start.Add(after)
	e.Prev = l.WS.HeadHash
	for _, w := range e.Words() {
		w.Seal([]byte("anchorage fixture salt"))
	}
	e.Hash = e.ChainHash()
	if err := l.WS.Apply(e); err != nil {
		l.tb.Fatalf("fixture event %d (%s) refused: %v", e.Seq, e.Type, err)
	}
	l.Events = append(l.Events, e)
	return e
}

// Join adds a participant who says they come from an organisation of the
// given kind ("" for one who did not say).
func (l *Log) Join(after time.Duration, id, name, organisation string) {
	l.tb.Helper()
	l.JoinIn(after, id, name, organisation, "")
}

// JoinIn adds a participant who takes part in the given language (a code,
// "" for one the join did not record).
func (l *Log) JoinIn(after time.Duration, id, name, organisation, language string) {
	l.tb.Helper()
	l.Append(after, inquiry.Event{
		Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
		Participant: &inquiry.ParticipantDetails{
			ID: id, Name: inquiry.Words{Text: name}, Organisation: organisation,
			ConsentAt: l.start.Add(after), Identity: "id-" + id, Language: language,
		},
	})
}

// Contribution is what Add records.
type Contribution struct {
	ID, Author string
	// By is who enters it: the zero value is the author themselves, and a
	// scribed participant's contributions are entered by Facilitator.
	By       inquiry.Actor
	Prompt   inquiry.PromptRef
	Kind     inquiry.Kind
	Text     string
	Themes   []string
	Partner  string
	BuildsOn string
	// Answers is the barrier a reframe answers.
	Answers    string
	Owner, Due string
}

// Add records a contribution by its author.
func (l *Log) Add(after time.Duration, c Contribution) {
	l.tb.Helper()
	by := c.By
	if p, ok := l.WS.Participant(c.Author); ok && p.Scribed && by == (inquiry.Actor{}) {
		by = Facilitator
	}
	if by == (inquiry.Actor{}) {
		by = inquiry.Actor{Role: inquiry.RoleParticipant, ID: c.Author}
	}
	l.Append(after, inquiry.Event{
		Type: inquiry.ContributionAdded, Actor: by,
		Contribution: &inquiry.ContributionDetails{
			ID: c.ID, Participant: c.Author, Prompt: c.Prompt, Kind: c.Kind,
			Text: inquiry.Words{Text: inquiry.CleanText(c.Text)}, Themes: c.Themes, Partner: c.Partner,
			BuildsOn: c.BuildsOn, Answers: c.Answers, Owner: inquiry.Words{Text: c.Owner}, Due: c.Due,
		},
	})
}

// JoinScribed adds a table or a person without a terminal, entered by
// Facilitator.
func (l *Log) JoinScribed(after time.Duration, id, name, organisation string) {
	l.tb.Helper()
	l.Append(after, inquiry.Event{
		Type: inquiry.ParticipantJoined, Actor: Facilitator,
		Participant: &inquiry.ParticipantDetails{
			ID: id, Name: inquiry.Words{Text: name}, Organisation: organisation,
			ConsentAt: l.start.Add(after), Scribed: true,
		},
	})
}

// Act appends an event a facilitator makes (curation, pacing, votes).
func (l *Log) Act(after time.Duration, e inquiry.Event) {
	l.tb.Helper()
	if e.Actor == (inquiry.Actor{}) {
		e.Actor = Facilitator
	}
	l.Append(after, e)
}

// Agree records that a participant agrees with a contribution (+1).
func (l *Log) Agree(after time.Duration, participant, id string) {
	l.tb.Helper()
	l.Append(after, inquiry.Event{
		Type: inquiry.ContributionAgreed, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: participant},
		Target: id, Agreement: &inquiry.Agreement{Participant: participant},
	})
}
