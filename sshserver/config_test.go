package sshserver

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefaultConfigIsValidAndKeepsTheHostKeyInTheDataFolder(t *testing.T) {
	cfg := DefaultConfig()
	if err := cfg.Validate(); err != nil {
		t.Fatalf("the default configuration does not validate: %v", err)
	}
	if !filepath.IsAbs(cfg.DataDir) || !filepath.IsAbs(cfg.HostKeyPath) {
		t.Errorf("paths are not absolute after Validate: data %q, host key %q", cfg.DataDir, cfg.HostKeyPath)
	}
	if want := filepath.Join(cfg.DataDir, "host_ed25519"); cfg.HostKeyPath != want {
		t.Errorf("host key at %q, want %q", cfg.HostKeyPath, want)
	}
	if cfg.FacilitatorsFile != "" {
		t.Errorf("an unset facilitators file became %q", cfg.FacilitatorsFile)
	}
}

func TestApplyEnvOverridesDefaults(t *testing.T) {
	cfg := DefaultConfig()
	err := cfg.ApplyEnv([]string{
		"HOME=/home/someone",
		"ANCHORAGE_LISTEN=127.0.0.1:2222",
		"ANCHORAGE_DATA=/srv/anchorage",
		"ANCHORAGE_FACILITATORS=/etc/anchorage/facilitators",
		"ANCHORAGE_HOST_KEY=/etc/anchorage/host_key",
		"ANCHORAGE_MAX_SESSIONS=7",
		"ANCHORAGE_HANDSHAKE_TIMEOUT=3s",
		"ANCHORAGE_MAX_JOIN_ATTEMPTS=2",
		"ANCHORAGE_MAX_ENROL_ATTEMPTS=4",
		"ANCHORAGE_MAX_SESSIONS_PER_ADDRESS=50",
		"ANCHORAGE_MAX_SESSIONS_PER_CONNECTION=3",
		"ANCHORAGE_MAX_HANDSHAKES_PER_ADDRESS=30",
		"ANCHORAGE_JOIN_FREE_MISSES=8",
		"ANCHORAGE_JOIN_MISS_WINDOW=1h",
		"ANCHORAGE_JOIN_DELAY=0s",
		"ANCHORAGE_JOIN_MAX_DELAY=5s",
		"ANCHORAGE_JOIN_MAX_WAIT=20s",
		"ANCHORAGE_IDLE_TIMEOUT=45m",
		"ANCHORAGE_MAX_CONNECTION_TIME=8h",
		"ANCHORAGE_INPUT_BURST=1024",
		"ANCHORAGE_INPUT_RATE=512",
		"ANCHORAGE_INPUT_FLOOD_TIMEOUT=1m",
		"ANCHORAGE_STALL_TIMEOUT=10s",
		"ANCHORAGE_SOMETHING_ELSE=ignored",
		"ANCHORAGE_MAX_SESSIONS_X=",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultConfig()
	want.Listen, want.DataDir = "127.0.0.1:2222", "/srv/anchorage"
	want.FacilitatorsFile, want.HostKeyPath = "/etc/anchorage/facilitators", "/etc/anchorage/host_key"
	want.MaxSessions, want.HandshakeTimeout, want.MaxJoinAttempts, want.MaxEnrolAttempts = 7, 3*time.Second, 2, 4
	want.MaxSessionsPerAddress, want.MaxSessionsPerConnection, want.MaxHandshakesPerAddress = 50, 3, 30
	want.JoinFreeMisses, want.JoinMissWindow, want.JoinDelay, want.JoinMaxDelay, want.JoinMaxWait = 8, time.Hour, 0, 5*time.Second, 20*time.Second
	want.IdleTimeout, want.MaxConnectionTime, want.StallTimeout = 45*time.Minute, 8*time.Hour, 10*time.Second
	want.InputBurst, want.InputRate, want.InputFloodTimeout = 1024, 512, time.Minute
	if cfg != want {
		t.Errorf("after ApplyEnv:\n got %+v\nwant %+v", cfg, want)
	}
}

func TestApplyEnvNamesTheBadVariable(t *testing.T) {
	cfg := DefaultConfig()
	err := cfg.ApplyEnv([]string{"ANCHORAGE_MAX_SESSIONS=lots", "ANCHORAGE_HANDSHAKE_TIMEOUT=soon"})
	if err == nil {
		t.Fatal("ApplyEnv accepted non-numbers")
	}
	for _, name := range []string{"ANCHORAGE_MAX_SESSIONS", "ANCHORAGE_HANDSHAKE_TIMEOUT"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}

func TestValidateRefusesNonsense(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Config)
	}{
		{"listen without a port", func(c *Config) { c.Listen = "localhost" }},
		{"no data folder", func(c *Config) { c.DataDir = "" }},
		{"no sessions", func(c *Config) { c.MaxSessions = 0 }},
		{"no handshake time", func(c *Config) { c.HandshakeTimeout = 0 }},
		{"no join attempts", func(c *Config) { c.MaxJoinAttempts = 0 }},
		{"no enrol attempts", func(c *Config) { c.MaxEnrolAttempts = 0 }},
		{"no sessions per address", func(c *Config) { c.MaxSessionsPerAddress = 0 }},
		{"no sessions per connection", func(c *Config) { c.MaxSessionsPerConnection = 0 }},
		{"no handshakes", func(c *Config) { c.MaxHandshakesPerAddress = 0 }},
		{"negative free misses", func(c *Config) { c.JoinFreeMisses = -1 }},
		{"no join miss window", func(c *Config) { c.JoinMissWindow = 0 }},
		{"negative join delay", func(c *Config) { c.JoinDelay = -time.Second }},
		{"join delay above its maximum", func(c *Config) { c.JoinDelay, c.JoinMaxDelay = time.Minute, time.Second }},
		{"no join wait", func(c *Config) { c.JoinMaxWait = 0 }},
		{"no idle time", func(c *Config) { c.IdleTimeout = 0 }},
		{"no connection time", func(c *Config) { c.MaxConnectionTime = 0 }},
		{"no input burst", func(c *Config) { c.InputBurst = 0 }},
		{"no input rate", func(c *Config) { c.InputRate = 0 }},
		{"no flood time", func(c *Config) { c.InputFloodTimeout = 0 }},
		{"no stall time", func(c *Config) { c.StallTimeout = -time.Second }},
		{"window min above max", func(c *Config) { c.Window.MinWidth = 600 }},
		{"zero window", func(c *Config) { c.Window.MinHeight = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tt.change(&cfg)
			if err := cfg.Validate(); err == nil {
				t.Errorf("Validate accepted %+v", cfg)
			}
		})
	}
}
