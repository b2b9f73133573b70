package sshserver

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os/exec"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/vscreen"
)

// TestOpenSSHParticipantJoinsAndContributes drives the real OpenSSH client
// in a pseudo-terminal, without a key, through the join form to a saved
// opportunity and barrier: the path a participant on a laptop takes.
func TestOpenSSHParticipantJoinsAndContributes(t *testing.T) {
	path, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no OpenSSH client on this machine")
	}
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	if r := run(t, srv.addr, "alice", `workshop new --title "Village hall" --code village-hall`, withKeys(alice)); r.status != 0 {
		t.Fatalf("workshop new: %+v", r)
	}

	host, port, _ := net.SplitHostPort(srv.addr)
	ctx, cancel := context.WithTimeout(context.Background(), 2*testDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "PubkeyAuthentication=no", "-o", "IdentityAgent=none", "-tt", "village-hall@"+host)
	cmd.Env = []string{"TERM=xterm-256color", "PATH=/usr/bin:/bin"}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatalf("start ssh in a pseudo-terminal: %v", err)
	}
	defer tty.Close()
	// The screen answers the terminal queries a real terminal would.
	screen := vscreen.New(80, 24, tty)
	go func() { _ = screen.Pump(tty) }()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	typeText := func(s string) {
		t.Helper()
		if _, err := tty.Write([]byte(s)); err != nil {
			t.Fatalf("type %q: %v", s, err)
		}
	}
	waitFor := func(texts ...string) {
		t.Helper()
		if err := screen.WaitFor(testDeadline, texts...); err != nil {
			t.Fatal(err)
		}
	}
	const (
		opportunity = "The council's new locality plan names the trust as a partner"
		barrier     = "Procurement rules favour large national charities over local groups"
	)
	joinAndContribute(t, typeText, waitFor, "Morag", opportunity, barrier)

	ws, err := srv.store.Workshop(srv.mustWorkshop(t, "village-hall").ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range ws.Contributions {
		got = append(got, string(c.Kind)+": "+c.Text)
	}
	want := []string{string(inquiry.Opportunity) + ": " + opportunity, string(inquiry.Barrier) + ": " + barrier}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("the store holds %q, want %q", got, want)
	}

	typeText("\x03") // ctrl+c: leave
	waitFor("Goodbye. Everything you saved is kept.")
	select {
	case <-exited:
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for ssh to exit after ctrl+c", testDeadline)
	}
}

// TestOpenSSHFiveWrongCodesExitWithStatusOne types wrong join codes at the
// real join screen through the real OpenSSH client in a pseudo-terminal:
// the fifth (the first is the SSH user name) ends the session, and ssh
// exits with status 1, so a script or a person's shell can tell.
func TestOpenSSHFiveWrongCodesExitWithStatusOne(t *testing.T) {
	path, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no OpenSSH client on this machine")
	}
	srv := startServer(t, "", withConfig(quickGuesses))
	host, port, _ := net.SplitHostPort(srv.addr)
	ctx, cancel := context.WithTimeout(context.Background(), 2*testDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "PubkeyAuthentication=no", "-o", "IdentityAgent=none", "-tt", "plover-0000@"+host)
	cmd.Env = []string{"TERM=xterm-256color", "PATH=/usr/bin:/bin"}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatalf("start ssh in a pseudo-terminal: %v", err)
	}
	defer tty.Close()
	screen := vscreen.New(80, 24, tty)
	go func() { _ = screen.Pump(tty) }()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	if err := screen.WaitFor(testDeadline, `There is no workshop with the code "plover0000"`); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		if _, err := tty.Write([]byte(fmt.Sprintf("Plover %04d\r", i+1))); err != nil {
			t.Fatalf("type wrong code %d: %v", i+2, err)
		}
		if i < 3 {
			if err := screen.WaitFor(testDeadline, fmt.Sprintf(`No workshop has the code "plover %04d"`, i+1)); err != nil {
				t.Fatal(err)
			}
		}
	}
	select {
	case err := <-exited:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("ssh after five wrong codes: %v; want exit status 1", err)
		}
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for ssh to exit after five wrong codes; screen:\n%s", testDeadline, screen.Text())
	}
	if !screen.Contains("too many tries") {
		t.Errorf("the screen did not say why:\n%s", screen.Text())
	}
}
