package inquiry

import (
	"errors"
	"reflect"
	"testing"
)

func TestReplayStampedFoldsTheSameWorkshopAsReplay(t *testing.T) {
	logs := map[string]*testLog{
		"the core events":     fullLog(t),
		"a curated room":      roomLog(t),
		"every type of event": everyEventLog(t),
	}
	for name, l := range logs {
		t.Run(name, func(t *testing.T) {
			want := l.replay()
			got, err := ReplayStamped(l.events)
			if err != nil {
				t.Fatalf("ReplayStamped of a log Replay accepts: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ReplayStamped folded a different workshop from Replay:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestApplyStampedRefusesWhatTheRulesRefuse(t *testing.T) {
	aliceBarrier := *baseLog(t).events[3].Contribution
	cases := []struct {
		name   string
		closed bool
		event  Event
		want   error
	}{
		{"someone else edits", false, edited(bob, aliceBarrier, "Not what Alice said."), ErrNotAllowed},
		{"a participant adds in another's name", false, added(bob, "c-2", alice.ID, "design/barriers", Barrier, "Words put in Alice's mouth."), ErrNotAllowed},
		{"a participant closes", false, Event{Type: WorkshopClosed, Actor: alice}, ErrNotAllowed},
		{"unknown prompt", false, added(alice, "c-2", alice.ID, "design/nowhere", Barrier, "Lost."), ErrNotFound},
		{"unknown participant", false, added(facilitator, "c-2", "p-nobody", "design/barriers", Barrier, "Text."), ErrNotFound},
		{"a kind the prompt does not ask for", false, added(alice, "c-2", alice.ID, "design/barriers", Story, "A story."), ErrInvalid},
		{"text with an escape sequence", false, added(alice, "c-2", alice.ID, "design/barriers", Barrier, "Look\x1b]0;pwned\x07"), ErrInvalid},
		{"a second opening", false, opened(), ErrInvalid},
		{"the same add sent again", false, added(alice, "c-1", alice.ID, "design/barriers", Barrier, "Funding comes in one-year grants."), ErrDuplicate},
		{"the same ID from another author", false, added(bob, "c-1", bob.ID, "design/barriers", Barrier, "Mine."), ErrConflict},
		{"adding to a closed workshop", true, added(alice, "c-2", alice.ID, "design/barriers", Barrier, "Too late."), ErrClosed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := baseLog(t)
			if c.closed {
				l.append(closed())
			}
			stamped := l.append(c.event) // stamped and chained: only the rules are broken
			before := &Workshop{}
			for _, e := range l.events[:len(l.events)-1] {
				if err := before.ApplyStamped(e); err != nil {
					t.Fatalf("ApplyStamped of the valid log before the case: %v", err)
				}
			}
			head, hash := before.Head, before.HeadHash
			err := before.ApplyStamped(stamped)
			if !errors.Is(err, c.want) {
				t.Errorf("ApplyStamped = %v, want %v", err, c.want)
			}
			if before.Head != head || before.HeadHash != hash {
				t.Errorf("the refused event moved the head to %d", before.Head)
			}
			if _, err := Replay(l.events); !errors.Is(err, c.want) {
				t.Errorf("Replay = %v, want the same refusal %v", err, c.want)
			}
		})
	}
}

func TestApplyStampedRefusesAnEventThatDoesNotFollowOrIsNotStamped(t *testing.T) {
	cases := []struct {
		name   string
		change func(e *Event, head Event)
	}{
		{"a gap in the sequence", func(e *Event, _ Event) { e.Seq++ }},
		{"a repeat of the head's sequence", func(e *Event, head Event) { e.Seq = head.Seq }},
		{"prev not the head's hash", func(e *Event, head Event) { e.Prev = head.Prev }},
		{"no hash", func(e *Event, _ Event) { e.Hash = "" }},
		{"words without a digest", func(e *Event, _ Event) { e.Contribution.Text = Words{Text: e.Contribution.Text.Text} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := baseLog(t)
			next := l.append(added(bob, "c-2", bob.ID, "design/barriers", Barrier, "No bus after six."))
			w, err := ReplayStamped(l.events[:len(l.events)-1])
			if err != nil {
				t.Fatal(err)
			}
			next = next.Clone()
			c.change(&next, l.events[len(l.events)-2])
			if err := w.ApplyStamped(next); !errors.Is(err, ErrInvalid) {
				t.Errorf("ApplyStamped = %v, want %v", err, ErrInvalid)
			}
			if _, ok := w.Contribution("c-2"); ok || w.Head != uint64(len(l.events)-1) {
				t.Errorf("the refused event was folded in")
			}
		})
	}
}

// The trusted fold trusts exactly the hash and the digests: a log changed
// behind the chain's back passes it, which is why only the store's own
// events, checked when they were loaded or stamped, may go through it.
func TestOnlyReplayFindsTamperingBehindTheChain(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(events []Event)
	}{
		{"changed text", func(es []Event) { es[3].Contribution.Text.Text = "Funding is fine." }},
		{"changed organisation", func(es []Event) { es[1].Participant.Organisation = "Somewhere else" }},
		{"changed name", func(es []Event) { es[1].Participant.Name.Text = "Mallory" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			events := copyEvents(t, fullLog(t).events)
			c.tamper(events)
			if _, err := Replay(events); !errors.Is(err, ErrInvalid) {
				t.Errorf("Replay of a tampered log = %v, want %v", err, ErrInvalid)
			}
			if _, err := ReplayStamped(events); err != nil {
				t.Errorf("ReplayStamped = %v: it checks a hash it is meant to trust", err)
			}
		})
	}
}
