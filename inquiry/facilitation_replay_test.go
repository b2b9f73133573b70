package inquiry

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"
)

// everyEventLog is a facilitator-led workshop that records every type of
// event there is, the words of a participant who withdraws and of one who
// is erased among them.
func everyEventLog(t *testing.T) *testLog {
	l := pacedLog(t) // Alice, Bob, Table 3 (entered by the facilitator)
	l.append(joined(carol, "Carol"))
	l.append(joined(dan, "Dan"))
	l.append(scribedJoin(scribe, "p-table-4", "Table 4"))
	l.append(settingsChanged(facilitator, VisibleOnReveal, true))
	l.append(promptOpened(facilitator, "discover/best-time", testStart.Add(time.Hour)))
	l.append(added(carol, "c-1", carol.ID, "discover/best-time", Story, "The lunch club grew from six to forty."))
	l.append(added(dan, "c-2", dan.ID, "discover/best-time", Strength, "Everyone knew the caretaker."))
	l.append(timeboxChanged(facilitator, "discover/best-time", testStart.Add(2*time.Hour)))
	l.append(timeboxChanged(facilitator, "discover/best-time", time.Time{}))
	l.append(promptRevealed(facilitator, "discover/best-time"))
	l.append(promptOpened(facilitator, "design/opportunities", time.Time{}))
	l.append(added(alice, "c-3", alice.ID, "design/opportunities", Opportunity, "Share the hall with the health centre."))
	// Held back until revealed: Bob can build on Alice's only after this.
	l.append(promptRevealed(facilitator, "design/opportunities"))
	l.append(building(added(bob, "c-4", bob.ID, "design/opportunities", Opportunity, "+1, and the library too."), "c-3"))
	l.append(added(carol, "c-5", carol.ID, "design/opportunities", Opportunity, "A community minibus."))
	l.append(added(scribe, "c-6", table3, "design/opportunities", Opportunity, "Share the hall."))
	l.append(edited(carol, ContributionDetails{ID: "c-5", Participant: carol.ID, Prompt: "design/opportunities", Kind: Opportunity}, "A community minibus, run by volunteers."))
	l.append(themesChanged(facilitator, "c-3", "health-social-care", "empowerment-assets"))
	l.append(themeAdded(facilitator, "transport", "Transport", "bus", "minibus"))
	l.append(themesChanged(facilitator, "c-5", "transport"))
	l.append(merged(facilitator, "c-6", "c-3"))
	l.append(highlighted(facilitator, "c-4", true))
	l.append(added(bob, "c-7", bob.ID, "design/opportunities", Opportunity, "Something I regret."))
	l.append(hidden(facilitator, "c-7", "Names a neighbour."))
	l.append(unhidden(facilitator, "c-7"))
	l.append(deleted(bob, "c-7"))
	l.append(voteOpened(facilitator, "v-1", "Which opportunities first?", 3, Opportunity))
	l.append(voteCast(alice, "v-1", alice.ID, map[string]int{"c-3": 2, "c-5": 1}))
	l.append(voteCast(carol, "v-1", carol.ID, map[string]int{"c-5": 3}))
	l.append(voteCast(bob, "v-1", bob.ID, map[string]int{"c-3": 1, "c-4": 1}))
	l.append(voteCast(scribe, "v-1", "p-table-4", map[string]int{"c-4": 2}))
	l.append(voteClosed(facilitator, "v-1"))
	l.append(panelChosen(facilitator, PanelVotes))
	l.append(promptOpened(facilitator, "deliver/next-steps", testStart.Add(3*time.Hour)))
	l.append(committed(carol, "c-8", carol.ID, "Ask the trust for a minibus grant.", "Carol and the hall committee", "2026-09-01"))
	l.append(committed(dan, "c-9", dan.ID, "Talk to the caretaker.", "Dan", ""))
	l.append(committed(alice, "c-10", alice.ID, "Book the health centre room.", "Alice", "2026-06-30"))
	l.append(joined(Actor{Role: RoleParticipant, ID: "p-alice-2"}, "Alice"))
	l.append(peopleMerged(facilitator, "p-alice-2", alice.ID))
	l.append(codeReissued(facilitator, bob.ID))
	l.append(withdrew(carol, carol.ID))
	l.append(erasedBy(facilitator, dan.ID))
	l.append(closed())
	return l
}

// allEventTypes is every event type the domain knows.
var allEventTypes = []EventType{
	WorkshopOpened, WorkshopClosed, ParticipantJoined, ContributionAdded, ContributionEdited, ContributionDeleted,
	PromptOpened, TimeboxChanged, SettingsChanged, PromptRevealed,
	ThemesChanged, ThemeAdded, ContributionMerged, ContributionHighlighted, ContributionHidden, ContributionUnhidden,
	VoteOpened, VoteCast, VoteClosed, ParticipantWithdrawn, ParticipantErased,
	ResumeCodeReissued, ParticipantsMerged, DisplayPanelChosen,
}

// eraseAsTheStoreDoes rewrites a log as the store does when it commits a
// withdrawal or an erasure: the words of every contribution by those who
// left (text and owner), and the names of those erased, lose their text and
// salt and keep their digest.
func eraseAsTheStoreDoes(events []Event, withdrawn, erased []string) {
	for i := range events {
		if c := events[i].Contribution; c != nil && (slices.Contains(withdrawn, c.Participant) || slices.Contains(erased, c.Participant)) {
			c.Text.Text, c.Text.Salt = "", ""
			if c.Owner.Sealed() {
				c.Owner.Text, c.Owner.Salt = "", ""
			}
		}
		if p := events[i].Participant; p != nil && slices.Contains(erased, p.ID) {
			p.Name.Text, p.Name.Salt = "", ""
		}
	}
}

func TestEveryEventLogHasEveryEventType(t *testing.T) {
	seen := map[EventType]bool{}
	for _, e := range everyEventLog(t).events {
		seen[e.Type] = true
	}
	for _, typ := range allEventTypes {
		if !seen[typ] {
			t.Errorf("the log has no %s event", typ)
		}
	}
}

func TestReplayOfEveryEventSurvivesErasure(t *testing.T) {
	l := everyEventLog(t)
	inMemory := l.replay()
	events := copyEvents(t, l.events)
	eraseAsTheStoreDoes(events, []string{carol.ID}, []string{dan.ID})
	w, err := Replay(events)
	if err != nil {
		t.Fatalf("Replay after erasing Carol's words and Dan: %v", err)
	}
	if w.HeadHash != l.events[len(l.events)-1].Hash {
		t.Errorf("the chain head changed with erasure")
	}
	// The fold forgets the words as the events arrive, so what is in
	// memory is what a replay of the rewritten log gives, exactly.
	if !reflect.DeepEqual(w, inMemory) {
		t.Errorf("replay of the erased log differs from the fold that saw the words")
		for i := range w.Contributions {
			if !reflect.DeepEqual(w.Contributions[i], inMemory.Contributions[i]) {
				t.Errorf("  %+v\n  %+v", w.Contributions[i], inMemory.Contributions[i])
			}
		}
	}
	for _, id := range []string{"c-1", "c-5", "c-8"} {
		if c := contribution(t, w, id); !c.Withdrawn || c.Text != "" || c.Owner != "" {
			t.Errorf("Carol's %s = %+v, want withdrawn without words", id, c)
		}
	}
	for _, id := range []string{"c-2", "c-9"} {
		if c := contribution(t, w, id); !c.Erased || c.Text != "" || c.Owner != "" {
			t.Errorf("Dan's %s = %+v, want erased without words", id, c)
		}
	}
	if p := participant(t, w, dan.ID); p.Name != "" || !p.Erased {
		t.Errorf("Dan = %+v, want erased", p)
	}
	if p := participant(t, w, carol.ID); p.Name != "Carol" || !p.Withdrawn {
		t.Errorf("Carol = %+v, want withdrawn, her name kept", p)
	}
	if c := contribution(t, w, "c-10"); c.Text != "Book the health centre room." || c.Owner != "Alice" {
		t.Errorf("Alice's c-10 = %+v, want her words kept", c)
	}
	v, _ := w.Vote("v-1")
	// Carol's 3 dots went with her; Alice's dot on her c-5 no longer counts.
	want := []VoteResult{{"c-3", 3, 1}, {"c-4", 3, 1}}
	if got := v.Results(); !reflect.DeepEqual(got, want) {
		t.Errorf("results: got %v, want %v", got, want)
	}
}

// recount is the tally the slow way, a pass over every contribution: what
// the running tally must always equal.
func recount(w *Workshop) Tally {
	themes := w.Themes()
	t := Tally{Themes: make([]TallyRow, len(themes)), Totals: map[Kind]int{}}
	empty := func(th Theme) TallyRow {
		r := TallyRow{Theme: th, Counts: map[Kind]int{}}
		for _, k := range AllKinds {
			r.Counts[k] = 0
		}
		return r
	}
	t.Unthemed = empty(Theme{Label: UnthemedLabel})
	for i, th := range themes {
		t.Themes[i] = empty(th)
	}
	for _, k := range AllKinds {
		t.Totals[k] = 0
	}
	reframed := func(b *Contribution) bool {
		for _, r := range w.Contributions {
			if r.Live() && r.Kind == Reframe && r.Answers == b.ID {
				return true
			}
		}
		return false
	}
	for _, c := range w.Contributions {
		if !c.Live() {
			continue
		}
		t.Contributions++
		t.Totals[c.Kind]++
		counted := c.Kind == Barrier && reframed(c)
		if counted {
			t.Reframed++
		}
		rows := []*TallyRow{}
		if len(c.Themes) == 0 {
			rows = append(rows, &t.Unthemed)
		}
		for _, id := range c.Themes {
			rows = append(rows, &t.Themes[slices.IndexFunc(themes, func(th Theme) bool { return th.ID == id })])
		}
		for _, row := range rows {
			row.Counts[c.Kind]++
			if counted {
				row.Reframed++
			}
		}
	}
	return t
}

func TestRunningTallyMatchesARecountAfterEveryEvent(t *testing.T) {
	for name, l := range map[string]*testLog{"every event": everyEventLog(t), "room": roomLog(t)} {
		w := &Workshop{}
		for _, e := range l.events {
			if err := w.Apply(e); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if got, want := w.Tally(), recount(w); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, after event %d (%s): running tally\n%+v\nrecount\n%+v", name, e.Seq, e.Type, got, want)
			}
			if got := w.Summary().Contributions; got != recount(w).Contributions {
				t.Fatalf("%s, after event %d (%s): summary counts %d", name, e.Seq, e.Type, got)
			}
		}
	}
}

func TestTallyLeavesOutWhatIsNotLive(t *testing.T) {
	w := roomLog(t).replay()
	// c-1 barrier, c-2 and c-8 opportunities, c-7 action are live; c-3
	// merged, c-4 hidden, c-5 withdrawn, c-6 erased, c-9 deleted are not.
	tally := w.Tally()
	want := map[Kind]int{Opportunity: 2, Barrier: 1, Action: 1}
	for _, k := range Kinds {
		if tally.Totals[k] != want[k] {
			t.Errorf("%s: got %d, want %d", k, tally.Totals[k], want[k])
		}
	}
	if tally.Contributions != 4 || w.Summary().Contributions != 4 {
		t.Errorf("live contributions: tally %d, summary %d; want 4", tally.Contributions, w.Summary().Contributions)
	}
	if len(tally.Themes) != len(w.Themes()) || tally.Themes[len(tally.Themes)-1].Theme.ID != "transport" {
		t.Errorf("the tally should have a row for the added theme, last")
	}
}

func BenchmarkApplyContribution(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ws, _ := largeExportLog(b, n)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				e := Event{
					Seq: ws.Head + 1, At: exportStart.Add(time.Hour), Type: ContributionAdded, Prev: ws.HeadHash,
					Actor: Actor{Role: RoleParticipant, ID: "p-07"},
					Contribution: &ContributionDetails{
						ID: fmt.Sprintf("bench-%d", i), Participant: "p-07", Prompt: "design/build-on", Kind: Opportunity,
						Text: Words{Text: "Share the minibus between the anchor and the health centre."}, Themes: []string{"resilience"},
					},
				}
				e.Contribution.Text.Seal([]byte("bench salt"))
				e.Hash = e.ChainHash()
				if err := ws.Apply(e); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
