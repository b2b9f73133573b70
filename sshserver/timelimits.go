package sshserver

import (
	"fmt"
	"strings"
	"sync"

	"charm.land/ssh"
	"github.com/anchorage/anchorage/inquiry"
)

// timeWatch ends a screen after Config.IdleTimeout without a byte from
// the client, and at the connection's Config.MaxConnectionTime. The idle
// timer does not restart on every keypress: when it fires it looks at the
// time of the last input and, if there was some since, sets itself again
// for the time that is left.
type timeWatch struct {
	server *Server
	sess   ssh.Session
	end    *ending
	in     *inputMeter

	mu       sync.Mutex
	idle     timer
	lifetime timer
}

// watchTime starts the timers for a screen and returns what stops them.
// A screen nobody types at (the wall display) is not watched for
// idleness: idle is false.
func (s *Server) watchTime(sess ssh.Session, end *ending, in *inputMeter, cs *connState, idle bool) func() {
	w := &timeWatch{server: s, sess: sess, end: end, in: in}
	w.mu.Lock()
	defer w.mu.Unlock()
	if idle {
		w.idle = s.clock.AfterFunc(s.cfg.IdleTimeout, w.checkIdle)
	}
	left := cs.connected.Add(s.cfg.MaxConnectionTime).Sub(s.clock.Now())
	w.lifetime = s.clock.AfterFunc(left, w.tooLong)
	return w.stop
}

func (w *timeWatch) checkIdle() {
	s := w.server
	quiet := s.clock.Now().Sub(w.in.idleSince())
	if quiet >= s.cfg.IdleTimeout {
		s.log.Info("screen ended: idle", "remote", s.hashRemote(w.sess.RemoteAddr()), "idle", s.cfg.IdleTimeout)
		w.end.end(fmt.Sprintf("This session has ended after %s without a keypress. Everything you saved is kept.\n"+
			"Connect again to carry on: %s", humanDuration(s.cfg.IdleTimeout), w.reconnect()))
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.idle.Reset(s.cfg.IdleTimeout - quiet)
}

func (w *timeWatch) tooLong() {
	s := w.server
	s.log.Info("screen ended: connection time limit", "remote", s.hashRemote(w.sess.RemoteAddr()), "limit", s.cfg.MaxConnectionTime)
	w.end.end(fmt.Sprintf("This session has been connected for %s, the longest a connection may last here, and has ended. "+
		"Everything you saved is kept.\nConnect again to carry on: %s", humanDuration(s.cfg.MaxConnectionTime), w.reconnect()))
}

func (w *timeWatch) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.idle != nil {
		w.idle.Stop()
	}
	w.lifetime.Stop()
}

// reconnect is the command that connects again as before: with the join
// code or enrol@ if that was the SSH user name (a code typed with spaces
// as parsed, so that it needs no quoting). Any other user name is left
// out, since it may hold what a terminal would act on. The code is not
// looked up: whether it is a workshop's is not for the hint to say.
func (w *timeWatch) reconnect() string {
	user := strings.ToLower(w.sess.User())
	if enrolUsers[user] {
		return w.server.connectHint(w.sess, user+"@")
	}
	if code, ok := displayCode(user); ok {
		return w.server.connectHint(w.sess, code+displaySuffix+"@")
	}
	// Asked for in the user name, plain text is asked for again.
	user, plain := plainUser(user)
	suffix := ""
	if plain {
		suffix = plainSuffix
		if user == "" {
			return w.server.connectHint(w.sess, "plain@")
		}
	}
	code, err := inquiry.ParseJoinCode(user)
	if err != nil {
		return w.server.connectHint(w.sess, "")
	}
	if strings.Trim(user, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		user = code.String()
	}
	return w.server.connectHint(w.sess, user+suffix+"@")
}
