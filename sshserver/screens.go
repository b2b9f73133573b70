package sshserver

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	bm "charm.land/wish/v2/bubbletea"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// screenSet makes the screens a session can get. It is tui's, except in
// tests that need to see what a screen is given.
type screenSet struct {
	participant func(tui.Session) tea.Model
	facilitator func(tui.Session) tea.Model
	enrol       func(enrol func(code string) error, connect string) tea.Model
}

var tuiScreens = screenSet{participant: tui.NewParticipant, facilitator: tui.NewFacilitator, enrol: tui.NewEnrolFor}

const tooManyCodes = "Too many wrong join codes. Check the code with your facilitator and connect again."

// enrolUsers are the SSH user names that open the enrolment screen.
var enrolUsers = map[string]bool{"enrol": true, "enroll": true}

// runScreen runs a Bubble Tea screen for a session with a terminal: the
// enrolment screen for enrol@, the facilitator's screen for a facilitator
// key, the participant's screen for everyone else. The screens say
// goodbye themselves, on shutdown (tui.ShutdownMsg) as on a participant's
// last wrong join code.
func (s *Server) runScreen(sess ssh.Session, v visitor) {
	pty, _, _ := sess.Pty()
	width, height := s.cfg.Window.Clamp(pty.Window.Width, pty.Window.Height)
	user := strings.ToLower(sess.User())

	var guard *joinGuard
	var model tea.Model
	switch {
	case enrolUsers[user]:
		if v.key == nil {
			fmt.Fprintf(sess.Stderr(), "Enrolment needs an SSH key, and this connection has none.\n"+
				"Make one with: ssh-keygen -t ed25519\nthen connect again with: %s\n", s.connectHint(sess, "enrol@"))
			_ = sess.Exit(1)
			return
		}
		model = s.screens.enrol(s.enrolFunc(sess, v), s.connectHint(sess, ""))
	default:
		session := tui.Session{
			ID: newSessionID(), Context: sess.Context(), Room: s.store,
			IdentityFor: identityFor(s.store.Secret(), v.key), Width: width, Height: height,
		}
		if inquiry.ValidCode(user) == nil {
			session.Code = user
		}
		if v.facilitator {
			session.Actor = inquiry.Actor{Role: inquiry.RoleFacilitator, ID: fingerprint(v.key)}
			model = s.screens.facilitator(session)
			break
		}
		guard = &joinGuard{Room: s.store, max: int32(s.cfg.MaxJoinAttempts), misses: joinMisses(sess)}
		if guard.exhausted() {
			fmt.Fprintln(sess.Stderr(), tooManyCodes)
			_ = sess.Exit(1)
			return
		}
		session.Room = guard
		session.Actor = inquiry.Actor{Role: inquiry.RoleParticipant}
		model = s.screens.participant(session)
	}

	opts := append(bm.MakeOptions(sess),
		tea.WithoutSignalHandler(),
		// After MakeOptions, so that these replace its size and filter.
		tea.WithWindowSize(width, height),
		tea.WithFilter(sessionFilter(s.cfg.Window)),
	)
	p := tea.NewProgram(model, opts...)
	if guard != nil {
		guard.program.Store(p)
	}
	if !s.sessions.addProgram(p) {
		fmt.Fprintln(sess.Stderr(), shutdownNotice)
		_ = sess.Exit(1)
		return
	}
	defer s.sessions.removeProgram(p)
	bm.MiddlewareWithProgramHandler(func(ssh.Session) *tea.Program { return p })(func(ssh.Session) {})(sess)

	if guard != nil && guard.ended.Load() {
		fmt.Fprintln(sess.Stderr(), tooManyCodes)
		_ = sess.Exit(1)
	}
}

// sessionFilter clamps every window size a client claims, and keeps the
// rule wish's own filter enforces (which tea.WithFilter replaces): a
// suspend (ctrl+z) resumes at once, since there is no shell on the server
// side to return to.
func sessionFilter(limits WindowLimits) func(tea.Model, tea.Msg) tea.Msg {
	return func(_ tea.Model, msg tea.Msg) tea.Msg {
		switch m := msg.(type) {
		case tea.WindowSizeMsg:
			m.Width, m.Height = limits.Clamp(m.Width, m.Height)
			return m
		case tea.SuspendMsg:
			return tea.ResumeMsg{}
		}
		return msg
	}
}

// joinGuard counts the join codes a participant's screen looks up in vain,
// so that codes cannot be found by trying them one after another. The
// count is the connection's, shared by all its sessions, so opening more
// sessions buys no more tries. After MaxJoinAttempts wrong codes, the
// next lookup ends the session and a new session on the connection is
// refused. (The participant's screen has its own limit per session and
// says goodbye itself when it reaches it; this guard is the server's.)
type joinGuard struct {
	tui.Room
	max     int32
	misses  *atomic.Int32
	program atomic.Pointer[tea.Program]
	ended   atomic.Bool
	once    sync.Once
}

// ByCode looks a code up, counting misses.
func (g *joinGuard) ByCode(code string) (inquiry.Summary, bool) {
	if g.exhausted() {
		g.end()
		return inquiry.Summary{}, false
	}
	w, ok := g.Room.ByCode(code)
	if !ok {
		g.misses.Add(1)
	}
	return w, ok
}

// exhausted reports whether the connection has used up its wrong codes.
func (g *joinGuard) exhausted() bool { return g.misses.Load() >= g.max }

// end quits the session's program.
func (g *joinGuard) end() {
	g.once.Do(func() {
		g.ended.Store(true)
		// ByCode runs inside the program's Update or a command; Quit sends
		// to the program and would wait for that Update to end.
		go func() {
			if p := g.program.Load(); p != nil {
				p.Quit()
			}
		}()
	})
}

type joinMissesKey struct{}

// joinMisses returns the connection's count of wrong join codes, which
// admitConn put in the connection's context.
func joinMisses(sess ssh.Session) *atomic.Int32 {
	if n, ok := sess.Context().Value(joinMissesKey{}).(*atomic.Int32); ok {
		return n
	}
	// Not reached: every connection passes admitConn. Fail closed.
	n := new(atomic.Int32)
	n.Store(1 << 30)
	return n
}

// newSessionID returns a random ID for one connection.
func newSessionID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // crypto/rand.Read does not fail
	return hex.EncodeToString(b)
}

// connectHint is the ssh command that reaches this server, as seen from
// the client: the address and port it connected to.
func (s *Server) connectHint(sess ssh.Session, user string) string {
	host, port := "HOST", s.cfg.Port()
	if addr := sess.LocalAddr(); addr != nil {
		if h, p, err := net.SplitHostPort(addr.String()); err == nil {
			host, port = h, p
		}
	}
	return fmt.Sprintf("ssh -p %s %s%s", port, user, host)
}
