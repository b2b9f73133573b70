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

	// MaxSessions caps the SSH connections open at once, counted before the
	// handshake so that a flood of half-open connections cannot exhaust
	// memory. Each live screen costs about 1.5 MB. (ANCHORAGE_MAX_SESSIONS)
	MaxSessions int

	// HandshakeTimeout is how long a new connection has to finish the SSH
	// handshake and authenticate. Without it a client that connects and
	// says nothing holds a connection slot for ever.
	// (ANCHORAGE_HANDSHAKE_TIMEOUT, as "10s")
	HandshakeTimeout time.Duration

	// MaxJoinAttempts is how many wrong join codes one connection may try
	// before it is closed, so that codes cannot be guessed by trying them
	// one after another on one connection. (ANCHORAGE_MAX_JOIN_ATTEMPTS)
	MaxJoinAttempts int

	// MaxEnrolAttempts is how many wrong enrolment codes the whole server
	// accepts before the one-time code is withdrawn (a restart makes a new
	// one). The code is long enough not to be guessed; this is the second
	// line of defence. (ANCHORAGE_MAX_ENROL_ATTEMPTS)
	MaxEnrolAttempts int

	// Window bounds the terminal size a session may claim. Sizes are
	// unbounded in the protocol, and a screen's buffers grow with them:
	// one client claiming 3000x2000 made a similar server use 880 MB.
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
		Listen:           ":23234",
		DataDir:          "./anchorage-data",
		MaxSessions:      200,
		HandshakeTimeout: 20 * time.Second,
		MaxJoinAttempts:  5,
		MaxEnrolAttempts: 10,
		Window:           WindowLimits{MinWidth: 10, MaxWidth: 500, MinHeight: 3, MaxHeight: 200},
	}
}

// envSetters maps each environment variable (without the prefix) to the
// field it sets.
var envSetters = map[string]func(c *Config, v string) error{
	"LISTEN":             func(c *Config, v string) error { c.Listen = v; return nil },
	"DATA":               func(c *Config, v string) error { c.DataDir = v; return nil },
	"FACILITATORS":       func(c *Config, v string) error { c.FacilitatorsFile = v; return nil },
	"HOST_KEY":           func(c *Config, v string) error { c.HostKeyPath = v; return nil },
	"MAX_SESSIONS":       intSetter(func(c *Config) *int { return &c.MaxSessions }),
	"MAX_JOIN_ATTEMPTS":  intSetter(func(c *Config) *int { return &c.MaxJoinAttempts }),
	"MAX_ENROL_ATTEMPTS": intSetter(func(c *Config) *int { return &c.MaxEnrolAttempts }),
	"HANDSHAKE_TIMEOUT": func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return err
		}
		c.HandshakeTimeout = d
		return nil
	},
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
	for _, p := range []*string{&c.DataDir, &c.HostKeyPath, &c.FacilitatorsFile} {
		if *p == "" {
			continue
		}
		abs, err := filepath.Abs(*p)
		if err != nil {
			return fmt.Errorf("path %q: %w", *p, err)
		}
		*p = abs
	}
	switch {
	case c.MaxSessions < 1:
		return fmt.Errorf("max sessions %d: need at least 1", c.MaxSessions)
	case c.HandshakeTimeout <= 0:
		return fmt.Errorf("handshake timeout %s: need a positive duration", c.HandshakeTimeout)
	case c.MaxJoinAttempts < 1:
		return fmt.Errorf("max join attempts %d: need at least 1", c.MaxJoinAttempts)
	case c.MaxEnrolAttempts < 1:
		return fmt.Errorf("max enrol attempts %d: need at least 1", c.MaxEnrolAttempts)
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
