package main

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/sshserver/sshtest"
)

const testDeadline = 20 * time.Second

// syncBuffer is a bytes.Buffer safe for a writer and a polling reader.
type syncBuffer = sshtest.Buffer

type outcome struct {
	status         int
	stdout, stderr string
}

// anchorage runs the command line with the given environment.
func anchorage(t *testing.T, environ []string, args ...string) outcome {
	t.Helper()
	return anchorageIn(t, strings.NewReader(""), environ, args...)
}

func TestOfflineCommandsWorkOnAStoppedServersData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	steps := []struct {
		args   []string
		stdout string
	}{
		{[]string{"workshop", "new", "--data", dir, "--title", "Harbour partnership", "--code", "harbour-talk"}, "harbour-talk\n"},
		{[]string{"workshop", "list", "--data", dir}, "Harbour partnership"},
		{[]string{"guide", "list"}, "four-d"},
		{[]string{"export", "harbour-talk", "--data", dir, "--format", "markdown"}, "Harbour partnership"},
		{[]string{"workshop", "close", "harbour-talk", "--data", dir}, "closed harbour-talk"},
	}
	for _, step := range steps {
		r := anchorage(t, nil, step.args...)
		if r.status != 0 || !strings.Contains(r.stdout, step.stdout) {
			t.Fatalf("anchorage %s: exit %d, stdout %q, stderr %q; want %q", strings.Join(step.args, " "), r.status, r.stdout, r.stderr, step.stdout)
		}
	}

	out := filepath.Join(t.TempDir(), "report.json")
	if r := anchorage(t, nil, "export", "harbour-talk", "--data", dir, "--format", "json", "--output", out); r.status != 0 || r.stdout != "" {
		t.Fatalf("export to a file: %+v", r)
	}
	info, err := os.Stat(out)
	if err != nil || info.Size() == 0 {
		t.Fatalf("the export file is missing or empty: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("the export file has mode %o, want 600: it holds what people said", info.Mode().Perm())
	}

	store, err := data.Open(data.Options{Dir: dir})
	if err != nil {
		t.Fatalf("the offline commands left the database unopenable: %v", err)
	}
	defer store.Close()
	if w, ok := store.ByCode("harbour-talk"); !ok || w.Open {
		t.Errorf("the store holds %+v (found %v), want the closed workshop", w, ok)
	}
}

func TestDataFolderComesFromFlagThenEnvironment(t *testing.T) {
	fromEnv, fromFlag := t.TempDir(), t.TempDir()
	env := []string{"ANCHORAGE_DATA=" + fromEnv}
	if r := anchorage(t, env, "workshop", "new", "--title", "Env", "--code", "env-workshop"); r.status != 0 {
		t.Fatalf("%+v", r)
	}
	if r := anchorage(t, env, "workshop", "new", "--title", "Flag", "--code", "flag-workshop", "--data", fromFlag); r.status != 0 {
		t.Fatalf("%+v", r)
	}
	envList := anchorage(t, env, "workshop", "list")
	flagList := anchorage(t, env, "workshop", "list", "--data", fromFlag)
	if !strings.Contains(envList.stdout, "env-workshop") || strings.Contains(envList.stdout, "flag-workshop") {
		t.Errorf("ANCHORAGE_DATA was not used without --data: %q", envList.stdout)
	}
	if !strings.Contains(flagList.stdout, "flag-workshop") || strings.Contains(flagList.stdout, "env-workshop") {
		t.Errorf("--data did not win over ANCHORAGE_DATA: %q", flagList.stdout)
	}
}

func TestOfflineCommandSaysWhenTheServerHoldsTheDatabase(t *testing.T) {
	dir := t.TempDir()
	store, err := data.Open(data.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	tests := []struct {
		args    []string
		sshForm string
	}{
		{[]string{"workshop", "list", "--data", dir}, "ssh -p 23234 localhost 'workshop list'"},
		{[]string{"workshop", "new", "--data", dir, "--title", "Harbour talk"}, `ssh -p 23234 localhost 'workshop new --title "Harbour talk"'`},
		{[]string{"export", "harbour-talk", "--format", "csv", "--output", "out.csv", "--data", dir}, "ssh -p 23234 localhost 'export --format csv harbour-talk' > out.csv"},
	}
	for _, tt := range tests {
		r := anchorage(t, nil, tt.args...)
		if r.status != 1 {
			t.Errorf("%v: exit %d, want 1", tt.args, r.status)
		}
		if !strings.Contains(r.stderr, "server is running and holds the database") || !strings.Contains(r.stderr, tt.sshForm) {
			t.Errorf("%v: stderr %q; want the reason and %q", tt.args, r.stderr, tt.sshForm)
		}
	}
}

func TestOfflineCommandMistakes(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo")
	tests := []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"workshop", "list", "--data", missing}, 1, "no Anchorage data in"},
		{[]string{"export", "x", "--format", "pdf", "--data", missing}, 2, "format"},
	}
	for _, tt := range tests {
		r := anchorage(t, nil, tt.args...)
		if r.status != tt.status || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, r.status, r.stderr, tt.status, tt.stderr)
		}
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Error("a command on a missing data folder created it")
	}
}

func TestServeWelcomesStopsOnASignalAndClosesTheDatabase(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr syncBuffer
	signals := make(chan os.Signal, 1)
	a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, signals: signals,
		exit: func(int) { t.Error("serve forced an exit") }}
	done := make(chan int, 1)
	go func() {
		done <- a.run(context.Background(), []string{"serve", "--listen", "127.0.0.1:0", "--data", dir})
	}()

	var addr string
	listening := regexp.MustCompile(`listening on (127\.0\.0\.1:\d+)`)
	deadline := time.Now().Add(testDeadline)
	for addr == "" && time.Now().Before(deadline) {
		if m := listening.FindStringSubmatch(stdout.String()); m != nil && strings.Contains(stdout.String(), "Ctrl-C") {
			addr = m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	if addr == "" {
		t.Fatalf("waited %s for serve to say where it listens; stdout %q, stderr %q", testDeadline, stdout.String(), stderr.String())
	}
	welcome := stdout.String()
	for _, want := range []string{"Participants join", "@", "Facilitators connect with:", "enrol@", "one-time code", "should be SHA256:"} {
		if !strings.Contains(welcome, want) {
			t.Errorf("the welcome lacks %q:\n%s", want, welcome)
		}
	}

	client, _, err := sshtest.Dial(addr, "", "someone", sshtest.Keyless())
	if err != nil {
		t.Fatalf("ssh to the server: %v", err)
	}
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, _ := sess.CombinedOutput("workshop list")
	if !strings.Contains(string(out), "not a facilitator") {
		t.Errorf("a keyless command was answered with %q", out)
	}
	client.Close()

	_, port, _ := net.SplitHostPort(addr)
	locked := anchorage(t, nil, "workshop", "list", "--data", dir)
	if want := "ssh -p " + port + " 127.0.0.1 'workshop list'"; locked.status != 1 || !strings.Contains(locked.stderr, want) {
		t.Errorf("an offline command while serving: exit %d, stderr %q; want %q", locked.status, locked.stderr, want)
	}

	signals <- syscall.SIGTERM
	select {
	case status := <-done:
		if status != 0 {
			t.Errorf("serve exited %d after a signal; stderr %q", status, stderr.String())
		}
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for serve to stop after a signal", testDeadline)
	}

	if _, err := os.Stat(filepath.Join(dir, serveAddressFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stopped server left its address behind (%v)", err)
	}
	store, err := data.Open(data.Options{Dir: dir})
	if err != nil {
		t.Fatalf("the database was not closed: %v", err)
	}
	defer store.Close()
	if ws := store.Workshops(); len(ws) != 1 || !ws[0].Open {
		t.Errorf("serve left %+v, want one open workshop from the default guide", ws)
	}
}

func TestWorkshopFromAGuideFileOnTheCommandLine(t *testing.T) {
	dir, guides := t.TempDir(), t.TempDir()
	good := filepath.Join(guides, "our-guide.yaml")
	if err := os.WriteFile(good, []byte("id: our-guide\ntitle: Our own guide\nphases:\n  - id: one\n    title: One\n    prompts:\n      - id: first\n        text: What works?\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(guides, "bad.yaml")
	if err := os.WriteFile(bad, []byte("id: bad\ntitle: Bad\nphases:\n  - id: one\n    title: One\n    prompts: []\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := anchorage(t, nil, "workshop", "new", "--data", dir, "--title", "Ours", "--code", "our-talk", "--guide", good); r.status != 0 {
		t.Fatalf("a workshop from a guide file: %+v", r)
	}
	if r := anchorage(t, nil, "workshop", "list", "--data", dir); !strings.Contains(r.stdout, "our-guide") {
		t.Errorf("the workshop does not follow the file's guide: %q", r.stdout)
	}
	r := anchorage(t, nil, "workshop", "new", "--data", dir, "--title", "Bad", "--guide", bad)
	if r.status != 1 || !strings.Contains(r.stderr, bad) {
		t.Errorf("a bad guide file: exit %d, stderr %q; want an error naming the file", r.status, r.stderr)
	}
}

func TestServeFlagsWinOverEnvironmentOverDefaults(t *testing.T) {
	tests := []struct {
		name    string
		environ []string
		flags   []string
		listen  string
		data    string
	}{
		{"defaults", nil, nil, ":23234", "anchorage-data"},
		{"environment", []string{"ANCHORAGE_LISTEN=:2020", "ANCHORAGE_DATA=/srv/a"}, nil, ":2020", "/srv/a"},
		{"flags", []string{"ANCHORAGE_LISTEN=:2020", "ANCHORAGE_DATA=/srv/a"}, []string{"--listen", ":3030", "--data", "/srv/b"}, ":3030", "/srv/b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &app{environ: tt.environ}
			cmd := a.serveCommand()
			cmd.Flags().String("data", "./anchorage-data", "") // the root's persistent flag
			if err := cmd.ParseFlags(tt.flags); err != nil {
				t.Fatal(err)
			}
			cfg, err := a.config(cmd)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Listen != tt.listen || !strings.HasSuffix(cfg.DataDir, tt.data) {
				t.Errorf("listen %q, data %q; want %q and …%s", cfg.Listen, cfg.DataDir, tt.listen, tt.data)
			}
		})
	}
}

func TestASecondSignalForcesTheExit(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr syncBuffer
	signals := make(chan os.Signal, 2)
	exited := make(chan int, 1)
	a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, signals: signals,
		exit: func(status int) { exited <- status }}
	done := make(chan int, 1)
	go func() {
		done <- a.run(context.Background(), []string{"serve", "--listen", "127.0.0.1:0", "--data", dir})
	}()
	var addr string
	listening := regexp.MustCompile(`listening on (127\.0\.0\.1:\d+)`)
	for deadline := time.Now().Add(testDeadline); addr == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := listening.FindStringSubmatch(stdout.String()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("waited %s for serve to say where it listens", testDeadline)
	}
	// A client connected (its handshake done, so the server counts it)
	// and staying on holds a clean shutdown up for its grace period: the
	// second signal must not wait for it. (A connection still in its
	// handshake is not counted, and held nothing up.)
	client, _, err := sshtest.Dial(addr, "", "someone", sshtest.Keyless())
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer client.Close()
	signals <- syscall.SIGINT
	signals <- syscall.SIGINT
	select {
	case status := <-exited:
		if status == 0 {
			t.Errorf("the forced exit had status 0")
		}
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for a second signal to force the exit", testDeadline)
	}
	if !strings.Contains(stderr.String(), "second signal") {
		t.Errorf("the forced exit said nothing: %q", stderr.String())
	}
	select {
	case <-done:
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for serve to return after the forced exit", testDeadline)
	}
}
