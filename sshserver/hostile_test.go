package sshserver

import (
	"fmt"
	"io"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// TestForwardingAndSubsystemsAreRefused asks for everything an SSH server
// might offer beyond a terminal and commands, with participant and
// facilitator keys alike: each is refused with a reason, and the server
// carries on.
func TestForwardingAndSubsystemsAreRefused(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	for name, auth := range map[string]gossh.AuthMethod{"facilitator": withKeys(alice), "participant": keyless()} {
		t.Run(name, func(t *testing.T) {
			client, _ := dial(t, srv.addr, "harbour-talk", auth)

			sess, err := client.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			stderr, err := sess.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := sess.RequestSubsystem("sftp"); err != nil {
				t.Fatalf("subsystem request: %v", err)
			}
			// The connection's deadline bounds this read.
			said, err := io.ReadAll(stderr)
			if err != nil || !strings.Contains(string(said), `no "sftp" subsystem`) {
				t.Errorf("sftp: stderr %q (%v); want a reason", said, err)
			}

			if _, err := client.Dial("tcp", srv.addr); err == nil || !strings.Contains(err.Error(), notForwarded) {
				t.Errorf("local port forwarding: %v; want a refusal saying why", err)
			}
			if _, _, err := client.OpenChannel("made-up@example.com", nil); err == nil || !strings.Contains(err.Error(), notForwarded) {
				t.Errorf("an unknown channel type: %v; want a refusal saying why", err)
			}
			if l, err := client.Listen("tcp", "127.0.0.1:0"); err == nil {
				l.Close()
				t.Error("remote port forwarding was granted")
			}

			sess, err = client.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			defer sess.Close()
			if err := agent.RequestAgentForwarding(sess); err == nil {
				t.Error("agent forwarding was granted")
			}
			x11 := struct {
				Single   bool
				Protocol string
				Cookie   string
				Screen   uint32
			}{false, "MIT-MAGIC-COOKIE-1", "00112233445566778899aabbccddeeff", 0}
			if ok, err := sess.SendRequest("x11-req", true, gossh.Marshal(&x11)); ok || err != nil {
				t.Errorf("X11 forwarding: granted %v, error %v; want it refused", ok, err)
			}
		})
	}
	if r := run(t, srv.addr, "alice", "guide list", withKeys(alice)); r.status != 0 {
		t.Errorf("the server no longer serves after the refusals: %+v", r)
	}
}

// TestEnvironmentRequestsAreHarmless sets variables that would matter to
// a shell, then far more than any client needs: the first are kept, the
// rest refused, and the screen works.
func TestEnvironmentRequestsAreHarmless(t *testing.T) {
	p, probeScreens := withProbes()
	srv := startServer(t, "", probeScreens)
	client, _ := dial(t, srv.addr, "harbour-talk", keyless())
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if sess.Setenv(terminalTag, "forged") == nil {
		t.Errorf("a client set %s, the server's own tag", terminalTag)
	}
	accepted := 1 // the refused tag counts against the allowance too
	for _, kv := range [][2]string{{"LD_PRELOAD", "/tmp/evil.so"}, {"PATH", "/tmp"}, {"TERM", "\x1b]0;title\x07"}} {
		if sess.Setenv(kv[0], kv[1]) == nil {
			accepted++
		}
	}
	const tries = 1000
	for i := range tries {
		if sess.Setenv(fmt.Sprintf("FLOOD_%d", i), strings.Repeat("x", 1000)) == nil {
			accepted++
		}
	}
	if accepted != maxEnvPerSession {
		t.Errorf("%d of %d variables accepted; want the first %d", accepted, tries+4, maxEnvPerSession)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	sess.Stdout = &out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	s := p.next(t)
	if s.Code != "harbourtalk" {
		t.Errorf("the screen was given %+v", s)
	}
	waitUntil(t, "the screen to draw", func() bool { return strings.Contains(out.String(), "[p 80x24]") })
}
