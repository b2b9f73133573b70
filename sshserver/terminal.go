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

// terminalState is a session's terminal size, as the client last gave it.
type terminalState struct {
	mu      sync.Mutex
	window  ssh.Window
	changes chan ssh.Window // the latest change not yet taken; older ones are dropped
}

func newTerminalState(w ssh.Window) *terminalState {
	t := &terminalState{window: w, changes: make(chan ssh.Window, 1)}
	t.changes <- w // as charm.land/ssh does: the first size is a change too
	return t
}

// resize records a new size. Only the filter calls it, so nothing else
// fills the channel between the drain and the send: a storm of changes
// costs one slot, and the screen sees the latest.
func (t *terminalState) resize(w ssh.Window) {
	t.mu.Lock()
	t.window = w
	t.mu.Unlock()
	select {
	case <-t.changes:
	default:
	}
	t.changes <- w
}

func (t *terminalState) size() ssh.Window {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.window
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
