package inquiry

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// FuzzCheckedEventsFold drives a workshop with events made from the fuzzer's
// bytes: whatever Check accepts, Apply must accept too; the running tally
// must always equal a recount; and replaying the log must give the same
// workshop as folding it event by event.
func FuzzCheckedEventsFold(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte("curate, then vote, then leave"))
	f.Add([]byte{3, 3, 3, 9, 0, 1, 12, 2, 2, 13, 1, 1, 17, 0, 18, 1, 19, 2})
	f.Fuzz(func(t *testing.T, script []byte) {
		l := roomLog(t)
		w := l.replay()
		for i := 0; i+2 < len(script) && i < 300; i += 3 {
			e := fuzzEvent(w, script[i], script[i+1], script[i+2])
			if w.Check(e) != nil {
				continue
			}
			stamped := l.append(e)
			if err := w.Apply(stamped); err != nil {
				t.Fatalf("Check accepted %s but Apply refused it: %v", e.Type, err)
			}
			if got, want := w.Tally(), recount(w); !reflect.DeepEqual(got, want) {
				t.Fatalf("after %s the running tally differs from a recount", e.Type)
			}
		}
		if !reflect.DeepEqual(l.replay(), w) {
			t.Fatalf("replaying the log gives a different workshop from folding it")
		}
		// The counts agree with a scan, and a snapshot halfway carries on
		// to the same workshop (snapshot_test.go, counts_test.go).
		checkCounts(t, w, l.events[len(l.events)-1])
		events := stored(t, l.events)
		whole, err := Replay(events)
		if err != nil {
			t.Fatalf("the log read back does not replay: %v", err)
		}
		checkSnapshotAt(t, events, len(events)/2+1, whole)
	})
}

// fuzzEvent makes an event of a type chosen by kind, acting on things chosen
// by a and b from what the workshop holds.
func fuzzEvent(w *Workshop, kind, a, b byte) Event {
	actors := []Actor{alice, bob, carol, facilitator, scribe, System}
	people := []string{alice.ID, bob.ID, carol.ID, dan.ID, table3}
	for _, p := range w.Participants {
		if !slices.Contains(people, p.ID) {
			people = append(people, p.ID)
		}
	}
	refs := []PromptRef{"discover/best-time", "design/opportunities", "design/barriers", "deliver/next-steps"}
	kinds := []Kind{Story, Opportunity, Barrier, Action}
	pick := func(n int, x byte) int { return int(x) % n }
	by := actors[pick(len(actors), a)]
	cid := func(x byte) string {
		if len(w.Contributions) == 0 {
			return "c-1"
		}
		return w.Contributions[pick(len(w.Contributions), x)].ID
	}
	author := people[pick(len(people), b)]
	if by.Role == RoleParticipant {
		author = by.ID
	}
	switch kind % 27 {
	case 0, 1:
		r := pick(len(refs), b)
		e := added(by, fmt.Sprintf("f-%d-%d", len(w.Contributions), b), author, refs[r], kinds[r], "Fuzzed words.")
		if b%3 == 0 {
			e.Contribution.Themes = []string{"housing"}
		}
		if b%5 == 0 {
			e.Contribution.BuildsOn = cid(a)
		}
		return e
	case 2:
		c, _ := w.Contribution(cid(b))
		d := ContributionDetails{ID: c.ID, Participant: c.Participant, Prompt: c.Prompt, Kind: c.Kind, BuildsOn: c.BuildsOn}
		if b%2 == 0 {
			d.Themes = []string{"transport"}
		}
		return edited(by, d, fmt.Sprintf("Edited %d.", b))
	case 3:
		return deleted(by, cid(b))
	case 4:
		return themesChanged(by, cid(b), []string{"housing", "transport", "inequalities"}[:pick(4, a)]...)
	case 5:
		return merged(by, cid(a), cid(b))
	case 6:
		return highlighted(by, cid(b), a%2 == 0)
	case 7:
		return hidden(by, cid(b), "Fuzzed reason.")
	case 8:
		return unhidden(by, cid(b))
	case 9:
		return themeAdded(by, fmt.Sprintf("theme-%d", b%4), fmt.Sprintf("Theme %d", b%4))
	case 10:
		return voteOpened(by, fmt.Sprintf("v-%d", 2+b%3), "Fuzzed vote", 1+int(a%4), kinds[pick(len(kinds), b)])
	case 11:
		vote := "v-1"
		if v := w.OpenVote(); v != nil && a%2 == 0 {
			vote = v.ID
		}
		return voteCast(by, vote, author, map[string]int{cid(a): int(b % 4), cid(b): int(a % 3)})
	case 12:
		return voteClosed(by, fmt.Sprintf("v-%d", 1+b%4))
	case 13:
		return withdrew(by, author)
	case 14:
		return erasedBy(by, people[pick(len(people), b)])
	case 15:
		c, _ := w.Contribution(cid(b))
		e := added(by, fmt.Sprintf("f-%d-%d", len(w.Contributions), b), author, c.Prompt, Reframe, "What would need to be true.")
		e.Contribution.Answers = c.ID
		return e
	case 16:
		return peopleMerged(by, people[pick(len(people), a)], author)
	case 17:
		return codeReissued(by, author)
	case 18:
		if a%3 == 0 {
			return unagreed(by, author, cid(b))
		}
		return agreed(by, author, cid(b))
	case 19:
		c, _ := w.Contribution(cid(b))
		into := c.MergedInto
		if into == "" || a%4 == 0 {
			into = cid(a)
		}
		return unmerged(by, c.ID, into)
	case 20:
		return organisationChanged(by, author, []string{"", "Local authority", "Third sector"}[pick(3, a)])
	case 21:
		return blocked(by, people[pick(len(people), b)])
	case 22:
		return lobby(by, a%2 == 0)
	case 23:
		if a%2 == 0 {
			return admittedAll(by)
		}
		return admitted(by, people[pick(len(people), b)])
	case 24:
		// Someone new, under a name others may show already, with a key
		// that may be one a facilitator barred.
		who := Actor{Role: RoleParticipant, ID: fmt.Sprintf("p-f%d", len(w.Participants))}
		return keyed(who, []string{"Alice", "alice", "Bob", "Zed"}[pick(4, b)], []string{"", "key-1", "key-2"}[pick(3, a)])
	case 25:
		prompt := PromptRef("")
		if b%3 != 0 {
			prompt = refs[pick(len(refs), b)]
		}
		return limitedVote(fmt.Sprintf("v-%d", 2+b%3), 1+int(a%4), prompt, a%2 == 0, kinds[pick(len(kinds), a)])
	case 26:
		if a%3 == 0 {
			return promptRevealed(by, refs[pick(len(refs), b)])
		}
		return blocked(by, author)
	}
	return settingsChanged(by, []Visibility{VisibleLive, VisibleOnReveal, VisibleNever}[pick(3, b)], a%2 == 0)
}
