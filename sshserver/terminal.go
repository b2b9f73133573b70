package sshserver

import (
	"strings"
	"sync"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// XXX: charm.land/ssh writes a session's window size from its request
// goroutine (on every window-change) while the session's handler reads it
// through Session.Pty, unguarded: the race detector finds it under a
// resize storm. So window changes never reach charm.land/ssh: the request
// filter keeps each session's terminal size here, under a lock, and hands
// the changes to the screen itself. charm.land/ssh then writes the PTY
// only once, for the pty-req, before the session's handler starts.

// terminalTag is the environment variable the server sets on each session
// with a PTY, naming its terminalState: the filter sees the requests and
// the handler sees the session, and the environment is what both share.
// A client cannot set it (the filter refuses it).
const terminalTag = "ANCHORAGE_SERVER_TERMINAL"

// terminalState is a session's terminal size, as the client last gave it,
// and the screen that follows it, if one does.
type terminalState struct {
	mu       sync.Mutex
	window   ssh.Window
	follower *follower
}

// follower is a screen following the size: a change is handed to it by a
// goroutine that lives only while there is a change to hand over, since
// a screen takes a size only once it runs, and a session should not keep
// a goroutine of its own waiting for a resize that may never come.
type follower struct {
	resize  func(ssh.Window)
	pending bool // a size not yet handed over
	handing bool // a goroutine is handing sizes over
}

func newTerminalState(w ssh.Window) *terminalState {
	return &terminalState{window: w}
}

// resize records a new size and hands it to the follower. Only the latest
// waits to be handed over: a storm of changes behind a busy screen costs
// nothing, and the screen sees the latest.
func (t *terminalState) resize(w ssh.Window) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.window = w
	t.handOverLocked()
}

func (t *terminalState) size() ssh.Window {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.window
}

// follow hands resize the size now, as charm.land/ssh does (the first size
// is a change too), and every change until stop is called. resize may
// block; it is never called twice at once, and always with the latest size.
func (t *terminalState) follow(resize func(ssh.Window)) (stop func()) {
	f := &follower{resize: resize}
	t.mu.Lock()
	t.follower = f
	t.handOverLocked()
	t.mu.Unlock()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		if t.follower == f {
			t.follower = nil
		}
	}
}

// handOverLocked marks the size as pending for the follower, and starts a
// goroutine to hand it over unless one is already at it.
func (t *terminalState) handOverLocked() {
	f := t.follower
	if f == nil {
		return
	}
	f.pending = true
	if !f.handing {
		f.handing = true
		go t.handOver(f)
	}
}

// handOver hands the follower the latest size until none is pending or
// the follower has stopped following.
func (t *terminalState) handOver(f *follower) {
	for {
		t.mu.Lock()
		if t.follower != f || !f.pending {
			f.handing = false
			t.mu.Unlock()
			return
		}
		f.pending = false
		w := t.window
		t.mu.Unlock()
		f.resize(w)
	}
}

// ptyRequest and windowChange are the payloads of those requests (RFC
// 4254, 6.2 and 6.7).
type ptyRequest struct {
	Term                      string
	Columns, Rows             uint32
	WidthPixels, HeightPixels uint32
	Modes                     string
}

type windowChange struct {
	Columns, Rows             uint32
	WidthPixels, HeightPixels uint32
}

func (w windowChange) window() ssh.Window {
	return ssh.Window{Width: int(w.Columns), Height: int(w.Rows), WidthPixels: int(w.WidthPixels), HeightPixels: int(w.HeightPixels)}
}

// tagRequest is the environment request the filter adds to name a
// session's terminalState. It wants no reply, so it needs no channel.
func tagRequest(id string) *gossh.Request {
	kv := struct{ Key, Value string }{terminalTag, id}
	return &gossh.Request{Type: "env", WantReply: false, Payload: gossh.Marshal(&kv)}
}

// terminalOf finds the session's terminalState, or nil.
func (s *Server) terminalOf(sess ssh.Session) *terminalState {
	for _, kv := range sess.Environ() {
		if id, ok := strings.CutPrefix(kv, terminalTag+"="); ok {
			if t, ok := s.terminals.Load(id); ok {
				return t.(*terminalState)
			}
		}
	}
	return nil
}

// withoutTag is an environment without the server's own tag.
func withoutTag(environ []string) []string {
	out := environ[:0:0]
	for _, kv := range environ {
		if !strings.HasPrefix(kv, terminalTag+"=") {
			out = append(out, kv)
		}
	}
	return out
}
