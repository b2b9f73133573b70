package sshserver

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	gossh "golang.org/x/crypto/ssh"
)

// probe is a stand-in screen that shows what it was given, so that tests
// can see how the server routes and sizes sessions.
type probe struct {
	role     string
	session  tui.Session
	sessions chan<- tui.Session
	shutdown chan<- struct{}
	width    int
	height   int
	bye      bool
	tries    int           // wrong join codes looked up
	found    int           // lookups of the session's own code that found it
	typed    int           // bytes of text typed or pasted
	wait     time.Duration // the wait the last reserved lookup announced
	said     string        // what the last refused lookup said
}

// codeReserver is the form of the join guard a screen that keeps drawing
// uses (as tui's join screen is to): the wait is known at once, the
// lookup runs off the Update loop.
type codeReserver interface {
	ReserveCode(code string) (time.Duration, func(context.Context) (inquiry.Summary, error))
}

// lookedUp is the result of a reserved lookup.
type lookedUp struct{ err error }

func (p probe) Init() tea.Cmd {
	p.sessions <- p.session
	return nil
}

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.width, p.height = msg.Width, msg.Height
	case tui.ShutdownMsg:
		p.shutdown <- struct{}{}
		p.bye = true
		return p, tea.Quit
	case lookedUp:
		if msg.err == nil {
			p.found++
		} else {
			p.said = msg.err.Error()
		}
	case tea.PasteMsg:
		p.typed += len(msg.Content)
	case tea.KeyPressMsg:
		p.typed += len(msg.Text)
		switch msg.String() {
		case "x": // a wrong code, different every time
			p.tries++
			p.session.Room.ByCode(fmt.Sprintf("wrong-%s-%d", p.session.ID[:8], p.tries))
		case "k": // the code the session connected with
			if _, ok := p.session.Room.ByCode(p.session.Code); ok {
				p.found++
			}
		case "K": // the same, as a screen that keeps drawing looks it up
			wait, find := p.session.Room.(codeReserver).ReserveCode(p.session.Code)
			p.wait = wait
			return p, func() tea.Msg {
				_, err := find(p.session.Context)
				return lookedUp{err}
			}
		case "ctrl+c":
			return p, tea.Quit
		}
	}
	return p, nil
}

func (p probe) View() tea.View {
	if p.bye {
		// The trailing newline keeps the goodbye on screen: Bubble Tea
		// clears from the cursor down as it leaves.
		return tea.NewView("[bye]\n")
	}
	// Short enough to fit the smallest screen: [f 10x3] or [p 80x24],
	// with counts only once there are some.
	view := fmt.Sprintf("[%c %dx%d]", p.role[0], p.width, p.height)
	for _, n := range []struct {
		name  string
		count int
	}{{"tries", p.tries}, {"found", p.found}, {"typed", p.typed}} {
		if n.count > 0 {
			view += fmt.Sprintf(" %s=%d", n.name, n.count)
		}
	}
	if p.wait > 0 {
		view += fmt.Sprintf(" wait=%s", p.wait)
	}
	if p.said != "" {
		view += "\n" + p.said
	}
	return tea.NewView(view)
}

// probes replaces the participant and facilitator screens with probes.
// Each probe sends the session it was given, and says when it was told of
// a shutdown.
type probes struct {
	sessions chan tui.Session
	shutdown chan struct{}
}

func withProbes() (*probes, serverOption) {
	p := &probes{sessions: make(chan tui.Session, 16), shutdown: make(chan struct{}, 16)}
	screen := func(role string) func(tui.Session) tea.Model {
		return func(s tui.Session) tea.Model {
			if s.Code == "panicnow" {
				panic("a screen that cannot be built")
			}
			return probe{role: role, session: s, sessions: p.sessions, shutdown: p.shutdown}
		}
	}
	return p, serverOption{server: func(s *Server) {
		s.screens.participant = screen("participant")
		s.screens.facilitator = screen("facilitator")
	}}
}

func (p *probes) next(t *testing.T) tui.Session {
	t.Helper()
	select {
	case s := <-p.sessions:
		return s
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for a screen to start", testDeadline)
		return tui.Session{}
	}
}

func TestScreensAreChosenByKeyAndUserName(t *testing.T) {
	alice, participant := newKey(t), newKey(t)
	p, probeScreens := withProbes()
	srv := startServer(t, "", withFacilitators(t, alice), probeScreens)

	tests := []struct {
		name   string
		user   string
		auth   gossh.AuthMethod
		role   inquiry.Role
		actor  string
		code   string
		hasKey bool
	}{
		// A screen is given the code as parsed once, here: lower case,
		// without the spaces and dashes people put in it.
		{"participant with a key and a code", "harbour-talk", withKeys(participant), inquiry.RoleParticipant, "", "harbourtalk", true},
		{"code typed in capitals with a space", "HARBOUR TALK", withKeys(participant), inquiry.RoleParticipant, "", "harbourtalk", true},
		{"participant without a key or code", "jo.bloggs", keyless(), inquiry.RoleParticipant, "", "", false},
		{"reserved name is no code", "admin", keyless(), inquiry.RoleParticipant, "", "", false},
		{"facilitator", "facilitator", withKeys(alice), inquiry.RoleFacilitator, gossh.FingerprintSHA256(alice.PublicKey()), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			term := openTerminal(t, srv.addr, tt.user, 3000, 2000, tt.auth)
			s := p.next(t)
			if s.Actor.Role != tt.role || s.Actor.ID != tt.actor {
				t.Errorf("actor %+v, want role %s and ID %q", s.Actor, tt.role, tt.actor)
			}
			if s.Code != tt.code {
				t.Errorf("code %q, want %q", s.Code, tt.code)
			}
			if (s.IdentityFor != nil) != tt.hasKey {
				t.Errorf("identity function present: %v, want %v", s.IdentityFor != nil, tt.hasKey)
			}
			if s.ID == "" || s.Room == nil {
				t.Errorf("session without an ID or a room: %+v", s)
			}
			limits := DefaultConfig().Window
			if s.Width != limits.MaxWidth || s.Height != limits.MaxHeight {
				t.Errorf("a 3000x2000 terminal gave the screen %dx%d, want %dx%d", s.Width, s.Height, limits.MaxWidth, limits.MaxHeight)
			}
			term.waitFor(fmt.Sprintf("[%c %dx%d]", tt.role[0], limits.MaxWidth, limits.MaxHeight))
			if err := term.sess.WindowChange(0, 0); err != nil {
				t.Fatal(err)
			}
			term.waitFor(fmt.Sprintf("[%c 10x3]", tt.role[0]))
			term.typeText("\x03")
			if status := term.exit(); status != 0 {
				t.Errorf("exit %d after ctrl+c, want 0", status)
			}
		})
	}
}

func TestTooManyWrongJoinCodesEndTheConnectionsSessions(t *testing.T) {
	p, probeScreens := withProbes()
	limit := serverOption{config: func(c *Config) { c.MaxJoinAttempts = 3; quickGuesses(c) }}
	srv := startServer(t, "", probeScreens, limit)
	client, _ := dial(t, srv.addr, "guesser", keyless())

	term := openTerminalOn(t, client, 80, 24)
	p.next(t)
	term.waitFor("x24]")
	term.typeText("xxx") // three wrong codes are allowed
	term.typeText("x")   // the fourth try ends the session
	if status := term.exit(); status != 1 || !strings.Contains(term.errs.String(), "Too many wrong join codes") {
		t.Errorf("exit %d, stderr %q; want the session ended after 3 wrong codes", status, term.errs.String())
	}

	again := openTerminalOn(t, client, 80, 24)
	if status := again.exit(); status != 1 || !strings.Contains(again.errs.String(), "Too many wrong join codes") {
		t.Errorf("a new session on the same connection: exit %d, stderr %q; want it refused", status, again.errs.String())
	}
}

func TestAPanicEndsOnlyThatSession(t *testing.T) {
	_, probeScreens := withProbes()
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice), probeScreens, expectingPanic())
	term := openTerminal(t, srv.addr, "panic-now", 80, 24, keyless())
	if status := term.exit(); status != 1 || !strings.Contains(term.errs.String(), "Something went wrong") {
		t.Errorf("exit %d, stderr %q; want the session ended with an apology", status, term.errs.String())
	}
	if r := run(t, srv.addr, "alice", "guide list", withKeys(alice)); r.status != 0 {
		t.Errorf("after a panic the server no longer serves: %+v", r)
	}
}

func TestShutdownTellsEveryScreenAndEndsItsSession(t *testing.T) {
	p, probeScreens := withProbes()
	srv := startServer(t, "", probeScreens)
	var terms []*terminal
	for _, user := range []string{"harbour-talk", "someone"} {
		term := openTerminal(t, srv.addr, user, 80, 24, keyless())
		p.next(t)
		term.waitFor("x24]")
		terms = append(terms, term)
	}

	ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	for i, term := range terms {
		if status := term.exit(); status != 0 {
			t.Errorf("session %d: exit %d", i, status)
		}
		term.waitFor("[bye]")
		select {
		case <-p.shutdown:
		case <-time.After(testDeadline):
			t.Errorf("waited %s for screen %d to receive ShutdownMsg", testDeadline, i)
		}
	}
	if conn, err := dialRaw(srv.addr); err == nil {
		conn.Close()
		t.Error("the server still accepts connections after Shutdown")
	}
}
