package sshserver

import (
	"context"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/inquiry"
)

// These tests run a participant's real screen over real SSH for the ways a
// person arrives, waits, is moved, is removed, and reframes a barrier.

const keyCtrlC = "\x03"

// asFacilitator records an event in a workshop as the facilitator whose
// key it is, as their screen would.
func (ts *testServer) asFacilitator(t *testing.T, key gossh.Signer, workshopID string, e inquiry.Event) {
	t.Helper()
	e.Actor = inquiry.Actor{Role: inquiry.RoleFacilitator, ID: fingerprint(key.PublicKey())}
	if _, err := ts.store.Append(context.Background(), workshopID, e); err != nil {
		t.Fatalf("%s: %v", e.Type, err)
	}
}

// participantNamed is the ID of the participant who joined with the name.
func (ts *testServer) participantNamed(t *testing.T, workshopID, name string) string {
	t.Helper()
	ws, err := ts.store.Workshop(workshopID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ws.Participants {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("nobody named %q has joined", name)
	return ""
}

// join fills in the join form on a participant's terminal.
func (term *terminal) join(name string) {
	term.t.Helper()
	term.waitFor("Your name or pseudonym")
	term.typeText(name + keyEnter + keyTab + " " + keyEnter)
}

// TestCodeLookupWaitsWithoutFreezingTheScreenOverSSH: after a wrong code
// the next lookup waits (the limits on guessing); meanwhile the screen says
// how long, keeps drawing what is typed, and ctrl+c leaves at once.
func TestCodeLookupWaitsWithoutFreezingTheScreenOverSSH(t *testing.T) {
	srv := startServer(t, "", withConfig(func(c *Config) { c.JoinDelay, c.JoinMaxDelay = 10*time.Minute, 10*time.Minute }))
	term := openTerminal(t, srv.addr, "nowhere-0000", 80, 24, keyless())
	term.waitFor(`There is no workshop with the code "nowhere0000"`)
	term.typeText("still-wrong" + keyEnter)
	term.waitFor("Too many wrong codes from here; wait 600 s")
	term.typeText("abc")
	term.waitFor("› abc") // the screen draws while the lookup waits
	term.typeText(keyCtrlC)
	term.waitFor("Goodbye. Everything you saved is kept.")
	term.exit()
}

// TestRemovedParticipantIsToldAndCannotComeBackOverSSH: a facilitator
// removes a participant: their session ends with the sentence and exit
// status 1, and their resume code brings them back only to be told so.
func TestRemovedParticipantIsToldAndCannotComeBackOverSSH(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	w := srv.mustWorkshop(t, "harbour-talk")
	vic := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	vic.join("Vic")
	vic.waitFor("Welcome, Vic")
	id := srv.participantNamed(t, w.ID, "Vic")
	code, err := srv.store.ResumeCode(w.ID, id)
	if err != nil {
		t.Fatal(err)
	}

	srv.asFacilitator(t, alice, w.ID, inquiry.Event{Type: inquiry.ParticipantBlocked, Target: id})
	vic.waitFor(inquiry.RemovedSentence)
	if status := vic.exit(); status != 1 {
		t.Errorf("the removed participant's session exited with %d, want 1", status)
	}

	back := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	back.waitFor("ctrl+r to give your resume code")
	back.typeText(keyCtrlR + code + keyEnter)
	back.waitFor(inquiry.RemovedSentence)
	if status := back.exit(); status != 1 {
		t.Errorf("coming back by resume code exited with %d, want 1", status)
	}
}

// TestLobbyHoldsANewcomerUntilLetInOverSSH: with a lobby held, someone
// who joins waits on a screen with nothing to do but leave, and moves on
// to the guide by themselves when a facilitator lets them in.
func TestLobbyHoldsANewcomerUntilLetInOverSSH(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	w := srv.mustWorkshop(t, "harbour-talk")
	srv.asFacilitator(t, alice, w.ID, inquiry.Event{Type: inquiry.LobbyOpened})

	wyn := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	wyn.join("Wyn")
	// (That typing there does nothing is TestParticipantWaitsInTheLobbyUntilLetIn's:
	// over SSH, keys still in flight when the facilitator lets them in go to
	// the guide, as they should.)
	wyn.waitFor("Welcome, Wyn", "please wait here", "ctrl+c leave")

	srv.asFacilitator(t, alice, w.ID, inquiry.Event{Type: inquiry.ParticipantAdmitted, Target: srv.participantNamed(t, w.ID, "Wyn")})
	wyn.waitFor("A facilitator let you in", "DISCOVER")
	wyn.typeText("Now I can write" + keyEnter)
	wyn.waitFor("Saved ✓")
	ws, err := srv.store.Workshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ws.Contributions); n != 1 || ws.Contributions[0].Text != "Now I can write" {
		t.Fatalf("contributions = %d, want only the one written after being let in", n)
	}
}

// TestMovedByTheFacilitatorIsToldWhereTheWordsAreOverSSH: a participant
// typing when the facilitator opens the next prompt is told where they
// are and where their unsent words are kept; pgup brings them back.
func TestMovedByTheFacilitatorIsToldWhereTheWordsAreOverSSH(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Led talk" --code led-talk --pacing facilitator`)
	fac := openTerminal(t, srv.addr, "led-talk", 100, 30, withKeys(alice))
	fac.waitFor("Led talk")
	ida := openTerminal(t, srv.addr, "led-talk", 80, 24, keyless())
	ida.join("Ida")
	ida.waitFor("Welcome, Ida", "waiting for the facilitator")
	fac.typeText("n")
	ida.waitFor("The facilitator opened", "Discover 1 · 1 of 11")
	ida.typeText("Half a thought about the bus")
	ida.waitFor("┃ Half a thought about the bus")
	fac.typeText("n")
	ida.waitFor("Your words are kept at Discover 1 · 1 of 11: pgup takes you back.",
		"opened Discover 2 · 2 of 11.")
	ida.typeText("\x1b[5~") // pgup
	ida.waitFor("┃ Half a thought about the bus")
}

// TestReframeIsSavedAsAReframeAndShownUnderItsBarrierOverSSH: the answer
// to "what would need to be true?" is a reframe of the barrier, and
// another participant reads it under that barrier.
func TestReframeIsSavedAsAReframeAndShownUnderItsBarrierOverSSH(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	if r := runWithInput(t, srv.addr, "guide add", villageGuide, withKeys(alice)); r.status != 0 {
		t.Fatalf("guide add: %+v", r)
	}
	newWorkshop(t, srv.addr, alice, `--title "Village night" --code village-night --guide village-health`)
	gil := openTerminal(t, srv.addr, "village-night", 80, 24, keyless())
	gil.join("Gil")
	gil.waitFor("Welcome, Gil")
	gil.typeText(keyPageDown + keyPageDown)
	gil.waitFor("Design 2 · 3 of 4", "[Barrier]")
	gil.typeText("The surgery closes at five" + keyEnter)
	gil.waitFor("Saved ✓ Barrier", "Reframe of your barrier “The surgery closes at five”")
	gil.typeText("An evening clinic twice a week" + keyEnter)
	gil.waitFor("Saved ✓ Reframe")

	w := srv.mustWorkshop(t, "village-night")
	ws, err := srv.store.Workshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Contributions) != 2 {
		t.Fatalf("contributions = %d, want a barrier and its reframe", len(ws.Contributions))
	}
	barrier, reframe := ws.Contributions[0], ws.Contributions[1]
	if barrier.Kind != inquiry.Barrier || reframe.Kind != inquiry.Reframe || reframe.Answers != barrier.ID {
		t.Fatalf("saved %s and %s answering %q; want a barrier and a reframe of it", barrier.Kind, reframe.Kind, reframe.Answers)
	}
	if tally := ws.Tally(); tally.Totals[inquiry.Barrier] != 1 {
		t.Errorf("barriers counted: %d, want 1: the reframe is not a barrier", tally.Totals[inquiry.Barrier])
	}

	hew := openTerminal(t, srv.addr, "village-night", 80, 24, keyless())
	hew.join("Hew")
	hew.waitFor("Welcome, Hew")
	hew.typeText(keyPageDown + keyPageDown)
	hew.waitFor("Design 2 · 3 of 4", "Others here: 2")
	hew.typeText(keyCtrlR)
	hew.waitFor("Gil · Barrier", "↳ Gil · Reframe", "An evening clinic twice a week")
	text := hew.screen.Text()
	if b, r := strings.Index(text, "Gil · Barrier"), strings.Index(text, "↳ Gil · Reframe"); r < b {
		t.Fatalf("the reframe is not under its barrier:\n%s", text)
	}
}
