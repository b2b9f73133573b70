package sshserver

import (
	"errors"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/sshserver/sshtest"
	"github.com/anchorage/anchorage/tui/tuitest"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// testDeadline bounds every network wait in these tests.
const testDeadline = sshtest.Deadline

// testServer is a real server on 127.0.0.1:0 with a real store in a
// temporary folder.
type testServer struct {
	*Server
	addr    string
	dataDir string
	store   *data.Store
	// stop shuts the server down and closes the store; it runs at the end
	// of the test if the test has not called it.
	stop func()
}

// serverOption changes the store's options or the configuration before
// New, or the server after.
type serverOption struct {
	config func(*Config)
	server func(*Server)
	store  func(*data.Options)
	// log also gets what the server logs.
	log io.Writer
	// panics says the test makes the server panic on purpose.
	panics bool
}

// withLog copies what the server logs to w.
func withLog(w io.Writer) serverOption { return serverOption{log: w} }

// expectingPanic is for the test that makes a screen panic on purpose:
// the server must then log the panic, where every other test fails if it
// does.
func expectingPanic() serverOption { return serverOption{panics: true} }

// withFacilitators writes the keys to a facilitators file for the server.
func withFacilitators(t *testing.T, keys ...gossh.Signer) serverOption {
	path := sshtest.AuthorizedKeys(t, keys...)
	return serverOption{config: func(cfg *Config) { cfg.FacilitatorsFile = path }}
}

// startServer starts a server on dataDir (a new temporary folder when
// empty) and shuts it down when the test ends.
func startServer(t *testing.T, dataDir string, opts ...serverOption) *testServer {
	t.Helper()
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	storeOpts := data.Options{Dir: dataDir}
	for _, o := range opts {
		if o.store != nil {
			o.store(&storeOpts)
		}
	}
	store, err := data.Open(storeOpts)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	cfg := DefaultConfig()
	cfg.DataDir = dataDir
	cfg.Listen = "127.0.0.1:0"
	for _, o := range opts {
		if o.config != nil {
			o.config(&cfg)
		}
	}
	logged, panics := &syncBuffer{}, false
	logs := []io.Writer{logged}
	for _, o := range opts {
		if o.log != nil {
			logs = append(logs, o.log)
		}
		panics = panics || o.panics
	}
	srv, err := New(cfg, store, log.New(io.MultiWriter(logs...)))
	if err != nil {
		store.Close()
		t.Fatalf("new server: %v", err)
	}
	for _, o := range opts {
		if o.server != nil {
			o.server(srv)
		}
	}
	addr, shutdown := sshtest.Serve(t, srv)
	ts := &testServer{Server: srv, addr: addr, dataDir: dataDir, store: store}
	var once sync.Once
	stop := func() {
		once.Do(func() {
			shutdown()
			if err := store.Close(); err != nil {
				t.Errorf("close store: %v", err)
			}
		})
	}
	ts.stop = stop
	t.Cleanup(func() {
		stop()
		sshtest.CheckPanics(t, logged.String(), panics)
	})
	return ts
}

// dialRaw opens a bare TCP connection to the server.
func dialRaw(addr string) (net.Conn, error) {
	return net.DialTimeout("tcp", addr, testDeadline)
}

// newKey makes an ed25519 key for a test client.
func newKey(t *testing.T) gossh.Signer { return sshtest.NewKey(t) }

// keyless authenticates as a participant without a key does.
func keyless() gossh.AuthMethod { return sshtest.Keyless() }

func withKeys(keys ...gossh.Signer) gossh.AuthMethod { return gossh.PublicKeys(keys...) }

// withConfig changes the server's configuration.
func withConfig(change func(*Config)) serverOption {
	return serverOption{config: change}
}

// dial connects to the server as user; the connection's deadline bounds
// every read and write the test does on it.
func dial(t *testing.T, addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, gossh.PublicKey) {
	t.Helper()
	return dialFrom(t, "", addr, user, auth...)
}

// dialFrom connects to the server as user from a loopback address.
func dialFrom(t *testing.T, from, addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, gossh.PublicKey) {
	t.Helper()
	client, hostKey, err := sshtest.Dial(addr, from, user, auth...)
	if err != nil {
		t.Fatalf("ssh to %s as %q: %v", addr, user, err)
	}
	t.Cleanup(func() { client.Close() })
	return client, hostKey
}

// result is what a command run over SSH gave back.
type result struct {
	stdout, stderr string
	status         int
}

// newWorkshop opens a workshop as a facilitator does, with `workshop new`
// and args over SSH with the facilitator's key, and fails the test if it
// is refused.
func newWorkshop(t *testing.T, addr string, key gossh.Signer, args string) {
	t.Helper()
	if r := run(t, addr, "facilitator", "workshop new "+args, withKeys(key)); r.status != 0 {
		t.Fatalf("workshop new %s: %+v", args, r)
	}
}

// run runs a command without a terminal and waits for it to exit.
func run(t *testing.T, addr, user, command string, auth ...gossh.AuthMethod) result {
	t.Helper()
	client, _ := dial(t, addr, user, auth...)
	return runOn(t, client, command)
}

// runOn runs a command (or, if command is "", a shell) without a terminal
// on an open connection.
func runOn(t *testing.T, client *gossh.Client, command string) result {
	t.Helper()
	r := sshtest.Exec(t, client, command, nil)
	return result{stdout: r.Stdout, stderr: r.Stderr, status: r.Status}
}

// terminal is an interactive session with a PTY. What the server sends
// is drawn on a virtual screen, so tests judge what a person would see.
type terminal struct {
	t      *testing.T
	sess   *gossh.Session
	stdin  interface{ Write([]byte) (int, error) }
	out    *syncBuffer
	errs   *syncBuffer
	screen *tuitest.Screen
	done   chan error
	// ended is closed when the session has ended.
	ended chan struct{}
}

// openTerminal opens a session with a PTY of the given size and a shell.
func openTerminal(t *testing.T, addr, user string, width, height int, auth ...gossh.AuthMethod) *terminal {
	t.Helper()
	client, _ := dial(t, addr, user, auth...)
	return openTerminalOn(t, client, width, height)
}

// openTerminalOn opens a session with a PTY on an existing connection.
func openTerminalOn(t *testing.T, client *gossh.Client, width, height int) *terminal {
	t.Helper()
	return openTerminalAs(t, client, "xterm-256color", nil, width, height)
}

// ptySession opens a session on client that sends env, then asks for a
// PTY of the terminal type term, as `ssh -o SetEnv=...` does; it returns
// the session and its standard input.
func ptySession(t *testing.T, client *gossh.Client, term string, env map[string]string, width, height int) (*gossh.Session, io.Writer) {
	t.Helper()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatalf("setenv %s: %v", k, err)
		}
	}
	if err := sess.RequestPty(term, height, width, gossh.TerminalModes{}); err != nil {
		t.Fatalf("request pty: %v", err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	return sess, stdin
}

// openTerminalAs is openTerminalOn for a terminal type and environment
// of the test's choosing.
func openTerminalAs(t *testing.T, client *gossh.Client, term string, env map[string]string, width, height int) *terminal {
	t.Helper()
	sess, stdin := ptySession(t, client, term, env, width, height)
	// The server draws for no more than its largest window, so a larger
	// virtual screen would only make every look at it slower.
	limits := DefaultConfig().Window
	tm := &terminal{t: t, sess: sess, stdin: stdin, out: &syncBuffer{}, errs: &syncBuffer{},
		screen: tuitest.NewScreen(min(width, limits.MaxWidth), min(height, limits.MaxHeight), nil),
		done:   make(chan error, 1), ended: make(chan struct{})}
	sess.Stdout, sess.Stderr = io.MultiWriter(tm.out, tm.screen), tm.errs
	if err := sess.Shell(); err != nil {
		t.Fatalf("shell: %v", err)
	}
	go func() {
		err := sess.Wait()
		close(tm.ended)
		tm.done <- err
	}()
	return tm
}

func (term *terminal) typeText(s string) {
	term.t.Helper()
	if _, err := term.stdin.Write([]byte(s)); err != nil {
		term.t.Fatalf("type %q: %v", s, err)
	}
}

// waitFor waits until the screen shows every one of texts.
func (term *terminal) waitFor(texts ...string) {
	term.t.Helper()
	if err := term.screen.WaitFor(testDeadline, texts...); err != nil {
		term.t.Fatal(err)
	}
}

// exit waits for the session to end and returns its exit status.
func (term *terminal) exit() int {
	term.t.Helper()
	select {
	case err := <-term.done:
		var exit *gossh.ExitError
		if errors.As(err, &exit) {
			return exit.ExitStatus()
		}
		if err != nil {
			term.t.Fatalf("session ended with %v", err)
		}
		return 0
	case <-time.After(testDeadline):
		term.t.Fatalf("waited %s for the session to end; screen:\n%s", testDeadline, ansi.Strip(term.out.String()))
		return -1
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and a polling reader.
type syncBuffer = sshtest.Buffer
