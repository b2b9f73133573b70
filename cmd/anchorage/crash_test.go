package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	mathrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/sshserver/sshtest"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// kills is how many times TestKilledServerLosesNothingSaved kills the
// server. The default keeps CI quick; soak with -args -crash.kills=500.
var kills = flag.Int("crash.kills", 20, "how many times the crash test kills the server")

// childArgs, when set in the environment, makes this test binary run the
// anchorage command itself with those arguments (separated by the unit separator, 0x1f): the
// crash test's server is a real process it can kill.
const childArgs = "ANCHORAGE_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgs); args != "" {
		os.Args = append([]string{os.Args[0]}, strings.Split(args, "\x1f")...)
		main()
		return
	}
	os.Exit(m.Run())
}

// crashWait bounds every wait in the crash test.
const crashWait = 20 * time.Second

// crashSnapshotEvery is how many events the crash test's server takes
// between snapshots.
const crashSnapshotEvery = "7"

// TestKilledServerLosesNothingSaved runs the server as a child process,
// has several participants submit contributions over SSH, and kills the
// server with SIGKILL at random moments. After each restart, every
// contribution whose author's screen said "saved" is there exactly once,
// nothing is there twice, and the log replays as an unbroken chain.
func TestKilledServerLosesNothingSaved(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash test starts and kills a server many times")
	}
	dir := t.TempDir()
	dataDir := filepath.Join(dir, "data")
	facilitator := crashKey(t)
	keysFile := sshtest.AuthorizedKeys(t, facilitator)
	const clients = 4
	participants := make([]gossh.Signer, clients)
	for i := range participants {
		participants[i] = crashKey(t)
	}

	saved := map[string]bool{}     // texts a screen said were saved
	attempted := map[string]bool{} // every text typed and submitted
	total := 0
	for cycle := range *kills {
		server := startChild(t, dataDir, keysFile)
		if cycle == 0 {
			if status, _, errOut := sshExec(t, server.addr, facilitator, "workshop new --title Crash --code crash-test", nil); status != 0 {
				t.Fatalf("workshop new: exit %d: %s", status, errOut)
			}
		}
		checkLog(t, server.addr, facilitator, saved, attempted)

		var mu sync.Mutex
		var wg sync.WaitGroup
		for i, key := range participants {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for text, ok := range submitUntilCut(server.addr, key, fmt.Sprintf("Person %d", i), fmt.Sprintf("c%d-%d", cycle, i)) {
					mu.Lock()
					attempted[text] = true
					if ok {
						saved[text] = true
					}
					mu.Unlock()
				}
			}()
		}
		time.Sleep(time.Duration(150+mathrand.IntN(600)) * time.Millisecond)
		server.kill(t)
		wg.Wait()
		total = len(saved)
	}

	// A last start to check the final state, then a clean stop and an
	// offline check of the whole log from disk.
	server := startChild(t, dataDir, keysFile)
	checkLog(t, server.addr, facilitator, saved, attempted)
	server.interrupt(t)
	store, err := data.Open(data.Options{Dir: dataDir})
	if err != nil {
		t.Fatalf("open the data after the last stop: %v", err)
	}
	defer store.Close()
	for _, w := range store.Workshops() {
		if err := store.Verify(w.ID); err != nil {
			t.Fatalf("verify %s: %v", w.Code, err)
		}
	}
	if total == 0 {
		t.Fatal("no contribution was ever saved: the test proved nothing")
	}
	t.Logf("%d kills survived; %d contributions saved and checked after every restart; %d submitted in all",
		*kills, total, len(attempted))
}

// child is the server running as a child process.
type child struct {
	cmd    *exec.Cmd
	addr   string
	exited chan error
	output *bytes.Buffer
}

func startChild(t *testing.T, dataDir, keysFile string) *child {
	t.Helper()
	_ = os.Remove(filepath.Join(dataDir, serveAddressFile)) // a killed server leaves it behind
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	args := []string{"serve", "--data", dataDir, "--listen", "127.0.0.1:0", "--facilitators", keysFile}
	// A snapshot every few events: kills land before, during and after
	// snapshots are written, and each start restores one and folds the
	// events after it.
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\x1f"), envSnapshotEvery+"="+crashSnapshotEvery)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatalf("start the server: %v", err)
	}
	c := &child{cmd: cmd, exited: make(chan error, 1), output: &output}
	go func() { c.exited <- cmd.Wait() }()
	deadline := time.Now().Add(crashWait)
	for {
		if b, err := os.ReadFile(filepath.Join(dataDir, serveAddressFile)); err == nil && len(b) > 0 {
			c.addr = strings.TrimSpace(string(b))
			return c
		}
		select {
		case err := <-c.exited:
			t.Fatalf("the server exited while starting (%v):\n%s", err, output.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("waited %s for the server to note its address:\n%s", crashWait, output.String())
		}
	}
}

func (c *child) kill(t *testing.T) {
	t.Helper()
	_ = c.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-c.exited:
		checkCalm(t, c.output.String())
	case <-time.After(crashWait):
		t.Fatalf("waited %s for the killed server to exit", crashWait)
	}
}

func (c *child) interrupt(t *testing.T) {
	t.Helper()
	_ = c.cmd.Process.Signal(os.Interrupt)
	select {
	case err := <-c.exited:
		if err != nil {
			t.Fatalf("the server's clean stop: %v\n%s", err, c.output.String())
		}
		checkCalm(t, c.output.String())
	case <-time.After(crashWait):
		t.Fatalf("waited %s for the server to stop on an interrupt", crashWait)
	}
}

// submitUntilCut joins as a participant (or is recognised by key) and
// submits short contributions until the connection is cut, yielding each
// text and whether the screen said it was saved.
func submitUntilCut(addr string, key gossh.Signer, name, prefix string) func(func(string, bool) bool) {
	return func(yield func(string, bool) bool) {
		client, err := crashDial(addr, "crash-test", key)
		if err != nil {
			return // the server may already be gone
		}
		defer client.Close()
		sess, err := client.NewSession()
		if err != nil {
			return
		}
		defer sess.Close()
		screen := tuitest.NewScreen(80, 24, nil)
		sess.Stdout = screen
		stdin, err := sess.StdinPipe()
		if err != nil || sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}) != nil || sess.Shell() != nil {
			return
		}
		ended := make(chan struct{})
		go func() { _ = sess.Wait(); close(ended) }()
		waitScreen := func(texts ...string) bool {
			for _, text := range texts {
				for !screen.Contains(text) {
					select {
					case <-ended:
						return screen.Contains(text)
					case <-time.After(5 * time.Millisecond):
					}
				}
			}
			return true
		}
		// Either the join form, or the guide for someone recognised.
		for !screen.Contains("Your name or pseudonym") && !screen.Contains("Welcome back") {
			select {
			case <-ended:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
		if screen.Contains("Your name or pseudonym") {
			_, _ = io.WriteString(stdin, name+"\r\t \r")
			if !waitScreen("Welcome, " + name) {
				return
			}
		}
		for n := 0; ; n++ {
			text := fmt.Sprintf("%s-%d", prefix, n)
			// ctrl+u first: a recognised participant gets back the draft
			// they were typing when the server was killed.
			if _, err := io.WriteString(stdin, "\x15"+text+"\r"); err != nil {
				return
			}
			// The notice says "Saved ✓" with the words only once the store
			// has committed them.
			ok := waitScreen("Saved ✓ Story: “" + text + "”")
			if !yield(text, ok) || !ok {
				return
			}
		}
	}
}

// checkLog exports the workshop as JSON over SSH and checks it against
// what the clients were told: every saved text present exactly once, no
// text twice, and the log an unbroken chain that replays.
func checkLog(t *testing.T, addr string, facilitator gossh.Signer, saved, attempted map[string]bool) {
	t.Helper()
	status, out, errOut := sshExec(t, addr, facilitator, "export crash-test --format json", nil)
	if status != 0 {
		t.Fatalf("export after a restart: exit %d: %s", status, errOut)
	}
	var doc struct {
		Head          struct{ Seq uint64 } `json:"head"`
		Events        []inquiry.Event      `json:"events"`
		Contributions []struct{ ID, Text string }
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the export does not decode: %v", err)
	}
	ws, err := inquiry.Replay(doc.Events)
	if err != nil {
		t.Fatalf("the log does not replay after a kill: %v", err)
	}
	if ws.Head != doc.Head.Seq {
		t.Fatalf("the export states head %d but its log ends at %d", doc.Head.Seq, ws.Head)
	}
	// The state the restarted server shows (restored from a snapshot and
	// the events after it) is the state its log folds to.
	shown := map[string]string{}
	for _, c := range doc.Contributions {
		shown[c.ID] = c.Text
	}
	count := map[string]int{}
	for _, c := range ws.Contributions {
		count[c.Text]++
		if c.Live() && shown[c.ID] != c.Text {
			t.Fatalf("after a restart the server shows %s as %q; its log says %q", c.ID, shown[c.ID], c.Text)
		}
		delete(shown, c.ID)
	}
	if len(shown) > 0 {
		t.Fatalf("after a restart the server shows %d contributions its log does not hold", len(shown))
	}
	for text, n := range count {
		if n > 1 {
			t.Fatalf("%q is in the log %d times", text, n)
		}
		if !attempted[text] {
			t.Fatalf("%q is in the log but was never submitted", text)
		}
	}
	for text := range saved {
		if count[text] != 1 {
			t.Fatalf("%q was shown as saved but is in the log %d times after a kill", text, count[text])
		}
	}
}

// crashKey makes a key for a facilitator or a participant.
func crashKey(t *testing.T) gossh.Signer { return sshtest.NewKey(t) }

// crashDial connects with a key; the server may already be gone.
func crashDial(addr, user string, key gossh.Signer) (*gossh.Client, error) {
	client, _, err := sshtest.Dial(addr, "", user, gossh.PublicKeys(key))
	return client, err
}
