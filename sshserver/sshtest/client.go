package sshtest

import (
	"bytes"
	"errors"
	"net"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Keyless authenticates with keyboard-interactive, answering nothing, as a
// participant without a key does.
func Keyless() gossh.AuthMethod {
	return gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
}

// DialTCP opens a TCP connection to addr from the loopback address from
// ("" for the usual 127.0.0.1): Linux answers on all of 127.0.0.0/8, so a
// test can be several source addresses at once.
func DialTCP(addr, from string) (net.Conn, error) {
	d := net.Dialer{Timeout: Deadline}
	if from != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(from)}
	}
	return d.Dial("tcp", addr)
}

// Dial connects to the server at addr as user, from the loopback address
// from, and returns the client with the host key the server presented.
// The connection's deadline, Deadline from now, bounds every read and
// write on it. The test made the server, so any host key is trusted.
func Dial(addr, from, user string, auth ...gossh.AuthMethod) (*gossh.Client, gossh.PublicKey, error) {
	conn, err := DialTCP(addr, from)
	if err != nil {
		return nil, nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(Deadline))
	var hostKey gossh.PublicKey
	cfg := &gossh.ClientConfig{
		User: user,
		Auth: auth,
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			hostKey = key
			return nil
		},
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	return gossh.NewClient(c, chans, reqs), hostKey, nil
}

// Result is what a command run over SSH gave back.
type Result struct {
	Stdout, Stderr string
	Status         int
}

// Exec runs command (or, if it is "", a shell) without a terminal on an
// open connection, feeding it stdin, and waits at most Deadline for it to
// exit. An exit status other than 0 is a Result, not a failure.
func Exec(t testing.TB, client *gossh.Client, command string, stdin []byte) Result {
	t.Helper()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	defer sess.Close()
	var stdout, stderr Buffer
	sess.Stdout, sess.Stderr = &stdout, &stderr
	if stdin != nil {
		sess.Stdin = bytes.NewReader(stdin)
	}
	done := make(chan error, 1)
	go func() {
		if command != "" {
			done <- sess.Run(command)
			return
		}
		err := sess.Shell()
		if err == nil {
			err = sess.Wait()
		}
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(Deadline):
		t.Fatalf("waited %s for %q to exit", Deadline, command)
	}
	r := Result{Stdout: stdout.String(), Stderr: stderr.String()}
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		r.Status = exit.ExitStatus()
	case err != nil:
		t.Fatalf("run %q: %v (stderr %q)", command, err, r.Stderr)
	}
	return r
}
