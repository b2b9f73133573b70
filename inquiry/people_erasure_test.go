package inquiry

import (
	"reflect"
	"testing"
)

// Erasing or withdrawing the participant a merge kept takes the one merged
// into them with them, in standing too: their names are shown for nobody
// and kept nowhere (a snapshot writes standing to disk), and the words the
// log holds are counted as a replay of the log the store rewrote counts
// them.
func TestLeavingTakesThoseMergedInWithTheirNames(t *testing.T) {
	ally := Actor{Role: RoleParticipant, ID: "p-ally"}
	again := Actor{Role: RoleParticipant, ID: "p-ally-again"}
	for _, erase := range []bool{true, false} {
		l := baseLog(t)
		l.append(joined(ally, "Ally"))
		l.append(joined(again, "ally")) // shown as "ally (2)"
		l.append(added(again, "c-a", again.ID, "design/opportunities", Opportunity, "A shared minibus."))
		l.append(added(ally, "c-b", ally.ID, "design/opportunities", Opportunity, "Open the hall."))
		l.append(peopleMerged(facilitator, again.ID, ally.ID))
		if erase {
			l.append(erasedBy(facilitator, ally.ID))
		} else {
			l.append(withdrew(ally, ally.ID))
		}
		w := l.replay()
		if p := participant(t, w, again.ID); erase && (p.Name != "" || !p.Erased) {
			t.Errorf("the one merged into an erased participant = %+v, want erased", p)
		}
		s := &w.standing
		for _, id := range []string{ally.ID, again.ID} {
			if name, ok := s.shown[id]; ok {
				t.Errorf("erase %v: %s still shows %q", erase, id, name)
			}
			if erase && s.typed[id] != "" {
				t.Errorf("erased, but %s's name as typed is kept: %q", id, s.typed[id])
			}
			if _, ok := s.authored[id]; ok {
				t.Errorf("erase %v: %s's words are still counted", erase, id)
			}
		}
		for _, sk := range []string{"ally", "ally (2)"} {
			if s.names.shown[sk] != 0 || s.names.next[sk] != 0 {
				t.Errorf("erase %v: the names still hold %q (shown %d, next %d)", erase, sk, s.names.shown[sk], s.names.next[sk])
			}
			if _, ok := s.names.numbered[sk]; ok {
				t.Errorf("erase %v: the names still number %q", erase, sk)
			}
		}
		events := copyEvents(t, l.events)
		if erase {
			eraseAsTheStoreDoes(events, nil, []string{ally.ID, again.ID})
		} else {
			eraseAsTheStoreDoes(events, []string{ally.ID, again.ID}, nil)
		}
		rewritten, err := Replay(events)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(w, rewritten) {
			t.Errorf("erase %v: the fold differs from a replay of the log as the store rewrites it: %s", erase, foldDiff(w, rewritten))
		}
	}
}

// With nobody else in the room, the names index after the erasure is the
// one a replay of the rewritten log makes: none at all.
func TestErasingTheOnlyNamesLeavesNoNameIndex(t *testing.T) {
	ally := Actor{Role: RoleParticipant, ID: "p-ally"}
	again := Actor{Role: RoleParticipant, ID: "p-ally-again"}
	l := &testLog{t: t}
	l.append(opened())
	l.append(joined(ally, "Ally"))
	l.append(joined(again, "Ally"))
	l.append(peopleMerged(facilitator, again.ID, ally.ID))
	l.append(erasedBy(facilitator, ally.ID))
	w := l.replay()
	events := copyEvents(t, l.events)
	eraseAsTheStoreDoes(events, nil, []string{ally.ID, again.ID})
	rewritten, err := Replay(events)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(w, rewritten) {
		t.Errorf("the fold differs from a replay of the log as the store rewrites it: %s", foldDiff(w, rewritten))
	}
}
