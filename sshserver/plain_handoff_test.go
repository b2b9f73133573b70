package sshserver

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/creack/pty"
)

// TestJoinScreenHandsOffToPlainText presses the join screen's keys: ctrl+g
// chooses Gàidhlig, and ctrl+p, announced on the first line, carries the
// session on in plain text on the same connection, with the workshop and
// the language already known; what is typed straight after the switch
// reaches it.
func TestJoinScreenHandsOffToPlainText(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	term := openTerminal(t, srv.addr, "harbour-talk", 80, 24, keyless())
	term.waitFor("Your name or pseudonym", "Language: English (ctrl+g to change)")
	first, _, _ := strings.Cut(term.screen.Text(), "\n")
	if !strings.Contains(first, "ctrl+p: plain text") {
		t.Fatalf("the join screen's first line does not announce plain text: %q", first)
	}
	term.typeText("\x07") // ctrl+g
	term.waitFor("Cànan: Gàidhlig (ctrl+g airson atharrachadh)", "ctrl+p: teacsa sìmplidh")
	term.typeText("\x10") // ctrl+p
	term.waitFor("Tha teacsa sìmplidh a' leantainn.", "Bùth-obrach: Harbour talk.", "An robh thu an seo roimhe")
	// Straight on, without waiting for each question.
	term.typeText("\rMòrag\r1\rtha\r")
	term.waitFor("Fàilte, Mòrag.", "Lorg 1, ceist 1 de 11.", "Innis dhuinn mu àm")
	out := term.out.String()
	if strings.Contains(out[strings.Index(out, "Tha teacsa"):], "Cànan /") {
		t.Error("plain text asked for the language again")
	}
	ws, err := srv.store.Workshop(srv.mustWorkshop(t, "harbour-talk").ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Participants) != 1 || ws.Participants[0].Language != "gd" || ws.Participants[0].Name != "Mòrag" {
		t.Fatalf("participants %+v, want Mòrag in gd", ws.Participants)
	}
}

// TestOpenSSHClientGetsPlainText runs the real OpenSSH client in a
// pseudo-terminal with TERM=dumb, as someone on a dumb terminal or with a
// screen reader would, and joins and writes: the client's terminal
// receives no escape sequence at all.
func TestOpenSSHClientGetsPlainText(t *testing.T) {
	path, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no OpenSSH client on this machine")
	}
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Village hall" --code village-hall`)
	host, port, _ := net.SplitHostPort(srv.addr)
	ctx, cancel := context.WithTimeout(context.Background(), 2*testDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "PubkeyAuthentication=no", "-o", "IdentityAgent=none", "-tt", "village-hall@"+host)
	cmd.Env = []string{"TERM=dumb", "PATH=/usr/bin:/bin"}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatalf("start ssh in a pseudo-terminal: %v", err)
	}
	defer tty.Close()
	p := &plainTerm{t: t, stdin: tty, out: &syncBuffer{}, done: make(chan error, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			p.out.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	go func() { p.done <- cmd.Wait() }()
	for _, a := range []string{"", "", "Morag", "", "yes"} {
		p.answer(a)
	}
	p.answer("The hall stayed open all winter")
	p.answer("")
	p.answer("")
	p.answer("")
	p.answer("leave", "Saved: story")
	p.waitFor("Goodbye. Everything you saved is kept.")
	select {
	case err := <-p.done:
		if err != nil {
			t.Errorf("ssh exited with %v, want status 0", err)
		}
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for ssh to exit", testDeadline)
	}
	p.checkStream()
}

// TestMessagesFolderReplacesTheBuiltInWords starts a server with a
// facilitator's own Welsh file: its words replace the draft's, and the
// rest stay. A file with a mistake stops the server from starting, naming
// the file and line.
func TestMessagesFolderReplacesTheBuiltInWords(t *testing.T) {
	dir := t.TempDir()
	own := "language: cy\nname: Cymraeg\nmessages:\n  plain.hello: \"Croeso i Anchorage, mewn testun plaen.\"\n"
	if err := os.WriteFile(filepath.Join(dir, "cy.yaml"), []byte(own), 0o600); err != nil {
		t.Fatal(err)
	}
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice), withConfig(func(c *Config) { c.MessagesDir = dir }))
	newWorkshop(t, srv.addr, alice, `--title "Neuadd" --code neuadd-4821`)
	p := openPlain(t, srv.addr, "neuadd-4821+plain", "xterm", map[string]string{"LC_ALL": "cy_GB.UTF-8"}, keyless())
	p.waitFor("Croeso i Anchorage, mewn testun plaen.", "Teipiwch rif, neu pwyswch enter am Cymraeg.")

	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "cy.yaml"), []byte("language: cy\nname: Cymraeg\nmessages:\n  plain.helo: Croeso\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.DataDir, cfg.MessagesDir = t.TempDir(), bad
	store := datatest.Open(t)
	_, err := New(cfg, store, nil)
	if err == nil || !strings.Contains(err.Error(), "cy.yaml:4: plain.helo: no such message") {
		t.Errorf("a server with a mistaken message file: %v", err)
	}
}
