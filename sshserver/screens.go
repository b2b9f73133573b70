package sshserver

import (
	"crypto/rand"
	"fmt"
	"net"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	bm "charm.land/wish/v2/bubbletea"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/paint"
	"github.com/charmbracelet/colorprofile"
)

// screenSet makes the screens a session can get. It is tui's, except in
// tests that need to see what a screen is given.
type screenSet struct {
	participant func(tui.Session) tea.Model
	facilitator func(tui.Session) tea.Model
	scribe      func(tui.Session) tea.Model
	enrol       func(enrol func(code string) error, connect string) tea.Model
}

var tuiScreens = screenSet{participant: tui.NewParticipant, facilitator: tui.NewFacilitator, scribe: tui.NewScribe, enrol: tui.NewEnrolFor}

// enrolUsers are the SSH user names that open the enrolment screen.
var enrolUsers = map[string]bool{"enrol": true, "enroll": true}

// runScreen runs a Bubble Tea screen for a session with a terminal: the
// enrolment screen for enrol@, the facilitator's screen for a facilitator
// key, the participant's screen for everyone else. The screens say
// goodbye themselves, on shutdown (tui.ShutdownMsg) as on a participant's
// last wrong join code; when one of the server's limits ends a screen,
// the server says why below it once it has gone.
func (s *Server) runScreen(sess ssh.Session, v visitor) {
	cs, ok := connOf(sess.Context())
	if !ok {
		fmt.Fprintln(sess.Stderr(), "This connection was not admitted.")
		_ = sess.Exit(1)
		return
	}
	end := newEnding(sess.Context())
	defer end.finish()
	sio := s.newScreenIO(sess, cs, end)
	defer sio.close()
	pty, _, _ := sio.Pty()
	width, height := s.cfg.Window.Clamp(pty.Window.Width, pty.Window.Height)
	user := strings.ToLower(sess.User())

	var model tea.Model
	switch {
	case enrolUsers[user]:
		if v.key == nil {
			fmt.Fprintf(sio.Stderr(), "Enrolment needs an SSH key, and this connection has none.\n"+
				"Make one with: ssh-keygen -t ed25519\nthen connect again with: %s\n", s.connectHint(sess, "enrol@"))
			_ = sess.Exit(1)
			return
		}
		model = s.screens.enrol(s.enrolFunc(sess, v), s.connectHint(sess, ""))
	default:
		sio.id = newSessionID()
		session := tui.Session{
			ID: sio.id, Context: sess.Context(), Room: s.store,
			IdentityFor: identityFor(s.store.Secret(), v.key), Width: width, Height: height,
		}
		if code, err := inquiry.ParseJoinCode(user); err == nil {
			session.Code = code.String()
		}
		if v.facilitator {
			session.Actor = s.facilitatorActor(v.key)
			model = s.screens.facilitator(session)
			break
		}
		if s.isScribe(v, session.Code) {
			session.Actor = s.scribeActor(v.key, session.Code)
			model = s.screens.scribe(session)
			break
		}
		guard := &joinGuard{Room: s.store, server: s, conn: cs, ending: end}
		if guard.exhausted() {
			end.end(tooManyCodes)
			s.sayWhy(sio, end)
			return
		}
		session.Room = guard
		session.Actor = inquiry.Actor{Role: inquiry.RoleParticipant}
		model = s.screens.participant(session)
	}
	if end.reason() != "" {
		// The join code in the SSH user name was looked up as the
		// screen was made, and that used up an allowance.
		s.sayWhy(sio, end)
		return
	}

	environ := sessionEnviron(sio)
	profile := sessionProfile(environ)
	// The screens are painted by tui/paint rather than Bubble Tea's
	// renderer: a tenth of the processor a frame and none of its two cell
	// buffers a session (PERFORMANCE.md). Colours are brought down to what
	// the terminal shows as they are written.
	painter := paint.New(&colorprofile.Writer{Forward: sio, Profile: max(profile, colorprofile.ASCII)}, width, height)
	opts := append(bm.MakeOptions(sio),
		tea.WithoutSignalHandler(),
		tea.WithoutRenderer(),
		// Without its renderer Bubble Tea's ticker only writes what its
		// own commands queue (none of ours): once a second is plenty, and
		// a thousand idle sessions then cost next to nothing.
		tea.WithFPS(1),
		// After MakeOptions, so that these replace its size, filter and
		// colour profile.
		tea.WithWindowSize(width, height),
		tea.WithFilter(sessionFilter(s.cfg.Window, profile)),
		tea.WithColorProfile(profile),
	)
	p := tea.NewProgram(paint.Wrap(model, painter), opts...)
	if !s.sessions.addProgram(p, sio) {
		fmt.Fprintln(sio.Stderr(), shutdownNotice)
		_ = sess.Exit(1)
		return
	}
	defer s.sessions.removeProgram(p)
	end.run(p)
	defer s.watchTime(sess, end, sio.in, cs)()
	bm.MiddlewareWithProgramHandler(func(ssh.Session) *tea.Program { return p })(func(ssh.Session) {})(sio)
	// Back to the main screen before saying why the screen ended, so the
	// reason stays on the person's terminal.
	_ = painter.Close()
	s.sayWhy(sio, end)
}

// sayWhy tells the person why the server ended their screen, if it did,
// and exits with status 1.
func (s *Server) sayWhy(sio *screenIO, end *ending) {
	if why := end.reason(); why != "" {
		fmt.Fprintln(sio.Stderr(), why)
	}
	if end.failure() {
		_ = sio.Exit(1)
	}
}

// sessionFilter clamps every window size a client claims, keeps the
// colour profile within the session's (see capProfile), and keeps the
// rule wish's own filter enforces (which tea.WithFilter replaces): a
// suspend (ctrl+z) resumes at once, since there is no shell on the server
// side to return to.
func sessionFilter(limits WindowLimits, profile colorprofile.Profile) func(tea.Model, tea.Msg) tea.Msg {
	return func(_ tea.Model, msg tea.Msg) tea.Msg {
		switch m := msg.(type) {
		case tea.WindowSizeMsg:
			m.Width, m.Height = limits.Clamp(m.Width, m.Height)
			return m
		case tea.SuspendMsg:
			return tea.ResumeMsg{}
		}
		return capProfile(profile, msg)
	}
}

// newSessionID returns a random ID for one connection.
func newSessionID() string { return rand.Text() }

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

// isScribe reports whether the session's key was enrolled as a scribe for
// the workshop its user name names. Only a key can be a scribe's; the
// lookup tells nobody anything, since a miss goes on to the participant's
// screen and its counted lookups.
func (s *Server) isScribe(v visitor, code string) bool {
	if v.key == nil || code == "" {
		return false
	}
	w, ok := s.store.ByCode(code)
	return ok && s.store.IsScribe(w.ID, v.key)
}
