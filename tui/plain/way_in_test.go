package plain

import (
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestPlainCarriesOnWithAResumeCode(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	first := drive(t, store, ws, tui.Handoff{}, "")
	first.joinAs("Morag")
	first.answer("Words before the line dropped")
	first.answer("")
	first.answer("")
	first.answer("")
	code := first.m.room.resumeCode
	if code == "" {
		t.Fatal("no resume code was shown to someone without a key")
	}
	first.typeText("Half a thought")
	first.send(tuitest.Key("ctrl+c"))
	first.says("Goodbye. Everything you saved is kept.")

	again := drive(t, store, ws, tui.Handoff{}, "")
	again.answer("")
	again.says("Were you here before without an SSH key?")
	again.answer("NOPE-NOPE")
	again.says("This workshop does not know that resume code.")
	again.answer(code)
	again.says("Welcome back, Morag.", "Your unsent words are on the line", "> Half a thought")
	if again.m.room.me != first.m.room.me {
		t.Fatalf("the resume code made a new participant")
	}
	again.send(tuitest.Key("enter"))
	again.answer("")
	again.answer("")
	again.answer("")
	again.says("Saved: story, “Half a thought”.")
	if d, _ := store.Draft(ws.ID, again.m.room.me); d.Texts[again.m.at.ref] != "" {
		t.Errorf("the saved words are still a draft: %q", d.Texts[again.m.at.ref])
	}
}

func TestPlainRecognisesAReturningKey(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	identity := func(string) string { return "key-of-alan" }
	s := tui.Session{ID: "s-1", Context: t.Context(), Room: quiet{store}, Code: ws.Code, Width: 80, IdentityFor: identity}
	d := &driven{t: t, m: New(s, tui.Handoff{Language: "en"}), store: store, ws: ws}
	d.run(d.m.Init())
	d.collect()
	d.answer("")
	d.answer("Alan")
	d.answer("4")
	d.answer("yes")
	d.says("Welcome, Alan.")
	if strings.Contains(d.out.String(), "Your resume code is") {
		t.Error("someone with a key was given a resume code")
	}
	back := &driven{t: t, m: New(s, tui.Handoff{Language: "en"}), store: store, ws: ws}
	back.run(back.m.Init())
	back.collect()
	back.says("Workshop: Anchors and services.", "Welcome back, Alan.", "Discover 1, prompt 1 of 11.")
	if p, _ := back.workshop().Participant(back.m.room.me); p.Organisation != "Local authority" {
		t.Errorf("Alan came back as %+v", p)
	}
}

func TestPlainAsksForTheCodeAndCountsWrongOnes(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	s := tui.Session{ID: "s-1", Context: t.Context(), Room: quiet{store}, Width: 80}
	d := &driven{t: t, m: New(s, tui.Handoff{}), store: store, ws: ws}
	d.run(d.m.Init())
	d.collect()
	d.answer("")
	d.says("Type the join code the facilitator gave you")
	d.answer("")
	d.says("Type the join code first")
	for i := range maxCodeAttempts - 1 {
		d.answer("plover-000" + string(rune('1'+i)))
		d.says("No workshop has the code “plover-000")
	}
	d.answer(strings.ToUpper(ws.Code))
	d.says("Workshop: Anchors and services.")
	d.answer("")
	d.says("What you write here is saved with the name you give")
}

func TestPlainWaitsInTheLobbyUntilLetIn(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	tuitest.Record(t, store, ws.ID, inquiry.Event{Type: inquiry.LobbyOpened})
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.joinAs("Dev")
	d.says("A facilitator will let you in shortly; you will be told here. Press enter to hear whether you are in yet")
	d.answer("Can I write yet?")
	d.says("Still waiting for a facilitator to let you in.")
	d.answer("where")
	d.says("You are in the workshop")
	d.record(inquiry.Event{Type: inquiry.ParticipantAdmitted, Target: d.m.room.me})
	d.ring()
	d.says("A facilitator has let you in.", "Discover 1, prompt 1 of 11.", "Write your answer")
}

func TestPlainCommandsWorkAtEveryQuestion(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.answer("help")
	d.says("At any question you can type: help for this help, where to hear where you are, again to hear the question again, leave to leave.")
	d.answer("where")
	d.says("You have not reached a workshop yet.")
	d.answer("")
	d.answer("where")
	d.says("You are in the workshop “Anchors and services”.", "You are joining it.")
	d.answer("AGAIN")
	d.says("Were you here before without an SSH key?")
	d.answer("")
	d.answer("Morag")
	d.answer("again")
	d.says("Where you are from, if you want to say: 1 Community anchor organisation")
	d.answer("")
	d.answer("no")
	d.says("You can take part only if you agree. Type yes to agree, or leave to go.")
	d.answer("yes")
	d.answer("help")
	d.says("Press enter on its own for the menu")
	d.answer("leave")
	d.says("Goodbye. Everything you saved is kept.")
	if !d.ended {
		t.Fatal("leave did not end the screen")
	}
	if d.m.room.drafts["discover/best-time"] != "" {
		t.Error("the command word was kept as a draft")
	}
}

func TestPlainCarriesOnFromTheJoinScreen(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	s := tui.Session{ID: "s-1", Context: t.Context(), Room: quiet{store}, Width: 80}
	d := &driven{t: t, m: New(s, tui.Handoff{Code: ws.Code, Language: "en"}), store: store, ws: ws}
	d.run(d.m.Init())
	d.collect()
	got := d.printed()
	if strings.Contains(got, "Language") || strings.Contains(got, "join code") {
		t.Errorf("a screen carried on with a code and a language asked again:\n%s", readable(got))
	}
	if !strings.Contains(got, "Workshop: Anchors and services.") {
		t.Errorf("a screen carried on did not reach the workshop:\n%s", readable(got))
	}
}

func TestPlainEditorEchoesAndRubsOut(t *testing.T) {
	e := editor{width: 20}
	if got := e.insert("héllo\x1b[31m\tworld"); got != "héllo world" || e.text != "héllo world" {
		t.Errorf("insert echoed %q, holds %q: want the escape sequence dropped and the tab a space", got, e.text)
	}
	if got := e.backspace(); got != "\b \b" || e.text != "héllo worl" {
		t.Errorf("backspace: %q, holds %q", got, e.text)
	}
	e.text = "日本"
	if got := e.backspace(); got != "\b\b  \b\b" || e.text != "日" {
		t.Errorf("a wide character rubbed out with %q, holds %q", got, e.text)
	}
	// "> " and 18 characters fill a 20-column row: the cursor waits at
	// its end, where a backspace would not reach the last one: the line is
	// written again.
	e.text = strings.Repeat("a", 18)
	if got := e.backspace(); got != "\r\n> "+strings.Repeat("a", 17) {
		t.Errorf("rubbing out at the margin wrote %q", got)
	}
	e.text = "one two  "
	if got := e.wordBack(); e.text != "one " || strings.Count(got, "\b \b") != 5 {
		t.Errorf("ctrl+w left %q, wrote %q", e.text, got)
	}
	if got := e.rubOut(); got != "\r\n> " || e.text != "" {
		t.Errorf("ctrl+u wrote %q, left %q", got, e.text)
	}
}

func TestPlainSaysGoodbyeWhenTheServerStops(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.typeText("half a")
	d.send(tui.ShutdownMsg{})
	d.says("half a", "\r\nThe server is shutting down. Everything you saved is kept.\r\n")
	if !d.ended {
		t.Error("the screen did not end when the server stopped")
	}
}

func TestPlainTellsOfAContributionHiddenAndShownAgain(t *testing.T) {
	store, ws := openWorkshop(t, inquiry.SelfPaced)
	d := drive(t, store, ws, tui.Handoff{}, "")
	d.joinAs("Morag")
	d.answer("The hall")
	d.answer("")
	d.answer("")
	d.answer("")
	id := d.mineOnly()[0].ID
	d.printed()
	d.record(inquiry.Event{Type: inquiry.ContributionHidden, Target: id, Curation: &inquiry.Curation{Reason: "it names a person"}})
	d.ring()
	d.says("A facilitator hid your contribution “The hall”: it names a person")
	d.answer("")
	d.answer("5")
	d.says("Hidden by a facilitator: it names a person")
	d.answer("")
	d.record(inquiry.Event{Type: inquiry.ContributionUnhidden, Target: id})
	d.ring()
	d.says("Your contribution “The hall” is shown again.")
}
