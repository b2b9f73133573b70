package sshserver

import (
	"context"
	"net"
	"os/exec"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
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
	screen := tuitest.NewScreen(80, 24, tty)
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
