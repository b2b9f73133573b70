package sshserver

import (
	"fmt"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// maxEnvPerSession caps the environment variables one session may set.
// Each is kept in memory, and the protocol puts no bound on how many a
// client sends before it starts its shell.
const maxEnvPerSession = 64

// notForwarded is what a client asking to forward ports, an agent or X11
// is told. charm.land/ssh refuses these already (it has no handlers for
// them, except that it accepts an agent request it then never uses); the
// server refuses them explicitly, with a reason.
const notForwarded = "Anchorage offers its workshop screens and commands only: it forwards no ports, agents or X11"

// sessionChannel opens a session channel, unless the connection already
// carries as many as it may, and filters what the client asks of it
// before charm.land/ssh's own session handling sees it.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	cs, ok := connOf(ctx)
	if !ok {
		// Not reached: every connection passes admitConn. Fail closed.
		_ = newChan.Reject(gossh.ConnectionFailed, "connection not admitted")
		return
	}
	if n := cs.channels.Add(1); n > int32(s.cfg.MaxSessionsPerConnection) {
		cs.channels.Add(-1)
		_ = newChan.Reject(gossh.ResourceShortage, fmt.Sprintf(
			"this connection already has %d sessions open, as many as one connection may carry here", s.cfg.MaxSessionsPerConnection))
		return
	}
	defer cs.channels.Add(-1)
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{NewChannel: newChan, server: s}, ctx)
}

// refuseChannel turns down every channel that is not a session: port
// forwarding (direct-tcpip) and anything else a client may try.
func refuseChannel(_ *ssh.Server, _ *gossh.ServerConn, newChan gossh.NewChannel, _ ssh.Context) {
	_ = newChan.Reject(gossh.Prohibited, notForwarded)
}

// refuseSubsystem answers a subsystem request (sftp, say) with a message
// on stderr and exit status 1: there are no files to transfer here.
func (s *Server) refuseSubsystem(sess ssh.Session) {
	name := sess.Subsystem()
	if len(name) > 40 {
		name = name[:40]
	}
	fmt.Fprintf(sess.Stderr(), "Anchorage has no %q subsystem: there are no files to transfer here.\n"+
		"Facilitators export a workshop with: %s export CODE --format markdown > report.md\n",
		name, s.connectHint(sess, ""))
	_ = sess.Exit(1)
}

// filteredChannel is a session channel whose requests pass through
// filterRequests before charm.land/ssh handles them.
type filteredChannel struct {
	gossh.NewChannel
	server *Server
}

func (c filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go c.server.filterRequests(reqs, out)
	return ch, out, nil
}

// filterRequests refuses agent and X11 forwarding, environment variables
// beyond maxEnvPerSession, and the server's own terminal tag from a
// client; it keeps window changes to itself (see terminalState), tags a
// session with a PTY before its shell or command starts, and passes
// everything else on in order. It ends when the channel does.
func (s *Server) filterRequests(in <-chan *gossh.Request, out chan<- *gossh.Request) {
	id := newSessionID()
	var term *terminalState
	defer func() {
		if term != nil {
			s.terminals.Delete(id)
		}
		close(out)
	}()
	env, tagged := 0, false
	for req := range in {
		switch req.Type {
		case "env":
			var kv struct{ Key, Value string }
			if env++; env > maxEnvPerSession || gossh.Unmarshal(req.Payload, &kv) != nil || kv.Key == terminalTag {
				_ = req.Reply(false, nil)
				continue
			}
		case "auth-agent-req@openssh.com", "x11-req":
			_ = req.Reply(false, nil)
			continue
		case "pty-req":
			var p ptyRequest
			if term == nil && gossh.Unmarshal(req.Payload, &p) == nil {
				term = newTerminalState(windowChange{p.Columns, p.Rows, p.WidthPixels, p.HeightPixels}.window())
				s.terminals.Store(id, term)
			}
		case "window-change":
			var w windowChange
			ok := term != nil && gossh.Unmarshal(req.Payload, &w) == nil
			if ok {
				term.resize(w.window())
			}
			_ = req.Reply(ok, nil)
			continue
		case "shell", "exec", "subsystem":
			if term != nil && !tagged {
				out <- tagRequest(id)
				tagged = true
			}
		}
		out <- req
	}
}
