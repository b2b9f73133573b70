package sshserver

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/tui/tuitest"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// testDeadline bounds every network wait in these tests.
const testDeadline = 20 * time.Second

// testServer is a real server on 127.0.0.1:0 with a real store in a
// temporary folder.
type testServer struct {
	*Server
	addr    string
	dataDir string
	store   *data.Store
	served  chan error
	// log is everything the server logged.
	log *syncBuffer
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
	path := filepath.Join(t.TempDir(), "facilitators")
	var b bytes.Buffer
	b.WriteString("# facilitators of this test\n\n")
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
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
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: srv, addr: l.Addr().String(), dataDir: dataDir, store: store, served: make(chan error, 1), log: logged}
	go func() { ts.served <- srv.Serve(l) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
			defer cancel()
			if err := srv.Shutdown(ctx); err != nil {
				t.Errorf("shutdown: %v", err)
			}
			select {
			case err := <-ts.served:
				if err != nil {
					t.Errorf("serve: %v", err)
				}
			case <-time.After(testDeadline):
				t.Errorf("waited %s for Serve to return after Shutdown", testDeadline)
			}
			if err := store.Close(); err != nil {
				t.Errorf("close store: %v", err)
			}
		})
	}
	ts.stop = stop
	t.Cleanup(func() {
		stop()
		checkPanics(t, logged.String(), panics)
	})
	return ts
}

// checkPanics fails the test if the server logged a panic (a session's,
// or a screen's that Bubble Tea caught), or, when the test makes one on
// purpose, if it logged none.
func checkPanics(t *testing.T, logged string, want bool) {
	t.Helper()
	got := strings.Contains(logged, "panicked")
	switch {
	case got && !want:
		t.Errorf("the server logged a panic:\n%s", logged)
	case !got && want:
		t.Errorf("the server logged no panic, though the test made one:\n%s", logged)
	}
}

// dialRaw opens a bare TCP connection to the server.
func dialRaw(addr string) (net.Conn, error) {
	return net.DialTimeout("tcp", addr, testDeadline)
}

// newKey makes an ed25519 key for a test client.
func newKey(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// keyless authenticates with keyboard-interactive, answering nothing, as a
// participant without a key does.
func keyless() gossh.AuthMethod {
	return gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
}

func withKeys(keys ...gossh.Signer) gossh.AuthMethod { return gossh.PublicKeys(keys...) }

// withConfig changes the server's configuration.
func withConfig(change func(*Config)) serverOption {
	return serverOption{config: change}
}

// dialTCP opens a TCP connection to addr from the loopback address from
// ("" for the usual 127.0.0.1): Linux answers on all of 127.0.0.0/8, so
// tests can be several source addresses at once.
func dialTCP(addr, from string) (net.Conn, error) {
	d := net.Dialer{Timeout: testDeadline}
	if from != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(from)}
	}
	return d.Dial("tcp", addr)
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
	conn, err := dialTCP(addr, from)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	_ = conn.SetDeadline(time.Now().Add(testDeadline))
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
		t.Fatalf("ssh handshake as %q: %v", user, err)
	}
	client := gossh.NewClient(c, chans, reqs)
	t.Cleanup(func() { client.Close() })
	return client, hostKey
}

// result is what a command run over SSH gave back.
type result struct {
	stdout, stderr string
	status         int
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
	sess, err := client.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	var stdout, stderr bytes.Buffer
	sess.Stdout, sess.Stderr = &stdout, &stderr
	if command == "" {
		err = sess.Shell()
		if err == nil {
			err = sess.Wait()
		}
	} else {
		err = sess.Run(command)
	}
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		r.status = exit.ExitStatus()
	case err != nil:
		t.Fatalf("run %q: %v (stderr %q)", command, err, r.stderr)
	}
	return r
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
	sess, err := client.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	if err := sess.RequestPty("xterm-256color", height, width, gossh.TerminalModes{}); err != nil {
		t.Fatalf("request pty: %v", err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	// The server draws for no more than its largest window, so a larger
	// virtual screen would only make every look at it slower.
	limits := DefaultConfig().Window
	term := &terminal{t: t, sess: sess, stdin: stdin, out: &syncBuffer{}, errs: &syncBuffer{},
		screen: tuitest.NewScreen(min(width, limits.MaxWidth), min(height, limits.MaxHeight), nil),
		done:   make(chan error, 1), ended: make(chan struct{})}
	sess.Stdout, sess.Stderr = io.MultiWriter(term.out, term.screen), term.errs
	if err := sess.Shell(); err != nil {
		t.Fatalf("shell: %v", err)
	}
	go func() {
		err := sess.Wait()
		close(term.ended)
		term.done <- err
	}()
	return term
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
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// openStore opens a store that is closed when the test ends.
func openStore(t *testing.T, dir string) *data.Store {
	t.Helper()
	store, err := data.Open(data.Options{Dir: dir})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}
