package sshserver

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// EnvPrefix starts the name of every environment variable that configures
// the server, as in ANCHORAGE_LISTEN.
const EnvPrefix = "ANCHORAGE_"

// Config is everything the server can be told. DefaultConfig gives values
// that work out of the box; ApplyEnv overrides them from the environment;
// Validate checks them and makes the paths absolute.
type Config struct {
	// Listen is the TCP address to accept SSH connections on. Port 23234
	// keeps clear of the system's own sshd on 22. (ANCHORAGE_LISTEN)
	Listen string

	// DataDir is the folder that holds the database and, by default, the
	// host key. It is created with mode 0700. (ANCHORAGE_DATA)
	DataDir string

	// FacilitatorsFile is an optional authorized_keys file: the public keys
	// in it are facilitators. It is read at start (a malformed line stops
	// the server with the file and line named) and again whenever it
	// changes. Empty means facilitators come from enrolment alone.
	// (ANCHORAGE_FACILITATORS)
	FacilitatorsFile string

	// HostKeyPath is the server's ed25519 private key, generated on first
	// start with mode 0600. Empty means DataDir/host_ed25519: never the
	// current directory, where wish would otherwise put it and where it
	// would be lost or committed by accident. (ANCHORAGE_HOST_KEY)
	HostKeyPath string

	// MaxSessions caps the sessions (screens and commands) running at once.
	// Each live screen costs about 1.5 MB, so this bounds the server's
	// memory. Someone over the limit is told that the server is full. TCP
	// connections are capped too, before any handshake work is done for
	// them, at a quarter above this: a flood of half-open connections cannot
	// exhaust memory, and people just over the limit still complete the
	// handshake and are told why. Default 1000. (ANCHORAGE_MAX_SESSIONS)
	MaxSessions int

	// MaxSessionsPerAddress caps the sessions from one source address (an
	// IPv6 /64 counts as one address), and its connections likewise at a
	// quarter above. Generous, because a whole room behind one NAT router
	// shares one address; it stops one machine from taking the whole
	// server. Default 200. (ANCHORAGE_MAX_SESSIONS_PER_ADDRESS)
	MaxSessionsPerAddress int

	// MaxSessionsPerConnection caps the sessions one SSH connection carries
	// at once. OpenSSH's connection sharing (ControlMaster) opens several on
	// one connection; without a cap, one connection could open screens
	// without end. Default 10, as OpenSSH's own server.
	// (ANCHORAGE_MAX_SESSIONS_PER_CONNECTION)
	MaxSessionsPerConnection int

	// MaxHandshakesPerAddress caps the connections from one address that
	// are still in their SSH handshake (or have authenticated and opened
	// nothing yet). The people already in, with their sessions, never
	// count. A new connection over the cap is taken, and the unfinished
	// handshake whose client has sent least (the oldest of those, and not
	// one opened within the last second) is closed to make room: a silent or stalled connection gives way to one
	// getting on with its handshake, so that one machine opening
	// connections in a loop cannot keep the rest of a room behind the same
	// router from getting in. Generous, so that a room arriving at once
	// never meets it. Default 64. (ANCHORAGE_MAX_HANDSHAKES_PER_ADDRESS)
	MaxHandshakesPerAddress int

	// HandshakeTimeout is how long a new connection has to finish the SSH
	// handshake and authenticate. Without it a client that connects and
	// says nothing holds a connection slot for ever.
	// (ANCHORAGE_HANDSHAKE_TIMEOUT, as "10s")
	HandshakeTimeout time.Duration

	// MaxJoinAttempts is how many wrong codes (join, resume or enrolment)
	// one connection may try, shared by all its sessions. The one that
	// reaches it ends the session with exit status 1, and the connection
	// looks no code up again: guessing needs a new connection, which costs
	// a handshake. Each wrong code on a connection also makes its next
	// lookup wait (JoinDelay, doubling, up to JoinMaxDelay).
	// (ANCHORAGE_MAX_JOIN_ATTEMPTS)
	MaxJoinAttempts int

	// MaxEnrolAttempts is how many wrong enrolment codes the whole server
	// accepts before the one-time code is withdrawn (a restart makes a new
	// one). The code is long enough not to be guessed; this is the second
	// line of defence. (ANCHORAGE_MAX_ENROL_ATTEMPTS)
	MaxEnrolAttempts int

	// JoinFreeMisses, JoinMissWindow, JoinDelay and JoinMaxDelay slow
	// guessing from one address without ever locking it out, since a whole
	// room behind one NAT router shares an address and one person's
	// mistakes or mischief must not keep the others from their workshop.
	// An address may try JoinFreeMisses different wrong codes within
	// JoinMissWindow at no cost; after that its lookups of codes it has
	// not tried before go one at a time, JoinDelay apart, the spacing
	// doubling with each further wrong code up to JoinMaxDelay. So the
	// right code gets in after at most JoinMaxDelay once guessing stops,
	// and a guesser learns at most one code per JoinMaxDelay however many
	// connections it opens. A code already found from the address is
	// looked up at once (the rest of the room is not slowed), and so is a
	// wrong code already tried (it tells nothing new, and a person
	// retyping it does not use up the room's allowance). Defaults 10 per
	// 10m, 1s doubling to 30s. 0 turns the delay off.
	// (ANCHORAGE_JOIN_FREE_MISSES, ANCHORAGE_JOIN_MISS_WINDOW,
	// ANCHORAGE_JOIN_DELAY, ANCHORAGE_JOIN_MAX_DELAY)
	JoinFreeMisses int
	JoinMissWindow time.Duration
	JoinDelay      time.Duration
	JoinMaxDelay   time.Duration

	// JoinMaxWait is the longest a lookup queues behind others from the
	// same address (many connections guessing at once); a lookup that would
	// wait longer is not made, and the person is told how long to wait
	// before trying again. Default 2m. (ANCHORAGE_JOIN_MAX_WAIT)
	JoinMaxWait time.Duration

	// IdleTimeout ends a screen, with a message, after this long without a
	// keypress. It is measured from the last byte the client sent, not from
	// the last screen update: a live screen is written to all the time, so
	// the SSH layer's own idle timer would never fire for it. Default 2h.
	// (ANCHORAGE_IDLE_TIMEOUT)
	IdleTimeout time.Duration

	// MaxConnectionTime ends every session on a connection this long after
	// the connection opened, with a message, so that a laptop left
	// connected in a cupboard does not hold a session for days. Default
	// 12h. (ANCHORAGE_MAX_CONNECTION_TIME)
	MaxConnectionTime time.Duration

	// InputBurst, InputRate and InputFloodTimeout limit what a screen's
	// client may type or paste. Input passes at once up to InputBurst
	// bytes (a long paragraph pasted in one go), then at InputRate bytes a
	// second: the rest waits in the SSH channel's window, which the client
	// cannot overrun, so nothing is lost and the client's own writes slow
	// down. If input keeps arriving faster than InputRate for
	// InputFloodTimeout (a bot pasting without end), the session is ended
	// with a message. Nobody else's session is slowed. Defaults 64 KiB,
	// 16 KiB/s and 30s. (ANCHORAGE_INPUT_BURST, ANCHORAGE_INPUT_RATE, in
	// bytes; ANCHORAGE_INPUT_FLOOD_TIMEOUT)
	InputBurst        int
	InputRate         int
	InputFloodTimeout time.Duration

	// StallTimeout drops a client that has stopped reading (its SSH or TCP
	// window stays full) once output to it has made no progress for this
	// long. The server never buffers output beyond the SSH channel's window
	// and the kernel's socket buffer, so a stalled client costs a bounded
	// amount until then; only its own screen waits, never anyone else's.
	// Default 30s. (ANCHORAGE_STALL_TIMEOUT)
	StallTimeout time.Duration

	// MessagesDir is an optional folder of message files (cy.yaml, gd.yaml,
	// en.yaml: see tui/words) laid over the built-in catalogue of the words
	// participants see: a facilitator's own translation replaces the
	// built-in draft's messages, and a file for another language adds it.
	// A mistake in a file stops the server at start, with the file and
	// line. (ANCHORAGE_MESSAGES)
	MessagesDir string

	// Window bounds the terminal size a session may claim. Sizes are
	// unbounded in the protocol, and a screen's buffers grow with them:
	// one client claiming 3000x2000 made a similar server use 880 MB, and
	// here a screen costs about 0.8 MiB at 80x24 but 22 MiB at 500x200.
	// Default 10x3 to 240x80: a wider terminal is drawn on in part.
	Window WindowLimits
}

// WindowLimits are the smallest and largest terminal a screen is drawn for,
// in columns and rows. A claimed size outside them is clamped.
type WindowLimits struct {
	MinWidth, MaxWidth   int
	MinHeight, MaxHeight int
}

// Clamp returns the size brought within the limits.
func (l WindowLimits) Clamp(width, height int) (int, int) {
	return min(max(width, l.MinWidth), l.MaxWidth), min(max(height, l.MinHeight), l.MaxHeight)
}

// DefaultConfig returns the configuration `anchorage serve` uses when told
// nothing else.
func DefaultConfig() Config {
	return Config{
		Listen:                   ":23234",
		DataDir:                  "./anchorage-data",
		MaxSessions:              1000,
		MaxSessionsPerAddress:    200,
		MaxSessionsPerConnection: 10,
		MaxHandshakesPerAddress:  64,
		HandshakeTimeout:         20 * time.Second,
		MaxJoinAttempts:          5,
		MaxEnrolAttempts:         10,
		JoinFreeMisses:           10,
		JoinMissWindow:           10 * time.Minute,
		JoinDelay:                time.Second,
		JoinMaxDelay:             30 * time.Second,
		JoinMaxWait:              2 * time.Minute,
		IdleTimeout:              2 * time.Hour,
		MaxConnectionTime:        12 * time.Hour,
		InputBurst:               64 << 10,
		InputRate:                16 << 10,
		InputFloodTimeout:        30 * time.Second,
		StallTimeout:             30 * time.Second,
		Window:                   WindowLimits{MinWidth: 10, MaxWidth: 240, MinHeight: 3, MaxHeight: 80},
	}
}

// envSetters maps each environment variable (without the prefix) to the
// field it sets.
var envSetters = map[string]func(c *Config, v string) error{
	"LISTEN":                      func(c *Config, v string) error { c.Listen = v; return nil },
	"DATA":                        func(c *Config, v string) error { c.DataDir = v; return nil },
	"FACILITATORS":                func(c *Config, v string) error { c.FacilitatorsFile = v; return nil },
	"MESSAGES":                    func(c *Config, v string) error { c.MessagesDir = v; return nil },
	"HOST_KEY":                    func(c *Config, v string) error { c.HostKeyPath = v; return nil },
	"MAX_SESSIONS":                intSetter(func(c *Config) *int { return &c.MaxSessions }),
	"MAX_SESSIONS_PER_ADDRESS":    intSetter(func(c *Config) *int { return &c.MaxSessionsPerAddress }),
	"MAX_SESSIONS_PER_CONNECTION": intSetter(func(c *Config) *int { return &c.MaxSessionsPerConnection }),
	"MAX_HANDSHAKES_PER_ADDRESS":  intSetter(func(c *Config) *int { return &c.MaxHandshakesPerAddress }),
	"HANDSHAKE_TIMEOUT":           durationSetter(func(c *Config) *time.Duration { return &c.HandshakeTimeout }),
	"MAX_JOIN_ATTEMPTS":           intSetter(func(c *Config) *int { return &c.MaxJoinAttempts }),
	"MAX_ENROL_ATTEMPTS":          intSetter(func(c *Config) *int { return &c.MaxEnrolAttempts }),
	"JOIN_FREE_MISSES":            intSetter(func(c *Config) *int { return &c.JoinFreeMisses }),
	"JOIN_MISS_WINDOW":            durationSetter(func(c *Config) *time.Duration { return &c.JoinMissWindow }),
	"JOIN_DELAY":                  durationSetter(func(c *Config) *time.Duration { return &c.JoinDelay }),
	"JOIN_MAX_DELAY":              durationSetter(func(c *Config) *time.Duration { return &c.JoinMaxDelay }),
	"JOIN_MAX_WAIT":               durationSetter(func(c *Config) *time.Duration { return &c.JoinMaxWait }),
	"IDLE_TIMEOUT":                durationSetter(func(c *Config) *time.Duration { return &c.IdleTimeout }),
	"MAX_CONNECTION_TIME":         durationSetter(func(c *Config) *time.Duration { return &c.MaxConnectionTime }),
	"INPUT_BURST":                 intSetter(func(c *Config) *int { return &c.InputBurst }),
	"INPUT_RATE":                  intSetter(func(c *Config) *int { return &c.InputRate }),
	"INPUT_FLOOD_TIMEOUT":         durationSetter(func(c *Config) *time.Duration { return &c.InputFloodTimeout }),
	"STALL_TIMEOUT":               durationSetter(func(c *Config) *time.Duration { return &c.StallTimeout }),
}

func durationSetter(field func(c *Config) *time.Duration) func(c *Config, v string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return err
		}
		*field(c) = d
		return nil
	}
}

func intSetter(field func(c *Config) *int) func(c *Config, v string) error {
	return func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil {
			return err
		}
		*field(c) = n
		return nil
	}
}

// ApplyEnv overrides fields from ANCHORAGE_* variables in environ (given as
// os.Environ() gives it, so that tests need not touch the process's own).
// Empty values are ignored; unknown ANCHORAGE_ names are not errors, since
// other parts of the program may read them.
func (c *Config) ApplyEnv(environ []string) error {
	var errs []error
	for _, kv := range environ {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || value == "" || !strings.HasPrefix(name, EnvPrefix) {
			continue
		}
		set, known := envSetters[strings.TrimPrefix(name, EnvPrefix)]
		if !known {
			continue
		}
		if err := set(c, value); err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: %w", name, value, err))
		}
	}
	return errors.Join(errs...)
}

// Validate checks the configuration, fills in the host key path and makes
// every path absolute, so that nothing depends on the directory the server
// happens to be started from.
func (c *Config) Validate() error {
	if _, port, err := net.SplitHostPort(c.Listen); err != nil || port == "" {
		return fmt.Errorf("listen address %q: want HOST:PORT or :PORT", c.Listen)
	}
	if c.DataDir == "" {
		return errors.New("the data folder is not set")
	}
	if c.HostKeyPath == "" {
		c.HostKeyPath = filepath.Join(c.DataDir, "host_ed25519")
	}
	for _, p := range []*string{&c.DataDir, &c.HostKeyPath, &c.FacilitatorsFile, &c.MessagesDir} {
		if *p == "" {
			continue
		}
		abs, err := filepath.Abs(*p)
		if err != nil {
			return fmt.Errorf("path %q: %w", *p, err)
		}
		*p = abs
	}
	if err := c.validateLimits(); err != nil {
		return err
	}
	w := c.Window
	if w.MinWidth < 1 || w.MinHeight < 1 || w.MaxWidth < w.MinWidth || w.MaxHeight < w.MinHeight {
		return fmt.Errorf("window limits %dx%d..%dx%d: need 1 <= min <= max", w.MinWidth, w.MinHeight, w.MaxWidth, w.MaxHeight)
	}
	return nil
}

// Port is the port part of Listen, for telling people how to connect.
func (c Config) Port() string {
	_, port, _ := net.SplitHostPort(c.Listen)
	return port
}

// validateLimits checks that every limit is one the server can work with.
func (c *Config) validateLimits() error {
	counts := []struct {
		name  string
		value int
	}{
		{"max sessions", c.MaxSessions},
		{"max sessions per address", c.MaxSessionsPerAddress},
		{"max sessions per connection", c.MaxSessionsPerConnection},
		{"max handshakes per address", c.MaxHandshakesPerAddress},
		{"max join attempts", c.MaxJoinAttempts},
		{"max enrol attempts", c.MaxEnrolAttempts},
		{"input burst", c.InputBurst},
		{"input rate", c.InputRate},
	}
	for _, n := range counts {
		if n.value < 1 {
			return fmt.Errorf("%s %d: need at least 1", n.name, n.value)
		}
	}
	durations := []struct {
		name  string
		value time.Duration
	}{
		{"handshake timeout", c.HandshakeTimeout},
		{"join miss window", c.JoinMissWindow},
		{"join max wait", c.JoinMaxWait},
		{"idle timeout", c.IdleTimeout},
		{"max connection time", c.MaxConnectionTime},
		{"input flood timeout", c.InputFloodTimeout},
		{"stall timeout", c.StallTimeout},
	}
	for _, d := range durations {
		if d.value <= 0 {
			return fmt.Errorf("%s %s: need a positive duration", d.name, d.value)
		}
	}
	if c.JoinFreeMisses < 0 {
		return fmt.Errorf("join free misses %d: need zero or more", c.JoinFreeMisses)
	}
	if c.JoinDelay < 0 || c.JoinMaxDelay < c.JoinDelay {
		return fmt.Errorf("join delay %s up to %s: need 0 <= delay <= max delay", c.JoinDelay, c.JoinMaxDelay)
	}
	return nil
}

// guessPolicy is how the limits on guessing codes read the configuration.
func (c Config) guessPolicy() guessPolicy {
	return guessPolicy{free: c.JoinFreeMisses, window: c.JoinMissWindow, delay: c.JoinDelay, maxDelay: c.JoinMaxDelay, maxWait: c.JoinMaxWait}
}
