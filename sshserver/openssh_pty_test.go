package sshserver

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
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
	newWorkshop(t, srv.addr, alice, `--title "Village hall" --code village-hall`)

	o := openSSHTerminal(t, path, srv.addr, "village-hall")
	typeText, waitFor, exited := o.typeText, o.waitFor, o.exited
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
	o := openSSHTerminal(t, path, srv.addr, "plover-0000")
	o.waitFor(`There is no workshop with the code "plover0000"`)
	for i := range 4 {
		o.typeText(fmt.Sprintf("Plover %04d\r", i+1))
		if i < 3 {
			o.waitFor(fmt.Sprintf(`No workshop has the code "plover %04d"`, i+1))
		}
	}
	screen := o.screen
	select {
	case err := <-o.exited:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("ssh after five wrong codes: %v; want exit status 1", err)
		}
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for ssh to exit after five wrong codes; screen:\n%s", testDeadline, screen.Text())
	}
	// ssh may exit before the virtual screen has read the last of what it
	// wrote to the pseudo-terminal: wait for the goodbye, with a deadline.
	if err := screen.WaitFor(testDeadline, "too many tries"); err != nil {
		t.Errorf("the screen did not say why: %v", err)
	}
}

// sshTerminal is the real OpenSSH client in an 80x24 pseudo-terminal,
// without a key, drawn on a virtual screen that answers the terminal
// queries a real terminal would.
type sshTerminal struct {
	t      *testing.T
	tty    *os.File
	screen *tuitest.Screen
	exited chan error
	// drawn is closed once all ssh wrote is on the screen.
	drawn chan struct{}
}

func openSSHTerminal(t *testing.T, path, addr, user string) *sshTerminal {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	ctx, cancel := context.WithTimeout(context.Background(), 2*testDeadline)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, path, "-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "PubkeyAuthentication=no", "-o", "IdentityAgent=none", "-tt", user+"@"+host)
	cmd.Env = []string{"TERM=xterm-256color", "PATH=/usr/bin:/bin"}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatalf("start ssh in a pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	o := &sshTerminal{t: t, tty: tty, screen: tuitest.NewScreen(80, 24, tty), exited: make(chan error, 1), drawn: make(chan struct{})}
	go func() {
		defer close(o.drawn)
		_ = o.screen.Pump(tty) // until ssh has exited and all it wrote is read
	}()
	go func() { o.exited <- cmd.Wait() }()
	return o
}

func (o *sshTerminal) typeText(s string) {
	o.t.Helper()
	if _, err := o.tty.Write([]byte(s)); err != nil {
		o.t.Fatalf("type %q: %v", s, err)
	}
}

func (o *sshTerminal) waitFor(texts ...string) {
	o.t.Helper()
	if err := o.screen.WaitFor(testDeadline, texts...); err != nil {
		o.t.Fatal(err)
	}
}
