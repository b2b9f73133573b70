package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestEveryREADMECommandRunsAsTyped walks README from the top and runs
// every command its shell blocks show, through a shell, as a newcomer would
// type it (issue 10 item 10): `go run ./cmd/anchorage serve` from the
// checkout, `go install ./cmd/anchorage`, the participants' and
// facilitators' ssh lines through the real OpenSSH client in a
// pseudo-terminal, every facilitator command over ssh, and every offline
// anchorage command. Only HOST, the port and the example join code are
// put in for the server's; the environment puts the data folder and the
// installed command in a temporary folder, and gives ssh a key and no
// known hosts. A line that does not run, or that this test does not know
// how to run, fails it.
func TestEveryREADMECommandRunsAsTyped(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the server with go run and go install")
	}
	for _, tool := range []string{"go", "ssh", "sh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on this machine", tool)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	w := newReadmeWalk(t, string(readme))
	for _, line := range shellLines(string(readme)) {
		w.run(line)
	}
	w.stopServer()
	if w.ran < 30 {
		t.Errorf("ran %d of README's commands; it shows more than that", w.ran)
	}
}

// notRun are README lines this test does not run, and why.
var notRun = map[string]string{
	"go test -race ./...": "it runs this test",
}

// readmeWait bounds each command; readmeCompile bounds a go run or go
// install that compiles the whole server.
const readmeWait, readmeCompile = 30 * time.Second, 5 * time.Minute

// shellLines are the lines of README's ```sh blocks, in order.
func shellLines(readme string) []string {
	var lines []string
	in := false
	for _, line := range strings.Split(readme, "\n") {
		switch {
		case line == "```sh":
			in = true
		case strings.HasPrefix(line, "```"):
			in = false
		case in && strings.TrimSpace(line) != "":
			lines = append(lines, strings.TrimSpace(line))
		}
	}
	return lines
}

// readmeWalk is README being followed: the checkout, the folder the
// commands run in, the environment they run with, and the server.
type readmeWalk struct {
	t      *testing.T
	root   string // the checkout
	dir    string // ./anchorage-data, my-guide.yaml, jo.pub, and what commands write
	env    []string
	bin    string // where go install puts the anchorage command
	keyed  string // ssh configuration with the facilitator's key
	noKey  string // ssh configuration without a key, as a participant
	ran    int
	server *readmeServer
	// code is the example workshop's join code (harbour-4821 in README):
	// the one serve opened. enrolled says the facilitator's key is enrolled.
	code     string
	enrolled bool
}

// readmeServer is the server the ssh lines reach: `go run ... serve` as
// README starts it, or, once offline commands have stopped it, serve again
// in this process on the same data.
type readmeServer struct {
	addr, code, enrol string
	stop              func()
}

func newReadmeWalk(t *testing.T, readme string) *readmeWalk {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	bin, wrap := filepath.Join(tmp, "bin"), filepath.Join(tmp, "wrap")
	w := &readmeWalk{t: t, root: root, dir: filepath.Join(tmp, "work"), bin: bin}
	for _, d := range []string{w.dir, bin, wrap} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	// The facilitator's key, as ssh-keygen would leave it; jo.pub a scribe's.
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "facilitator")
	if err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(tmp, "id_ed25519")
	writeFile(t, key, string(pem.EncodeToMemory(block)))
	writeFile(t, filepath.Join(w.dir, "jo.pub"), string(gossh.MarshalAuthorizedKey(crashKey(t).PublicKey())))
	writeFile(t, filepath.Join(w.dir, "my-guide.yaml"), yamlBlock(t, readme))

	// ssh is the real client, told only to trust a server it has not met
	// and which key to offer (or none): a wrapper puts -F in front.
	common := "Host *\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n" +
		"  IdentityAgent none\n  IdentitiesOnly yes\n  ConnectTimeout 10\n"
	w.keyed, w.noKey = filepath.Join(tmp, "keyed.conf"), filepath.Join(tmp, "nokey.conf")
	writeFile(t, w.keyed, common+"  IdentityFile "+key+"\n")
	writeFile(t, w.noKey, common+"  PubkeyAuthentication no\n")
	ssh, _ := exec.LookPath("ssh")
	if err := os.WriteFile(filepath.Join(wrap, "ssh"), []byte("#!/bin/sh\nexec "+ssh+` -F "$README_SSH_CONFIG" "$@"`+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	w.env = append(os.Environ(),
		"PATH="+wrap+":"+bin+":"+os.Getenv("PATH"),
		"GOBIN="+bin,
		"TERM=xterm-256color")
	return w
}

// yamlBlock is README's example guide, the one it says to save as
// my-guide.yaml.
func yamlBlock(t *testing.T, readme string) string {
	t.Helper()
	m := regexp.MustCompile("(?s)saved as `my-guide.yaml`.*?```yaml\n(.*?)```").FindStringSubmatch(readme)
	if m == nil {
		t.Fatal("README shows no example guide")
	}
	return m[1]
}

// run runs one README line as its kind of line is run.
func (w *readmeWalk) run(line string) {
	t := w.t
	t.Helper()
	command, _, _ := strings.Cut(line, "#")
	if why, skip := notRun[strings.TrimSpace(command)]; skip {
		t.Logf("not run: %s (%s)", line, why)
		return
	}
	w.ran++
	switch {
	case strings.HasPrefix(line, "go run ./cmd/anchorage serve"):
		w.startGoRun(line)
	case strings.HasPrefix(line, "go install "):
		w.shell(line, w.root, readmeCompile, "")
		if _, err := os.Stat(filepath.Join(w.bin, "anchorage")); err != nil {
			t.Fatalf("%s left no anchorage command where README says: %v", line, err)
		}
	case strings.HasPrefix(line, "ssh "):
		w.ensureServer()
		line = w.substitute(line)
		if dest, interactive := sshDestination(line); interactive {
			w.screen(line, dest)
			return
		}
		w.shell(line, w.dir, readmeWait, w.keyed)
	case strings.HasPrefix(line, "anchorage "):
		w.stopServer() // offline commands want the data to themselves
		w.shell(w.substitute(line), w.dir, readmeWait, "")
	default:
		t.Errorf("README shows %q, which this test does not know how to run", line)
	}
}

// substitute puts the server's address and workshop in for README's.
func (w *readmeWalk) substitute(line string) string {
	s := w.server
	if s == nil { // offline: only the workshop's code
		return strings.ReplaceAll(line, "harbour-4821", w.code)
	}
	host, port, _ := strings.Cut(s.addr, ":")
	r := strings.NewReplacer("-p 23234", "-p "+port, " HOST", " "+host, "@HOST", "@"+host,
		"workshop-laptop.local", host, "harbour-4821", s.code)
	return r.Replace(line)
}

// sshDestination is an ssh line's destination, and whether the line asks
// for a screen (no command after the destination).
func sshDestination(line string) (string, bool) {
	line, _, _ = strings.Cut(line, "#")
	args := words(strings.TrimSpace(line))
	if len(args) == 4 && args[1] == "-p" {
		return args[3], true
	}
	return "", false
}

// shell runs a line through sh in a folder, and fails the test unless it
// exits 0 within the wait. sshConfig is the configuration ssh is given.
func (w *readmeWalk) shell(line, dir string, wait time.Duration, sshConfig string) {
	t := w.t
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", line)
	cmd.Dir, cmd.Env = dir, append(w.env, "README_SSH_CONFIG="+sshConfig)
	cmd.Stdin = strings.NewReader("")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			t.Errorf("%s: waited %s for it to finish; it wrote:\n%s", line, wait, out.String())
			return
		}
		t.Errorf("%s: %v; it wrote:\n%s", line, err, out.String())
	}
}

// startGoRun starts the server as README's first line does, from the
// checkout, and waits until it says how to connect.
func (w *readmeWalk) startGoRun(line string) {
	t := w.t
	t.Helper()
	cmd := exec.Command("sh", "-c", line)
	// Run from the checkout as typed; the environment, which serve reads
	// when no flag says otherwise, keeps it off the port and the folder
	// README names.
	cmd.Dir = w.root
	cmd.Env = append(w.env, "ANCHORAGE_LISTEN=127.0.0.1:0", "ANCHORAGE_DATA="+filepath.Join(w.dir, "anchorage-data"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // Ctrl-C reaches go run's child too
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		// Ctrl-C, as in a terminal, to the whole process group: the shell
		// this test typed into dies of it (an interactive one would not),
		// and go run and the server stop as they should.
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
		select {
		case <-exited:
			if !strings.Contains(out.String(), "stopped; closing the database") {
				t.Errorf("%s did not stop cleanly on Ctrl-C:\n%s", line, out.String())
			}
		case <-time.After(readmeWait):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			t.Errorf("waited %s for %s to stop on Ctrl-C", readmeWait, line)
		}
		checkCalm(t, out.String())
	}
	t.Cleanup(func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	deadline := time.Now().Add(readmeCompile)
	for !strings.Contains(out.String(), "Ctrl-C stops the server") {
		select {
		case err := <-exited:
			t.Fatalf("%s exited (%v) before it was listening:\n%s", line, err, out.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			stop()
			t.Fatalf("waited %s for %s to compile and say how to connect:\n%s", readmeCompile, line, out.String())
		}
	}
	w.server = &readmeServer{
		addr:  regexp.MustCompile(`listening on (127\.0\.0\.1:\d+)`).FindStringSubmatch(out.String())[1],
		code:  regexp.MustCompile(`Participants join .* ssh -p \d+ ([a-z]+-\d+)@`).FindStringSubmatch(out.String())[1],
		enrol: regexp.MustCompile(`one-time code:\s+(\S+)`).FindStringSubmatch(out.String())[1],
		stop:  stop,
	}
	w.code = w.server.code
}

// ensureServer starts the server again on the same data if offline
// commands stopped it.
func (w *readmeWalk) ensureServer() {
	if w.server != nil {
		return
	}
	srv := serve(w.t, nil, "--data", filepath.Join(w.dir, "anchorage-data"))
	w.server = &readmeServer{addr: srv.addr, code: w.code, stop: func() { srv.stop(w.t) }}
}

func (w *readmeWalk) stopServer() {
	if w.server != nil {
		w.server.stop()
		w.server = nil
	}
}

// screen runs an ssh line that opens a screen, in a pseudo-terminal, and
// checks the screen README says it opens: before a facilitator is
// enrolled a join code opens a participant's join form (without a key);
// enrol@ asks for the code serve printed; then the facilitator's key opens
// the list of workshops, or a workshop's room.
func (w *readmeWalk) screen(line, dest string) {
	t := w.t
	t.Helper()
	config, want, typed := w.keyed, "", ""
	user, _, hasUser := strings.Cut(dest, "@")
	switch {
	case hasUser && user != "enrol" && !w.enrolled:
		config, want = w.noKey, "Your name or pseudonym"
	case hasUser && user == "enrol":
		want, typed = "enrolment code", "Morag Bell\r"+w.server.enrol+"\r" // a name, then the code
	case hasUser:
		want = "Live contributions"
	default:
		want = w.server.code
	}
	ctx, cancel := context.WithTimeout(context.Background(), readmeWait)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", line)
	cmd.Dir, cmd.Env = w.dir, append(w.env, "README_SSH_CONFIG="+config)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatalf("%s: start in a pseudo-terminal: %v", line, err)
	}
	defer tty.Close()
	screen := tuitest.NewScreen(80, 24, tty)
	drawn := make(chan struct{})
	go func() {
		defer close(drawn)
		_ = screen.Pump(tty)
	}()
	if err := screen.WaitUntil(readmeWait, drawn, want); err != nil {
		t.Errorf("%s: %v", line, err)
		return
	}
	if typed != "" {
		_, _ = tty.Write([]byte(typed))
		if err := screen.WaitUntil(readmeWait, drawn, "now a facilitator key"); err != nil {
			t.Errorf("%s, typing the enrolment code: %v", line, err)
		}
		w.enrolled = true
	} else {
		_, _ = tty.Write([]byte{3}) // ctrl+c: leave
	}
	select {
	case <-drawn:
	case <-time.After(readmeWait):
		t.Errorf("%s: waited %s for ssh to end after leaving; the screen shows:\n%s", line, readmeWait, screen.Text())
	}
	_ = cmd.Wait()
}
