package sshserver

import (
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"charm.land/ssh"
	"github.com/anchorage/anchorage/inquiry"
)

// The middlewares, in the order a session meets them (New lists them the
// other way round, as wish composes last to first).

// recovery ends a session whose handler panics, with exit status 1, and
// logs the panic. Without it the panic would be recovered deeper down with
// exit status 0, as if all had gone well. (Bubble Tea recovers panics in a
// screen's own Update and View; this catches the rest.)
func (s *Server) recovery(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("session panicked", "panic", r, "stack", string(debug.Stack()))
				fmt.Fprintln(sess.Stderr(), "Something went wrong on the server and this session has ended. Everything you saved is kept.")
				_ = sess.Exit(1)
			}
		}()
		next(sess)
	}
}

// track counts the session for Shutdown and against the server's and the
// address's session limits; once shutdown has begun, or at a limit, new
// sessions are told so and turned away.
func (s *Server) track(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if !s.sessions.enter() {
			fmt.Fprintln(sess.Stderr(), shutdownNotice)
			_ = sess.Exit(1)
			return
		}
		defer s.sessions.leave()
		cs, ok := connOf(sess.Context())
		if !ok {
			// Not reached: every connection passes admitConn. Fail closed.
			fmt.Fprintln(sess.Stderr(), "This connection was not admitted.")
			_ = sess.Exit(1)
			return
		}
		if full := s.origins.enterSession(cs.origin); full != "" {
			if ok, unlogged := s.origins.shouldLogRefusal(cs.origin, refusedSession, s.clock.Now()); ok {
				s.log.Warn("session refused: at the session limit", "remote", s.hashRemote(sess.RemoteAddr()), "unlogged_since", unlogged)
			}
			fmt.Fprintln(sess.Stderr(), full)
			_ = sess.Exit(1)
			return
		}
		defer s.origins.leaveSession(cs.origin)
		next(sess)
	}
}

type visitorKey struct{}

// logSession works out who the visitor is, once, hands that on in the
// session's context, and logs the session when it ends. Participants are
// never logged by key or address: the remote is a keyed hash, and the SSH
// user is logged only when it is a workshop's join code or "enrol", since
// people sometimes type their own name there.
//
// What the server logs, at which level (charm.land/log, to the logger
// given to New; a nil logger logs nothing). "remote" is always a keyed
// hash of the client's IP address (12 hex digits of HMAC-SHA256 under the
// installation's secret): the same for every connection from one address,
// so that a run of refusals can be followed, but not the address.
//
//   - Info "session ended", once per session: remote, role (participant
//     or facilitator), kind (screen, command or none), duration; user
//     only when the SSH user name is a workshop's join code or enrol; for
//     a facilitator also key (the key's SHA256 fingerprint) and command
//     (its first word only, never its arguments).
//   - Info "facilitator enrolled": the name given, key fingerprint, remote.
//   - Info "screen ended: idle", "screen ended: connection time limit",
//     "connection dropped: the client stopped reading": remote and the
//     limit (and, for a stall, the bytes the client had taken).
//   - Warn "connection refused before the handshake" (with its reason),
//     "unfinished handshake dropped: too many from one address" (with the
//     bytes the dropped one had sent), "session refused: at the session
//     limit", "code lookup refused: too many codes being tried from one
//     address": remote and unlogged_since, the refusals from that address
//     not logged before this one. Each address gets at most one such line
//     a minute for each, so a flood of refusals is not a flood of log
//     lines.
//   - Warn "screen ended: input flood": remote and the input limits.
//   - Warn at start when other users could change the facilitators file
//     or read the host key: the file and its mode.
//   - Error "session panicked": the panic and its stack; "screen panicked"
//     when Bubble Tea caught a panic in a screen (its stack goes to the
//     process's stderr).
//
// Never logged: participants' public keys or fingerprints, IP addresses
// and ports, SSH user names other than join codes and enrol, wrong join
// or enrolment codes, anything typed on a screen, environment variables.
// (charm.land/ssh itself writes to log/slog's default logger, with the
// client's address, only when a connection's goroutine panics; wish's
// Bubble Tea middleware writes a program's exit error to charm.land/log's
// default logger. Where those go is for the program running the server.)
func (s *Server) logSession(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		v := s.identify(sess)
		sess.Context().SetValue(visitorKey{}, v)
		start := time.Now()
		next(sess)

		kv := []any{"remote", v.remote, "role", roleOf(v), "kind", kindOf(sess), "duration", time.Since(start).Round(time.Millisecond)}
		if user := strings.ToLower(sess.User()); enrolUsers[user] || s.isJoinCode(user) {
			kv = append(kv, "user", user)
		}
		if v.facilitator {
			kv = append(kv, "key", fingerprint(v.key))
			if cmd := commandWords(sess); len(cmd) > 0 {
				kv = append(kv, "command", cmd[0])
			}
		}
		s.log.Info("session ended", kv...)
	}
}

// isJoinCode reports whether user is the join code of a workshop. The
// lookup is not a guess (see lookups.go): it answers nobody, and only
// decides what the log may say.
func (s *Server) isJoinCode(user string) bool {
	if _, err := inquiry.ParseJoinCode(user); err != nil {
		return false
	}
	_, ok := s.store.ByCode(user)
	return ok
}

func roleOf(v visitor) inquiry.Role {
	if v.facilitator {
		return inquiry.RoleFacilitator
	}
	return inquiry.RoleParticipant
}

func kindOf(sess ssh.Session) string {
	_, _, pty := sess.Pty()
	switch {
	case len(commandWords(sess)) > 0:
		return "command"
	case pty:
		return "screen"
	}
	return "none"
}

// route sends a session where it belongs: a command to the command tree
// (with or without a terminal), a terminal to a screen, and a connection
// with neither to an explanation.
func (s *Server) route(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		v, _ := sess.Context().Value(visitorKey{}).(visitor)
		_, _, hasPTY := sess.Pty()
		switch {
		case len(commandWords(sess)) > 0:
			s.runCommand(sess, v)
		case hasPTY:
			s.runScreen(sess, v)
		default:
			s.explain(sess)
		}
		next(sess)
	}
}
