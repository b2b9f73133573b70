package main

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/sshserver/sshtest"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestKilledRightAfterSavedTheEditorComesBackEmpty is the crash a person
// meets: they type, press enter, see "Saved ✓", and the server is killed
// (SIGKILL) at once, before the background writer of drafts has written
// the empty draft. Coming back by key after the restart, their editor is
// empty: the words they saved are not offered again to be saved twice.
//
// The words are typed in two goes, a moment apart, so that the first
// part has been written to disk as a draft, as it is for anyone who
// types at a human pace, and the second is typed while the background
// writer waits out its interval.
func TestKilledRightAfterSavedTheEditorComesBackEmpty(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a server")
	}
	dir := t.TempDir()
	dataDir := filepath.Join(dir, "data")
	facilitator, person := crashKey(t), crashKey(t)
	keysFile := sshtest.AuthorizedKeys(t, facilitator)
	server := startChild(t, dataDir, keysFile)
	if status, _, errOut := sshExec(t, server.addr, facilitator, "workshop new --title Drafts --code draft-test", nil); status != 0 {
		t.Fatalf("workshop new: exit %d: %s", status, errOut)
	}

	const first, rest = "d01-0100 bus af", "ter six"
	screen, stdin, end := participantScreen(t, server.addr, person)
	waitOn(t, screen, "the join form", "Your name or pseudonym")
	write(t, stdin, "Morag\r\t \r")
	waitOn(t, screen, "the guide after joining", "Welcome, Morag")
	write(t, stdin, first)
	waitOn(t, screen, "the first words in the editor", "┃ "+first)
	time.Sleep(150 * time.Millisecond) // the first words reach the disk as a draft
	write(t, stdin, rest+"\r")
	waitOn(t, screen, "the save to be confirmed", "Saved ✓ Story: “"+first+rest+"”")
	server.kill(t)
	end()

	server = startChild(t, dataDir, keysFile)
	defer server.interrupt(t)
	screen, _, end = participantScreen(t, server.addr, person)
	defer end()
	waitOn(t, screen, "the returning participant's guide", "Welcome back, Morag")
	rows := editorRows(screen.Text())
	if len(rows) == 0 {
		t.Fatalf("no editor on the screen:\n%s", screen.Text())
	}
	for _, row := range rows {
		if strings.Contains(row, "d01") || strings.Contains(row, "bus") {
			t.Fatalf("the editor came back with the words already saved, %q:\n%s", row, screen.Text())
		}
	}
	if !strings.Contains(rows[0], "Type here") {
		t.Errorf("the editor is not empty (no placeholder), %q:\n%s", rows[0], screen.Text())
	}
	status, out, errOut := sshExec(t, server.addr, facilitator, "export draft-test --format csv", nil)
	if status != 0 {
		t.Fatalf("export: exit %d: %s", status, errOut)
	}
	if n := strings.Count(string(out), first+rest); n != 1 {
		t.Errorf("the saved words are in the export %d times, want once:\n%s", n, out)
	}
}

// participantScreen connects to the crash-test workshop's server as the
// key's owner, on a real PTY drawn onto a virtual screen, and returns the
// screen, the keyboard and a function that hangs up.
func participantScreen(t *testing.T, addr string, key gossh.Signer) (*tuitest.Screen, io.Writer, func()) {
	t.Helper()
	client, err := crashDial(addr, "draft-test", key)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		t.Fatalf("session: %v", err)
	}
	screen := tuitest.NewScreen(80, 24, nil)
	sess.Stdout = screen
	stdin, err := sess.StdinPipe()
	if err == nil {
		err = sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{})
	}
	if err == nil {
		err = sess.Shell()
	}
	if err != nil {
		client.Close()
		t.Fatalf("start the participant's screen: %v", err)
	}
	return screen, stdin, func() { sess.Close(); client.Close() }
}

// waitOn waits for text on the screen, failing with what it waited for.
func waitOn(t *testing.T, screen *tuitest.Screen, what, text string) {
	t.Helper()
	if err := screen.WaitFor(crashWait, text); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

func write(t *testing.T, w io.Writer, keys string) {
	t.Helper()
	if _, err := io.WriteString(w, keys); err != nil {
		t.Fatalf("type %q: %v", keys, err)
	}
}

// editorRows are the screen's rows that belong to the editor: those
// drawn behind its gutter.
func editorRows(text string) []string {
	var rows []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "┃") {
			rows = append(rows, line)
		}
	}
	return rows
}
