package sshserver

import (
	"context"
	"errors"
	"net"
	"os/exec"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/sshserver/sshtest"
	gossh "golang.org/x/crypto/ssh"
)

// openssh runs the real OpenSSH client against the server, with no
// configuration of the machine's own, and returns its exit status, stdout
// and stderr.
func openssh(t *testing.T, addr, user, identity string, args ...string) (int, string, string) {
	t.Helper()
	path, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no OpenSSH client on this machine")
	}
	host, port, _ := net.SplitHostPort(addr)
	opts := []string{"-F", "/dev/null", "-p", port, "-l", user,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "ConnectTimeout=10", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none"}
	if identity == "" {
		opts = append(opts, "-o", "PubkeyAuthentication=no")
	} else {
		opts = append(opts, "-i", identity)
	}
	ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, append(append(opts, host), args...)...)
	cmd.Stdin = strings.NewReader("")
	var stdout, stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("waited %s for ssh %v", testDeadline, args)
	case errors.As(err, &exit):
		return exit.ExitCode(), stdout.String(), stderr.String()
	case err != nil:
		t.Fatalf("ssh %v: %v", args, err)
	}
	return 0, stdout.String(), stderr.String()
}

// identityFile writes a new ed25519 private key where OpenSSH can use it
// and returns its path and its signer.
func identityFile(t *testing.T) (string, gossh.Signer) { return sshtest.KeyFile(t) }

func TestOpenSSHClients(t *testing.T) {
	keyPath, alice := identityFile(t)
	srv := startServer(t, "", withFacilitators(t, alice))

	status, stdout, stderr := openssh(t, srv.addr, "alice", keyPath, `workshop new --title "Harbour talk" --code harbour-talk`)
	if status != 0 || stdout != "harbour-talk\n" {
		t.Fatalf("a facilitator's workshop new: exit %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	if w, ok := srv.store.ByCode("harbour-talk"); !ok || w.Title != "Harbour talk" {
		t.Errorf("the quoted title did not arrive whole: %+v", w)
	}

	status, _, stderr = openssh(t, srv.addr, "harbour-talk", "", "guide", "list")
	if status != 1 || !strings.Contains(stderr, "not a facilitator") {
		t.Errorf("a keyless command: exit %d, stderr %q; want a refusal", status, stderr)
	}

	status, _, stderr = openssh(t, srv.addr, "harbour-talk", "", "-T")
	if status != 1 || !strings.Contains(stderr, "needs a terminal") {
		t.Errorf("ssh -T: exit %d, stderr %q; want the explanation", status, stderr)
	}
}
