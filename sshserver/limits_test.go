package sshserver

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/sshserver/sshtest"
	gossh "golang.org/x/crypto/ssh"
)

// rawConn is a TCP connection that has not begun the SSH handshake.
type rawConn struct {
	net.Conn
	banner string // the server's version line, "" if it closed first
}

// openRaw connects from a loopback address and reads the server's version
// line, which an admitted connection gets before anything else. A refused
// one is closed without it.
func openRaw(t *testing.T, addr, from string) rawConn {
	t.Helper()
	conn, err := sshtest.DialTCP(addr, from)
	if err != nil {
		t.Fatalf("dial from %s: %v", from, err)
	}
	t.Cleanup(func() { conn.Close() })
	_ = conn.SetDeadline(time.Now().Add(testDeadline))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) && !isReset(err) {
		t.Fatalf("waiting for the server's version line: %v", err)
	}
	return rawConn{Conn: conn, banner: strings.TrimSpace(line)}
}

func (r rawConn) admitted() bool { return strings.HasPrefix(r.banner, "SSH-2.0-") }

func isReset(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && strings.Contains(op.Err.Error(), "reset")
}

// waitClosed waits for the server to close a connection the client
// leaves silent.
func (r rawConn) waitClosed(t *testing.T, what string) {
	t.Helper()
	_ = r.SetDeadline(time.Now().Add(testDeadline))
	_, err := io.Copy(io.Discard, r)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("waited %s for the server to close %s", testDeadline, what)
	}
}

// TestUnfinishedHandshakesAreCappedPerAddressLeastProgressedFirst opens
// more unfinished handshakes from one address than it may have: each new
// one is taken, and the one that has sent least, the oldest of those,
// is closed to make room. A connection that has finished its handshake
// and opened a session never counts.
func TestUnfinishedHandshakesAreCappedPerAddressLeastProgressedFirst(t *testing.T) {
	var logged syncBuffer
	p, probeScreens := withProbes()
	srv := startServer(t, "", probeScreens, withConfig(func(c *Config) { c.MaxHandshakesPerAddress = 3 }),
		withLog(&logged))
	in := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	p.next(t)
	in.waitFor("[p 80x24]") // in, with a session: not an unfinished handshake

	const version = "SSH-2.0-Halfway\r\n" // then nothing more
	spoke := fmt.Sprint(len(version), " 0 0")
	talking := openRaw(t, srv.addr, "127.0.0.1")
	if _, err := talking.Write([]byte(version)); err != nil {
		t.Fatal(err)
	}
	silent := []rawConn{openRaw(t, srv.addr, "127.0.0.1"), openRaw(t, srv.addr, "127.0.0.1")}
	waitUntil(t, "the version line to reach the server", func() bool { return srv.pendingSent("127.0.0.1") == spoke })
	for i, c := range append(silent, talking) {
		if !c.admitted() {
			t.Fatalf("handshake %d of 3 was refused", i+1)
		}
	}
	for i := range 2 { // each makes room by closing a silent one, oldest first
		if c := openRaw(t, srv.addr, "127.0.0.1"); !c.admitted() {
			t.Fatalf("handshake %d over the cap was refused rather than made room for", i+1)
		}
		silent[i].waitClosed(t, fmt.Sprintf("silent handshake %d, to make room", i+1))
	}
	if got := srv.pendingSent("127.0.0.1"); got != spoke {
		t.Errorf("bytes sent by the unfinished handshakes left: %s; want the one that spoke, and the two newest", got)
	}
	if c := openRaw(t, srv.addr, "127.0.0.2"); !c.admitted() {
		t.Fatal("another address was refused: the cap is per address")
	}
	in.typeText("x")
	in.waitFor("tries=1") // the session in use was never touched

	client, _ := dial(t, srv.addr, "harbour-talk", keyless()) // a whole handshake, though three are unfinished
	open := openTerminalOn(t, client, 80, 24)
	p.next(t)
	open.waitFor("[p 80x24]")
	if out := logged.String(); !strings.Contains(out, "unfinished handshake dropped") || strings.Contains(out, "127.0.0.") {
		t.Errorf("the log says %q; want the drop recorded, without the address", out)
	}
}

// pendingSent lists the bytes each unfinished handshake from an address
// has sent, oldest first.
func (ts *testServer) pendingSent(addr string) string {
	ts.origins.mu.Lock()
	defer ts.origins.mu.Unlock()
	src := ts.origins.byKey[addr]
	if src == nil {
		return ""
	}
	var sent []string
	for _, h := range src.pending {
		sent = append(sent, fmt.Sprint(h.read.Load()))
	}
	return strings.Join(sent, " ")
}

func TestBareConnectionsAreCappedBeforeTheHandshake(t *testing.T) {
	// Sessions 4 overall (5 connections), 2 per address (3 connections).
	srv := startServer(t, "", withConfig(func(c *Config) { c.MaxSessions, c.MaxSessionsPerAddress = 4, 2 }))
	for i := range 3 {
		if c := openRaw(t, srv.addr, "127.0.0.1"); !c.admitted() {
			t.Fatalf("connection %d from one address refused under its cap of 3", i+1)
		}
	}
	if c := openRaw(t, srv.addr, "127.0.0.1"); c.admitted() {
		t.Fatal("a fourth bare connection from one address was admitted")
	}
	for i, from := range []string{"127.0.0.2", "127.0.0.3"} {
		if c := openRaw(t, srv.addr, from); !c.admitted() {
			t.Fatalf("connection %d from another address refused under the server's cap of 5", i+4)
		}
	}
	if c := openRaw(t, srv.addr, "127.0.0.4"); c.admitted() {
		t.Fatal("a sixth bare connection was admitted past the server's cap of 5")
	}
}

func TestSilentConnectionIsDroppedAtTheHandshakeDeadline(t *testing.T) {
	srv := startServer(t, "", withConfig(func(c *Config) { c.HandshakeTimeout = 200 * time.Millisecond }))
	silent := openRaw(t, srv.addr, "")
	if !silent.admitted() {
		t.Fatal("the connection was refused outright")
	}
	silent.waitClosed(t, "a connection that says nothing")

	// Half a handshake: the client's version line, then nothing.
	half := openRaw(t, srv.addr, "")
	if _, err := half.Write([]byte("SSH-2.0-Stalling\r\n")); err != nil {
		t.Fatal(err)
	}
	half.waitClosed(t, "a connection that stops mid-handshake")
	waitUntil(t, "the dropped connections to be counted out", func() bool { c, _ := srv.origins.totals(); return c == 0 })
}

// sessionFrom opens a shell without a terminal from a loopback address,
// hangs up once it has ended (as OpenSSH would), and returns what it said.
func sessionFrom(t *testing.T, srv *testServer, from string) result {
	t.Helper()
	client, _ := dialFrom(t, from, srv.addr, "harbour-talk", keyless())
	defer client.Close()
	return runOn(t, client, "")
}

func TestSessionLimitsTellThePersonWhy(t *testing.T) {
	p, probeScreens := withProbes()
	srv := startServer(t, "", probeScreens, withConfig(func(c *Config) { c.MaxSessions, c.MaxSessionsPerAddress = 3, 2 }))
	open := func(from string) *terminal {
		client, _ := dialFrom(t, from, srv.addr, "harbour-talk", keyless())
		term := openTerminalOn(t, client, 80, 24)
		p.next(t)
		term.waitFor("[p 80x24]")
		return term
	}
	first := open("127.0.0.1")
	open("127.0.0.1")
	r := sessionFrom(t, srv, "127.0.0.1")
	if r.status != 1 || !strings.Contains(r.stderr, "Your network already has 2 sessions open") {
		t.Errorf("a third session from one address: exit %d, stderr %q; want the per-address limit explained", r.status, r.stderr)
	}
	open("127.0.0.2")
	r = sessionFrom(t, srv, "127.0.0.3")
	if r.status != 1 || !strings.Contains(r.stderr, "The server is full") {
		t.Errorf("a fourth session: exit %d, stderr %q; want the server's limit explained", r.status, r.stderr)
	}

	first.typeText("\x03")
	first.exit()
	// The refused sessions' connections close on their own time too: wait
	// until only the three terminals' connections are left (the first's
	// client has not hung up), or the next one may find no room.
	waitUntil(t, "the ended sessions and their connections to be counted out", func() bool { c, s := srv.origins.totals(); return s == 2 && c == 3 })
	open("127.0.0.1")
}

func TestOneConnectionCarriesAtMostSoManySessions(t *testing.T) {
	p, probeScreens := withProbes()
	srv := startServer(t, "", probeScreens, withConfig(func(c *Config) { c.MaxSessionsPerConnection = 2 }))
	client, _ := dial(t, srv.addr, "harbour-talk", keyless())
	for range 2 {
		term := openTerminalOn(t, client, 80, 24)
		p.next(t)
		term.waitFor("[p 80x24]")
	}
	_, err := client.NewSession()
	var open *gossh.OpenChannelError
	if !errors.As(err, &open) || open.Reason != gossh.ResourceShortage || !strings.Contains(open.Message, "2 sessions open") {
		t.Fatalf("a third session on the connection: %v; want it refused as a resource shortage, saying why", err)
	}
}
