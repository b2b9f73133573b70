// Package sshserver serves Anchorage over SSH: host key, authentication and
// roles, the middleware stack, the mapping from an SSH session to a screen,
// and the commands a facilitator runs without a terminal.
package sshserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/tui/words"
	gossh "golang.org/x/crypto/ssh"
)

// shutdownGrace is how long Shutdown waits, once every session has ended,
// for clients to hang up before it closes their connections.
const shutdownGrace = 2 * time.Second

// backstopGrace is how long after the server's own idle and connection
// time limits the SSH layer closes a connection regardless.
const backstopGrace = time.Minute

// Server is the Anchorage SSH server.
type Server struct {
	cfg          Config
	store        *data.Store
	log          *log.Logger
	ssh          *ssh.Server
	facilitators *facilitatorFile
	enrolment    *enrolment // nil when the server started with a facilitator
	sessions     *sessions
	screens      screenSet
	catalogue    *words.Catalogue // the words participants' screens show
	origins      *origins
	clock        clock
	terminals    sync.Map // session tag → *terminalState (see terminal.go)
	// serving is set by Serve; accepting is closed when the ssh server has
	// registered its listener and is about to accept.
	serving   atomic.Bool
	accepting chan struct{}
	acceptOne sync.Once
}

// New makes a server from a configuration, generating the host key on
// first start. The store stays the caller's to close, after Shutdown. A nil
// logger logs nothing.
func New(cfg Config, store *data.Store, logger *log.Logger) (*Server, error) {
	if store == nil {
		return nil, errors.New("sshserver: no store")
	}
	if logger == nil {
		logger = log.New(io.Discard)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	facilitators, err := loadFacilitatorFile(cfg.FacilitatorsFile)
	if err != nil {
		return nil, err
	}
	catalogue, err := loadCatalogue(cfg.MessagesDir)
	if err != nil {
		return nil, err
	}
	if cfg.MessagesDir != "" {
		for _, l := range catalogue.Languages() {
			logger.Info("participants' words", "language", l.Name, "from", cfg.MessagesDir, "in English for want of a message", catalogue.Missing(l.Code))
		}
	}
	s := &Server{cfg: cfg, store: store, log: logger, facilitators: facilitators, sessions: newSessions(), screens: tuiScreens,
		catalogue: catalogue, origins: newOrigins(cfg), clock: systemClock{}, accepting: make(chan struct{})}
	if facilitators.Count() == 0 && len(store.Facilitators()) == 0 {
		if s.enrolment, err = newEnrolment(cfg.MaxEnrolAttempts); err != nil {
			return nil, err
		}
	}
	s.warnAboutPermissions()

	s.ssh, err = wish.NewServer(
		wish.WithAddress(cfg.Listen),
		// Generates an ed25519 key (0600, its folder 0700) when there is
		// none. Without a host key option wish would write one into the
		// current directory.
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithPublicKeyAuth(acceptAnyKey),
		wish.WithKeyboardInteractiveAuth(acceptEveryone),
		// wish composes middleware last to first: the last one listed is
		// the outermost and runs first.
		//   recovery   first, so a panic anywhere below ends that session
		//              only, with exit status 1, never the server;
		//   track      counts the session for Shutdown and turns new ones
		//              away once shutdown has begun;
		//   logSession identifies the visitor once and logs the session
		//              without keys or addresses in the clear;
		//   route      last: a command, a screen, or an explanation.
		wish.WithMiddleware(s.route, s.logSession, s.track, s.recovery),
	)
	if err != nil {
		return nil, fmt.Errorf("ssh server: %w", err)
	}
	s.ssh.HandshakeTimeout = cfg.HandshakeTimeout
	// The server's own limits end a screen with a message; these are the
	// SSH layer's backstops, a little later, for connections with no
	// screen to end (a command that hangs, a connection with no session).
	s.ssh.IdleTimeout = cfg.IdleTimeout + backstopGrace
	s.ssh.MaxTimeout = cfg.MaxConnectionTime + backstopGrace
	s.ssh.ConnCallback = s.admitConn
	s.ssh.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.inUse(s.sessionChannel), "default": s.inUse(refuseChannel)}
	s.ssh.SubsystemHandlers = map[string]ssh.SubsystemHandler{"default": s.refuseSubsystem}
	return s, nil
}

// EnrolmentCode is the one-time code that enrols the first facilitator's
// key (ssh -p PORT enrol@HOST), or "" when the server has a facilitator or
// the code has been used.
func (s *Server) EnrolmentCode() string { return s.enrolment.Code() }

// HostKeyFingerprint is the SHA256 fingerprint of the server's host key,
// for people to compare with what ssh shows on their first connection.
func (s *Server) HostKeyFingerprint() string {
	if len(s.ssh.HostSigners) == 0 {
		return ""
	}
	return fingerprint(s.ssh.HostSigners[0].PublicKey())
}

// HostKeyPath is where the server's host key lives.
func (s *Server) HostKeyPath() string { return s.cfg.HostKeyPath }

// Serve accepts connections on l until Shutdown. It returns nil after a
// Shutdown, and the error otherwise.
func (s *Server) Serve(l net.Listener) error {
	if s.sessions.Closing() {
		l.Close()
		return nil
	}
	s.serving.Store(true)
	err := s.ssh.Serve(&signalListener{Listener: l, accepting: func() {
		s.acceptOne.Do(func() { close(s.accepting) })
	}})
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// ListenAndServe listens on the configured address and serves.
func (s *Server) ListenAndServe() error {
	l, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	return s.Serve(l)
}

// Shutdown stops the server in the order that loses nothing: new sessions
// are turned away; every running screen is told (tui.Program.Shutdown, on
// which it says goodbye) and asked to quit; the server waits, until ctx is done,
// for every session to end; then it stops listening, gives clients a moment
// to hang up, and closes what is left. The ssh server's Shutdown alone
// would wait for TCP connections, which a live screen never closes itself.
func (s *Server) Shutdown(ctx context.Context) error {
	programs, idle := s.sessions.close()
	for _, p := range programs {
		// The program's Shutdown waits until it takes the message, or
		// returns when it has ended: never hold this up on one slow screen.
		go p.Shutdown()
	}
	var err error
	select {
	case <-idle:
	case <-ctx.Done():
		err = fmt.Errorf("sessions still running: %w", ctx.Err())
	}
	grace, cancel := context.WithTimeout(ctx, shutdownGrace)
	defer cancel()
	if s.serving.Load() {
		// XXX: charm.land/ssh's Shutdown races with a Serve that has not yet
		// registered its listener (a WaitGroup Add during Wait), so wait
		// for Serve to reach its first Accept.
		select {
		case <-s.accepting:
		case <-grace.Done():
		}
	}
	if serr := s.ssh.Shutdown(grace); serr != nil && !errors.Is(serr, context.DeadlineExceeded) && !errors.Is(serr, context.Canceled) {
		err = errors.Join(err, serr)
	}
	if cerr := s.ssh.Close(); cerr != nil && !errors.Is(cerr, net.ErrClosed) {
		err = errors.Join(err, cerr)
	}
	return err
}

// signalListener calls accepting before each Accept: the ssh server calls
// Accept only once it has registered the listener.
type signalListener struct {
	net.Listener
	accepting func()
}

func (l *signalListener) Accept() (net.Conn, error) {
	l.accepting()
	return l.Listener.Accept()
}

// connState is what the server keeps about one SSH connection, from
// before its handshake to its close.
type connState struct {
	origin    *origin
	conn      net.Conn
	handshake *handshake // conn as the SSH layer reads it
	connected time.Time
	// joinMisses counts the wrong join codes tried on the connection,
	// shared by all its sessions, so that opening more sessions buys no
	// more tries.
	joinMisses atomic.Int32
	// channels counts its open session channels.
	channels atomic.Int32
}

type connKey struct{}

// connOf returns the state admitConn put in the connection's context.
func connOf(ctx interface{ Value(any) any }) (*connState, bool) {
	cs, ok := ctx.Value(connKey{}).(*connState)
	return cs, ok
}

// admitConn decides, before any handshake work is done, whether to take a
// new connection: the server and its address must be within their caps
// on open connections (see Config.MaxSessions). A refused connection is
// closed without a word: there is no session yet to say anything on. The
// address's unfinished handshakes are capped too, by closing the one that
// has done least (see origins.admit).
func (s *Server) admitConn(ctx ssh.Context, c net.Conn) net.Conn {
	now := s.clock.Now()
	h := &handshake{Conn: c, since: now}
	src, evicted, refused := s.origins.admit(originKey(c.RemoteAddr()), h, now)
	if refused != "" {
		if ok, unlogged := s.origins.shouldLogRefusal(src, refusedConnection, now); ok {
			s.log.Warn("connection refused before the handshake", "reason", string(refused),
				"remote", s.hashRemote(c.RemoteAddr()), "unlogged_since", unlogged)
		}
		return nil
	}
	if evicted != nil {
		if ok, unlogged := s.origins.shouldLogRefusal(src, droppedHandshake, now); ok {
			s.log.Warn("unfinished handshake dropped: too many from one address", "sent", evicted.read.Load(),
				"remote", s.hashRemote(c.RemoteAddr()), "unlogged_since", unlogged)
		}
		_ = evicted.Close()
	}
	ctx.SetValue(connKey{}, &connState{origin: src, conn: c, handshake: h, connected: now})
	// The connection's context ends when the connection closes, however
	// it closes.
	context.AfterFunc(ctx, func() { s.origins.release(src, h) })
	return h
}

// inUse wraps a channel handler: a connection that opens a channel has
// finished its handshake, and no longer counts against its address's
// unfinished ones.
func (s *Server) inUse(next ssh.ChannelHandler) ssh.ChannelHandler {
	return func(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
		if cs, ok := connOf(ctx); ok {
			s.origins.inUse(cs.origin, cs.handshake)
		}
		next(srv, conn, newChan, ctx)
	}
}

// warnAboutPermissions says loudly when a file that grants access could be
// changed or read by other users of the machine.
func (s *Server) warnAboutPermissions() {
	if s.cfg.FacilitatorsFile != "" {
		if info, err := os.Stat(s.cfg.FacilitatorsFile); err == nil && info.Mode().Perm()&0o022 != 0 {
			s.log.Warn("other users can change the facilitators file, and so make themselves facilitators: chmod go-w it",
				"file", s.cfg.FacilitatorsFile, "mode", info.Mode().Perm())
		}
	}
	if info, err := os.Stat(s.cfg.HostKeyPath); err == nil && info.Mode().Perm()&0o077 != 0 {
		s.log.Warn("other users can read the host key, and so impersonate this server: chmod 600 it",
			"file", s.cfg.HostKeyPath, "mode", info.Mode().Perm())
	}
}
