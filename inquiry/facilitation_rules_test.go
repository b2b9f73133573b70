package inquiry

import (
	"strings"
	"testing"
	"time"
)

func TestRoomLogReplays(t *testing.T) {
	w := roomLog(t).replay()
	if len(w.Contributions) != 9 || len(w.Participants) != 5 || len(w.Votes) != 2 {
		t.Fatalf("room: %d contributions, %d participants, %d votes; want 9, 5, 2",
			len(w.Contributions), len(w.Participants), len(w.Votes))
	}
}

func TestCheckPacingAndSettingsAreForFacilitators(t *testing.T) {
	w := roomLog(t).replay()
	system := System
	checkRules(t, w, []ruleCase{
		{"a facilitator holds contributions back until revealed", settingsChanged(facilitator, VisibleOnReveal, false), nil},
		{"the server changes the settings", settingsChanged(system, VisibleNever, true), nil},
		{"a facilitator makes the room anonymous", settingsChanged(facilitator, VisibleLive, true), nil},
		{"settings as they are", settingsChanged(facilitator, VisibleLive, false), ErrDuplicate},
		{"an unknown visibility", settingsChanged(facilitator, "sometimes", false), ErrInvalid},
		{"no visibility", settingsChanged(facilitator, "", false), ErrInvalid},
		{"settings without settings", Event{Type: SettingsChanged, Actor: facilitator}, ErrInvalid},
		{"a participant changes the settings", settingsChanged(alice, VisibleNever, false), ErrNotAllowed},
		{"a scribe changes the settings", settingsChanged(scribe, VisibleNever, false), ErrNotAllowed},

		{"a facilitator reveals a prompt", promptRevealed(facilitator, "design/opportunities"), nil},
		{"revealing a prompt that does not exist", promptRevealed(facilitator, "design/nowhere"), ErrNotFound},
		{"a participant reveals a prompt", promptRevealed(bob, "design/opportunities"), ErrNotAllowed},

		{"opening a prompt in a self-paced workshop", promptOpened(facilitator, "design/opportunities", time.Time{}), ErrInvalid},
		{"a timebox in a self-paced workshop", timeboxChanged(facilitator, "design/opportunities", testStart.Add(time.Hour)), ErrInvalid},
		{"a participant opens a prompt", promptOpened(alice, "design/opportunities", time.Time{}), ErrNotAllowed},
	})
}

// pacedLog is a facilitator-led workshop Alice and Bob have joined, with
// Table 3 entered for a scribe.
func pacedLog(t *testing.T) *testLog {
	l := &testLog{t: t}
	open := opened()
	open.Workshop.Pacing = FacilitatorPaced
	l.append(open)
	l.append(joined(alice, "Alice"))
	l.append(joined(bob, "Bob"))
	l.append(scribedJoin(facilitator, table3, "Table 3"))
	return l
}

func TestCheckKeepsParticipantsToTheOpenPrompt(t *testing.T) {
	before := pacedLog(t).replay()
	checkRules(t, before, []ruleCase{
		{"a participant adds before any prompt is open", added(alice, "c-1", alice.ID, "discover/best-time", Story, "Too early."), ErrNotAllowed},
		{"a scribe enters from the flipchart before any prompt is open", added(scribe, "c-1", table3, "design/barriers", Barrier, "From the flipchart."), nil},
		{"a timebox before any prompt is open", timeboxChanged(facilitator, "design/opportunities", testStart.Add(time.Hour)), ErrInvalid},
		{"a facilitator opens a prompt", promptOpened(facilitator, "design/opportunities", time.Time{}), nil},
		{"a facilitator opens a prompt with a timebox", promptOpened(facilitator, "design/opportunities", testStart.Add(time.Hour)), nil},
		{"opening a prompt that does not exist", promptOpened(facilitator, "design/nowhere", time.Time{}), ErrNotFound},
		{"opening without a prompt", Event{Type: PromptOpened, Actor: facilitator}, ErrInvalid},
	})

	l := pacedLog(t)
	ends := testStart.Add(2 * time.Hour)
	l.append(promptOpened(facilitator, "design/opportunities", ends))
	w := l.replay()
	checkRules(t, w, []ruleCase{
		{"a participant adds to the open prompt", added(alice, "c-1", alice.ID, "design/opportunities", Opportunity, "Now."), nil},
		{"a participant adds to an earlier prompt", added(alice, "c-1", alice.ID, "discover/best-time", Story, "Looking back."), nil},
		{"a participant runs ahead", added(alice, "c-1", alice.ID, "design/barriers", Barrier, "Ahead."), ErrNotAllowed},
		{"a participant runs ahead to the last phase", added(alice, "c-1", alice.ID, "deliver/next-steps", Action, "Ahead."), ErrNotAllowed},
		{"a scribe enters ahead of the room", added(scribe, "c-1", table3, "deliver/next-steps", Action, "From the flipchart."), nil},
		{"opening the open prompt again", promptOpened(facilitator, "design/opportunities", ends), ErrDuplicate},
		{"opening the open prompt with a new timebox", promptOpened(facilitator, "design/opportunities", ends.Add(time.Minute)), nil},
		{"moving on to the next prompt", promptOpened(facilitator, "design/barriers", time.Time{}), nil},
		{"going back to an earlier prompt", promptOpened(facilitator, "discover/best-time", time.Time{}), nil},
		{"extending the timebox", timeboxChanged(facilitator, "design/opportunities", ends.Add(5*time.Minute)), nil},
		{"extending the timebox to when it ends already", timeboxChanged(facilitator, "design/opportunities", ends), ErrDuplicate},
		{"ending the timebox now", timeboxChanged(facilitator, "design/opportunities", time.Time{}), nil},
		{"changing another prompt's timebox", timeboxChanged(facilitator, "design/barriers", ends), ErrConflict},
		{"a participant extends the timebox", timeboxChanged(bob, "design/opportunities", ends.Add(time.Hour)), ErrNotAllowed},
		{"a timebox without the pace", Event{Type: TimeboxChanged, Actor: facilitator}, ErrInvalid},
	})

	l.append(timeboxChanged(facilitator, "design/opportunities", time.Time{}))
	l.append(closed())
	w = l.replay()
	checkRules(t, w, []ruleCase{
		{"ending an ended timebox", timeboxChanged(facilitator, "design/opportunities", time.Time{}), ErrDuplicate},
		{"extending a timebox after the workshop closed", timeboxChanged(facilitator, "design/opportunities", ends.Add(time.Hour)), ErrClosed},
		{"opening a prompt after the workshop closed", promptOpened(facilitator, "design/barriers", time.Time{}), ErrClosed},
		{"changing settings after the workshop closed", settingsChanged(facilitator, VisibleNever, false), ErrClosed},
		{"revealing after the workshop closed", promptRevealed(facilitator, "design/barriers"), ErrClosed},
	})
}

func TestReplayKeepsFacilitatorLedLogsFromBeforePacing(t *testing.T) {
	// Before facilitators could open prompts, participants contributed to
	// facilitator-led workshops freely. Their logs must still replay.
	l := pacedLog(t)
	l.append(added(alice, "c-1", alice.ID, "deliver/next-steps", Action, "Recorded before pacing existed."))
	w := l.replay()
	if c, ok := w.Contribution("c-1"); !ok || !c.Live() {
		t.Errorf("c-1 = %+v, want it folded", c)
	}
}

func TestCheckCurationIsForFacilitators(t *testing.T) {
	w := roomLog(t).replay()
	long := strings.Repeat("r", MaxReasonRunes+1)
	checkRules(t, w, []ruleCase{
		{"a facilitator accepts the themes as they are", themesChanged(facilitator, "c-1"), nil},
		{"a facilitator changes the themes", themesChanged(facilitator, "c-1", "housing", "welfare-poverty"), nil},
		{"a facilitator uses a theme added during the workshop", themesChanged(facilitator, "c-2", "transport"), nil},
		{"the server changes themes", themesChanged(System, "c-2", "housing"), nil},
		{"the author changes themes by curation", themesChanged(alice, "c-1", "housing"), ErrNotAllowed},
		{"a scribe changes themes", themesChanged(scribe, "c-7", "housing"), ErrNotAllowed},
		{"an unknown theme", themesChanged(facilitator, "c-1", "knitting"), ErrNotFound},
		{"a theme given twice", themesChanged(facilitator, "c-1", "housing", "housing"), ErrInvalid},
		{"themes of a contribution that does not exist", themesChanged(facilitator, "c-404", "housing"), ErrNotFound},
		{"themes of a deleted contribution", themesChanged(facilitator, "c-9", "housing"), ErrNotFound},
		{"themes of a withdrawn contribution", themesChanged(facilitator, "c-5", "housing"), ErrNotAllowed},
		{"themes of an erased participant's contribution", themesChanged(facilitator, "c-6", "housing"), ErrNotAllowed},
		{"themes without the curation", Event{Type: ThemesChanged, Actor: facilitator, Target: "c-1"}, ErrInvalid},

		{"a facilitator adds a theme", themeAdded(facilitator, "digital", "Digital inclusion", "wifi", "broadband"), nil},
		{"adding the same theme again", themeAdded(facilitator, "transport", "Transport", "bus", "train"), ErrDuplicate},
		{"adding another theme under a taken ID", themeAdded(facilitator, "transport", "Buses"), ErrConflict},
		{"adding a theme that clashes with the starting taxonomy", themeAdded(facilitator, "housing", "Homes"), ErrConflict},
		{"a theme ID that is not an ID", themeAdded(facilitator, "Digital Inclusion", "Digital inclusion"), ErrInvalid},
		{"a theme without a label", themeAdded(facilitator, "digital", ""), ErrInvalid},
		{"a theme label with an escape sequence", themeAdded(facilitator, "digital", "Digital\x1b]0;x\x07"), ErrInvalid},
		{"a theme keyword of punctuation", themeAdded(facilitator, "digital", "Digital", "!!!"), ErrInvalid},
		{"a theme without a theme", Event{Type: ThemeAdded, Actor: facilitator}, ErrInvalid},
		{"a participant adds a theme", themeAdded(alice, "digital", "Digital inclusion"), ErrNotAllowed},

		{"a facilitator merges a duplicate", merged(facilitator, "c-8", "c-2"), nil},
		{"merging into itself", merged(facilitator, "c-2", "c-2"), ErrInvalid},
		{"merging again into the same", merged(facilitator, "c-3", "c-2"), ErrDuplicate},
		{"merging a merged one into another", merged(facilitator, "c-3", "c-8"), ErrConflict},
		{"merging into a merged one", merged(facilitator, "c-8", "c-3"), ErrInvalid},
		{"merging into one that has its duplicate merged into it, the other way round", merged(facilitator, "c-2", "c-3"), ErrInvalid},
		{"merging into a hidden one", merged(facilitator, "c-8", "c-4"), ErrInvalid},
		{"merging into one that does not exist", merged(facilitator, "c-8", "c-404"), ErrNotFound},
		{"merging into nothing", merged(facilitator, "c-8", ""), ErrNotFound},
		{"merging into a withdrawn one", merged(facilitator, "c-8", "c-5"), ErrNotAllowed},
		{"a participant merges", merged(bob, "c-8", "c-2"), ErrNotAllowed},

		{"a facilitator highlights", highlighted(facilitator, "c-2", true), nil},
		{"highlighting a highlighted one", highlighted(facilitator, "c-8", true), ErrDuplicate},
		{"a facilitator stops highlighting", highlighted(facilitator, "c-8", false), nil},
		{"unhighlighting one never highlighted", highlighted(facilitator, "c-2", false), ErrDuplicate},
		{"a participant highlights", highlighted(alice, "c-8", true), ErrNotAllowed},

		{"a facilitator hides with a reason", hidden(facilitator, "c-2", "Off topic for this prompt."), nil},
		{"hiding without a reason", hidden(facilitator, "c-2", ""), ErrInvalid},
		{"a reason over two lines", hidden(facilitator, "c-2", "Off topic.\nSorry."), ErrInvalid},
		{"a reason over the limit", hidden(facilitator, "c-2", long), ErrInvalid},
		{"a reason of exactly the limit", hidden(facilitator, "c-2", long[1:]), nil},
		{"hiding a hidden one for the same reason", hidden(facilitator, "c-4", "Names a council officer."), ErrDuplicate},
		{"hiding a hidden one for a new reason", hidden(facilitator, "c-4", "Names a person."), nil},
		{"a facilitator shows a hidden one again", unhidden(facilitator, "c-4"), nil},
		{"showing one that is not hidden", unhidden(facilitator, "c-2"), ErrDuplicate},
		{"the author unhides their own", unhidden(bob, "c-4"), ErrNotAllowed},
		{"a participant hides", hidden(alice, "c-2", "I disagree."), ErrNotAllowed},
	})
}

func TestCheckCurationCarriesOnAfterTheWorkshopCloses(t *testing.T) {
	l := roomLog(t)
	l.append(closed())
	w := l.replay()
	checkRules(t, w, []ruleCase{
		{"themes after closing", themesChanged(facilitator, "c-1", "housing"), nil},
		{"a theme after closing", themeAdded(facilitator, "digital", "Digital inclusion"), nil},
		{"a merge after closing", merged(facilitator, "c-8", "c-2"), nil},
		{"a highlight after closing", highlighted(facilitator, "c-2", true), nil},
		{"a hide after closing", hidden(facilitator, "c-2", "Off topic."), nil},
		{"an unhide after closing", unhidden(facilitator, "c-4"), nil},
		{"an edit after closing", edited(bob, ContributionDetails{ID: "c-2", Participant: bob.ID, Prompt: "design/opportunities", Kind: Opportunity}, "Later."), ErrClosed},
	})
}

func TestCheckDotVotes(t *testing.T) {
	w := roomLog(t).replay()
	checkRules(t, w, []ruleCase{
		{"a participant moves their dots", voteCast(alice, "v-1", alice.ID, map[string]int{"c-2": 1, "c-8": 2}), nil},
		{"a participant votes for their own contribution", voteCast(bob, "v-1", bob.ID, map[string]int{"c-2": 3}), nil},
		{"a participant places fewer dots than they have", voteCast(bob, "v-1", bob.ID, map[string]int{"c-8": 1}), nil},
		{"a participant takes all their dots back", voteCast(alice, "v-1", alice.ID, map[string]int{}), nil},
		{"a scribe places a table's dots", voteCast(scribe, "v-1", table3, map[string]int{"c-8": 3}), nil},
		{"a facilitator places a scribed table's dots", voteCast(facilitator, "v-1", table3, map[string]int{"c-8": 3}), nil},
		{"the same ballot again", voteCast(alice, "v-1", alice.ID, map[string]int{"c-2": 2, "c-8": 1}), ErrDuplicate},
		{"the same ballot with a zero added", voteCast(alice, "v-1", alice.ID, map[string]int{"c-2": 2, "c-8": 1, "c-4": 0}), ErrDuplicate},
		{"an empty ballot from someone who never voted", voteCast(bob, "v-1", bob.ID, nil), ErrDuplicate},
		{"more dots than each participant has", voteCast(bob, "v-1", bob.ID, map[string]int{"c-2": 2, "c-8": 2}), ErrInvalid},
		{"negative dots", voteCast(bob, "v-1", bob.ID, map[string]int{"c-2": 4, "c-8": -1}), ErrInvalid},
		{"a kind the vote is not over", voteCast(bob, "v-1", bob.ID, map[string]int{"c-1": 1}), ErrInvalid},
		{"a hidden contribution", voteCast(bob, "v-1", bob.ID, map[string]int{"c-4": 1}), ErrNotFound},
		{"a merged-away duplicate", voteCast(bob, "v-1", bob.ID, map[string]int{"c-3": 1}), ErrNotFound},
		{"a withdrawn contribution", voteCast(bob, "v-1", bob.ID, map[string]int{"c-5": 1}), ErrNotFound},
		{"a contribution that does not exist", voteCast(bob, "v-1", bob.ID, map[string]int{"c-404": 1}), ErrNotFound},
		{"a closed vote", voteCast(bob, "v-0", bob.ID, map[string]int{}), ErrDuplicate},
		{"dots in a closed vote", voteCast(bob, "v-0", bob.ID, map[string]int{"c-2": 1}), ErrClosed},
		{"a vote that does not exist", voteCast(bob, "v-9", bob.ID, map[string]int{"c-2": 1}), ErrNotFound},
		{"a ballot without a ballot", Event{Type: VoteCast, Actor: bob}, ErrInvalid},
		{"a participant votes for another", voteCast(alice, "v-1", bob.ID, map[string]int{"c-2": 1}), ErrNotAllowed},
		{"a facilitator votes for a participant with a terminal", voteCast(facilitator, "v-1", bob.ID, map[string]int{"c-2": 1}), ErrNotAllowed},
		{"a scribe votes for a participant with a terminal", voteCast(scribe, "v-1", bob.ID, map[string]int{"c-2": 1}), ErrNotAllowed},
		{"a participant who withdrew votes", voteCast(carol, "v-1", carol.ID, map[string]int{"c-2": 1}), ErrNotAllowed},
		{"a vote for a participant who does not exist", voteCast(facilitator, "v-1", "p-nobody", map[string]int{"c-2": 1}), ErrNotFound},

		{"a facilitator closes the vote", voteClosed(facilitator, "v-1"), nil},
		{"closing a closed vote", voteClosed(facilitator, "v-0"), ErrDuplicate},
		{"closing a vote that does not exist", voteClosed(facilitator, "v-9"), ErrNotFound},
		{"a participant closes the vote", voteClosed(alice, "v-1"), ErrNotAllowed},

		{"opening a vote while one is open", voteOpened(facilitator, "v-2", "Which barriers first?", 3, Barrier), ErrConflict},
		{"opening a vote again as it was", voteOpened(facilitator, "v-0", "Which dream matters most?", 2, Aspiration), ErrDuplicate},
		{"reusing a vote's ID", voteOpened(facilitator, "v-0", "Something else", 2, Aspiration), ErrConflict},
		{"a participant opens a vote", voteOpened(alice, "v-2", "Mine", 3), ErrNotAllowed},
	})
}

func TestCheckVoteOpening(t *testing.T) {
	w := baseLog(t).replay()
	checkRules(t, w, []ruleCase{
		{"a vote over opportunities", voteOpened(facilitator, "v-1", "Which opportunities first?", 3, Opportunity), nil},
		{"a vote over any kind", voteOpened(facilitator, "v-1", "What matters most?", 5), nil},
		{"a vote with the most dots", voteOpened(facilitator, "v-1", "Spend freely", MaxDots, Opportunity), nil},
		{"no dots", voteOpened(facilitator, "v-1", "Nothing to give", 0, Opportunity), ErrInvalid},
		{"too many dots", voteOpened(facilitator, "v-1", "Too generous", MaxDots+1, Opportunity), ErrInvalid},
		{"an unknown kind", voteOpened(facilitator, "v-1", "Wishes", 3, "wish"), ErrInvalid},
		{"a kind twice", voteOpened(facilitator, "v-1", "Twice", 3, Barrier, Barrier), ErrInvalid},
		{"no title", voteOpened(facilitator, "v-1", "", 3), ErrInvalid},
		{"a title over two lines", voteOpened(facilitator, "v-1", "Which\nfirst?", 3), ErrInvalid},
		{"no ID", voteOpened(facilitator, "", "Which first?", 3), ErrInvalid},
		{"an ID over two lines", voteOpened(facilitator, "v\n1", "Which first?", 3), ErrInvalid},
		{"no vote", Event{Type: VoteOpened, Actor: facilitator}, ErrInvalid},
	})
	l := baseLog(t)
	l.append(closed())
	checkRules(t, l.replay(), []ruleCase{
		{"opening a vote after the workshop closed", voteOpened(facilitator, "v-1", "Too late", 3), ErrClosed},
	})
}

func TestCheckScribing(t *testing.T) {
	w := roomLog(t).replay()
	c7 := ContributionDetails{ID: "c-7", Participant: table3, Prompt: "deliver/next-steps", Kind: Action,
		Owner: Words{Text: "Table 3"}, Due: "2026-06-30"}
	noConsent := scribedJoin(scribe, "p-table-4", "Table 4")
	noConsent.Participant.ConsentAt = time.Time{}
	withIdentity := scribedJoin(scribe, "p-table-4", "Table 4")
	withIdentity.Participant.Identity = "id-table-4"
	selfScribed := scribedJoin(Actor{Role: RoleParticipant, ID: "p-erin"}, "p-erin", "Erin")
	checkRules(t, w, []ruleCase{
		{"a scribe enters a table", scribedJoin(scribe, "p-table-4", "Table 4"), nil},
		{"a facilitator enters a person without a terminal", scribedJoin(facilitator, "p-gran", "Morag's gran"), nil},
		{"a scribe enters someone as if they had a terminal", joined(scribe, "Erin"), ErrNotAllowed},
		{"a participant joins as scribed", selfScribed, ErrNotAllowed},
		{"a participant joins in another's name", Event{Type: ParticipantJoined, Actor: Actor{Role: RoleParticipant, ID: "p-erin"},
			Participant: &ParticipantDetails{ID: "p-frank", Name: Words{Text: "Frank"}, ConsentAt: testStart}}, ErrNotAllowed},
		{"a scribed join without consent", noConsent, ErrInvalid},
		{"a scribed join with a key", withIdentity, ErrInvalid},

		{"a scribe adds for a scribed table", added(scribe, "c-20", table3, "design/barriers", Barrier, "No bus after six."), nil},
		{"a scribe adds for a participant with a terminal", added(scribe, "c-20", alice.ID, "design/barriers", Barrier, "No bus."), ErrNotAllowed},
		{"a scribe edits what they entered", edited(scribe, c7, "Write to the council and the bus company."), nil},
		{"a scribe edits a participant's contribution", edited(scribe, ContributionDetails{ID: "c-1", Participant: alice.ID, Prompt: "design/barriers", Kind: Barrier}, "Changed."), ErrNotAllowed},
		{"a scribe deletes what they entered", deleted(scribe, "c-7"), nil},
		{"a scribe deletes a participant's contribution", deleted(scribe, "c-1"), ErrNotAllowed},
		{"a scribe closes the workshop", Event{Type: WorkshopClosed, Actor: scribe}, ErrNotAllowed},
		{"a scribe opens a vote", voteOpened(scribe, "v-2", "Mine", 3), ErrNotAllowed},
		{"a scribe erases someone", erasedBy(scribe, alice.ID), ErrNotAllowed},
		{"an actor in no known role", Event{Type: ContributionDeleted, Actor: Actor{Role: "mayor"}, Target: "c-1"}, ErrInvalid},
		{"a participant who never joined", deleted(Actor{Role: RoleParticipant, ID: "p-ghost"}, "c-1"), ErrNotFound},
	})
}

func TestCheckLeaving(t *testing.T) {
	w := roomLog(t).replay()
	c5 := ContributionDetails{ID: "c-5", Participant: carol.ID, Prompt: "design/opportunities", Kind: Opportunity}
	checkRules(t, w, []ruleCase{
		{"a participant withdraws", withdrew(alice, alice.ID), nil},
		{"a participant withdraws someone else", withdrew(alice, bob.ID), ErrNotAllowed},
		{"a facilitator withdraws a participant with a terminal", withdrew(facilitator, alice.ID), ErrNotAllowed},
		{"a facilitator withdraws a scribed table at its request", withdrew(facilitator, table3), nil},
		{"a scribe withdraws a scribed table", withdrew(scribe, table3), nil},
		{"withdrawing again", withdrew(carol, carol.ID), ErrDuplicate},
		{"withdrawing after being erased", withdrew(dan, dan.ID), ErrDuplicate},
		{"withdrawing someone who never joined", withdrew(facilitator, "p-nobody"), ErrNotFound},

		{"a facilitator erases a participant", erasedBy(facilitator, alice.ID), nil},
		{"a facilitator erases one who withdrew", erasedBy(facilitator, carol.ID), nil},
		{"the server erases a participant", erasedBy(System, bob.ID), nil},
		{"erasing again", erasedBy(facilitator, dan.ID), ErrDuplicate},
		{"a participant erases themselves", erasedBy(alice, alice.ID), ErrNotAllowed},
		{"erasing someone who never joined", erasedBy(facilitator, "p-nobody"), ErrNotFound},

		{"one who withdrew adds", added(carol, "c-20", carol.ID, "design/barriers", Barrier, "Back again."), ErrNotAllowed},
		{"one who withdrew deletes", deleted(carol, "c-5"), ErrNotAllowed},
		{"one who was erased adds", added(dan, "c-20", dan.ID, "design/barriers", Barrier, "Back again."), ErrNotAllowed},
		{"a facilitator edits a withdrawn contribution", edited(facilitator, c5, "Words put back."), ErrNotAllowed},
		{"a facilitator deletes an erased participant's contribution", deleted(facilitator, "c-6"), ErrNotAllowed},
	})

	l := roomLog(t)
	l.append(closed())
	checkRules(t, l.replay(), []ruleCase{
		{"withdrawing after the workshop closed", withdrew(bob, bob.ID), nil},
		{"erasing after the workshop closed", erasedBy(facilitator, alice.ID), nil},
	})
}

func TestCheckCommitmentsAndBuildingOn(t *testing.T) {
	w := roomLog(t).replay()
	c7 := ContributionDetails{ID: "c-7", Participant: table3, Prompt: "deliver/next-steps", Kind: Action,
		Owner: Words{Text: "Table 3"}, Due: "2026-06-30"}
	withOwner := func(e Event, owner, due string) Event {
		e.Contribution.Owner, e.Contribution.Due = Words{Text: owner}, due
		return e
	}
	erasedOwner := committed(alice, "c-20", alice.ID, "Ring the council.", "", "")
	erasedOwner.Contribution.Owner = Words{Digest: strings.Repeat("ab", 32)}
	rebuilt := edited(alice, ContributionDetails{ID: "c-8", Participant: alice.ID, Prompt: "design/opportunities", Kind: Opportunity, BuildsOn: "c-2"}, "Open the library on Sundays.")
	checkRules(t, w, []ruleCase{
		{"an action with an owner and a date", committed(alice, "c-20", alice.ID, "Ring the council.", "Kilbrannan Community Council", "2026-07-01"), nil},
		{"an action with an owner and no date", committed(alice, "c-20", alice.ID, "Ring the council.", "Alice", ""), nil},
		{"an action with a date and no owner", committed(alice, "c-20", alice.ID, "Ring the council.", "", "2028-02-29"), nil},
		{"an owner of exactly the limit", committed(alice, "c-20", alice.ID, "Ring.", strings.Repeat("o", MaxOwnerRunes), ""), nil},
		{"an owner over the limit", committed(alice, "c-20", alice.ID, "Ring.", strings.Repeat("o", MaxOwnerRunes+1), ""), ErrInvalid},
		{"an owner over two lines", committed(alice, "c-20", alice.ID, "Ring.", "The council\nand us", ""), ErrInvalid},
		{"an owner with an escape sequence", committed(alice, "c-20", alice.ID, "Ring.", "Us\x1b[2J", ""), ErrInvalid},
		{"an erased owner in a new event", erasedOwner, ErrInvalid},
		{"a day that does not exist", committed(alice, "c-20", alice.ID, "Ring.", "Alice", "2026-02-30"), ErrInvalid},
		{"a date written the British way", committed(alice, "c-20", alice.ID, "Ring.", "Alice", "30/06/2026"), ErrInvalid},
		{"a date without leading zeros", committed(alice, "c-20", alice.ID, "Ring.", "Alice", "2026-6-3"), ErrInvalid},
		{"an owner on a barrier", withOwner(added(alice, "c-20", alice.ID, "design/barriers", Barrier, "No bus."), "Alice", ""), ErrInvalid},
		{"a date on an opportunity", withOwner(added(alice, "c-20", alice.ID, "design/opportunities", Opportunity, "A bus."), "", "2026-07-01"), ErrInvalid},
		{"a scribe changes an action's owner", edited(scribe, func() ContributionDetails { d := c7; d.Owner = Words{Text: "Bob"}; return d }(), "Write to the council about the bus."), nil},
		{"an edit that repeats the owner and date", edited(scribe, c7, "Write to the council about the bus."), ErrDuplicate},

		{"building on someone else's", building(added(alice, "c-20", alice.ID, "design/opportunities", Opportunity, "+1, and the library."), "c-2"), nil},
		{"building on one's own", building(added(alice, "c-20", alice.ID, "design/opportunities", Opportunity, "And Saturdays."), "c-8"), nil},
		{"building across prompts", building(added(alice, "c-20", alice.ID, "deliver/next-steps", Action, "Ask the health centre."), "c-2"), nil},
		{"building on itself", building(added(alice, "c-20", alice.ID, "design/opportunities", Opportunity, "Me."), "c-20"), ErrInvalid},
		{"building on one that does not exist", building(added(alice, "c-20", alice.ID, "design/opportunities", Opportunity, "What?"), "c-404"), ErrNotFound},
		{"building on a hidden one", building(added(alice, "c-20", alice.ID, "design/opportunities", Opportunity, "Agreed."), "c-4"), ErrNotFound},
		{"building on a merged-away one", building(added(alice, "c-20", alice.ID, "design/opportunities", Opportunity, "Agreed."), "c-3"), ErrNotFound},
		{"building on a withdrawn one", building(added(alice, "c-20", alice.ID, "design/opportunities", Opportunity, "Agreed."), "c-5"), ErrNotFound},
		{"building on a deleted one", building(added(bob, "c-20", bob.ID, "design/opportunities", Opportunity, "Agreed."), "c-9"), ErrNotFound},
		{"an edit that changes what it builds on", rebuilt, ErrInvalid},
	})

	// With visibility off, a participant sees only their own (and what a
	// vote puts on the wall), so can build only on that; a scribe entering
	// from the room is not limited.
	l := roomLog(t)
	l.append(settingsChanged(facilitator, VisibleNever, false))
	checkRules(t, l.replay(), []ruleCase{
		{"building on an opportunity the open vote shows", building(added(alice, "c-20", alice.ID, "design/opportunities", Opportunity, "Agreed."), "c-2"), nil},
		{"building on another's barrier one cannot see", building(added(bob, "c-20", bob.ID, "design/barriers", Barrier, "Agreed."), "c-1"), ErrNotFound},
		{"building on one's own unseen by others", building(added(alice, "c-20", alice.ID, "design/barriers", Barrier, "And more."), "c-1"), nil},
		{"a scribe builds on what the room said", building(added(scribe, "c-20", table3, "design/barriers", Barrier, "Agreed."), "c-1"), nil},
	})
}
