package inquiry

import (
	"errors"
	"strings"
	"testing"
)

func blocked(by Actor, id string) Event {
	return Event{Type: ParticipantBlocked, Actor: by, Target: id}
}
func lobby(by Actor, on bool) Event {
	if on {
		return Event{Type: LobbyOpened, Actor: by}
	}
	return Event{Type: LobbyClosed, Actor: by}
}
func admitted(by Actor, id string) Event {
	return Event{Type: ParticipantAdmitted, Actor: by, Target: id}
}
func admittedAll(by Actor) Event { return Event{Type: WaitingAdmitted, Actor: by} }

// keyed is a join with a key identity.
func keyed(who Actor, name, identity string) Event {
	e := joined(who, name)
	e.Participant.Identity = identity
	return e
}

func TestBlockedParticipantIsRemovedAndCannotComeBack(t *testing.T) {
	l := roomLog(t) // Alice has dots on c-2 and c-8 in the open vote v-1
	mallory := Actor{Role: RoleParticipant, ID: "p-mallory"}
	l.append(keyed(mallory, "Mallory", "key-m"))
	l.append(added(mallory, "c-m1", mallory.ID, "design/opportunities", Opportunity, "spam"))
	l.append(added(mallory, "c-m2", mallory.ID, "design/barriers", Barrier, "more spam"))
	l.append(voteCast(mallory, "v-1", mallory.ID, map[string]int{"c-m1": 3}))
	before := l.replay().Tally().Contributions

	checkRules(t, l.replay(), []ruleCase{
		{"a participant cannot block", blocked(alice, mallory.ID), ErrNotAllowed},
		{"a scribe cannot block", blocked(scribe, mallory.ID), ErrNotAllowed},
		{"nobody unknown", blocked(facilitator, "p-nobody"), ErrNotFound},
		{"a facilitator can", blocked(facilitator, mallory.ID), nil},
	})
	l.append(blocked(facilitator, mallory.ID))
	w := l.replay()
	p, _ := w.Participant(mallory.ID)
	if !p.Blocked || !p.Left() || p.BlockedAt.IsZero() {
		t.Fatalf("after the block: Blocked %v, Left %v, BlockedAt %v", p.Blocked, p.Left(), p.BlockedAt)
	}
	for _, id := range []string{"c-m1", "c-m2"} {
		c, _ := w.Contribution(id)
		if c.Live() || !c.Hidden || c.HiddenReason != BlockedReason || c.Text == "" {
			t.Errorf("%s after the block: live %v, hidden %v (%q), text %q: want hidden, kept in the transcript", id, c.Live(), c.Hidden, c.HiddenReason, c.Text)
		}
	}
	if got := w.Tally().Contributions; got != before-2 {
		t.Errorf("the tally counts %d contributions after the block, want %d", got, before-2)
	}
	if _, ok := w.OpenVote().Ballots[mallory.ID]; ok {
		t.Errorf("the blocked participant's dots still count")
	}
	if !w.IdentityBlocked("key-m") || w.IdentityBlocked("") || w.IdentityBlocked("key-other") {
		t.Errorf("IdentityBlocked is wrong")
	}
	checkRules(t, w, []ruleCase{
		{"no more contributions", added(mallory, "c-m3", mallory.ID, "design/opportunities", Opportunity, "back"), ErrBlocked},
		{"no more dots", voteCast(mallory, "v-1", mallory.ID, map[string]int{"c-2": 1}), ErrBlocked},
		{"no withdrawing either", withdrew(mallory, mallory.ID), ErrBlocked},
		{"the same key cannot join again", keyed(Actor{Role: RoleParticipant, ID: "p-mallory-2"}, "Mal", "key-m"), ErrBlocked},
		{"another key can", keyed(Actor{Role: RoleParticipant, ID: "p-eve"}, "Eve", "key-e"), nil},
		{"blocking again is a repeat", blocked(facilitator, mallory.ID), ErrDuplicate},
		{"a facilitator can show one contribution again", unhidden(facilitator, "c-m1"), nil},
		{"and can still erase them on request", erasedBy(facilitator, mallory.ID), nil},
	})
	if err := w.Check(blocked(facilitator, carol.ID)); err != nil {
		t.Errorf("blocking someone who withdrew (to keep their key out) = %v", err)
	}
}

func TestLobbyHoldsNewPeopleUntilAFacilitatorLetsThemIn(t *testing.T) {
	l := baseLog(t)
	checkRules(t, l.replay(), []ruleCase{
		{"a participant cannot hold a lobby", lobby(alice, true), ErrNotAllowed},
		{"lifting a lobby not held is a repeat", lobby(facilitator, false), ErrDuplicate},
		{"nobody waits to be let in", admittedAll(facilitator), ErrDuplicate},
	})
	l.append(lobby(facilitator, true))
	erin, finn, gus := Actor{Role: RoleParticipant, ID: "p-erin"}, Actor{Role: RoleParticipant, ID: "p-finn"}, Actor{Role: RoleParticipant, ID: "p-gus"}
	l.append(joined(erin, "Erin"))
	l.append(joined(finn, "Finn"))
	l.append(scribedJoin(scribe, "table-9", "Table 9"))
	w := l.replay()
	if !w.Lobby || len(w.Waiting()) != 2 || w.Waiting()[0].ID != erin.ID || w.Waiting()[1].ID != finn.ID {
		t.Fatalf("with the lobby held, waiting = %v, want Erin then Finn (a scribed table is not held)", w.Waiting())
	}
	checkRules(t, w, []ruleCase{
		{"a waiting participant cannot contribute", added(erin, "c-e", erin.ID, "design/opportunities", Opportunity, "hi"), ErrWaiting},
		{"a waiting participant can leave", withdrew(erin, erin.ID), nil},
		{"a participant cannot let people in", admitted(alice, erin.ID), ErrNotAllowed},
		{"someone already in", admitted(facilitator, alice.ID), ErrDuplicate},
		{"a facilitator lets one in", admitted(facilitator, erin.ID), nil},
	})
	l.append(admitted(facilitator, erin.ID))
	w = l.replay()
	if e, _ := w.Participant(erin.ID); e.Waiting || e.AdmittedAt.IsZero() {
		t.Fatalf("Erin after being let in: waiting %v, admitted at %v", e.Waiting, e.AdmittedAt)
	}
	if err := w.Check(added(erin, "c-e", erin.ID, "design/opportunities", Opportunity, "hi")); err != nil {
		t.Errorf("Erin, let in, cannot contribute: %v", err)
	}
	l.append(joined(gus, "Gus"))
	l.append(admittedAll(facilitator))
	w = l.replay()
	if len(w.Waiting()) != 0 {
		t.Fatalf("after letting everyone in, %d still wait", len(w.Waiting()))
	}
	for _, id := range []string{finn.ID, gus.ID} {
		if p, _ := w.Participant(id); p.Waiting || p.AdmittedAt.IsZero() {
			t.Errorf("%s was not let in", id)
		}
	}
	// Lifting the lobby lets those waiting in; new people come straight in.
	hal, ivy := Actor{Role: RoleParticipant, ID: "p-hal"}, Actor{Role: RoleParticipant, ID: "p-ivy"}
	l.append(joined(hal, "Hal"))
	l.append(lobby(facilitator, false))
	l.append(joined(ivy, "Ivy"))
	w = l.replay()
	h, _ := w.Participant(hal.ID)
	i, _ := w.Participant(ivy.ID)
	if h.Waiting || h.AdmittedAt.IsZero() || i.Waiting || !i.AdmittedAt.IsZero() || w.Lobby {
		t.Errorf("after lifting the lobby: Hal waiting %v admitted %v; Ivy waiting %v admitted %v", h.Waiting, h.AdmittedAt, i.Waiting, i.AdmittedAt)
	}
}

// Votes count one person once: only people in the room when a vote
// opened, or let in by a facilitator, or entered by a scribe, place dots.
func TestWhoMayVote(t *testing.T) {
	l := baseLog(t) // Alice and Bob joined; Table 3 scribed
	l.append(added(alice, "c-a", alice.ID, "design/opportunities", Opportunity, "Open the hall."))
	l.append(lobby(facilitator, true))
	waiter, early := Actor{Role: RoleParticipant, ID: "p-waiter"}, Actor{Role: RoleParticipant, ID: "p-early"}
	l.append(joined(early, "Early"))
	l.append(admitted(facilitator, early.ID))
	l.append(lobby(facilitator, false))
	l.append(voteOpened(facilitator, "v", "Which first?", 3, Opportunity))
	late, admittedLate := Actor{Role: RoleParticipant, ID: "p-late"}, Actor{Role: RoleParticipant, ID: "p-admitted"}
	l.append(joined(late, "Late"))
	l.append(lobby(facilitator, true))
	l.append(joined(waiter, "Waiter"))
	l.append(joined(admittedLate, "Admitted Late"))
	l.append(admitted(facilitator, admittedLate.ID))
	l.append(scribedJoin(scribe, "table-late", "Late table"))
	dots := map[string]int{"c-a": 1}
	checkRules(t, l.replay(), []ruleCase{
		{"joined before the vote opened", voteCast(bob, "v", bob.ID, dots), nil},
		{"let in before the vote opened", voteCast(early, "v", early.ID, dots), nil},
		{"a scribed table joined before", voteCast(scribe, "v", table3, dots), nil},
		{"joined after the vote opened, never let in", voteCast(late, "v", late.ID, dots), ErrNotEligible},
		{"still waiting", voteCast(waiter, "v", waiter.ID, dots), ErrWaiting},
		{"joined after, then let in", voteCast(admittedLate, "v", admittedLate.ID, dots), nil},
		{"a scribed table entered after", voteCast(scribe, "v", "table-late", dots), nil},
	})
	// A ballot recorded before the rule still replays.
	l.append(voteCast(late, "v", late.ID, dots))
	if _, err := Replay(l.events); err != nil {
		t.Errorf("a recorded ballot from a late joiner does not replay: %v", err)
	}
}

func TestStandingEventsAreRecordedWithTheirActor(t *testing.T) {
	l := baseLog(t)
	l.append(lobby(facilitator, true))
	l.append(blocked(facilitator, bob.ID))
	w := l.replay()
	if err := w.Check(blocked(System, alice.ID)); err != nil {
		t.Errorf("the server cannot block: %v", err)
	}
	l.append(closed())
	if err := l.replay().Check(lobby(facilitator, false)); !errors.Is(err, ErrClosed) {
		t.Errorf("lifting the lobby of a closed workshop = %v, want ErrClosed", err)
	}
	if err := l.replay().Check(blocked(facilitator, alice.ID)); err != nil {
		t.Errorf("blocking after the close = %v, want allowed", err)
	}
}

// A removal is in the transcript: who did it, to whom, and when.
func TestRemovalAndLobbyAreInTheTranscript(t *testing.T) {
	l := baseLog(t)
	l.append(lobby(facilitator, true))
	l.append(joined(Actor{Role: RoleParticipant, ID: "p-gus"}, "Gus"))
	l.append(admitted(facilitator, "p-gus"))
	l.append(blocked(facilitator, bob.ID))
	md := exportOf(t, FormatMarkdown, l.replay(), l.events)
	for _, want := range []string{
		"removed Bob from the workshop, hid what they wrote and blocked them from joining again",
		"held new participants in a lobby",
		"let Gus in from the lobby",
		"**Bob**", ", removed by a facilitator",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the markdown transcript does not say %q", want)
		}
	}
	js := exportOf(t, FormatJSON, l.replay(), l.events)
	if !strings.Contains(js, `"removed_at"`) || !strings.Contains(js, `"participant.blocked"`) {
		t.Errorf("the JSON export does not record the removal")
	}
}

func TestRemovalEndsOnlyTheRemovedPersonsSessions(t *testing.T) {
	e := blocked(facilitator, bob.ID)
	if s, ends := EndsSession(e, bob.ID); !ends || s != RemovedSentence {
		t.Errorf("Bob's screen on his removal: %q, %v", s, ends)
	}
	for _, other := range []struct {
		e  Event
		id string
	}{{e, alice.ID}, {e, ""}, {withdrew(bob, bob.ID), bob.ID}, {erasedBy(facilitator, bob.ID), bob.ID}} {
		if _, ends := EndsSession(other.e, other.id); ends {
			t.Errorf("%s ends the session of %q", other.e.Type, other.id)
		}
	}
}
