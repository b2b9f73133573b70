package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"
	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry/inquirytest"
	"github.com/anchorage/anchorage/sshserver/sshtest"
)

func TestFacilitatorAddsAGuideAndAScribeAndTakesABackupOverSSH(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	alice := crashKey(t)
	srv := serve(t, nil, "--data", dir, "--facilitators", sshtest.AuthorizedKeys(t, alice))

	status, out, errOut := sshExec(t, srv.addr, alice, "guide add", []byte(inquirytest.WalkGuide))
	if status != 0 || !strings.Contains(string(out), "added guide harbour-walk") {
		t.Fatalf("guide add over SSH: exit %d, %q, %q", status, out, errOut)
	}
	status, _, errOut = sshExec(t, srv.addr, alice, "guide add", []byte("id: broken\ntitle: Broken\nphases: []\n"))
	if status != 1 || !strings.Contains(errOut, "stdin:3: phases") {
		t.Errorf("a broken guide over SSH: exit %d, stderr %q; want stdin:3", status, errOut)
	}
	if status, out, _ := sshExec(t, srv.addr, alice, "guide list", nil); status != 0 || !strings.Contains(string(out), "harbour-walk") {
		t.Errorf("guide list over SSH: %d %q", status, out)
	}
	if status, out, _ := sshExec(t, srv.addr, alice, "guide show harbour-walk", nil); status != 0 || string(out) != inquirytest.WalkGuide {
		t.Errorf("guide show over SSH: %d %q", status, out)
	}
	for i, code := range []string{"walk-0001", "walk-0002"} {
		guide := "harbour-walk"
		if i == 1 {
			guide = "four-d"
		}
		if status, out, errOut := sshExec(t, srv.addr, alice, "workshop new --title Walk --code "+code+" --guide "+guide, nil); status != 0 {
			t.Fatalf("workshop new --guide %s over SSH: exit %d, %q, %q", guide, status, out, errOut)
		}
	}
	jo := crashKey(t)
	status, out, errOut = sshExec(t, srv.addr, alice, "scribe add walk-0001 --name Jo", gossh.MarshalAuthorizedKey(jo.PublicKey()))
	if status != 0 || !strings.Contains(string(out), gossh.FingerprintSHA256(jo.PublicKey())) {
		t.Errorf("scribe add over SSH: exit %d, %q, %q", status, out, errOut)
	}
	if status, out, _ := sshExec(t, srv.addr, alice, "scribe list walk-0001", nil); status != 0 || !strings.Contains(string(out), "Jo") {
		t.Errorf("scribe list over SSH: %d %q", status, out)
	}

	// While the server runs, the offline form points to SSH.
	offline := anchorage(t, nil, "backup", "--data", dir)
	if offline.status != 1 || !strings.Contains(offline.stderr, "backup > anchorage.backup") {
		t.Errorf("offline backup while serving: %+v; want the SSH form with a redirection", offline)
	}

	status, backup, errOut := sshExec(t, srv.addr, alice, "backup", nil)
	if status != 0 || len(backup) == 0 {
		t.Fatalf("backup over SSH: exit %d, %d bytes, %q", status, len(backup), errOut)
	}
	exports := map[string][]byte{}
	for _, code := range []string{"walk-0001", "walk-0002"} {
		for _, format := range []string{"markdown", "csv", "json"} {
			status, out, errOut := sshExec(t, srv.addr, alice, "export "+code+" --format "+format, nil)
			if status != 0 {
				t.Fatalf("export over SSH: %d %q", status, errOut)
			}
			exports[code+"."+format] = out
		}
	}

	restored := filepath.Join(t.TempDir(), "restored")
	r := anchorageIn(t, bytes.NewReader(backup), nil, "restore", "--data", restored)
	// Two workshops, and the one serve opened on the default guide.
	if r.status != 0 || !strings.Contains(r.stdout, "restored 3 workshops") {
		t.Fatalf("restore: %+v", r)
	}
	for name, want := range exports {
		code, format, _ := strings.Cut(name, ".")
		got := anchorage(t, nil, "export", code, "--format", format, "--data", restored)
		if got.status != 0 || got.stdout != string(want) {
			t.Errorf("export %s from the restored folder differs from the server's (exit %d, %q)", name, got.status, got.stderr)
		}
	}
	if again := anchorageIn(t, bytes.NewReader(backup), nil, "restore", "--data", restored); again.status != 1 || !strings.Contains(again.stderr, "not empty") {
		t.Errorf("restore into the restored folder again: %+v; want a refusal", again)
	}
}

func TestServeAddsTheGuidesInAFolderAndStopsAtAMistake(t *testing.T) {
	alice := crashKey(t)
	guides := t.TempDir()
	writeFile(t, filepath.Join(guides, "walk.yaml"), inquirytest.WalkGuide)
	writeFile(t, filepath.Join(guides, "notes.txt"), "not a guide")
	dir := filepath.Join(t.TempDir(), "data")
	keys := sshtest.AuthorizedKeys(t, alice)
	srv := serve(t, nil, "--data", dir, "--facilitators", keys, "--guides", guides)
	if status, out, _ := sshExec(t, srv.addr, alice, "workshop new --title Walk --guide harbour-walk", nil); status != 0 {
		t.Errorf("a workshop on a guide from --guides: %d %q", status, out)
	}
	srv.stop(t)

	// The file changes while a workshop follows the guide: the server still
	// starts, keeps the guide as the workshop has it, and says so.
	changed := strings.Replace(inquirytest.WalkGuide, "What do you see working?", "What would you change?", 1)
	writeFile(t, filepath.Join(guides, "walk.yaml"), changed)
	srv = serve(t, nil, "--data", dir, "--facilitators", keys, "--guides", guides)
	if status, out, _ := sshExec(t, srv.addr, alice, "guide show harbour-walk", nil); status != 0 || string(out) != inquirytest.WalkGuide {
		t.Errorf("after a restart with a changed file, guide show gives %q, want the guide the open workshop follows", out)
	}
	if !strings.Contains(srv.stderr.String(), "kept as it was") {
		t.Errorf("serve did not warn about the changed guide: %q", srv.stderr.String())
	}
	srv.stop(t)

	bad := filepath.Join(guides, "zz-bad.yaml")
	writeFile(t, bad, strings.Replace(inquirytest.WalkGuide, "harbour-walk", "other-walk", 1)+"        kinds: [wish]\n")
	var stdout, stderr syncBuffer
	a := &app{environ: []string{envGuides + "=" + guides}, stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		signals: make(chan os.Signal), exit: func(int) { t.Error("forced exit") }}
	status := a.run(context.Background(), []string{"serve", "--listen", "127.0.0.1:0", "--data", filepath.Join(t.TempDir(), "data")})
	if status == 0 || !strings.Contains(stderr.String(), bad+":10: phases[0].prompts[0].kinds[0]") {
		t.Errorf("serve with a broken guide (from %s): exit %d, stderr %q; want a refusal naming %s:10", envGuides, status, stderr.String(), bad)
	}
	if strings.Contains(stdout.String(), "listening") {
		t.Errorf("serve started despite a broken guide")
	}
}

func TestEncryptionKeyFileOnServeAndOfflineCommands(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	keyFile := filepath.Join(t.TempDir(), "anchorage.key")
	writeFile(t, keyFile, "7f3b1c0e9d2a4b6c8e0f1a3b5c7d9e1f2a4b6c8d0e1f3a5b7c9d1e3f5a7b9c1d\n")
	otherKey := filepath.Join(t.TempDir(), "other.key")
	writeFile(t, otherKey, strings.Repeat("ab", 32)+"\n")

	title := "Encrypted harbour partnership"
	if r := anchorage(t, nil, "workshop", "new", "--data", dir, "--title", title, "--code", "secret-talk", "--encryption-key-file", keyFile); r.status != 0 {
		t.Fatalf("workshop new with a key: %+v", r)
	}
	alice := crashKey(t)
	srv := serve(t, []string{envKeyFile + "=" + keyFile}, "--data", dir, "--facilitators", sshtest.AuthorizedKeys(t, alice))
	if status, out, _ := sshExec(t, srv.addr, alice, "workshop list", nil); status != 0 || !strings.Contains(string(out), title) {
		t.Errorf("the server with the key from %s lists %q", envKeyFile, out)
	}
	if status := srv.stop(t); status != 0 {
		t.Fatalf("serve exited %d", status)
	}
	if files := filesHolding(t, dir, title); len(files) > 0 {
		t.Errorf("%v hold the workshop's title in the clear", files)
	}

	tests := []struct {
		name    string
		environ []string
		args    []string
		stderr  string
	}{
		{"no key", nil, nil, "encrypted: give its key with --encryption-key-file"},
		{"another key", nil, []string{"--encryption-key-file", otherKey}, "does not open the database"},
		{"a missing key file", nil, []string{"--encryption-key-file", keyFile + ".gone"}, "no such file"},
	}
	for _, tt := range tests {
		r := anchorage(t, tt.environ, append([]string{"workshop", "list", "--data", dir}, tt.args...)...)
		if r.status != 1 || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", tt.name, r.status, r.stderr, tt.stderr)
		}
	}
	if r := anchorage(t, []string{envKeyFile + "=" + keyFile}, "workshop", "list", "--data", dir); r.status != 0 || !strings.Contains(r.stdout, title) {
		t.Errorf("with the key from the environment: %+v", r)
	}
}

func TestServeKeepsItsFilesPrivateAndRefusesAnOpenFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	alice := crashKey(t)
	srv := serve(t, nil, "--data", dir, "--facilitators", sshtest.AuthorizedKeys(t, alice))
	if status, _, _ := sshExec(t, srv.addr, alice, "workshop new --title Private", nil); status != 0 {
		t.Fatal("workshop new failed")
	}
	// While the server runs: Badger's files, the host key, the lock and
	// the address note.
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %04o while serving, want 0600", e.Name(), info.Mode().Perm())
		}
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("the data folder has mode %04o, want 0700", info.Mode().Perm())
	}
	srv.stop(t)

	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr syncBuffer
	a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, signals: make(chan os.Signal), exit: func(int) {}}
	status := a.run(context.Background(), []string{"serve", "--listen", "127.0.0.1:0", "--data", dir})
	if status == 0 || !strings.Contains(stderr.String(), "chmod 700 "+dir) {
		t.Errorf("serve on a folder others can read: exit %d, stderr %q; want a refusal saying chmod 700 %s", status, stderr.String(), dir)
	}
}

// The offline forms of commands that read standard input or write a
// backup show the SSH form with the redirection.
func TestSSHFormOfCommandsThatReadOrWriteStreams(t *testing.T) {
	dir := t.TempDir()
	store, err := data.Open(data.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	guide := filepath.Join(t.TempDir(), "my guide.yaml")
	writeFile(t, guide, inquirytest.WalkGuide)
	key := string(gossh.MarshalAuthorizedKey(crashKey(t).PublicKey()))
	tests := []struct {
		args    []string
		stdin   string
		sshForm string
	}{
		{[]string{"guide", "add", guide, "--data", dir}, "", "ssh -p 23234 localhost 'guide add' < '" + guide + "'"},
		{[]string{"guide", "add", "--data", dir}, inquirytest.WalkGuide, "ssh -p 23234 localhost 'guide add' < GUIDE.yaml"},
		{[]string{"guide", "list", "--data", dir}, "", "ssh -p 23234 localhost 'guide list'"},
		{[]string{"scribe", "add", "harbour-talk", "--name", "Jo", "--data", dir}, key, `ssh -p 23234 localhost 'scribe add --name Jo harbour-talk' < KEY.pub`},
		{[]string{"backup", "--data", dir}, "", "ssh -p 23234 localhost backup > anchorage.backup"},
	}
	for _, tt := range tests {
		r := anchorageIn(t, strings.NewReader(tt.stdin), nil, tt.args...)
		if r.status != 1 || !strings.Contains(r.stderr, tt.sshForm) {
			t.Errorf("%v: exit %d, stderr %q; want %q", tt.args, r.status, r.stderr, tt.sshForm)
		}
	}
}

func TestOfflineBackupAndRestore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if r := anchorage(t, nil, "workshop", "new", "--data", dir, "--title", "Offline talk", "--code", "offline-talk"); r.status != 0 {
		t.Fatalf("workshop new: %+v", r)
	}
	backup := anchorage(t, nil, "backup", "--data", dir)
	if backup.status != 0 || len(backup.stdout) == 0 {
		t.Fatalf("offline backup: exit %d, %d bytes, %q", backup.status, len(backup.stdout), backup.stderr)
	}
	restored := filepath.Join(t.TempDir(), "restored")
	if r := anchorageIn(t, strings.NewReader(backup.stdout), nil, "restore", "--data", restored); r.status != 0 {
		t.Fatalf("restore: %+v", r)
	}
	for _, format := range []string{"markdown", "csv", "json"} {
		want := anchorage(t, nil, "export", "offline-talk", "--format", format, "--data", dir)
		got := anchorage(t, nil, "export", "offline-talk", "--format", format, "--data", restored)
		if want.status != 0 || got.stdout != want.stdout {
			t.Errorf("the %s export differs after an offline backup and restore", format)
		}
	}
	if r := anchorageIn(t, strings.NewReader("not a backup"), nil, "restore", "--data", filepath.Join(t.TempDir(), "x")); r.status != 1 {
		t.Errorf("restore from something that is not a backup: %+v", r)
	}
}

func TestBackupAndRestoreRefuseATerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	r := anchorageIn(t, tty, nil, "restore", "--data", filepath.Join(t.TempDir(), "x"))
	if r.status != 2 || !strings.Contains(r.stderr, "< anchorage.backup") {
		t.Errorf("restore with a terminal as input: %+v; want a usage error saying how to give the file", r)
	}

	dir := filepath.Join(t.TempDir(), "data")
	if r := anchorage(t, nil, "workshop", "new", "--data", dir, "--title", "Talk"); r.status != 0 {
		t.Fatalf("workshop new: %+v", r)
	}
	var stderr syncBuffer
	a := &app{stdin: strings.NewReader(""), stdout: tty, stderr: &stderr, signals: make(chan os.Signal), exit: func(int) {}}
	if status := a.run(context.Background(), []string{"backup", "--data", dir}); status != 2 || !strings.Contains(stderr.String(), "backup > ") {
		t.Errorf("backup to a terminal: exit %d, stderr %q; want a usage error saying where to send it", status, stderr.String())
	}
}
