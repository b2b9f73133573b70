package sshserver

import (
	"context"
	"errors"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestScribeKeyGetsTheScribeDeskOnlyForItsWorkshop(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	for _, cmd := range []string{
		`workshop new --title "Harbour talk" --code harbour-talk`,
		`workshop new --title "Another room" --code another-room`,
	} {
		if r := run(t, srv.addr, "alice", cmd, withKeys(alice)); r.status != 0 {
			t.Fatalf("%s: %+v", cmd, r)
		}
	}
	jo := newKey(t)
	w := srv.mustWorkshop(t, "harbour-talk")
	if err := srv.store.EnrolScribe(context.Background(), w.ID, jo.PublicKey(), "Jo at table 3"); err != nil {
		t.Fatalf("enrol scribe: %v", err)
	}

	desk := openTerminal(t, srv.addr, "harbour-talk", 80, 24, withKeys(jo))
	desk.waitFor("Harbour talk", "harbour-talk · scribe")

	// The same key on another workshop, and another key on this one, are
	// participants like anyone else.
	elsewhere := openTerminal(t, srv.addr, "another-room", 80, 24, withKeys(jo))
	elsewhere.waitFor("Your name or pseudonym")
	stranger := openTerminal(t, srv.addr, "harbour-talk", 80, 24, withKeys(newKey(t)))
	stranger.waitFor("Your name or pseudonym")
}

func TestWrongResumeCodesCountAgainstTheConnectionsAllowance(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice), withConfig(func(c *Config) { c.MaxJoinAttempts = 3; quickGuesses(c) }))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	term := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	term.waitFor("ctrl+r to give your resume code")
	term.typeText("\x12") // ctrl+r
	for range 3 {
		term.typeText("ZZZZ-ZZZZ\r")
	}
	term.typeText("ZZZZ-ZZZY\r")
	term.exit()
	if !strings.Contains(term.errs.String()+term.screen.Text(), "Too many wrong join codes") {
		t.Fatalf("after wrong resume codes beyond the allowance the session was not ended with the reason; stderr %q, screen:\n%s",
			term.errs.String(), term.screen.Text())
	}
}

func TestHostileWordsReachTheFacilitatorAndEveryExportInert(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	facilitator := openTerminal(t, srv.addr, "harbour-talk", 100, 30, withKeys(alice))
	facilitator.waitFor("Waiting for the first contribution")

	participant := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	participant.waitFor("Your name or pseudonym")
	participant.typeText("Eve\r\t \r")
	participant.waitFor("Welcome, Eve")
	// A bracketed paste carrying a clipboard write (OSC 52), a title
	// change (OSC 0), a screen clear and a right-to-left override.
	const attack = "before\x1b]52;c;ZWNobyBwd25lZA==\x07middle\x1b]0;pwned title\x07\x1b[2J\u202eafter"
	participant.typeText("\x1b[200~" + attack + "\x1b[201~\r")
	participant.waitFor("Saved ✓")

	facilitator.waitFor("beforemiddleafter")
	raw := facilitator.out.String()
	for _, bad := range []string{"\x1b]52", "\x1b]0;", "pwned title", "\u202e", "ZWNobyBwd25lZA=="} {
		if strings.Contains(raw, bad) {
			t.Errorf("the facilitator's terminal received %q", bad)
		}
	}
	for _, format := range []string{"markdown", "csv", "json"} {
		r := run(t, srv.addr, "alice", "export harbour-talk --format "+format, withKeys(alice))
		if r.status != 0 || !strings.Contains(r.stdout, "beforemiddleafter") {
			t.Fatalf("export %s: status %d, missing the cleaned words", format, r.status)
		}
		for _, bad := range []string{"\x1b", "\u202e", "pwned title", "ZWNobyBwd25lZA=="} {
			if strings.Contains(r.stdout, bad) {
				t.Errorf("the %s export holds %q", format, bad)
			}
		}
	}
	ws, err := srv.store.Workshop(srv.mustWorkshop(t, "harbour-talk").ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := ws.Contributions[0].Text; got != "beforemiddleafter" {
		t.Fatalf("stored %q", got)
	}
}

func TestBackupOverATerminalIsRefusedRatherThanMangled(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	client, _ := dial(t, srv.addr, "alice", withKeys(alice))
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	sess.Stdout, sess.Stderr = &out, &out
	err = sess.Run("backup")
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() == 0 {
		t.Fatalf("backup with a terminal: %v, want a refusal", err)
	}
	if !strings.Contains(out.String(), "send it to a file") {
		t.Fatalf("the refusal does not say why: %q", out.String())
	}
}
