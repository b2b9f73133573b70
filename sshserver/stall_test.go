package sshserver

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/sshserver/sshtest"
	"github.com/anchorage/anchorage/tui"
	gossh "golang.org/x/crypto/ssh"
)

// firehose is a stand-in screen that redraws whenever the presence in a
// workshop changes, showing the name of the latest change. On a wide
// screen it also sets a 128 KiB window title that changes every time, so
// that a client that stops reading fills its 2 MB SSH window within a few
// updates, which a real screen would take hours of a workshop to do,
// without the cost of drawing millions of cells.
type firehose struct {
	s             tui.Session
	workshop      string
	bell          <-chan struct{}
	tick          string
	width, height int
	ids           chan<- string
}

type fireMsg struct{}

func withFirehose(workshop func() string) (chan string, serverOption) {
	ids := make(chan string, 16)
	return ids, serverOption{server: func(s *Server) {
		s.screens.participant = func(session tui.Session) tea.Model {
			ws := workshop()
			bell, stop := session.Room.Watch(ws)
			context.AfterFunc(session.Context, stop)
			return &firehose{s: session, workshop: ws, bell: bell, ids: ids, width: session.Width, height: session.Height}
		}
	}}
}

func (f *firehose) listen() tea.Cmd {
	return func() tea.Msg {
		select {
		case <-f.bell:
			return fireMsg{}
		case <-f.s.Context.Done():
			return nil
		}
	}
}

func (f *firehose) Init() tea.Cmd {
	f.ids <- f.s.ID
	return f.listen()
}

func (f *firehose) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.width, f.height = msg.Width, msg.Height
	case fireMsg:
		for _, p := range f.s.Room.Present(f.workshop) {
			if strings.HasPrefix(p.Name, "tick-") {
				f.tick = p.Name
			}
		}
		return f, f.listen()
	}
	return f, nil
}

func (f *firehose) View() tea.View {
	v := tea.NewView("[" + f.tick + "]")
	if f.width >= 200 { // the stalled client's wide screen: make every update big
		n := len(f.tick)
		if n > 0 {
			n = int(f.tick[n-1])
		}
		title := make([]byte, 128<<10)
		for i := range title {
			title[i] = byte('a' + (i+n)%26)
		}
		v.WindowTitle = string(title)
	}
	return v
}

// screenOf finds the running screen with the session ID.
func (ts *testServer) screenOf(id string) *screenIO {
	ts.sessions.mu.Lock()
	defer ts.sessions.mu.Unlock()
	for _, sio := range ts.sessions.programs {
		if sio.id == id {
			return sio
		}
	}
	return nil
}

// stallingConn is a client's TCP connection that can stop reading, as a
// client whose process hangs does: its TCP window fills.
type stallingConn struct {
	net.Conn
	stallOnce, closeOnce sync.Once
	stalled, closed      chan struct{}
}

func newStallingConn(c net.Conn) *stallingConn {
	return &stallingConn{Conn: c, stalled: make(chan struct{}), closed: make(chan struct{})}
}

func (c *stallingConn) stall() { c.stallOnce.Do(func() { close(c.stalled) }) }

func (c *stallingConn) Read(p []byte) (int, error) {
	select {
	case <-c.stalled:
		select {
		case <-c.closed:
			return 0, net.ErrClosed
		case <-time.After(testDeadline):
			return 0, fmt.Errorf("the stalled connection was left open for %s", testDeadline)
		}
	default:
		return c.Conn.Read(p)
	}
}

// countingWriter counts what is written to it and keeps none of it.
type countingWriter struct{ n *atomic.Int64 }

func (w countingWriter) Write(p []byte) (int, error) {
	w.n.Add(int64(len(p)))
	return len(p), nil
}

func (c *stallingConn) Close() error {
	c.closeOnce.Do(func() { close(c.closed) })
	return c.Conn.Close()
}

// stalledClient is a client with a wide screen that stops reading,
// either its session (its SSH window fills) or its socket (its TCP window
// fills, then the SSH window).
type stalledClient struct {
	client *gossh.Client
	conn   *stallingConn
	sess   *gossh.Session
	ended  chan error // the connection's end, as the client sees it
}

func openStalledClient(t *testing.T, addr string, atTCP bool) *stalledClient {
	t.Helper()
	raw, err := sshtest.DialTCP(addr, "")
	if err != nil {
		t.Fatal(err)
	}
	conn := newStallingConn(raw)
	t.Cleanup(func() { conn.Close() })
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User: "stalled-code", Auth: []gossh.AuthMethod{keyless()}, HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		t.Fatal(err)
	}
	sc := &stalledClient{client: gossh.NewClient(c, chans, reqs), conn: conn, ended: make(chan error, 1)}
	go func() { sc.ended <- sc.client.Wait() }()
	if sc.sess, err = sc.client.NewSession(); err != nil {
		t.Fatal(err)
	}
	if err := sc.sess.RequestPty("xterm-256color", 200, 500, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdout, err := sc.sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var got atomic.Int64
	if atTCP {
		// The session is read as fast as it comes, until the socket stops.
		go func() { _, _ = io.Copy(countingWriter{&got}, stdout) }()
	}
	// Otherwise stdout is never read: the SSH window fills.
	if err := sc.sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if atTCP {
		waitUntil(t, "the stalling client's screen to start", func() bool { return got.Load() > 0 })
		conn.stall()
	}
	return sc
}

// TestStalledClientIsDroppedWithoutSlowingAnyoneElse runs a live screen
// for a healthy client and one for a client that stops reading. Updates
// go on arriving at the healthy client, each one checked, while the
// stalled client's output is provably stuck; once output has made no
// progress for the stall timeout, the stalled client is disconnected.
func TestStalledClientIsDroppedWithoutSlowingAnyoneElse(t *testing.T) {
	for _, tt := range []struct {
		name  string
		atTCP bool
	}{{"stops reading its session", false}, {"stops reading its socket", true}} {
		t.Run(tt.name, func(t *testing.T) {
			const stall = 30 * time.Second
			clock := newManualClock()
			alice := newKey(t)
			var workshop string
			ids, firehose := withFirehose(func() string { return workshop })
			srv := startServer(t, "", withClock(clock), withFacilitators(t, alice), firehose,
				withConfig(func(c *Config) { c.StallTimeout = stall }))
			if r := run(t, srv.addr, "alice", "workshop new --title Live --code live-room", withKeys(alice)); r.status != 0 {
				t.Fatalf("workshop new: %+v", r)
			}
			workshop = srv.mustWorkshop(t, "live-room").ID
			next := func() string {
				select {
				case id := <-ids:
					return id
				case <-time.After(testDeadline):
					t.Fatalf("waited %s for a screen to start", testDeadline)
					return ""
				}
			}

			healthy := openTerminal(t, srv.addr, "live-room", 80, 24, keyless())
			healthyID := next()
			healthy.waitFor("[]")
			stalled := openStalledClient(t, srv.addr, tt.atTCP)
			stuck := srv.screenOf(next())

			update, leave := srv.store.Enter(workshop, inquiry.Presence{Session: "driver", Role: inquiry.RoleFacilitator, Name: "tick-0"})
			defer leave()
			tick := 0
			send := func() {
				t.Helper()
				tick++
				update(inquiry.Presence{Session: "driver", Role: inquiry.RoleFacilitator, Name: fmt.Sprintf("tick-%d", tick)})
				healthy.waitFor(fmt.Sprintf("[tick-%d]", tick))
			}

			// Until the stalled client's output stops moving: a write is
			// under way and no byte has gone for ten updates.
			var written int64 = -1
			for still := 0; still < 10; {
				if tick > 1000 {
					t.Fatalf("after %d updates the stalled client still takes output (%d bytes)", tick, written)
				}
				if now := stuck.out.written.Load(); stuck.out.writing.Load() && now == written {
					still++
				} else {
					still, written = 0, now
				}
				send()
			}
			const more = 25
			for range more {
				send()
			}
			if !stuck.out.writing.Load() || stuck.out.written.Load() != written {
				t.Fatal("the stalled client's output moved: the test did not stall it")
			}
			t.Logf("the stalled client took %d bytes in %d updates before its output stopped for good; %d updates reached the healthy client after that", written, tick-1, more)

			waitUntil(t, "the healthy screen to finish writing", func() bool {
				h := srv.screenOf(healthyID)
				return h != nil && !h.out.writing.Load()
			})
			clock.Advance(stall)
			waitUntil(t, "the stalled session to end", func() bool { _, sessions := srv.origins.totals(); return sessions == 1 })
			if !tt.atTCP {
				select {
				case <-stalled.ended:
				case <-time.After(testDeadline):
					t.Fatalf("waited %s for the stalled client to be disconnected", testDeadline)
				}
			}
			send() // the healthy client carries on
		})
	}
}
