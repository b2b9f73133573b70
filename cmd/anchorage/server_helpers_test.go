package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/anchorage/anchorage/sshserver/sshtest"
	gossh "golang.org/x/crypto/ssh"
)

// server is `anchorage serve` running in this process.
type server struct {
	addr           string
	stdout, stderr *syncBuffer
	signals        chan os.Signal
	done           chan int
}

// serve starts `anchorage serve` with the given arguments (and a free
// port on 127.0.0.1) and waits until it listens. The server is stopped
// when the test ends, if the test has not stopped it.
func serve(t *testing.T, environ []string, args ...string) *server {
	t.Helper()
	s := &server{stdout: &syncBuffer{}, stderr: &syncBuffer{}, signals: make(chan os.Signal, 1), done: make(chan int, 1)}
	a := &app{environ: environ, stdin: strings.NewReader(""), stdout: s.stdout, stderr: s.stderr, signals: s.signals,
		exit: func(int) { t.Error("serve forced an exit") }}
	go func() {
		s.done <- a.run(context.Background(), append([]string{"serve", "--listen", "127.0.0.1:0"}, args...))
	}()
	listening := regexp.MustCompile(`listening on (127\.0\.0\.1:\d+)`)
	deadline := time.Now().Add(testDeadline)
	for s.addr == "" {
		if m := listening.FindStringSubmatch(s.stdout.String()); m != nil && strings.Contains(s.stdout.String(), "Ctrl-C") {
			s.addr = m[1]
			break
		}
		select {
		case status := <-s.done:
			t.Fatalf("serve exited %d before listening; stderr %q", status, s.stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for serve to say where it listens; stdout %q, stderr %q", testDeadline, s.stdout.String(), s.stderr.String())
		}
	}
	t.Cleanup(func() {
		s.stop(t)
		checkCalm(t, s.stderr.String())
	})
	return s
}

// checkCalm fails the test if a server's output says it panicked: a
// session's or a screen's panic, logged, or Bubble Tea's report of one it
// caught. Every test that starts a server checks it when the server stops.
func checkCalm(t *testing.T, output string) {
	t.Helper()
	if strings.Contains(output, "panicked") || strings.Contains(output, "Caught panic") {
		t.Errorf("the server panicked:\n%s", output)
	}
}

// stop sends serve a signal and waits for it to exit; stopping again
// gives the same exit status.
func (s *server) stop(t *testing.T) int {
	t.Helper()
	s.signals <- syscall.SIGTERM
	select {
	case status := <-s.done:
		s.done <- status // for a second stop
		return status
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for serve to stop after a signal", testDeadline)
		return -1
	}
}

// sshExec runs a command over SSH with a key, feeding it stdin, and
// returns its exit status and output.
func sshExec(t *testing.T, addr string, key gossh.Signer, command string, stdin []byte) (int, []byte, string) {
	t.Helper()
	client, err := crashDial(addr, "facilitator", key)
	if err != nil {
		t.Fatalf("ssh to %s: %v", addr, err)
	}
	defer client.Close()
	r := sshtest.Exec(t, client, command, stdin)
	return r.Status, []byte(r.Stdout), r.Stderr
}

// anchorageIn runs the command line with stdin.
func anchorageIn(t *testing.T, stdin io.Reader, environ []string, args ...string) outcome {
	t.Helper()
	var stdout, stderr syncBuffer
	a := &app{environ: environ, stdin: stdin, stdout: &stdout, stderr: &stderr,
		signals: make(chan os.Signal), exit: func(int) { t.Fatal("the command line forced an exit") }}
	status := a.run(context.Background(), args)
	return outcome{status, stdout.String(), stderr.String()}
}

func writeFile(t *testing.T, path, content string) { sshtest.WriteFile(t, path, content) }

// filesHolding returns the files in dir whose bytes contain needle.
func filesHolding(t *testing.T, dir, needle string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, e := range entries {
		content, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(content, []byte(needle)) {
			found = append(found, e.Name())
		}
	}
	return found
}
