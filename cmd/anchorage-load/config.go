package main

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"time"
)

// Config is one load run: which server, how many sessions, how busy.
type Config struct {
	// Addr is the server's HOST:PORT; HOST must be a loopback IP literal.
	Addr string
	// Code is the workshop's join code; empty means open a new workshop
	// with the facilitator key.
	Code string
	// Participants and Facilitators are how many sessions of each to hold.
	Participants, Facilitators int
	// Rate is contributions per participant per second; 0 joins and idles.
	Rate float64
	// Contributions stops each participant after that many; 0 for no limit.
	Contributions int
	// PerPrompt is how many contributions a participant makes at a prompt
	// before moving on to the next (pgdown).
	PerPrompt int
	// OnePrompt keeps every participant at the prompt they join at, so
	// every contribution lands where every participant is looking: the
	// worst case for a screen that shows what others wrote at its prompt.
	// PerPrompt is then ignored.
	OnePrompt bool
	// Duration is how long to run once every session is in.
	Duration time.Duration
	// Ramp is new connections per second; 0 connects them all at once.
	Ramp float64
	// TypingRate is keys per second a participant types.
	TypingRate float64
	// FacilitatorKeys is how often each facilitator presses a key (tab) to
	// measure its echo; 0 never.
	FacilitatorKeys time.Duration
	// KeyFile is a facilitator's private key (OpenSSH format).
	KeyFile string
	// PID is the server's process ID, to sample its memory; 0 for none.
	PID int
	// Timeout bounds every wait for the screen.
	Timeout time.Duration
}

// DefaultConfig is a small run: ten participants and one facilitator.
func DefaultConfig() Config {
	return Config{
		Addr: "127.0.0.1:23234", Participants: 10, Facilitators: 1, Rate: 0.1, PerPrompt: 2,
		Duration: 30 * time.Second, Ramp: 50, TypingRate: 8, FacilitatorKeys: time.Second,
		Timeout: 15 * time.Second,
	}
}

// Validate checks the configuration, the address first.
func (c Config) Validate() error {
	if err := checkLoopback(c.Addr); err != nil {
		return err
	}
	switch {
	case c.Participants < 0 || c.Facilitators < 0:
		return errors.New("--participants and --facilitators cannot be negative")
	case c.Participants+c.Facilitators == 0:
		return errors.New("nothing to do: give --participants or --facilitators")
	case c.Rate < 0 || c.Ramp < 0 || c.Contributions < 0:
		return errors.New("--rate, --ramp and --contributions cannot be negative")
	case c.PerPrompt < 1:
		return errors.New("--per-prompt must be at least 1")
	case c.TypingRate <= 0:
		return errors.New("--typing must be positive")
	case c.Duration <= 0 || c.Timeout <= 0:
		return errors.New("--duration and --timeout must be positive")
	case c.Facilitators > 0 && c.KeyFile == "":
		return errors.New("facilitator sessions need --key, a facilitator's private key")
	case c.Code == "" && c.KeyFile == "":
		return errors.New("give --code, or --key to open a new workshop")
	}
	return nil
}

// checkLoopback refuses any address whose host is not a loopback IP
// literal (127.0.0.0/8 or ::1). A name is refused too, even "localhost":
// what it resolves to is not ours to trust. The load generator only ever
// connects to the address it is given, and only on this machine.
func checkLoopback(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return fmt.Errorf("address %q: want IP:PORT, such as 127.0.0.1:23234", addr)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("address %q: the host must be a loopback IP such as 127.0.0.1 or ::1, not a name", addr)
	}
	if !ip.Unmap().IsLoopback() || ip.Zone() != "" {
		return fmt.Errorf("address %q is not loopback: the load generator only drives a server on this machine (127.0.0.0/8 or ::1)", addr)
	}
	return nil
}
