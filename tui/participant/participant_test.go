package participant

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestParticipantJoinsAndSavesAContribution(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.See("Anchors and services", "The facilitators and the other participants will see it")
	tt.FillJoinForm("Ann")
	tt.See("Discover 1 · 1 of 11")

	tt.Type("The lunch club and the GP practice shared referrals")
	tt.Key("enter")
	tt.See("Saved ✓")

	ws := tuitest.Folded(t, store, sum.ID)
	if len(ws.Participants) != 1 || ws.Participants[0].Name != "Ann" {
		t.Fatalf("participants = %+v, want one named Ann", ws.Participants)
	}
	if len(ws.Contributions) != 1 {
		t.Fatalf("contributions = %d, want 1", len(ws.Contributions))
	}
	c := ws.Contributions[0]
	if c.Text != "The lunch club and the GP practice shared referrals" || c.Participant != ws.Participants[0].ID {
		t.Fatalf("contribution = %+v", c)
	}
	if first := ws.Guide.Ref(0, 0); c.Prompt != first {
		t.Fatalf("contribution answers %q, want the first prompt %q", c.Prompt, first)
	}
	tt.See("Yours: 1 here, 1 in all")
}

func TestParticipantWithAWrongCodeIsAskedAgain(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, "nowhere-0000")), 80, 24)
	tt.See(`There is no workshop with the code "nowhere-0000"`)
	tt.Type("also-wrong")
	tt.Key("enter")
	tt.See(`No workshop has the code "also-wrong"`)
	tt.Type(strings.ToUpper(sum.Code)) // codes are read aloud: case does not matter
	tt.Key("enter")
	tt.See("Your name or pseudonym")
}

func TestParticipantTooManyWrongCodesEndsTheSession(t *testing.T) {
	store, _ := datatest.Workshop(t)
	m := New(tuitest.ParticipantSession(t, store, "")).(*Screen)
	tt := tuitest.Run(t, m, 80, 24)
	for range maxCodeAttempts {
		tt.Type("wrong-code")
		tt.Key("enter")
	}
	tt.Wait()
	if !m.frame.Ended() {
		t.Fatalf("after %d wrong codes the session has not ended", maxCodeAttempts)
	}
}

func TestParticipantCannotJoinWithoutConsentOrName(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.See("Your name or pseudonym")
	tt.Key("tab")
	tt.Key("tab")
	tt.Key("enter")
	tt.See("Please give a name or pseudonym")
	tt.Type("Bea")
	tt.Key("tab")
	tt.Key("tab")
	tt.Key("enter")
	tt.See("Please tick the consent box")
	if n := len(tuitest.Folded(t, store, sum.ID).Participants); n != 0 {
		t.Fatalf("participants = %d after refused joins, want 0", n)
	}
}

func TestParticipantEditsAndDeletesTheirContribution(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Cal")
	tt.Type("Shared premises")
	tt.Key("enter")
	tt.See("Saved ✓")

	tt.Key("ctrl+o")
	tt.See("Your contributions", "Shared premises")
	tt.Key("enter")
	tt.See("Editing")
	tt.Key("end")
	tt.Type(" with the health centre")
	tt.Key("enter")
	tt.See("Changes saved ✓")
	ws := tuitest.Folded(t, store, sum.ID)
	if got := ws.Contributions[0].Text; got != "Shared premises with the health centre" {
		t.Fatalf("edited text = %q", got)
	}

	tt.Key("ctrl+o")
	tt.See("Shared premises with the health centre")
	tt.Key("d")
	tt.See("Delete this contribution?")
	tt.Key("y")
	tt.See("Deleted")
	tuitest.Eventually(t, "the contribution to be deleted in the store", func() bool {
		return tuitest.Folded(t, store, sum.ID).Contributions[0].Deleted
	})
}

func TestParticipantOversizedPasteIsRefusedWithAMessage(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Dee")
	tt.Send(tea.PasteMsg{Content: strings.Repeat("long words ", 300)})
	tt.See("Nothing was pasted")
	tt.Send(tea.PasteMsg{Content: "a short paste"})
	tt.See("a short paste")
}

func TestParticipantPastedEscapeSequencesAreSavedInert(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Eve")
	tt.Send(tea.PasteMsg{Content: "before\x1b]52;c;ZXZpbA==\x07after\x1b]0;pwned\x07 \u202eend"})
	tt.Key("enter")
	tt.See("Saved ✓")
	got := tuitest.Folded(t, store, sum.ID).Contributions[0].Text
	if got != "beforeafter end" {
		t.Fatalf("saved text = %q, want the escape sequences and override removed", got)
	}
}

func TestParticipantWithTheSameKeyIsRecognisedOnReturn(t *testing.T) {
	store, sum := datatest.Workshop(t)
	s := tuitest.ParticipantSession(t, store, sum.Code)
	s.IdentityFor = func(ws string) string { return "keyed-hash-for-" + ws }
	first := tuitest.Run(t, New(s), 80, 24)
	first.FillJoinForm("Fay")
	first.Type("Community transport")
	first.Key("enter")
	first.See("Saved ✓")

	s.ID = "second-connection"
	again := tuitest.Run(t, New(s), 80, 24)
	again.See("Welcome back, Fay", "Yours: 1 here, 1 in all")
	if n := len(tuitest.Folded(t, store, sum.ID).Participants); n != 1 {
		t.Fatalf("participants = %d, want the returning person recognised, not joined twice", n)
	}
}

func TestParticipantRecordsABarrierAndIsOfferedTheReframe(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Gil")
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)

	// Find the first prompt that asks for barriers and offers a reframe.
	steps, ref, prompt := 0, inquiry.PromptRef(""), inquiry.Prompt{}
	for p, ph := range guide.Phases {
		for q, pr := range ph.Prompts {
			if ref == "" && pr.Reframe != "" && slices.Contains(pr.KindChoices(), inquiry.Barrier) {
				ref, prompt = guide.Ref(p, q), pr
			}
			if ref == "" {
				steps++
			}
		}
	}
	if ref == "" {
		t.Fatal("the default guide has no prompt asking for barriers with a reframe")
	}
	for range steps {
		tt.Key("pgdown")
	}
	tt.See(fmt.Sprintf("· %d of 11", steps+1))
	tt.Key("tab") // to the kind
	tt.See("▸Kind")
	for range slices.Index(prompt.KindChoices(), inquiry.Barrier) {
		tt.Key("right")
	}
	// Back to the words: the kind chosen is then shown in brackets (with
	// the focus on it, it is shown in reverse video instead).
	tt.Key("shift+tab")
	tt.See(" Kind [Barrier]", prompt.Reframe[:20])
	tt.Type("Funding comes in one-year cycles")
	tt.Key("enter")
	tt.See("Saved ✓ Barrier")

	c := tuitest.Folded(t, store, sum.ID).Contributions[0]
	if c.Kind != inquiry.Barrier || c.Prompt != ref {
		t.Fatalf("saved %s at %s, want a barrier at %s", c.Kind, c.Prompt, ref)
	}
}

func TestParticipantScreenSurvivesATinyWindow(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Hal")
	tt.Type("draft words")
	tt.Send(tea.WindowSizeMsg{Width: 20, Height: 5})
	tt.See("Too small", "ctrl+c leaves")
	tt.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	tt.See("draft words")
}

// flakyRoom is a store whose next contribution write fails, or waits, as
// a test says: the failures a person on a real server can meet.
type flakyRoom struct {
	*data.Store
	fail    chan error    // an error here fails the next contribution write
	release chan struct{} // when set, contribution writes wait for it
	sent    chan inquiry.Event
}

func (r *flakyRoom) Append(ctx context.Context, ws string, e inquiry.Event) (inquiry.Event, error) {
	if e.Type == inquiry.ContributionAdded {
		if r.sent != nil {
			r.sent <- e
		}
		if r.release != nil {
			<-r.release
		}
		select {
		case err := <-r.fail:
			return inquiry.Event{}, err
		default:
		}
	}
	return r.Store.Append(ctx, ws, e)
}

func TestParticipantFailedSaveKeepsTheWordsAndRetriesWithTheSameID(t *testing.T) {
	store, sum := datatest.Workshop(t)
	room := &flakyRoom{Store: store, fail: make(chan error, 1), sent: make(chan inquiry.Event, 4)}
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, room, sum.Code)), 80, 24)
	tt.FillJoinForm("Ivy")
	room.fail <- fmt.Errorf("data: commit: %w", data.ErrDiskFull)
	tt.Type("Community councils want a seat at the table")
	tt.Key("enter")
	tt.See("Not saved: the server's disk is full", "┃ Community councils want a seat at the table")
	first := <-room.sent

	tt.Key("enter")
	tt.See("Saved ✓")
	retry := <-room.sent
	if retry.Contribution.ID != first.Contribution.ID {
		t.Fatalf("the retry has ID %s, the first try %s: a retry must reuse the ID", retry.Contribution.ID, first.Contribution.ID)
	}
	if n := len(tuitest.Folded(t, store, sum.ID).Contributions); n != 1 {
		t.Fatalf("contributions = %d, want 1", n)
	}
}

func TestParticipantCanKeepTypingWhileASaveIsOnItsWay(t *testing.T) {
	store, sum := datatest.Workshop(t)
	room := &flakyRoom{Store: store, fail: make(chan error, 1), release: make(chan struct{}), sent: make(chan inquiry.Event, 4)}
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, room, sum.Code)), 80, 24)
	tt.FillJoinForm("Jon")
	tt.Type("First thought")
	tt.Key("enter")
	<-room.sent // the save is on its way and held
	tt.See("Saving…")
	tt.Type("Second thought")
	tt.See("┃ Second thought")
	close(room.release)
	tt.See("Saved ✓ Story: “First thought”", "┃ Second thought")
}

func TestParticipantTicksAThemeWithX(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Kit")
	tt.Key("tab") // the kind
	tt.Key("tab") // the themes
	tt.See("▸Themes")
	tt.Key("x")
	tt.See("✓" + inquiry.DefaultThemes[0].Label)
	tt.Key("tab")
	tt.Key("tab") // the partner, then round to the words
	tt.Type("The hall is free on Tuesdays")
	tt.Key("enter")
	tt.See("Saved ✓")
	if got := tuitest.Folded(t, store, sum.ID).Contributions[0].Themes; !slices.Equal(got, []string{inquiry.DefaultThemes[0].ID}) {
		t.Fatalf("saved with themes %v, want the one ticked with x", got)
	}
}

// TestAJoinedScreenKeepsNoInputItIsDoneWith: the join code and join form
// inputs go once the person is in, and a screen is a few kilobytes, not
// the 42 KB it was with five line inputs held whole (PERFORMANCE.md).
func TestAJoinedScreenKeepsNoInputItIsDoneWith(t *testing.T) {
	if size := unsafe.Sizeof(Screen{}); size > 8<<10 {
		t.Errorf("a participant's screen is %d bytes before anything is made for it; want line inputs made only while needed", size)
	}
	room := tuitest.NewMemRoom(t, 3, 10, inquiry.SelfPaced)
	m := joined(t, room)
	if m.code != nil || m.join != nil {
		t.Errorf("a joined screen still holds the join code input (%v) or the join form (%v)", m.code != nil, m.join != nil)
	}
}
