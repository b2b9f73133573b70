package plain

import (
	tea "charm.land/bubbletea/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// mineOnly is the participant's live contributions in the store.
func (d *driven) mineOnly() []*inquiry.Contribution {
	var out []*inquiry.Contribution
	for _, c := range d.workshop().Contributions {
		if c.Participant == d.m.room.me && c.Live() {
			out = append(out, c)
		}
	}
	return out
}

// goToPrompt steps through the menu to the prompt with number n in the
// whole guide (from 1).
func (d *driven) goToPrompt(n int) {
	d.t.Helper()
	for d.m.index(d.m.at.ref)+1 < n {
		d.answer("")  // the menu
		d.answer("2") // next prompt
	}
	d.printed()
}

func TestPlainJoinsAndSavesAContributionWithItsChoices(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.says("Anchorage, in plain text.", "Type a number, or press enter for English.\r\n> ")
	d.joinAs("Morag")
	d.says("Your resume code is ", "Discover 1, prompt 1 of 11.", "Tell us about a time", "Help: It can be big or small",
		"Write your answer, then press enter. Press enter on its own for the menu.\r\n> ")
	d.answer("The food bank ran from the council's community centre")
	d.says("Kind: 1 story, 2 strength.", "press enter for story.")
	d.answer("2")
	d.says("Themes: 1 Community planning, 2 Health and social care", "Suggested from your words: 6 Welfare and anti-poverty.")
	d.answer("")
	d.says("The partner it concerns: 1 Local authority", "press enter for none.")
	d.answer("1")
	d.says("Saved: strength, “The food bank ran from the council's community centre”.", "Write another answer")

	got := d.mineOnly()
	if len(got) != 1 {
		t.Fatalf("the store holds %d contributions of Morag's, want 1", len(got))
	}
	c := got[0]
	if c.Kind != inquiry.Strength || c.Partner != "local-authority" || !slices.Equal(c.Themes, []string{"welfare-poverty"}) ||
		c.Prompt != tuitest.PromptAt(t, 0, 0) {
		t.Errorf("saved %+v", c)
	}
	p, _ := d.workshop().Participant(d.m.room.me)
	if p.Language != "en" || p.Name != "Morag" {
		t.Errorf("joined as %+v, want Morag in English", p)
	}
}

func TestPlainAsksWhoAndByWhenForAnAction(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.joinAs("Alan")
	d.goToPrompt(9)
	d.answer("Set up a quarterly meeting with the locality team")
	d.says("Who will do it? Type a person or an organisation, or press enter to leave it open.")
	d.answer("Alan, locality team")
	d.says("By when? Type a date like 2026-12-31, or press enter for no date.")
	d.answer("next June")
	d.says("The date should look like 2026-12-31")
	d.answer("2027-06-30")
	d.answer("0") // no themes
	d.answer("")  // no partner
	d.says("Saved: action,")
	c := d.mineOnly()[0]
	if c.Kind != inquiry.Action || c.Owner != "Alan, locality team" || c.Due != "2027-06-30" || len(c.Themes) != 0 {
		t.Errorf("saved %+v", c)
	}
}

func TestPlainAsksTheReframeAfterABarrier(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.joinAs("Sìne")
	d.goToPrompt(7) // Design 2: What gets in the way?
	d.answer("Funding arrives in one-year pots")
	d.answer("")
	d.answer("")
	d.says("Saved: barrier,", "A question about that barrier: What would need to be true", "Press enter on its own to go on.")
	d.answer("Three-year funding agreed with the council")
	d.says("Saved your answer to that barrier.", "Write another answer")
	got := d.mineOnly()
	if len(got) != 2 || got[1].Kind != inquiry.Reframe || got[1].Answers != got[0].ID || got[1].Prompt != got[0].Prompt {
		t.Fatalf("saved %+v and %+v, want a barrier and its reframe", got[0], got[len(got)-1])
	}
}

func TestPlainReadsOthersAgreesAndBuildsOnOne(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	ref := tuitest.PromptAt(t, 0, 0)
	dev := tuitest.Join(t, store, ws.ID, "Dev")
	tuitest.Contribute(t, store, ws.ID, dev, "c-dev", ref, inquiry.Story, "The link worker in the hall")
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.joinAs("Morag")
	d.says("1 other person has written here.")
	d.answer("")
	d.answer("4")
	d.says("What 1 other person wrote at Discover 1, prompt 1 of 11:", "1. Dev, story: “The link worker in the hall”",
		"Type 1 to build on it or agree with it")
	d.answer("1")
	d.says("Dev's story: 1 build on it, 2 agree with it, 3 back.", "press enter to go back")
	d.answer("2")
	d.says("You agree with Dev's story.")
	if !d.workshop().Agreed(d.m.room.me, "c-dev") {
		t.Fatal("the store does not have Morag agreeing with Dev's story")
	}
	d.answer("1")
	d.says("2 take back your agreement")
	d.answer("1")
	d.says("Write what you would add to Dev's story")
	d.answer("And the bus that brings people to it")
	d.answer("")
	d.answer("")
	d.answer("")
	d.says("Saved: story, “And the bus that brings people to it”.")
	if c := d.mineOnly()[0]; c.BuildsOn != "c-dev" {
		t.Errorf("the new contribution builds on %q, want c-dev", c.BuildsOn)
	}
}

func TestPlainChangesDeletesAndWithdraws(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.joinAs("Kirsty")
	for _, words := range []string{"The hall is open every day", "Young people run the café"} {
		d.answer(words)
		d.answer("")
		d.answer("")
		d.answer("")
	}
	d.answer("")
	d.answer("5")
	d.says("Your 2 contributions", "1. story at Discover 1, prompt 1 of 11: “The hall is open every day”",
		"Type a number to change or delete one, 0 to withdraw everything and leave")
	d.answer("1")
	d.says("Your story, “The hall is open every day”: 1 change it, 2 delete it, 3 back.")
	d.answer("1")
	d.says("Its words now: “The hall is open every day”", "Type new words, or press enter to keep them.")
	d.answer("The hall is open every day but Sunday")
	d.answer("2") // strength
	d.answer("")  // themes as they are
	d.answer("")  // partner as it is
	d.says("Changes saved: strength, “The hall is open every day but Sunday”.")
	if c := d.mineOnly()[0]; c.Text != "The hall is open every day but Sunday" || c.Kind != inquiry.Strength || c.EditedAt.IsZero() {
		t.Errorf("after the change: %+v", c)
	}
	d.answer("")
	d.answer("5")
	d.answer("2")
	d.answer("2")
	d.says("Delete “Young people run the café”? Type yes to delete it, or press enter to keep it.")
	d.answer("yes")
	d.says("Deleted.")
	if n := len(d.mineOnly()); n != 1 {
		t.Fatalf("%d contributions left after deleting one of two", n)
	}
	d.answer("")
	d.answer("5")
	d.answer("0")
	d.says("Leave and withdraw everything you contributed?")
	d.answer("")
	d.says("You are still in the workshop; nothing was withdrawn.")
	d.answer("0")
	d.answer("yes")
	d.says("You have left the workshop. What you contributed is withdrawn")
	if !d.ended {
		t.Error("the screen did not end after withdrawing")
	}
	if p, _ := d.workshop().Participant(d.m.room.me); !p.Withdrawn {
		t.Error("the store does not have Kirsty withdrawn")
	}
}

func TestPlainVotesAndReadsTheResults(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	ref := tuitest.PromptAt(t, 0, 0)
	dev := tuitest.Join(t, store, ws.ID, "Dev")
	tuitest.Contribute(t, store, ws.ID, dev, "c-1", ref, inquiry.Story, "The link worker")
	tuitest.Contribute(t, store, ws.ID, dev, "c-2", ref, inquiry.Story, "The minibus")
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.joinAs("Morag")
	d.answer("")
	d.answer("6")
	d.says("There is no vote yet")
	d.record(inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: "What matters most", Dots: 3}})
	d.ring()
	d.says("The facilitator opened a vote: “What matters most”. You have 3 dots: the vote is in the menu.")
	d.answer("6")
	d.says("Vote: “What matters most”. You have 3 dots to give.", "1. Dev, story: “The link worker”", "2. Dev, story: “The minibus”")
	d.answer("1 2 2 1")
	d.says("That is 4 dots, and you have 3.")
	d.answer("2 1 2")
	d.says("Your 3 dots are saved.")
	v, _ := d.workshop().Vote("v1")
	if got := v.Ballots[d.m.room.me]; got["c-1"] != 1 || got["c-2"] != 2 {
		t.Fatalf("ballot %v, want one dot on c-1 and two on c-2", got)
	}
	d.record(inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
	d.ring()
	d.says("The vote has closed: its results are in the menu.")
	d.answer("")
	d.answer("6")
	d.says("Results of the vote “What matters most”:", "Rank 1, 2 dots: Dev, story: “The minibus”", "Rank 2, 1 dot: Dev, story: “The link worker”")
}

func TestPlainNewsWaitsUntilTheLineIsSent(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.joinAs("Morag")
	d.printed()
	d.typeText("We ran the")
	d.record(inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: "Priorities", Dots: 2}})
	d.ring()
	if got := d.printed(); got != "We ran the" {
		t.Fatalf("while the person typed, the screen printed %q, want only their words echoed", readable(got))
	}
	d.typeText(" food bank")
	d.send(tuitest.Key("enter"))
	got := d.printed()
	news := "The facilitator opened a vote: “Priorities”."
	if !strings.HasPrefix(got, " food bank\r\n"+news) {
		t.Fatalf("after enter the screen printed %q, want the line ended, then the news", readable(got))
	}

	// With nothing typed, news comes at once, over the bare marker.
	d.answer("")
	d.answer("")
	d.answer("")
	d.printed()
	d.record(inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
	d.ring()
	if got := d.printed(); got != "\rThe vote has closed: its results are in the menu.\r\n> " {
		t.Fatalf("with an empty line the news came as %q", readable(got))
	}
}

func TestPlainFollowsTheFacilitatorAndTheClock(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.FacilitatorPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.joinAs("Morag")
	d.says("The facilitator will open the first prompt for everyone.", "Discover 1, prompt 1 of 11.")
	d.answer("Too soon")
	d.says("The facilitator has not opened this prompt yet. Your words are kept on the line")
	d.send(tuitest.Key("ctrl+u"))
	second := tuitest.PromptAt(t, 0, 1)
	d.record(inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: second, EndsAt: time.Now().Add(90 * time.Second)}})
	d.ring()
	d.says("The facilitator opened Discover 2, prompt 2 of 11.", "Discover 2, prompt 2 of 11.\r\nWhat made it work?",
		"2 minutes left at Discover 2, prompt 2 of 11.")
	if d.m.at.ref != second {
		t.Fatalf("the screen is at %s, want %s", d.m.at.ref, second)
	}
	d.record(inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: second}})
	d.ring()
	d.says("Time is up at Discover 2, prompt 2 of 11.")
	d.answer("where")
	d.says("You are in the workshop “Led together”.", "You are at Discover 2, prompt 2 of 11:", "Time is up here.")
}

// TestPlainTellsTwoMinutesLeftAndTimeUpOnTheClock moves the screen's clock
// through a timebox: nothing while more than two minutes are left, then
// one line at two minutes, one when the time is up, and nothing again.
func TestPlainTellsTwoMinutesLeftAndTimeUpOnTheClock(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.FacilitatorPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	now := time.Now()
	d.m.clock.now = func() time.Time { return now }
	var armed []time.Duration
	d.m.clock.timer = func(after time.Duration, _ func(time.Time) tea.Msg) tea.Cmd {
		armed = append(armed, after)
		return nil
	}
	d.joinAs("Morag")
	first := tuitest.PromptAt(t, 0, 0)
	d.record(inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: first, EndsAt: now.Add(5 * time.Minute)}})
	d.ring()
	if got := d.printed(); strings.Contains(got, "left") {
		t.Fatalf("with five minutes left the screen said %q", readable(got))
	}
	if len(armed) == 0 || armed[len(armed)-1] != 3*time.Minute {
		t.Fatalf("the clock was armed for %v, want a tick in three minutes", armed)
	}
	tick := tickMsg{gen: d.m.clock.gen}
	now = now.Add(3 * time.Minute)
	d.send(tick)
	d.says("2 minutes left at Discover 1, prompt 1 of 11.")
	if armed[len(armed)-1] != 2*time.Minute {
		t.Fatalf("after the warning the clock was armed for %v, want the end", armed[len(armed)-1])
	}
	now = now.Add(2 * time.Minute)
	d.send(tick)
	d.says("Time is up at Discover 1, prompt 1 of 11.")
	d.send(tick)
	if got := d.printed(); got != "" {
		t.Errorf("a tick after the end said %q", readable(got))
	}
	d.send(tickMsg{gen: tick.gen - 1})
	if got := d.printed(); got != "" {
		t.Errorf("a tick for an earlier timebox said %q", readable(got))
	}
}
