package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/anchorage/anchorage/tui/tuitest"
	gossh "golang.org/x/crypto/ssh"
)

// Every session asks for the terminal a person on a laptop most often has.
const (
	termWidth  = 80
	termHeight = 24
)

// terminal is one interactive SSH session with a PTY, drawn on a virtual
// screen so that waits are judged by what a person would see. It counts
// the bytes the server sends, split by what the session was doing when
// they arrived (see meter).
type terminal struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	screen *tuitest.Screen

	// changed is rung (never blocking) after every write to the screen, so
	// a waiter re-checks only when something was drawn.
	changed chan struct{}
	ended   chan struct{} // closed when the server's output ends
	// writes counts the chunks drawn; lastDraw is when the latest was.
	writes   atomic.Int64
	lastDraw atomic.Int64 // UnixNano
	// onDraw, if set before the shell starts, sees the screen's text after
	// every chunk; it runs on the goroutine that reads the session.
	onDraw func(text string, at time.Time)

	meter meter
}

// connect opens an SSH connection to addr as user, refusing anything but a
// loopback address.
func connect(ctx context.Context, addr, user string, auth gossh.AuthMethod, timeout time.Duration) (*gossh.Client, error) {
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	d := net.Dialer{Timeout: timeout}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	if err := checkLoopback(conn.RemoteAddr().String()); err != nil {
		conn.Close()
		return nil, err
	}
	// The handshake has the same deadline as the dial; it is lifted after.
	_ = conn.SetDeadline(time.Now().Add(timeout))
	cfg := &gossh.ClientConfig{
		User: user,
		Auth: []gossh.AuthMethod{auth},
		// A load test of a server on this machine: there is no one in the
		// middle to be fooled, and the host key changes with every data
		// folder.
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         timeout,
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("ssh handshake as %q: %w", user, err)
	}
	_ = conn.SetDeadline(time.Time{})
	return gossh.NewClient(c, chans, reqs), nil
}

// dial connects and opens a PTY session of termWidth x termHeight with a
// shell.
func dial(ctx context.Context, addr, user string, auth gossh.AuthMethod, timeout time.Duration, onDraw func(string, time.Time)) (*terminal, error) {
	client, err := connect(ctx, addr, user, auth, timeout)
	if err != nil {
		return nil, err
	}
	t, err := openTerminal(client, onDraw)
	if err != nil {
		client.Close()
		return nil, err
	}
	return t, nil
}

func openTerminal(client *gossh.Client, onDraw func(string, time.Time)) (*terminal, error) {
	sess, err := client.NewSession()
	if err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	if err := sess.RequestPty("xterm-256color", termHeight, termWidth, gossh.TerminalModes{}); err != nil {
		return nil, fmt.Errorf("request pty: %w", err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("stdin: %w", err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("stdout: %w", err)
	}
	t := &terminal{
		client: client, sess: sess, stdin: stdin,
		screen:  tuitest.NewScreen(termWidth, termHeight, nil),
		changed: make(chan struct{}, 1), ended: make(chan struct{}),
		onDraw: onDraw,
	}
	t.meter.start("connect")
	if err := sess.Shell(); err != nil {
		return nil, fmt.Errorf("shell: %w", err)
	}
	go t.pump(stdout)
	return t, nil
}

// pump draws what the server sends until the session ends.
func (t *terminal) pump(r io.Reader) {
	defer close(t.ended)
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			now := time.Now()
			_, _ = t.screen.Write(buf[:n])
			t.meter.add(n)
			t.lastDraw.Store(now.UnixNano())
			t.writes.Add(1)
			if t.onDraw != nil {
				t.onDraw(t.screen.Text(), now)
			}
			select {
			case t.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// send types keys, as a terminal sends them, and returns how many chunks
// had been drawn before: a wait for the keys' echo needs a later one.
func (t *terminal) send(keys string) (int64, error) {
	before := t.writes.Load()
	if _, err := io.WriteString(t.stdin, keys); err != nil {
		return before, fmt.Errorf("type %q: %w", keys, err)
	}
	return before, nil
}

// errEnded is a wait cut short because the session ended.
var errEnded = errors.New("the session ended")

// waitFor waits until a chunk drawn after chunk number `after` leaves the
// screen in a state cond accepts, and returns when that chunk arrived. It
// gives up after timeout, when ctx ends or when the session ends; the
// error then says what was awaited and shows the screen.
func (t *terminal) waitFor(ctx context.Context, timeout time.Duration, after int64, what string, cond func(text string) bool) (time.Time, error) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		if t.writes.Load() > after && cond(t.screen.Text()) {
			// Read after the check: the chunk that satisfied cond came no
			// later than this, so the time errs long, never short.
			return time.Unix(0, t.lastDraw.Load()), nil
		}
		select {
		case <-t.changed:
		case <-t.ended:
			if t.writes.Load() > after && cond(t.screen.Text()) {
				return time.Unix(0, t.lastDraw.Load()), nil
			}
			return time.Time{}, fmt.Errorf("waiting for %s: %w; the screen shows:\n%s", what, errEnded, t.screen.Text())
		case <-timer.C:
			return time.Time{}, fmt.Errorf("waited %s for %s; the screen shows:\n%s", timeout, what, t.screen.Text())
		case <-ctx.Done():
			return time.Time{}, fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		}
	}
}

// showsAll is a condition: every one of texts is on the screen.
func showsAll(texts ...string) func(string) bool {
	return func(screen string) bool {
		for _, s := range texts {
			if !strings.Contains(screen, s) {
				return false
			}
		}
		return true
	}
}

// leave presses ctrl+c, as a person leaving does, waits a little for the
// screen to end the session, and closes the connection.
func (t *terminal) leave(grace time.Duration) {
	_, _ = t.send(keyCtrlC)
	select {
	case <-t.ended:
	case <-time.After(grace):
	}
	t.meter.start("end")
	_ = t.sess.Close()
	_ = t.client.Close()
}

// meter splits the bytes a session receives by what the session was doing
// when they arrived: "connect" until the first complete frame, "key" after
// a keystroke until the next action, "live" while nothing was typed, and so
// on. Each start ends the window before it.
type meter struct {
	mu      sync.Mutex
	label   string
	total   int64
	windows map[string]*window
}

// window is the bytes received over every window of one label.
type window struct {
	Count int64 // windows
	Bytes int64
}

func (m *meter) start(label string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.windows == nil {
		m.windows = map[string]*window{}
	}
	m.label = label
	w := m.windows[label]
	if w == nil {
		w = &window{}
		m.windows[label] = w
	}
	w.Count++
}

func (m *meter) add(n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.total += int64(n)
	if w := m.windows[m.label]; w != nil {
		w.Bytes += int64(n)
	}
}

// snapshot returns the windows by label and the total.
func (m *meter) snapshot() (map[string]window, int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]window, len(m.windows))
	for k, w := range m.windows {
		out[k] = *w
	}
	return out, m.total
}
