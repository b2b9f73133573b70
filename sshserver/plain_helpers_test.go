package sshserver

import (
	"context"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/inquirytest/golden"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// plainTerm is a session in plain text mode: every byte the server sends
// is kept, as a screen reader or a teletype would take them in.
type plainTerm struct {
	t     *testing.T
	sess  *gossh.Session
	stdin io.Writer
	out   *syncBuffer
	seen  int
	done  chan error
	// typed are the lines typed, in order.
	typed []string
}

// openPlain opens a session with a PTY of the given TERM, sending env
// first as `ssh -o SetEnv` would.
func openPlain(t *testing.T, addr, user, term string, env map[string]string, auth ...gossh.AuthMethod) *plainTerm {
	t.Helper()
	client, _ := dial(t, addr, user, auth...)
	sess, stdin := ptySession(t, client, term, env, 80, 24)
	p := &plainTerm{t: t, sess: sess, stdin: stdin, out: &syncBuffer{}, done: make(chan error, 1)}
	sess.Stdout, sess.Stderr = p.out, p.out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- sess.Wait() }()
	return p
}

// waitFor waits until the server has sent every one of texts since the
// last wait, in that order, and moves past them.
func (p *plainTerm) waitFor(texts ...string) {
	p.t.Helper()
	deadline := time.Now().Add(testDeadline)
	for {
		out := p.out.String()
		at, missing := p.seen, ""
		for _, text := range texts {
			i := strings.Index(out[at:], text)
			if i < 0 {
				missing = text
				break
			}
			at += i + len(text)
		}
		if missing == "" {
			p.seen = at
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waited %s for %q; since the last wait the server sent:\n%s\n(before it:\n%s)", testDeadline, missing, teletype(out[p.seen:]), teletype(out[max(p.seen-1500, 0):p.seen]))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// line types a line and presses enter.
func (p *plainTerm) line(s string) {
	p.t.Helper()
	p.typed = append(p.typed, s)
	if _, err := io.WriteString(p.stdin, s+"\r"); err != nil {
		p.t.Fatalf("type %q: %v", s, err)
	}
}

// answer waits for texts, then types a line.
func (p *plainTerm) answer(s string, after ...string) {
	p.t.Helper()
	p.waitFor(append(after, "\r\n> ")...)
	p.line(s)
}

// checkStream checks what a screen reader meets: no escape sequence nor
// any control character but the line's own (carriage return, line feed,
// backspace); every line typed echoed whole after the marker, with no
// news inside it.
func (p *plainTerm) checkStream() {
	p.t.Helper()
	out := p.out.String()
	if !utf8.ValidString(out) {
		p.t.Error("the stream is not valid UTF-8")
	}
	for i, r := range out {
		if r < ' ' && r != '\r' && r != '\n' && r != '\b' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			p.t.Fatalf("the stream holds control character %U at byte %d: %q", r, i, out[max(i-40, 0):min(i+40, len(out))])
		}
	}
	at := 0
	for _, typed := range p.typed {
		i := strings.Index(out[at:], marker+typed+"\r\n")
		if i < 0 {
			p.t.Fatalf("the line %q is not echoed whole after the marker (from byte %d):\n%s", typed, at, teletype(out[at:]))
		}
		at += i + len(marker) + len(typed)
	}
}

// marker is the plain screen's mark at the start of the line typed on.
const marker = "> "

// teletype is what a stream shows on a terminal that only prints: carriage
// return goes back to the start of the line, backspace back one character,
// and a character overwrites what was there.
func teletype(stream string) string {
	var lines [][]rune
	row, col := 0, 0
	lines = append(lines, nil)
	for _, r := range stream {
		switch r {
		case '\r':
			col = 0
		case '\n':
			row++
			if row == len(lines) {
				lines = append(lines, nil)
			}
		case '\b':
			col = max(col-1, 0)
		default:
			for len(lines[row]) <= col {
				lines[row] = append(lines[row], ' ')
			}
			lines[row][col] = r
			col++
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight(string(l), " ")
	}
	return strings.Join(out, "\n")
}

// resumeCodes matches a resume code, which is made afresh each run.
var resumeCodes = regexp.MustCompile(`\b[0-9A-Z]{4}-[0-9A-Z]{4}\b`)

// checkGolden compares a transcript with testdata/name, or rewrites it
// with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	got = resumeCodes.ReplaceAllString(got, "XXXX-XXXX")
	golden.Check(t, filepath.Join("testdata", name), []byte(got))
}

// facilitate records an event as the facilitator would, straight into the
// server's store.
func (ts *testServer) facilitate(t *testing.T, code string, e inquiry.Event) inquiry.Event {
	t.Helper()
	if e.Actor.Role == "" {
		e.Actor = tuitest.Facilitator
	}
	got, err := ts.store.Append(context.Background(), ts.mustWorkshop(t, code).ID, e)
	if err != nil {
		t.Fatalf("append %s: %v", e.Type, err)
	}
	return got
}

// quickWriters lets a test's participants write as fast as its script
// types: the store's allowance is for people, and a walk through a whole
// guide writes twenty times in a few seconds.
func quickWriters() serverOption {
	return serverOption{store: func(o *data.Options) { o.Allowance = inquiry.Allowance{Burst: 1000, Every: time.Millisecond} }}
}
