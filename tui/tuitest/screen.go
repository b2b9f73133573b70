// Package tuitest is for testing screens, as net/http/httptest is for
// testing handlers: a virtual terminal to judge a screen by what a person
// would see on it (Screen), a screen run on one as the server runs it
// (Term), keys to press, and a workshop held in memory (MemRoom). The load
// generator and the server's tests use its Screen too.
package tuitest

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/hinshun/vt10x"
)

// Screen is a terminal of a fixed size that records what is drawn on it.
// It is safe for one writer and many readers.
type Screen struct {
	mu    sync.Mutex
	term  vt10x.Terminal
	bytes int
	held  []byte // the start of a control sequence cut by a write
}

// NewScreen returns a blank screen of the given size. Replies the
// terminal would send (cursor position reports, colour queries) go to
// answer, or nowhere when answer is nil.
func NewScreen(cols, rows int, answer io.Writer) *Screen {
	if answer == nil {
		answer = io.Discard
	}
	return &Screen{term: vt10x.New(vt10x.WithSize(cols, rows), vt10x.WithWriter(answer))}
}

// Write draws bytes on the screen.
func (s *Screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bytes += len(p)
	out := s.filter(p)
	if _, err := s.term.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// filter drops control sequences with a private marker ('<', '>' or '='
// after CSI): keyboard-protocol and terminal-version requests that draw
// nothing, and that the emulator would otherwise mistake for others
// ("CSI < u", the kitty keyboard pop, for "restore cursor"). A sequence cut
// between two writes is held until the rest arrives.
func (s *Screen) filter(p []byte) []byte {
	in := append(s.held, p...)
	s.held = nil
	out := make([]byte, 0, len(in))
	for i := 0; i < len(in); i++ {
		if in[i] != 0x1b {
			out = append(out, in[i])
			continue
		}
		if i+2 >= len(in) {
			s.held = append(s.held, in[i:]...)
			break
		}
		if in[i+1] != '[' || (in[i+2] != '<' && in[i+2] != '>' && in[i+2] != '=') {
			out = append(out, in[i])
			continue
		}
		end := i + 3
		for end < len(in) && (in[end] < 0x40 || in[end] > 0x7e) {
			end++
		}
		if end == len(in) {
			s.held = append(s.held, in[i:]...)
			break
		}
		i = end
	}
	return out
}

// Resize changes the screen's size, as a terminal window resized would.
func (s *Screen) Resize(cols, rows int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.term.Resize(cols, rows)
}

// Bytes is how many bytes have been drawn so far.
func (s *Screen) Bytes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes
}

// Text is the screen's text, one line per row, trailing spaces removed.
func (s *Screen) Text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	lines := strings.Split(s.term.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// Contains reports whether the text appears on the screen. Text split
// across rows does not count: screens are judged line by line.
func (s *Screen) Contains(text string) bool {
	return strings.Contains(s.Text(), text)
}

// WaitFor waits until every one of texts is on the screen, or the timeout
// passes. The error says what was awaited and shows the screen as it was.
func (s *Screen) WaitFor(timeout time.Duration, texts ...string) error {
	return s.WaitUntil(timeout, nil, texts...)
}

// WaitUntil is WaitFor that also stops waiting once ended is closed (the
// program drawing on the screen has ended, and will draw nothing more).
func (s *Screen) WaitUntil(timeout time.Duration, ended <-chan struct{}, texts ...string) error {
	deadline := time.Now().Add(timeout)
	for {
		over := false
		select {
		case <-ended:
			over = true // look once more: the last frame may hold them
		default:
		}
		missing := s.missing(texts)
		switch {
		case missing == "":
			return nil
		case over:
			return fmt.Errorf("the screen ended without showing %q; it shows:\n%s", missing, s.Text())
		case time.Now().After(deadline):
			return fmt.Errorf("waited %s for %q on the screen; it shows:\n%s", timeout, missing, s.Text())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// missing is the first of texts not on the screen, or "".
func (s *Screen) missing(texts []string) string {
	screen := s.Text()
	for _, t := range texts {
		if !strings.Contains(screen, t) {
			return t
		}
	}
	return ""
}

// Pump copies from r onto the screen until r ends, and returns how it
// ended. Run it in its own goroutine.
func (s *Screen) Pump(r io.Reader) error {
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			_, _ = s.Write(buf[:n])
		}
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}
