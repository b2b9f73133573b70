package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

func TestParticipantJoinsAndSavesAContribution(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.see("Anchors and services", "The facilitators and the other participants will see it")
	tt.join("Ann")
	tt.see("Discover", "prompt 1 of")

	tt.typeText("The lunch club and the GP practice shared referrals")
	tt.key("enter")
	tt.see("Saved ✓")

	ws := workshop(t, store, sum.ID)
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
	tt.see("Yours: 1 here, 1 in all")
}

func TestParticipantWithAWrongCodeIsAskedAgain(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, "nowhere-0000")), 80, 24)
	tt.see(`There is no workshop with the code "nowhere-0000"`)
	tt.typeText("also-wrong")
	tt.key("enter")
	tt.see(`No workshop has the code "also-wrong"`)
	tt.typeText(strings.ToUpper(sum.Code)) // codes are read aloud: case does not matter
	tt.key("enter")
	tt.see("Your name or pseudonym")
}

func TestParticipantTooManyWrongCodesEndsTheSession(t *testing.T) {
	store, _ := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, "")), 80, 24)
	for range maxCodeAttempts {
		tt.typeText("wrong-code")
		tt.key("enter")
	}
	tt.wait()
	if !tt.model.(*Participant).frame.Ended() {
		t.Fatalf("after %d wrong codes the session has not ended", maxCodeAttempts)
	}
}

func TestParticipantCannotJoinWithoutConsentOrName(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.see("Your name or pseudonym")
	tt.key("tab")
	tt.key("tab")
	tt.key("enter")
	tt.see("Please give a name or pseudonym")
	tt.typeText("Bea")
	tt.key("tab")
	tt.key("tab")
	tt.key("enter")
	tt.see("Please tick the consent box")
	if n := len(workshop(t, store, sum.ID).Participants); n != 0 {
		t.Fatalf("participants = %d after refused joins, want 0", n)
	}
}

func TestParticipantEditsAndDeletesTheirContribution(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Cal")
	tt.typeText("Shared premises")
	tt.key("enter")
	tt.see("Saved ✓")

	tt.key("ctrl+o")
	tt.see("Your contributions", "Shared premises")
	tt.key("enter")
	tt.see("Editing")
	tt.key("end")
	tt.typeText(" with the health centre")
	tt.key("enter")
	tt.see("Changes saved ✓")
	ws := workshop(t, store, sum.ID)
	if got := ws.Contributions[0].Text; got != "Shared premises with the health centre" {
		t.Fatalf("edited text = %q", got)
	}

	tt.key("ctrl+o")
	tt.see("Shared premises with the health centre")
	tt.key("d")
	tt.see("Delete this contribution?")
	tt.key("y")
	tt.see("Deleted")
	eventually(t, "the contribution to be deleted in the store", func() bool {
		return workshop(t, store, sum.ID).Contributions[0].Deleted
	})
}

func TestParticipantOversizedPasteIsRefusedWithAMessage(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Dee")
	tt.send(tea.PasteMsg{Content: strings.Repeat("long words ", 300)})
	tt.see("Nothing was pasted")
	tt.send(tea.PasteMsg{Content: "a short paste"})
	tt.see("a short paste")
}

func TestParticipantPastedEscapeSequencesAreSavedInert(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Eve")
	tt.send(tea.PasteMsg{Content: "before\x1b]52;c;ZXZpbA==\x07after\x1b]0;pwned\x07 \u202eend"})
	tt.key("enter")
	tt.see("Saved ✓")
	got := workshop(t, store, sum.ID).Contributions[0].Text
	if got != "beforeafter end" {
		t.Fatalf("saved text = %q, want the escape sequences and override removed", got)
	}
}

func TestParticipantWithTheSameKeyIsRecognisedOnReturn(t *testing.T) {
	store, sum := newRoom(t)
	s := participantSession(t, store, sum.Code)
	s.IdentityFor = func(ws string) string { return "keyed-hash-for-" + ws }
	first := run(t, NewParticipant(s), 80, 24)
	first.join("Fay")
	first.typeText("Community transport")
	first.key("enter")
	first.see("Saved ✓")

	s.ID = "second-connection"
	again := run(t, NewParticipant(s), 80, 24)
	again.see("Welcome back, Fay", "Yours: 1 here, 1 in all")
	if n := len(workshop(t, store, sum.ID).Participants); n != 1 {
		t.Fatalf("participants = %d, want the returning person recognised, not joined twice", n)
	}
}

func TestParticipantRecordsABarrierAndIsOfferedTheReframe(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Gil")
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
		tt.key("pgdown")
	}
	tt.see(fmt.Sprintf("prompt %d of", steps+1))
	tt.key("tab") // to the kind
	for range slices.Index(prompt.KindChoices(), inquiry.Barrier) {
		tt.key("right")
	}
	tt.see("[Barrier]", prompt.Reframe[:20])
	tt.typeText("Funding comes in one-year cycles")
	tt.key("enter")
	tt.see("Saved ✓ Barrier")

	c := workshop(t, store, sum.ID).Contributions[0]
	if c.Kind != inquiry.Barrier || c.Prompt != ref {
		t.Fatalf("saved %s at %s, want a barrier at %s", c.Kind, c.Prompt, ref)
	}
}

func TestParticipantScreenSurvivesATinyWindow(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Hal")
	tt.typeText("draft words")
	tt.send(tea.WindowSizeMsg{Width: 20, Height: 5})
	tt.scr.Resize(20, 5)
	tt.see("Window too small")
	tt.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	tt.scr.Resize(80, 24)
	tt.see("draft words")
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
	store, sum := newRoom(t)
	room := &flakyRoom{Store: store, fail: make(chan error, 1), sent: make(chan inquiry.Event, 4)}
	tt := run(t, NewParticipant(participantSession(t, room, sum.Code)), 80, 24)
	tt.join("Ivy")
	room.fail <- fmt.Errorf("data: commit: %w", data.ErrDiskFull)
	tt.typeText("Community councils want a seat at the table")
	tt.key("enter")
	tt.see("Not saved: the server's disk is full", "┃ Community councils want a seat at the table")
	first := <-room.sent

	tt.key("enter")
	tt.see("Saved ✓")
	retry := <-room.sent
	if retry.Contribution.ID != first.Contribution.ID {
		t.Fatalf("the retry has ID %s, the first try %s: a retry must reuse the ID", retry.Contribution.ID, first.Contribution.ID)
	}
	if n := len(workshop(t, store, sum.ID).Contributions); n != 1 {
		t.Fatalf("contributions = %d, want 1", n)
	}
}

func TestParticipantCanKeepTypingWhileASaveIsOnItsWay(t *testing.T) {
	store, sum := newRoom(t)
	room := &flakyRoom{Store: store, fail: make(chan error, 1), release: make(chan struct{}), sent: make(chan inquiry.Event, 4)}
	tt := run(t, NewParticipant(participantSession(t, room, sum.Code)), 80, 24)
	tt.join("Jon")
	tt.typeText("First thought")
	tt.key("enter")
	<-room.sent // the save is on its way and held
	tt.see("Saving…")
	tt.typeText("Second thought")
	tt.see("┃ Second thought")
	close(room.release)
	tt.see("Saved ✓ Story: “First thought”", "┃ Second thought")
}

func TestParticipantTicksAThemeWithX(t *testing.T) {
	store, sum := newRoom(t)
	tt := run(t, NewParticipant(participantSession(t, store, sum.Code)), 80, 24)
	tt.join("Kit")
	tt.key("tab") // the kind
	tt.key("tab") // the themes
	tt.see("▸Themes")
	tt.key("x")
	tt.see("✓" + inquiry.DefaultThemes[0].Label)
	tt.key("tab")
	tt.key("tab") // the partner, then round to the words
	tt.typeText("The hall is free on Tuesdays")
	tt.key("enter")
	tt.see("Saved ✓")
	if got := workshop(t, store, sum.ID).Contributions[0].Themes; !slices.Equal(got, []string{inquiry.DefaultThemes[0].ID}) {
		t.Fatalf("saved with themes %v, want the one ticked with x", got)
	}
}
