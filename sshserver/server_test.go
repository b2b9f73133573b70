package sshserver

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/ssh"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/sshserver/sshtest"
	gossh "golang.org/x/crypto/ssh"
)

func TestHostKeyIsMadePrivatelyInTheDataFolderAndReused(t *testing.T) {
	cwd := t.TempDir()
	t.Chdir(cwd)
	dataDir := filepath.Join(t.TempDir(), "data")

	first := startServer(t, dataDir)
	_, seen1 := dial(t, first.addr, "someone", keyless())
	first.stop()

	keyPath := filepath.Join(dataDir, "host_ed25519")
	if first.HostKeyPath() != keyPath {
		t.Errorf("host key at %q, want %q", first.HostKeyPath(), keyPath)
	}
	info, err := os.Stat(keyPath)
	if err != nil {
		t.Fatalf("no host key in the data folder: %v", err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("host key mode %o, want 600", mode)
	}
	dirInfo, err := os.Stat(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	if mode := dirInfo.Mode().Perm(); mode != 0o700 {
		t.Errorf("data folder mode %o, want 700", mode)
	}
	if entries, _ := os.ReadDir(cwd); len(entries) > 0 {
		t.Errorf("the server wrote %q into the current directory", entries[0].Name())
	}

	second := startServer(t, dataDir)
	_, seen2 := dial(t, second.addr, "someone", keyless())
	if first.HostKeyFingerprint() != gossh.FingerprintSHA256(seen1) {
		t.Errorf("HostKeyFingerprint() = %q, but clients see %q", first.HostKeyFingerprint(), gossh.FingerprintSHA256(seen1))
	}
	if gossh.FingerprintSHA256(seen1) != gossh.FingerprintSHA256(seen2) {
		t.Errorf("host key changed across a restart: %s, then %s", gossh.FingerprintSHA256(seen1), gossh.FingerprintSHA256(seen2))
	}
	pem, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.ParsePrivateKey(pem)
	if err != nil {
		t.Fatalf("host key file: %v", err)
	}
	if !bytes.Equal(signer.PublicKey().Marshal(), seen2.Marshal()) {
		t.Error("the server does not present the key in its host key file")
	}
}

func TestServerRefusesToStartWithABrokenFacilitatorsFile(t *testing.T) {
	dataDir := t.TempDir()
	path := filepath.Join(t.TempDir(), "facilitators")
	sshtest.WriteFile(t, path, authorizedLine(newKey(t), "fine")+"ssh-rsa\n")
	store := datatest.OpenIn(t, dataDir)
	cfg := DefaultConfig()
	cfg.DataDir, cfg.FacilitatorsFile = dataDir, path
	_, err := New(cfg, store, nil)
	if err == nil || !strings.Contains(err.Error(), path+":2") {
		t.Errorf("err = %v, want it to name %s:2", err, path)
	}
}

func TestFacilitatorKeyRunsEveryCommand(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	auth := withKeys(alice)

	steps := []struct {
		command string
		want    string // on stdout
	}{
		{`workshop new --title "Harbour partnership" --code harbour-talk --pacing facilitator`, "harbour-talk\n"},
		{`workshop new --title "Second"`, ""},
		{`workshop list`, "harbour-talk"},
		{`guide list`, "four-d"},
		{`export harbour-talk --format markdown`, "Harbour partnership"},
		{`export harbour-talk --format json`, ""},
		{`workshop close harbour-talk`, "closed harbour-talk"},
		{`workshop close harbour-talk`, "already closed"},
	}
	for _, step := range steps {
		r := run(t, srv.addr, "alice", step.command, auth)
		if r.status != 0 {
			t.Fatalf("%s: exit %d, stderr %q", step.command, r.status, r.stderr)
		}
		if !strings.Contains(r.stdout, step.want) || r.stdout == "" {
			t.Errorf("%s: stdout %q, want it to contain %q", step.command, r.stdout, step.want)
		}
	}
	w, ok := srv.store.ByCode("harbour-talk")
	if !ok || w.Open || w.Title != "Harbour partnership" {
		t.Errorf("the store holds %+v (found %v), want the closed workshop", w, ok)
	}
	if len(srv.store.Workshops()) != 2 {
		t.Errorf("%d workshops, want 2", len(srv.store.Workshops()))
	}
}

func TestCommandMistakesGiveUsageOrFailureStatus(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	tests := []struct {
		command string
		status  int
		stderr  string
	}{
		{"bogus", 2, "unknown command"},
		{"workshop", 2, "needs a subcommand"},
		{"workshop frob", 2, "unknown command"},
		{"workshop list --frob", 2, "unknown flag"},
		{"workshop new", 2, "--title"},
		{"workshop new --title x --pacing fast", 2, "--pacing"},
		{"workshop new --title x --guide nope", 2, "no guide"},
		{"workshop new --title x --code Not_A_Code", 2, "join code"},
		{"export", 2, "join code"},
		{"export nowhere-1 --format pdf", 2, "format"},
		{"export nowhere-1", 1, "no workshop has the code"},
		{"workshop close nowhere-1", 1, "no workshop has the code"},
		{"export nowhere-1 --output /tmp/x", 2, "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			r := run(t, srv.addr, "alice", tt.command, withKeys(alice))
			if r.status != tt.status || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", r.status, r.stderr, tt.status, tt.stderr)
			}
		})
	}
}

// everyCommand is every command, and some that do not exist: a
// non-facilitator must be refused before any is even parsed.
var everyCommand = []string{
	`workshop new --title "Mine now"`, "workshop list", "workshop close harbour-talk",
	"guide list", "export harbour-talk --format csv", "bogus", "--help",
}

func TestNonFacilitatorsAreRefusedEveryCommand(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	if r := run(t, srv.addr, "alice", "workshop new --title Talk --code harbour-talk", withKeys(alice)); r.status != 0 {
		t.Fatalf("setting up: %+v", r)
	}
	clients := map[string]gossh.AuthMethod{
		"participant key": withKeys(newKey(t)),
		"no key":          keyless(),
	}
	for name, auth := range clients {
		for _, command := range everyCommand {
			t.Run(name+"/"+command, func(t *testing.T) {
				r := run(t, srv.addr, "harbour-talk", command, auth)
				if r.status == 0 || !strings.HasPrefix(r.stderr, "not a facilitator") || r.stdout != "" {
					t.Errorf("exit %d, stdout %q, stderr %q; want a refusal", r.status, r.stdout, r.stderr)
				}
			})
		}
	}
	if w, _ := srv.store.ByCode("harbour-talk"); !w.Open || len(srv.store.Workshops()) != 1 {
		t.Error("a refused command changed the store")
	}
}

// lyingSigner claims to be the facilitator's key but can only sign with
// its own. The client offers the claimed key (the server's public-key
// callback sees it and says it would accept it), then sends a signature
// the server refuses without dropping the connection (a bad signature
// proper makes golang.org/x/crypto/ssh hang up), so the client goes on to
// its next key.
type lyingSigner struct {
	claimed gossh.PublicKey
	own     gossh.Signer
}

func (l lyingSigner) PublicKey() gossh.PublicKey { return l.claimed }

func (l lyingSigner) Sign(rand io.Reader, data []byte) (*gossh.Signature, error) {
	sig, err := l.own.Sign(rand, data)
	if err != nil {
		return nil, err
	}
	sig.Format = gossh.KeyAlgoECDSA256
	return sig, nil
}

// TestOfferingAFacilitatorKeyWithoutItGrantsNothing pins the
// CVE-2024-45337 class: a client offers the facilitator's public key (the
// server's callback sees it), cannot sign for it, then authenticates with
// its own key. It must not be a facilitator.
func TestOfferingAFacilitatorKeyWithoutItGrantsNothing(t *testing.T) {
	alice, mallory := newKey(t), newKey(t)
	var offered sync.Map // fingerprints the server's public-key callback saw
	watchOffers := serverOption{server: func(s *Server) {
		accept := s.ssh.PublicKeyHandler
		s.ssh.PublicKeyHandler = func(ctx ssh.Context, key ssh.PublicKey) bool {
			offered.Store(gossh.FingerprintSHA256(key), true)
			return accept(ctx, key)
		}
	}}
	srv := startServer(t, "", withFacilitators(t, alice), watchOffers)
	auth := withKeys(lyingSigner{claimed: alice.PublicKey(), own: mallory}, mallory)
	for _, command := range everyCommand {
		r := run(t, srv.addr, "mallory", command, auth)
		if r.status == 0 || !strings.HasPrefix(r.stderr, "not a facilitator") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want a refusal", command, r.status, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stderr, gossh.FingerprintSHA256(mallory.PublicKey())) {
			t.Errorf("%s: refusal %q does not name the key that was used", command, r.stderr)
		}
	}
	if _, ok := offered.Load(gossh.FingerprintSHA256(alice.PublicKey())); !ok {
		t.Fatal("the server never saw the facilitator's key offered: the test did not stage the attack")
	}
	if len(srv.store.Workshops()) != 0 {
		t.Error("the impostor opened a workshop")
	}
}

func TestSessionWithoutTerminalOrCommandIsExplained(t *testing.T) {
	srv := startServer(t, "")
	for name, auth := range map[string]gossh.AuthMethod{"key": withKeys(newKey(t)), "no key": keyless()} {
		t.Run(name, func(t *testing.T) {
			r := run(t, srv.addr, "harbour-talk", "", auth)
			if r.status != 1 || !strings.Contains(r.stderr, "needs a terminal") || !strings.Contains(r.stderr, "CODE@") {
				t.Errorf("exit %d, stderr %q; want the explanation", r.status, r.stderr)
			}
		})
	}
}

func TestLogKeepsNoAddressesOrParticipantKeys(t *testing.T) {
	var logged syncBuffer
	participant := newKey(t)
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice), withLog(&logged))
	run(t, srv.addr, "alice", "workshop new --title Talk --code harbour-talk", withKeys(alice))
	run(t, srv.addr, "Jo Bloggs", "workshop list", withKeys(participant))
	run(t, srv.addr, "jo", "", withKeys(participant))
	run(t, srv.addr, "harbour-talk", "", keyless())
	srv.stop()
	out := logged.String()
	if !strings.Contains(out, "session ended") {
		t.Fatalf("nothing was logged: %q", out)
	}
	for _, secret := range []string{"127.0.0.1", gossh.FingerprintSHA256(participant.PublicKey()), "Jo Bloggs", "user=jo",
		strings.TrimSpace(string(gossh.MarshalAuthorizedKey(participant.PublicKey())))[12:40]} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, "harbour-talk") {
		t.Errorf("the log does not say which join code was used:\n%s", out)
	}
}

// TestLimitMessagesInTheLogKeepNoAddressesOrKeys sets off the server's
// limits (an address guessing codes, a full address, an idle screen, a
// connection flood) and checks that the log records each one without an
// address, a participant's key or a user name in the clear.
func TestLimitMessagesInTheLogKeepNoAddressesOrKeys(t *testing.T) {
	var logged syncBuffer
	clock := newManualClock()
	p, probeScreens := withProbes()
	participant := newKey(t)
	srv := startServer(t, "", probeScreens, withClock(clock), withConfig(func(c *Config) {
		c.MaxSessionsPerAddress, c.IdleTimeout = 1, time.Hour
		// The first guess would wait an hour, longer than it may queue.
		c.JoinFreeMisses, c.JoinDelay, c.JoinMaxDelay, c.JoinMaxWait = 0, time.Hour, time.Hour, time.Minute
	}), withLog(&logged))

	guesserConn, _ := dial(t, srv.addr, "Jo Bloggs", withKeys(participant))
	guesser := openTerminalOn(t, guesserConn, 80, 24)
	p.next(t)
	guesser.waitFor("[p 80x24]")
	guesser.typeText("x")
	if status := guesser.exit(); status != 1 || !strings.Contains(guesser.errs.String(), "Too many wrong codes from here; wait 3540 s") {
		t.Errorf("a guess that would wait beyond the limit: exit %d, stderr %q; want it refused, saying how long to wait", status, guesser.errs.String())
	}
	guesserConn.Close()
	waitUntil(t, "the guesser's connection to be counted out", func() bool { c, _ := srv.origins.totals(); return c == 0 })

	idle := openTerminal(t, srv.addr, "harbour-talk", 80, 24, withKeys(participant))
	p.next(t)
	idle.waitFor("[p 80x24]")
	if r := sessionFrom(t, srv, "127.0.0.1"); r.status != 1 {
		t.Fatalf("a second session from the address was not refused: %+v", r)
	}
	clock.waitForTimer(t, time.Hour, "the idle timer")
	clock.Advance(time.Hour)
	idle.exit()
	for range 5 {
		openRaw(t, srv.addr, "127.0.0.3")
	}
	srv.stop()

	out := logged.String()
	t.Logf("the log:\n%s", out)
	for _, want := range []string{"code lookup refused", "session refused", "screen ended: idle", "connection refused before the handshake"} {
		if !strings.Contains(out, want) {
			t.Errorf("the log does not record %q:\n%s", want, out)
		}
	}
	for _, secret := range []string{"127.0.0.", gossh.FingerprintSHA256(participant.PublicKey()), "Jo Bloggs",
		strings.TrimSpace(string(gossh.MarshalAuthorizedKey(participant.PublicKey())))[12:40]} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
}
