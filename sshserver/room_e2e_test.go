package sshserver

import (
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anchorage/anchorage/sshserver/sshtest"
	"github.com/anchorage/anchorage/tui/tuitest"
	gossh "golang.org/x/crypto/ssh"
)

// roomJoinDeadline is the promise: each person behind a busy address is
// at the join screen within this long of typing the ssh command.
const roomJoinDeadline = 10 * time.Second

// TestARoomBehindOneAddressGetsInWhileOneMachineOpensConnectionsInALoop
// is a village hall behind one NAT router: sixty people are in, at the
// join screen; one machine opens a connection every 20 ms and leaves it
// hanging (half of them silent, half stopped after the version line);
// then five more people arrive, one a second, from the same address. Each
// must reach the join screen within roomJoinDeadline, and does so at the
// first try: the looping machine's connections are the ones closed to
// make room. The waits are logged for RELIABILITY.md.
func TestARoomBehindOneAddressGetsInWhileOneMachineOpensConnectionsInALoop(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	if r := run(t, srv.addr, "alice", `workshop new --title "Village hall" --code village-hall`, withKeys(alice)); r.status != 0 {
		t.Fatalf("setting up: %+v", r)
	}
	for range 60 {
		openTerminal(t, srv.addr, "village-hall", 80, 24, keyless()).waitFor("Your name or pseudonym")
	}

	loop := startLooping(t, srv.addr, 20*time.Millisecond)
	waitUntil(t, "the looping machine to fill the address's unfinished handshakes", func() bool {
		return srv.pendingCount("127.0.0.1") >= srv.cfg.MaxHandshakesPerAddress
	})

	var waits []time.Duration
	for i := range 5 {
		wait, attempts, err := joinWithin(srv.addr, roomJoinDeadline)
		if err != nil {
			t.Fatalf("person %d behind the busy address: %v", i+1, err)
		}
		if attempts != 1 {
			t.Errorf("person %d needed %d tries to connect; want the first to work", i+1, attempts)
		}
		waits = append(waits, wait)
		time.Sleep(time.Second)
	}
	opened, dropped := loop.stop()
	if dropped == 0 {
		t.Errorf("the looping machine opened %d connections and none was closed to make room", opened)
	}
	slices.Sort(waits)
	t.Logf("60 in; the looping machine opened %d connections over the run, %d closed by the server to make room; "+
		"5 people from the same address reached the join screen in %v (slowest %s)", opened, dropped, waits, waits[len(waits)-1])
}

// pendingCount is the number of unfinished handshakes from an address.
func (ts *testServer) pendingCount(addr string) int {
	ts.origins.mu.Lock()
	defer ts.origins.mu.Unlock()
	if src := ts.origins.byKey[addr]; src != nil {
		return len(src.pending)
	}
	return 0
}

// looper opens a connection every so often and leaves it hanging.
type looper struct {
	done    chan struct{}
	wg      sync.WaitGroup
	opened  atomic.Int64
	dropped atomic.Int64 // closed by the server
	conns   sync.Map
}

func startLooping(t *testing.T, addr string, every time.Duration) *looper {
	l := &looper{done: make(chan struct{})}
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		tick := time.NewTicker(every)
		defer tick.Stop()
		for n := 0; ; n++ {
			select {
			case <-l.done:
				return
			case <-tick.C:
			}
			c, err := sshtest.DialTCP(addr, "127.0.0.1")
			if err != nil {
				continue // refused outright: counted by neither
			}
			l.opened.Add(1)
			if n%2 == 1 {
				_, _ = c.Write([]byte("SSH-2.0-Looping\r\n")) // then nothing
			}
			l.conns.Store(c, true)
			l.wg.Add(1)
			go func() {
				defer l.wg.Done()
				_, err := io.Copy(io.Discard, c) // until the server or stop closes it
				if !errors.Is(err, net.ErrClosed) {
					l.dropped.Add(1)
				}
				c.Close()
				l.conns.Delete(c)
			}()
		}
	}()
	t.Cleanup(func() { l.stop() })
	return l
}

// stop ends the loop, closes what it left open, and says how many
// connections it opened and how many the server closed.
func (l *looper) stop() (opened, dropped int64) {
	select {
	case <-l.done:
	default:
		close(l.done)
	}
	l.conns.Range(func(c, _ any) bool { c.(net.Conn).Close(); return true })
	l.wg.Wait()
	return l.opened.Load(), l.dropped.Load()
}

// joinWithin connects as a person without a key would, again if a try
// fails, until the join screen shows or the deadline passes, and returns
// how long it took and how many tries.
func joinWithin(addr string, deadline time.Duration) (time.Duration, int, error) {
	start := time.Now()
	end := start.Add(deadline)
	var last error
	for attempts := 1; time.Now().Before(end); attempts++ {
		last = joinOnce(addr, end)
		if last == nil {
			return time.Since(start), attempts, nil
		}
	}
	return time.Since(start), 0, fmt.Errorf("not at the join screen within %s: %w", deadline, last)
}

func joinOnce(addr string, end time.Time) error {
	conn, err := sshtest.DialTCP(addr, "127.0.0.1")
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.SetDeadline(end)
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User: "village-hall", Auth: []gossh.AuthMethod{keyless()}, HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		return fmt.Errorf("handshake: %w", err)
	}
	client := gossh.NewClient(c, chans, reqs)
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		return err
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return err
	}
	screen := tuitest.NewScreen(80, 24, nil)
	sess.Stdout = screen
	if err := sess.Shell(); err != nil {
		return err
	}
	return screen.WaitFor(time.Until(end), "Your name or pseudonym")
}
