package inquiry

import (
	"errors"
	"testing"
	"time"
)

// Actors and events for the facilitation tests, in the style of the
// helpers in workshop_test.go.

var (
	scribe = Actor{Role: RoleScribe, ID: "SHA256:scribe"}
	carol  = Actor{Role: RoleParticipant, ID: "p-carol"}
	dan    = Actor{Role: RoleParticipant, ID: "p-dan"}
)

func promptOpened(by Actor, ref PromptRef, endsAt time.Time) Event {
	return Event{Type: PromptOpened, Actor: by, Pace: &Pace{Prompt: ref, EndsAt: endsAt}}
}

func timeboxChanged(by Actor, ref PromptRef, endsAt time.Time) Event {
	return Event{Type: TimeboxChanged, Actor: by, Pace: &Pace{Prompt: ref, EndsAt: endsAt}}
}

func settingsChanged(by Actor, v Visibility, anonymous bool) Event {
	return Event{Type: SettingsChanged, Actor: by, Settings: &Settings{Visibility: v, Anonymous: anonymous}}
}

func promptRevealed(by Actor, ref PromptRef) Event {
	return Event{Type: PromptRevealed, Actor: by, Target: string(ref)}
}

func themesChanged(by Actor, id string, themes ...string) Event {
	return Event{Type: ThemesChanged, Actor: by, Target: id, Curation: &Curation{Themes: themes}}
}

func themeAdded(by Actor, id, label string, keywords ...string) Event {
	return Event{Type: ThemeAdded, Actor: by, Theme: &Theme{ID: id, Label: label, Keywords: keywords}}
}

func merged(by Actor, id, into string) Event {
	return Event{Type: ContributionMerged, Actor: by, Target: id, Curation: &Curation{Into: into}}
}

func highlighted(by Actor, id string, on bool) Event {
	return Event{Type: ContributionHighlighted, Actor: by, Target: id, Curation: &Curation{Highlight: on}}
}

func hidden(by Actor, id, reason string) Event {
	return Event{Type: ContributionHidden, Actor: by, Target: id, Curation: &Curation{Reason: reason}}
}

func unhidden(by Actor, id string) Event {
	return Event{Type: ContributionUnhidden, Actor: by, Target: id}
}

func voteOpened(by Actor, id, title string, dots int, kinds ...Kind) Event {
	return Event{Type: VoteOpened, Actor: by, Vote: &Vote{ID: id, Title: title, Kinds: kinds, Dots: dots}}
}

func voteCast(by Actor, vote, participant string, dots map[string]int) Event {
	return Event{Type: VoteCast, Actor: by, Ballot: &Ballot{Vote: vote, Participant: participant, Dots: dots}}
}

func voteClosed(by Actor, id string) Event {
	return Event{Type: VoteClosed, Actor: by, Target: id}
}

func withdrew(by Actor, id string) Event {
	return Event{Type: ParticipantWithdrawn, Actor: by, Target: id}
}

func erasedBy(by Actor, id string) Event {
	return Event{Type: ParticipantErased, Actor: by, Target: id}
}

// committed is an action with an owner and a due date.
func committed(by Actor, id, author, text, owner, due string) Event {
	e := added(by, id, author, "deliver/next-steps", Action, text)
	e.Contribution.Owner, e.Contribution.Due = Words{Text: owner}, due
	return e
}

// building is a contribution that builds on another.
func building(e Event, on string) Event {
	e.Contribution.BuildsOn = on
	return e
}

// roomLog is a self-paced workshop in the middle of its afternoon: every
// state a contribution or participant can be in is present.
//
//	c-1 Alice's barrier            c-6 Dan's story (Dan erased)
//	c-2 Bob's opportunity          c-7 Table 3's action, scribed, with owner and due
//	c-3 Alice's, merged into c-2   c-8 Alice's opportunity, highlighted
//	c-4 Bob's barrier, hidden      c-9 Bob's story, deleted
//	c-5 Carol's (Carol withdrew)   theme "transport" added
//	vote v-0 (aspirations) closed; vote v-1 (opportunities, 3 dots) open,
//	Alice has placed 2 dots on c-2 and 1 on c-8.
func roomLog(t *testing.T) *testLog {
	l := baseLog(t) // c-1, and Table 3
	l.append(joined(carol, "Carol"))
	l.append(joined(dan, "Dan"))
	l.append(added(bob, "c-2", bob.ID, "design/opportunities", Opportunity, "Share the hall with the health centre."))
	l.append(added(alice, "c-3", alice.ID, "design/opportunities", Opportunity, "Share the hall."))
	l.append(merged(facilitator, "c-3", "c-2"))
	l.append(added(bob, "c-4", bob.ID, "design/barriers", Barrier, "The officer in charge is useless."))
	l.append(hidden(facilitator, "c-4", "Names a council officer."))
	l.append(added(carol, "c-5", carol.ID, "design/opportunities", Opportunity, "A community bus."))
	l.append(withdrew(carol, carol.ID))
	l.append(added(dan, "c-6", dan.ID, "discover/best-time", Story, "The lunch club."))
	l.append(erasedBy(facilitator, dan.ID))
	l.append(committed(scribe, "c-7", table3, "Write to the council about the bus.", "Table 3", "2026-06-30"))
	l.append(added(alice, "c-8", alice.ID, "design/opportunities", Opportunity, "Open the library on Sundays."))
	l.append(highlighted(facilitator, "c-8", true))
	l.append(added(bob, "c-9", bob.ID, "discover/best-time", Story, "Scratch that."))
	l.append(deleted(bob, "c-9"))
	l.append(themeAdded(facilitator, "transport", "Transport", "bus", "train"))
	l.append(voteOpened(facilitator, "v-0", "Which dream matters most?", 2, Aspiration))
	l.append(voteClosed(facilitator, "v-0"))
	l.append(voteOpened(facilitator, "v-1", "Which opportunities first?", 3, Opportunity))
	l.append(voteCast(alice, "v-1", alice.ID, map[string]int{"c-2": 2, "c-8": 1}))
	return l
}

// ruleCase is an event and what Check must say of it: nil, or the
// sentinel errors.Is must find.
type ruleCase struct {
	name  string
	event Event
	want  error
}

// checkRules runs each case's Check against the workshop.
func checkRules(t *testing.T, w *Workshop, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
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
