package sshserver

import (
	"context"
	"errors"
	"io"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"charm.land/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// sshArgs is how the tests run OpenSSH: no configuration of the machine's
// own, no host key checks, no agent unless a test gives one.
func sshArgs(addr, user string, extra ...string) (string, []string) {
	host, port, _ := net.SplitHostPort(addr)
	return host, append([]string{"-F", "/dev/null", "-p", port, "-l", user,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "ConnectTimeout=10", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none"}, extra...)
}

// TestOpenSSHForwardingAndSubsystemsAreRefused drives the real OpenSSH
// client (and sftp) at everything beyond a terminal and commands: ssh -s
// sftp, sftp itself, -R with ExitOnForwardFailure, -L with a connection
// through the tunnel, and -A with a real agent, which must never be
// reached. The server serves on afterwards.
func TestOpenSSHForwardingAndSubsystemsAreRefused(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("no OpenSSH client on this machine")
	}
	keyPath, alice := identityFile(t)
	var agentGranted atomic.Int32 // sessions charm.land/ssh marked as having asked for an agent
	watchAgents := serverOption{server: func(s *Server) {
		handle := s.ssh.Handler
		s.ssh.Handler = func(sess ssh.Session) {
			if ssh.AgentRequested(sess) {
				agentGranted.Add(1)
			}
			handle(sess)
		}
	}}
	srv := startServer(t, "", withFacilitators(t, alice), watchAgents)

	t.Run("ssh -s sftp", func(t *testing.T) {
		status, _, stderr := openssh(t, srv.addr, "alice", keyPath, "-s", "sftp")
		if status == 0 || !strings.Contains(stderr, `no "sftp" subsystem`) {
			t.Errorf("exit %d, stderr %q; want a refusal that says why", status, stderr)
		}
	})

	t.Run("sftp", func(t *testing.T) {
		path, err := exec.LookPath("sftp")
		if err != nil {
			t.Skip("no sftp on this machine")
		}
		_, port, _ := net.SplitHostPort(srv.addr)
		out := runTool(t, path, strings.NewReader("ls\n"), "-F", "/dev/null", "-P", port, "-i", keyPath,
			"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentityAgent=none",
			"-o", "BatchMode=yes", "alice@127.0.0.1")
		if !strings.Contains(out, `no "sftp" subsystem`) {
			t.Errorf("sftp said %q; want the server's reason", out)
		}
	})

	t.Run("ssh -R", func(t *testing.T) {
		status, _, stderr := openssh(t, srv.addr, "alice", keyPath, "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9", "guide", "list")
		if status != 255 || !strings.Contains(stderr, "remote port forwarding failed") {
			t.Errorf("exit %d, stderr %q; want remote forwarding refused", status, stderr)
		}
	})

	t.Run("ssh -L", func(t *testing.T) {
		lport := freePort(t)
		host, args := sshArgs(srv.addr, "alice", "-i", keyPath, "-N", "-L", lport+":127.0.0.1:9")
		ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
		defer cancel()
		cmd := exec.CommandContext(ctx, "ssh", append(args, host)...)
		cmd.WaitDelay = time.Second
		var stderr syncBuffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer func() { cancel(); _ = cmd.Wait() }()
		var tunnel net.Conn
		waitUntil(t, "ssh -L to listen", func() bool {
			c, err := net.Dial("tcp", "127.0.0.1:"+lport)
			tunnel = c
			return err == nil
		})
		_ = tunnel.SetDeadline(time.Now().Add(testDeadline))
		if n, _ := io.Copy(io.Discard, tunnel); n != 0 {
			t.Errorf("%d bytes came through the tunnel", n)
		}
		tunnel.Close()
		waitUntil(t, "ssh to report the refused channel", func() bool { return strings.Contains(stderr.String(), "open failed") })
		if !strings.Contains(stderr.String(), "administratively prohibited") || !strings.Contains(stderr.String(), notForwarded) {
			t.Errorf("ssh -L reported %q; want the refusal and its reason", stderr.String())
		}
	})

	t.Run("ssh -A", func(t *testing.T) {
		sock := serveAgent(t)
		// IdentityAgent=none would stop ssh forwarding any agent at all.
		host, port, _ := net.SplitHostPort(srv.addr)
		ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
		defer cancel()
		cmd := exec.CommandContext(ctx, "ssh", "-F", "/dev/null", "-p", port, "-l", "alice", "-i", keyPath, "-v", "-A",
			"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
			host, "guide", "list")
		cmd.Env = []string{"SSH_AUTH_SOCK=" + sock, "PATH=/usr/bin:/bin"}
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil || !strings.Contains(stdout.String(), "four-d") {
			t.Fatalf("the command with -A: %v, stdout %q, stderr:\n%s", err, stdout.String(), stderr.String())
		}
		if !strings.Contains(stderr.String(), "Requesting authentication agent forwarding") {
			t.Fatalf("ssh never asked to forward the agent; its log:\n%s", stderr.String())
		}
		if n := agentGranted.Load(); n != 0 {
			t.Errorf("%d sessions were granted agent forwarding", n)
		}
	})

	if status, stdout, _ := openssh(t, srv.addr, "alice", keyPath, "guide", "list"); status != 0 || !strings.Contains(stdout, "four-d") {
		t.Errorf("after all that the server does not serve: exit %d", status)
	}
}

// runTool runs a program with input, within the test deadline, and returns
// what it wrote to stdout and stderr together.
func runTool(t *testing.T, path string, stdin io.Reader, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	// sftp runs ssh as its own child, which could hold the output open
	// after sftp is killed: give up on the pipes a second later.
	cmd.WaitDelay = time.Second
	cmd.Stdin = stdin
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if ctx.Err() != nil || (err != nil && !errors.As(err, &exit)) {
		t.Fatalf("%s: %v (waited up to %s)", filepath.Base(path), err, testDeadline)
	}
	return string(out)
}

// freePort finds a TCP port on 127.0.0.1 that nothing listens on.
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// serveAgent runs an SSH agent with no keys on a Unix socket for the test.
func serveAgent(t *testing.T) string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "agent.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	keyring := agent.NewKeyring()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_ = agent.ServeAgent(keyring, c)
			}()
		}
	}()
	return sock
}
