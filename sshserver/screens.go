package sshserver

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/display"
	"github.com/anchorage/anchorage/tui/facilitator"
	"github.com/anchorage/anchorage/tui/participant"
	"github.com/anchorage/anchorage/tui/plain"
	"github.com/anchorage/anchorage/tui/words"
)

// screenSet makes the screens a session can get. It is tui's, except in
// tests that need to see what a screen is given.
type screenSet struct {
	participant func(tui.Session) tea.Model
	plain       func(tui.Session, tui.Handoff) tui.LineScreen
	facilitator func(tui.Session) tea.Model
	scribe      func(tui.Session) tea.Model
	enrol       func(enrol func(code, name string) error, connect string) tea.Model
	display     func(tui.Session, display.Join) tea.Model
}

var tuiScreens = screenSet{participant: participant.New, facilitator: facilitator.New, scribe: facilitator.NewScribe, enrol: facilitator.NewEnrol,
	display: display.New, plain: newPlain}

func newPlain(s tui.Session, h tui.Handoff) tui.LineScreen { return plain.New(s, h) }

// enrolUsers are the SSH user names that open the enrolment screen.
var enrolUsers = map[string]bool{"enrol": true, "enroll": true}

// runScreen runs a Bubble Tea screen for a session with a terminal: the
// enrolment screen for enrol@, the wall display for CODE+display@ with a
// facilitator key, the facilitator's screen for a facilitator key, the
// participant's screen for everyone else. The screens say
// goodbye themselves, on shutdown (tui.ShutdownMsg) as on a participant's
// last wrong join code; when one of the server's limits ends a screen,
// the server says why below it once it has gone. Making a screen looks
// nothing up: a participant's screen looks the join code in the user name
// up once it runs, off its Update, so that it draws while the limits on
// guessing make the lookup wait.
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
	user, plainAsked := plainUser(user)
	plainAsked = plainAsked || dumbTerminal(sessionEnviron(sio))

	var model tea.Model
	watchIdle := true
	var participantSession tui.Session // the participant's, for a handoff to plain text
	switch {
	case enrolUsers[user]:
		if v.key == nil {
			fmt.Fprintf(sio.Stderr(), "Enrolment needs an SSH key, and this connection has none.\n"+
				"Make one with: ssh-keygen -t ed25519\nthen connect again with: %s\n", s.connectHint(sess, "enrol@"))
			_ = sess.Exit(1)
			return
		}
		model = s.screens.enrol(s.enrolNamedFunc(sess.Context(), v), s.connectHint(sess, ""))
	case strings.HasSuffix(user, displaySuffix):
		if !v.facilitator {
			s.refuse(sio.Stderr(), sess, v)
			return
		}
		sio.id = newSessionID()
		model = s.displayScreen(sess, v, sio.id, user, width, height)
		watchIdle = false // nobody types at a wall
	default:
		sio.id = newSessionID()
		session := tui.Session{
			ID: sio.id, Context: sess.Context(), Room: s.store,
			IdentityFor: identityFor(s.store.Secret(), v.key), Width: width, Height: height,
			Language: words.FromEnviron(sessionEnviron(sio)), Catalogue: s.catalogue,
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
			if sum, ok := s.store.ByCode(session.Code); ok && !sum.Open {
				// As a participant's screen says it (tui/participant).
				fmt.Fprintln(sio.Stderr(), inquiry.ClosedSentence(sum.Title))
				return
			}
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
		participantSession = session
		if plainAsked {
			model = s.screens.plain(session, tui.Handoff{})
			break
		}
		model = s.screens.participant(session)
	}
	if end.reason() != "" {
		// The join code in the SSH user name was looked up as the
		// screen was made, and that used up an allowance.
		s.sayWhy(sio, end)
		return
	}

	input := newRelay(sio)
	terminal := func() tui.Terminal {
		return tui.Terminal{Input: input.next(), Output: sio, Environ: sessionEnviron(sio),
			Width: width, Height: height, Clamp: s.cfg.Window.Clamp}
	}
	var program *tui.Program
	if line, ok := model.(tui.LineScreen); ok {
		program = tui.NewLineProgram(line, terminal())
	} else {
		program = tui.NewProgram(model, terminal())
	}
	defer s.watchTime(sess, end, sio.in, cs, watchIdle)()
	if !s.runProgram(sess, sio, end, program) {
		return
	}
	// A participant who pressed the join screen's key for plain text
	// carries on in it, on the same connection.
	if h, ok := handedOff(model); ok && !end.ended() {
		model = s.screens.plain(participantSession, h)
		if !s.runProgram(sess, sio, end, tui.NewLineProgram(model.(tui.LineScreen), terminal())) {
			return
		}
	}
	if f, ok := model.(interface{ Failed() bool }); ok && f.Failed() {
		end.fail() // the screen has said why (a participant removed): exit 1
	}
	// The program has put the terminal back on its main screen, so the
	// reason stays on the person's terminal.
	s.sayWhy(sio, end)
}

// runProgram runs a screen's program on the session until it ends. It
// returns false, having told the person, if the server was shutting down
// and the program could not start.
func (s *Server) runProgram(sess ssh.Session, sio *screenIO, end *ending, program *tui.Program) bool {
	if !s.sessions.addProgram(program, sio) {
		fmt.Fprintln(sio.Stderr(), shutdownNotice)
		_ = sess.Exit(1)
		return false
	}
	defer s.sessions.removeProgram(program)
	end.run(program)
	defer followWindow(sess.Context(), sio, program)()
	switch err := program.Run(); {
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea caught it and wrote the stack to the process's
		// stderr; the log says so, as recovery does for the rest.
		s.log.Error("screen panicked", "err", err)
	case err != nil:
		s.log.Debug("screen ended with an error", "err", err)
	}
	return true
}

// followWindow passes the terminal's size changes to the screen, and quits
// the screen when the connection ends, until the returned function is
// called. Neither keeps a goroutine waiting: a change is handed over by
// one that lives only as long as that takes (terminalState.follow), and
// the quit is the context's to run.
func followWindow(ctx context.Context, sio *screenIO, p *tui.Program) (stop func()) {
	stopFollowing := sio.follow(func(w ssh.Window) { p.Resize(w.Width, w.Height) })
	stopQuitting := context.AfterFunc(ctx, p.Quit) // p.Quit returns at once once the program has ended
	return func() {
		stopQuitting()
		stopFollowing()
	}
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

// sessionEnviron is the session's environment as a screen sees it: what
// the client sent, with TERM from its PTY request last so that it wins.
func sessionEnviron(sess ssh.Session) []string {
	env := sess.Environ()
	if pty, _, ok := sess.Pty(); ok {
		env = append(env, "TERM="+pty.Term)
	}
	return env
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
