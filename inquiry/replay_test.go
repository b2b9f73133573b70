package inquiry

import (
	"errors"
	"testing"
)

// fullLog is a workshop that has seen every event of a workshop's core:
// joins (one scribed), adds (one by the facilitator for the scribed
// table), an edit, a delete, and the close.
func fullLog(t *testing.T) *testLog {
	l := baseLog(t)
	c1 := *l.events[3].Contribution
	l.append(added(bob, "c-2", bob.ID, "dream/five-years-on", Aspiration, "Every village has a hub."))
	l.append(edited(alice, c1, "Funding comes in one-year grants, and late."))
	l.append(deleted(bob, "c-2"))
	l.append(added(facilitator, "c-3", table3, "deliver/next-steps", Action, "Table 3 will invite the council."))
	l.append(closed())
	return l
}

func TestReplayFoldsTheLog(t *testing.T) {
	l := fullLog(t)
	w := l.replay()
	if w.Open || w.Title != "Anchors and the council" || w.Head != uint64(len(l.events)) || w.HeadHash != l.events[len(l.events)-1].Hash {
		t.Errorf("workshop = open %v, title %q, head %d %.12s; want closed, titled, at the last event", w.Open, w.Title, w.Head, w.HeadHash)
	}
	if len(w.Participants) != 3 || w.Participants[0].Name != "Alice" || w.Participants[1].Name != "Bob" ||
		w.Participants[2].Name != "Table 3" || !w.Participants[2].Scribed || w.Participants[0].Scribed {
		t.Errorf("participants = %+v, want Alice, Bob, then the scribed Table 3", w.Participants)
	}
	c1, _ := w.Contribution("c-1")
	c2, _ := w.Contribution("c-2")
	c3, _ := w.Contribution("c-3")
	switch {
	case c1 == nil || c1.Text != "Funding comes in one-year grants, and late." || c1.EditedAt.IsZero():
		t.Errorf("c-1 = %+v, want the edited text", c1)
	case c2 == nil || !c2.Deleted:
		t.Errorf("c-2 = %+v, want it kept and marked deleted", c2)
	case c3 == nil || c3.Participant != table3 || c3.Kind != Action || c3.ScribedBy != facilitator.ID:
		t.Errorf("c-3 = %+v, want Table 3's action, scribed by the facilitator", c3)
	case c1.ScribedBy != "":
		t.Errorf("c-1 = %+v, want no scribe: Alice wrote it herself", c1)
	}
	if s := w.Summary(); s.Contributions != 2 || s.Participants != 3 {
		t.Errorf("summary = %+v, want 3 participants and 2 contributions (deleted not counted)", s)
	}
}

func TestReplayDetectsTampering(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(events []Event)
	}{
		{"changed text", func(es []Event) { es[3].Contribution.Text.Text = "Funding is fine." }},
		{"changed text with its salt removed", func(es []Event) {
			es[3].Contribution.Text.Text, es[3].Contribution.Text.Salt = "Funding is fine.", ""
		}},
		{"changed name", func(es []Event) { es[1].Participant.Name.Text = "Mallory" }},
		{"changed kind", func(es []Event) { es[3].Contribution.Kind = Opportunity }},
		{"changed author", func(es []Event) { es[3].Contribution.Participant = bob.ID }},
		{"changed seq", func(es []Event) { es[2].Seq = 7 }},
		{"swapped events", func(es []Event) { es[1], es[2] = es[2], es[1] }},
		{"removed event", func(es []Event) { copy(es[5:], es[6:]); es[len(es)-1] = es[len(es)-2] }},
		{"broken prev", func(es []Event) { es[4].Prev = es[2].Hash }},
		{"rehashed after a change, chain not followed", func(es []Event) {
			es[3].Contribution.Kind = Opportunity
			es[3].Hash = es[3].ChainHash()
		}},
		{"words without a digest", func(es []Event) { es[3].Contribution.Text = Words{Text: es[3].Contribution.Text.Text} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			events := copyEvents(t, fullLog(t).events)
			c.tamper(events)
			if _, err := Replay(events); !errors.Is(err, ErrInvalid) {
				t.Errorf("Replay of a tampered log = %v, want %v", err, ErrInvalid)
			}
		})
	}
}

func TestReplayAcceptsAnExportedLog(t *testing.T) {
	l := fullLog(t)
	w, err := Replay(copyEvents(t, l.events))
	if err != nil {
		t.Fatalf("Replay of the log read back from JSON: %v", err)
	}
	if w.HeadHash != l.events[len(l.events)-1].Hash {
		t.Errorf("head after a JSON round trip = %.12s, want %.12s", w.HeadHash, l.events[len(l.events)-1].Hash)
	}
}

func TestReplaySurvivesErasedWords(t *testing.T) {
	l := fullLog(t)
	events := copyEvents(t, l.events)
	for i := range events {
		for _, w := range events[i].Words() {
			w.Text, w.Salt = "", ""
			if !w.Erased() || !w.Intact() {
				t.Fatalf("event %d: words %+v are not erased and intact", events[i].Seq, *w)
			}
		}
	}
	w, err := Replay(events)
	if err != nil {
		t.Fatalf("Replay after erasing everyone's words: %v", err)
	}
	if w.HeadHash != l.events[len(l.events)-1].Hash {
		t.Errorf("head after erasing = %.12s, want the same chain head %.12s", w.HeadHash, l.events[len(l.events)-1].Hash)
	}
	for _, p := range w.Participants {
		if p.Name != "" {
			t.Errorf("participant %s still has the name %q", p.ID, p.Name)
		}
	}
	for _, c := range w.Contributions {
		if c.Text != "" {
			t.Errorf("contribution %s still has the text %q", c.ID, c.Text)
		}
	}
}

func TestErasingOnePersonKeepsTheOthersWords(t *testing.T) {
	events := copyEvents(t, fullLog(t).events)
	for i := range events {
		if c := events[i].Contribution; c != nil && c.Participant == alice.ID {
			c.Text.Text, c.Text.Salt = "", ""
		}
		if p := events[i].Participant; p != nil && p.ID == alice.ID {
			p.Name.Text, p.Name.Salt = "", ""
		}
	}
	w, err := Replay(events)
	if err != nil {
		t.Fatalf("Replay after erasing Alice: %v", err)
	}
	if b, _ := w.Participant(bob.ID); b == nil || b.Name != "Bob" {
		t.Errorf("Bob = %+v, want his name kept", b)
	}
	if c, _ := w.Contribution("c-2"); c == nil || c.Text != "Every village has a hub." {
		t.Errorf("Bob's contribution = %+v, want its text kept", c)
	}
}

func TestReplayRefusesARepeatedEditLikeCheck(t *testing.T) {
	l := baseLog(t)
	c1 := *l.events[3].Contribution
	l.append(edited(alice, c1, c1.Text.Text))
	if _, err := Replay(l.events); !errors.Is(err, ErrDuplicate) {
		t.Errorf("Replay of a log with an edit that changes nothing = %v, want %v", err, ErrDuplicate)
	}
}
