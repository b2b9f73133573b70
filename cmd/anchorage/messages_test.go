package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeLaysAMessagesFolderOverTheBuiltInWords starts serve with
// --messages: it says in its log what it laid over, and a mistake in a
// file (from ANCHORAGE_MESSAGES as from the flag) stops the start, naming
// the file and line.
func TestServeLaysAMessagesFolderOverTheBuiltInWords(t *testing.T) {
	messages := t.TempDir()
	writeFile(t, filepath.Join(messages, "cy.yaml"), "language: cy\nname: Cymraeg\nmessages:\n  session.bye: Da bo chi.\n")
	srv := serve(t, nil, "--data", filepath.Join(t.TempDir(), "data"), "--messages", messages)
	if !strings.Contains(srv.stderr.String(), "participants' words") || !strings.Contains(srv.stderr.String(), "Cymraeg") {
		t.Errorf("serve did not log the words it laid over: %q", srv.stderr.String())
	}
	if !strings.Contains(srv.stdout.String(), "CODE+plain@") {
		t.Errorf("serve's welcome does not say how to get plain text: %q", srv.stdout.String())
	}
	srv.stop(t)

	writeFile(t, filepath.Join(messages, "cy.yaml"), "language: cy\nname: Cymraeg\nmessages:\n  session.byee: Da bo chi.\n")
	var stdout, stderr syncBuffer
	a := &app{environ: []string{"ANCHORAGE_MESSAGES=" + messages}, stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		signals: make(chan os.Signal), exit: func(int) { t.Error("forced exit") }}
	status := a.run(context.Background(), []string{"serve", "--listen", "127.0.0.1:0", "--data", filepath.Join(t.TempDir(), "data")})
	if want := filepath.Join(messages, "cy.yaml") + ":4: session.byee: no such message"; status == 0 || !strings.Contains(stderr.String(), want) {
		t.Errorf("serve with a mistaken message file: exit %d, stderr %q; want %q", status, stderr.String(), want)
	}
}
