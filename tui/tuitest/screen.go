// Package tuitest is for testing screens, as net/http/httptest is for
// testing handlers: a virtual terminal to judge a screen by what a person
// would see on it (Screen), a screen run on one as the server runs it
// (Term), keys to press, and a workshop held in memory (MemRoom). The load
// generator and the server's tests use its Screen too.
package tuitest

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
)

// Screen is a terminal of a fixed size that records what is drawn on it.
// It is safe for one writer and many readers.
//
// It is github.com/charmbracelet/x/vt, an emulator that segments text into
// grapheme clusters and knows how wide each is, by the tables tui/grapheme
// measures with: a wide character takes its two cells here as on a
// terminal that segments by grapheme, so a row drawn too wide shows as it
// would to a person (see Rows).
type Screen struct {
	mu    sync.Mutex
	term  *vt.Emulator
	bytes int
}

// NewScreen returns a blank screen of the given size. Replies the
// terminal would send (cursor position reports, colour and mode queries)
// go to answer, or nowhere when answer is nil.
func NewScreen(cols, rows int, answer io.Writer) *Screen {
	if answer == nil {
		answer = io.Discard
	}
	term := vt.NewEmulator(cols, rows)
	// The emulator writes its replies to a pipe as it parses what is
	// drawn, and waits until they are read: they are read at once, until
	// the screen is dropped and the pipe closed. The pipe is closed, not
	// the emulator: the emulator's Close sets a flag its Read reads
	// without a lock, which the race detector rightly reports.
	go func() { _, _ = io.Copy(answer, term) }()
	s := &Screen{term: term}
	runtime.AddCleanup(s, closeReplies, term.InputPipe())
	return s
}

// closeReplies ends the copying of a dropped screen's replies.
func closeReplies(replies io.Writer) {
	if pipe, ok := replies.(io.Closer); ok {
		_ = pipe.Close()
	}
}

// Write draws bytes on the screen.
func (s *Screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bytes += len(p)
	if _, err := s.term.Write(p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Resize changes the screen's size, as a terminal window resized would.
func (s *Screen) Resize(cols, rows int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.term.Resize(cols, rows)
}

// Size is the screen's columns and rows.
func (s *Screen) Size() (cols, rows int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.term.Width(), s.term.Height()
}

// Bytes is how many bytes have been drawn so far.
func (s *Screen) Bytes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes
}

// Text is the screen's text, one line per row, as a person reads it: no-break
// spaces as spaces, trailing spaces removed.
func (s *Screen) Text() string {
	rows := s.Rows()
	for i, r := range rows {
		// A no-break space is a space to whoever reads the screen.
		rows[i] = strings.TrimRight(strings.ReplaceAll(r, "\u00a0", " "), " ")
	}
	return strings.TrimRight(strings.Join(rows, "\n"), "\n")
}

// Rows is the screen's text row by row, each without its trailing spaces:
// a wide character is in it once, though it takes two cells.
func (s *Screen) Rows() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	rows := strings.Split(s.term.String(), "\n")
	for i, r := range rows {
		rows[i] = strings.TrimRight(r, " ")
	}
	return rows
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
