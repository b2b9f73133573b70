package sshserver

import (
	"context"
	"strings"
	"testing"
	"time"
)

// These tests run the real screens from tui, to check that the server and
// the screens agree: on shutdown, and on wrong join codes.

func TestRealScreensSayGoodbyeOnShutdown(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	if r := run(t, srv.addr, "alice", `workshop new --title "Harbour talk" --code harbour-talk`, withKeys(alice)); r.status != 0 {
		t.Fatalf("setting up: %+v", r)
	}

	participant := openTerminal(t, srv.addr, "harbour-talk", 100, 30, keyless())
	participant.waitFor("Your name or pseudonym")
	facilitator := openTerminal(t, srv.addr, "harbour-talk", 100, 30, withKeys(alice))
	facilitator.waitFor("Harbour talk")
	enrol := openTerminal(t, srv.addr, "enrol", 100, 30, withKeys(newKey(t)))
	enrol.waitFor("Type the enrolment code")

	ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	participant.waitFor("The server is shutting down. Everything you saved is kept.")
	facilitator.waitFor("The server is shutting down. Everything saved is kept.")
	enrol.waitFor("The server is shutting down.")
	for name, term := range map[string]*terminal{"participant": participant, "facilitator": facilitator, "enrol": enrol} {
		if status := term.exit(); status != 0 {
			t.Errorf("%s: exit %d after shutdown", name, status)
		}
	}
}

// quickGuesses keeps the wait a wrong code adds to a connection's next
// lookup short, for tests that type several with the real clock.
func quickGuesses(c *Config) { c.JoinDelay, c.JoinMaxDelay = time.Millisecond, 10*time.Millisecond }

// TestRealParticipantScreenAndServerShareTheJoinCodeLimit types five wrong
// codes (the first in the SSH user name) at the real join screen: it says
// goodbye, the session exits with status 1 and the server adds no second
// message; another session on the connection is refused.
func TestRealParticipantScreenAndServerShareTheJoinCodeLimit(t *testing.T) {
	srv := startServer(t, "", withConfig(quickGuesses))
	client, _ := dial(t, srv.addr, "nope-code", keyless())
	term := openTerminalOn(t, client, 100, 30)
	term.waitFor(`There is no workshop with the code "nopecode"`)
	for range 4 {
		term.typeText("wrong-code\r")
	}
	term.waitFor("too many tries")
	if status := term.exit(); status != 1 {
		t.Errorf("five wrong codes: exit %d, want 1", status)
	}
	if strings.Contains(term.errs.String(), tooManyCodes) {
		t.Errorf("the person was told twice: the screen said goodbye and the server added %q", term.errs.String())
	}

	again := openTerminalOn(t, client, 100, 30)
	if status := again.exit(); status != 1 || !strings.Contains(again.errs.String(), tooManyCodes) {
		t.Errorf("a new session on the same connection: exit %d, stderr %q; want it refused", status, again.errs.String())
	}
}

// TestRealJoinScreenTakesCodesAsPeopleTypeThem joins with a code typed with
// a space and in capitals at the join screen, and with one in the SSH user
// name without its dash (issue 10: "plover 9359" was refused).
func TestRealJoinScreenTakesCodesAsPeopleTypeThem(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	if r := run(t, srv.addr, "alice", `workshop new --title "Village hall" --code plover-9359`, withKeys(alice)); r.status != 0 {
		t.Fatalf("setting up: %+v", r)
	}
	typed := openTerminal(t, srv.addr, "jo.bloggs", 80, 24, keyless())
	typed.waitFor("join code")
	typed.typeText("Plover 9359\r")
	typed.waitFor("Village hall", "Your name or pseudonym")

	named := openTerminal(t, srv.addr, "PLOVER9359", 80, 24, keyless())
	named.waitFor("Village hall", "Your name or pseudonym")
}
