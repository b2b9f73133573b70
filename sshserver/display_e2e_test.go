package sshserver

import (
	"context"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/qr"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// joinLine is the join line a wall display shows for a server reached on
// 127.0.0.1: the machine's name, since that is what others type.
func joinLine(t *testing.T, addr, code string) string {
	t.Helper()
	host, _ := os.Hostname()
	_, port, _ := net.SplitHostPort(addr)
	return "Join: ssh -p " + port + " " + code + "@" + host
}

func TestTheWallDisplayOpensForAFacilitatorsKeyAlone(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)

	// A facilitator's key gets the display, with the join line and, on a
	// screen wide enough, the QR code of the workshop's address.
	wall := openTerminal(t, srv.addr, "Harbour-Talk+display", 120, 40, withKeys(alice))
	wall.waitFor("Harbour talk", "Self-paced: everyone moves through the guide", joinLine(t, srv.addr, "harbour-talk"),
		"Scan to join with an SSH app")
	host, _ := os.Hostname()
	_, port, _ := net.SplitHostPort(srv.addr)
	code, err := qr.Encode("ssh://harbour-talk@" + net.JoinHostPort(host, port))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range code.HalfBlocks(true) {
		if !wall.screen.Contains(l) {
			t.Fatalf("the wall's QR code is not that of ssh://harbour-talk@%s:\n%s", net.JoinHostPort(host, port), wall.screen.Text())
		}
	}
	// It follows the room: a contribution is tallied on it.
	w := srv.mustWorkshop(t, "harbour-talk")
	ann := tuitest.Join(t, srv.store, w.ID, "Ann")
	tuitest.Contribute(t, srv.store, w.ID, ann, "c-1", tuitest.PromptFor(t, inquiry.Opportunity), inquiry.Opportunity,
		"The library could host the advice sessions", "health-social-care")
	wall.waitFor("Opportunities and barriers by theme", "Health and social care")
	// No key does anything but ctrl+c, which leaves.
	wall.typeText("q\r ")
	wall.typeText("\x03")
	if status := wall.exit(); status != 0 {
		t.Errorf("ctrl+c on the wall: exit %d, want 0", status)
	}
	if !wall.screen.Contains("The wall display has closed.") {
		t.Errorf("the wall's goodbye:\n%s", wall.screen.Text())
	}

	// Any other key, and no key, is refused as a facilitator's command is.
	for name, auth := range map[string]struct {
		key    bool
		reason string
	}{
		"a participant's key": {true, "not a facilitator: this key (" + fingerprint(bob.PublicKey()) + ") is not a facilitator key."},
		"no key":              {false, "not a facilitator: this connection has no SSH key."},
	} {
		t.Run(name, func(t *testing.T) {
			method := keyless()
			if auth.key {
				method = withKeys(bob)
			}
			term := openTerminal(t, srv.addr, "harbour-talk+display", 120, 40, method)
			if status := term.exit(); status != 1 {
				t.Errorf("exit %d, want 1", status)
			}
			command := run(t, srv.addr, "harbour-talk", "workshop list", method)
			// A terminal ends its lines with CR LF.
			if got := strings.ReplaceAll(term.errs.String(), "\r\n", "\n"); !strings.Contains(got, auth.reason) || got != command.stderr {
				t.Errorf("refused with %q; a facilitator's command is refused with %q", got, command.stderr)
			}
			if strings.Contains(term.screen.Text(), "Harbour talk") {
				t.Errorf("the refused session saw the workshop:\n%s", term.screen.Text())
			}
		})
	}

	// A code of no workshop is said, and the display ends.
	lost := openTerminal(t, srv.addr, "nowhere-0000+display", 80, 24, withKeys(alice))
	lost.exit()
	if !lost.screen.Contains(`No workshop has the code "nowhere0000"`) {
		t.Errorf("a display for no workshop:\n%s", lost.screen.Text())
	}
}

// TestTheWallDisplayIsNotEndedForWantOfKeypresses: nobody types at a wall,
// so it has no idle timer; a participant's screen beside it still has. The
// connection's time limit ends it as it ends any screen, saying how to
// connect the wall again.
func TestTheWallDisplayIsNotEndedForWantOfKeypresses(t *testing.T) {
	clock := newManualClock()
	alice := newKey(t)
	srv := startServer(t, "", withClock(clock), withFacilitators(t, alice), withConfig(func(c *Config) {
		c.IdleTimeout, c.MaxConnectionTime, c.StallTimeout = 2*time.Hour, 4*time.Hour, 1000*time.Hour
	}))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	wall := openTerminal(t, srv.addr, "Harbour Talk+display", 80, 24, withKeys(alice))
	wall.waitFor("Harbour talk", "Join: ssh -p ")
	typist := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	typist.waitFor("Your name or pseudonym")
	// Both screens are drawn, so their timers are set: the participant's
	// alone is an idle timer.
	if n := clock.running(2 * time.Hour); n != 1 {
		t.Fatalf("%d idle timers for a wall and a participant's screen, want 1", n)
	}
	clock.Advance(3 * time.Hour)
	if status := typist.exit(); status != 1 {
		t.Errorf("the idle participant: exit %d, want 1", status)
	}
	// The wall still follows the room.
	w := srv.mustWorkshop(t, "harbour-talk")
	ann := tuitest.Join(t, srv.store, w.ID, "Ann")
	tuitest.Contribute(t, srv.store, w.ID, ann, "c-1", tuitest.PromptFor(t, inquiry.Barrier), inquiry.Barrier,
		"Nobody owns the shared calendar", "community-planning")
	wall.waitFor("Community planning")

	clock.Advance(time.Hour)
	if status := wall.exit(); status != 1 {
		t.Errorf("the wall at the connection's time limit: exit %d, want 1", status)
	}
	if want := "Connect again to carry on: ssh -p "; !strings.Contains(wall.errs.String(), want) ||
		!strings.Contains(wall.errs.String(), " harbourtalk+display@") {
		t.Errorf("the wall at the connection's time limit was told %q; want how to connect the wall again", wall.errs.String())
	}
}

// TestOpenSSHFacilitatorPutsTheWallDisplayOnAProjector is the path the
// README gives: the real OpenSSH client in a pseudo-terminal, with the
// facilitator's key, and the user name of README's command.
func TestOpenSSHFacilitatorPutsTheWallDisplayOnAProjector(t *testing.T) {
	path, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no OpenSSH client on this machine")
	}
	user := readmeWallUser(t)
	code, _ := strings.CutSuffix(user, "+display")
	keyPath, alice := identityFile(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	if r := run(t, srv.addr, "alice", `workshop new --title "Village hall" --code `+code, withKeys(alice)); r.status != 0 {
		t.Fatalf("workshop new: %+v", r)
	}
	host, port, _ := net.SplitHostPort(srv.addr)
	ctx, cancel := context.WithTimeout(context.Background(), 2*testDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-i", keyPath, "-tt", user+"@"+host)
	cmd.Env = []string{"TERM=xterm-256color", "PATH=/usr/bin:/bin"}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Fatalf("start ssh in a pseudo-terminal: %v", err)
	}
	defer tty.Close()
	screen := tuitest.NewScreen(120, 40, tty)
	go func() { _ = screen.Pump(tty) }()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	if err := screen.WaitFor(testDeadline, "Village hall", joinLine(t, srv.addr, code), "Scan to join"); err != nil {
		t.Fatal(err)
	}
	if _, err := tty.Write([]byte("\x03")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("ssh after ctrl+c on the wall: %v", err)
		}
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for ssh to exit after ctrl+c; screen:\n%s", testDeadline, screen.Text())
	}
}

// readmeWallUser is the SSH user name in the command README gives for
// the wall display (ssh -p 23234 CODE+display@HOST).
func readmeWallUser(t *testing.T) string {
	t.Helper()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(readme), "\n## The wall display\n")
	section, _, _ = strings.Cut(section, "\n## ")
	for _, line := range strings.Split(section, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 4 && fields[0] == "ssh" && fields[1] == "-p" && fields[2] == "23234" {
			if user, _, ok := strings.Cut(fields[3], "@"); ok && strings.HasSuffix(user, "+display") {
				return user
			}
		}
	}
	t.Fatal("README's section on the wall display gives no ssh -p 23234 CODE+display@HOST")
	return ""
}
