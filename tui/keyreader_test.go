package tui

import (
	"context"
	"io"
	"reflect"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// terminalBytes are what terminals send: keys as xterm, VT220, PuTTY,
// rxvt, kitty and the Linux console send them, with ctrl, alt and shift,
// words in several scripts, bracketed pastes, mouse and focus reports, and
// the answers to the questions Bubble Tea asks the terminal.
var terminalBytes = map[string]string{
	"words":                 "hello there",
	"capitals":              "Hello World",
	"accents":               "Ùr-nodha ŵyl Ünïcödé",
	"other scripts":         "日本語 Ελληνικά",
	"emoji":                 "👍 ok 🎉",
	"enter, tab, backspace": "a\rb\tc\x7fd\x08",
	"ctrl keys":             "\x01\x03\x05\x0a\x0f\x12\x14",
	"escape alone":          "\x1b",
	"alt and a key":         "\x1bx",
	"alt and enter":         "\x1b\r",
	"xterm arrows":          "\x1b[A\x1b[B\x1b[C\x1b[D",
	"application arrows":    "\x1bOA\x1bOB\x1bOC\x1bOD",
	"home and end, xterm":   "\x1b[H\x1b[F\x1bOH\x1bOF",
	"home and end, vt220":   "\x1b[1~\x1b[4~",
	"home and end, rxvt":    "\x1b[7~\x1b[8~",
	"pages, insert, delete": "\x1b[5~\x1b[6~\x1b[2~\x1b[3~",
	"F1 to F4, xterm":       "\x1bOP\x1bOQ\x1bOR\x1bOS",
	"F1 to F4, PuTTY":       "\x1b[11~\x1b[12~\x1b[13~\x1b[14~",
	"F5 to F12":             "\x1b[15~\x1b[17~\x1b[18~\x1b[19~\x1b[20~\x1b[21~\x1b[23~\x1b[24~",
	"modified arrows":       "\x1b[1;5A\x1b[1;2B\x1b[1;3C\x1b[1;6D",
	"modified delete":       "\x1b[3;5~",
	"rxvt shifted":          "\x1b[a\x1b[b\x1b[2$\x1b[5$",
	"rxvt ctrl":             "\x1bOa\x1bOd\x1b[5^\x1b[3^",
	"kitty keys":            "\x1b[97;5u\x1b[13;2u\x1b[27u",
	"paste":                 "\x1b[200~line one\r\nline two\twith a tab\x1b[201~",
	"paste, invalid UTF-8":  "\x1b[200~ok\xffok\x1b[201~",
	"paste, then keys":      "\x1b[200~pasted\x1b[201~typed\r",
	"focus":                 "\x1b[I\x1b[O",
	"mouse":                 "\x1b[<0;10;5M\x1b[<0;10;5m",
	"keyboard answer":       "\x1b[?1u",
	"background answer":     "\x1b]11;rgb:0000/0000/0000\x07",
	"cursor answer":         "\x1b[12;40R",
}

// TestKeyReaderReadsWhatBubbleTeasReaderReads: every stream of
// terminalBytes decodes to the same events through keyReader as through
// ultraviolet's own reader, with its table of sequences.
func TestKeyReaderReadsWhatBubbleTeasReaderReads(t *testing.T) {
	for name, stream := range terminalBytes {
		t.Run(name, func(t *testing.T) {
			want := ultravioletReads(t, stream)
			got := keyReaderReads(t, stream)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q: keyReader reads\n%#v\nultraviolet's reader\n%#v", stream, got, want)
			}
		})
	}
}

// linuxConsoleBytes are the Linux console's F1 to F5, which ultraviolet's
// reader took for other keys.
var linuxConsoleBytes = "\x1b[[A\x1b[[B\x1b[[C\x1b[[D\x1b[[E"

func TestKeyReaderReadsTheLinuxConsolesFunctionKeys(t *testing.T) {
	got := keyReaderReads(t, linuxConsoleBytes)
	want := []tea.Msg{uv.KeyPressEvent{Code: uv.KeyF1}, uv.KeyPressEvent{Code: uv.KeyF2},
		uv.KeyPressEvent{Code: uv.KeyF3}, uv.KeyPressEvent{Code: uv.KeyF4}, uv.KeyPressEvent{Code: uv.KeyF5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the Linux console's F1 to F5 read as %#v", got)
	}
}

// TestKeyReaderReadsTheSameHoweverTheBytesArrive: a stream read in pieces,
// cut anywhere (in a sequence, in a character, in a paste), reads as the
// whole does. (A character of several code points, such as an emoji with
// a skin tone, cut between them arrives as its parts, as it did through
// ultraviolet's reader: the words typed are the same.)
func TestKeyReaderReadsTheSameHoweverTheBytesArrive(t *testing.T) {
	streams := map[string]string{"Linux console": linuxConsoleBytes}
	for name, stream := range terminalBytes {
		streams[name] = stream
	}
	for name, stream := range streams {
		whole := decodeInPieces(stream, len(stream))
		for size := 1; size < len(stream); size++ {
			if got := decodeInPieces(stream, size); !reflect.DeepEqual(got, whole) {
				t.Errorf("%s read %d bytes at a time: %#v; whole: %#v", name, size, got, whole)
			}
		}
	}
}

// TestAnEscapeAloneIsTheEscapeKeyOnceNothingFollows: ESC may begin a
// sequence, so the reader waits for escTimeout, then takes it as the key.
func TestAnEscapeAloneIsTheEscapeKeyOnceNothingFollows(t *testing.T) {
	in, typed := io.Pipe()
	defer typed.Close()
	events := make(chan tea.Msg, 8)
	go readKeys(context.Background(), in, func(m tea.Msg) { events <- m })
	if _, err := typed.Write([]byte("\x1b")); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-events:
		if k, ok := m.(uv.KeyPressEvent); !ok || k.Code != uv.KeyEscape {
			t.Fatalf("ESC alone read as %#v; want the escape key", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("waited 5 s for ESC alone to be read as the escape key")
	}
}

// decodeInPieces gives a keyReader the stream size bytes at a time, then
// ends the input.
func decodeInPieces(stream string, size int) []tea.Msg {
	var got []tea.Msg
	r := &keyReader{send: func(m tea.Msg) { got = append(got, m) }}
	r.expiry = time.AfterFunc(time.Hour, func() {})
	defer r.expiry.Stop()
	b := []byte(stream)
	for len(b) > 0 {
		n := min(size, len(b))
		r.take(b[:n], false)
		b = b[n:]
	}
	r.take(nil, true)
	return got
}

// keyReaderReads is what readKeys sends for a stream written at once.
func keyReaderReads(t *testing.T, stream string) []tea.Msg {
	t.Helper()
	var got []tea.Msg
	readKeys(context.Background(), &onceReader{b: []byte(stream)}, func(m tea.Msg) { got = append(got, m) })
	return got
}

// ultravioletReads is what ultraviolet's TerminalReader gives for a stream
// written at once, its UnknownEvents left out (no screen reads them, and
// keyReader does not send them).
func ultravioletReads(t *testing.T, stream string) []tea.Msg {
	t.Helper()
	r := uv.NewTerminalReader(&onceReader{b: []byte(stream)}, "xterm-256color")
	events := make(chan uv.Event, 64)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := r.StreamEvents(ctx, events); err != nil {
		t.Fatalf("ultraviolet's reader: %v", err)
	}
	close(events)
	var got []tea.Msg
	for e := range events {
		if _, unknown := e.(uv.UnknownEvent); !unknown {
			got = append(got, e)
		}
	}
	return got
}

// onceReader gives its bytes in one read, then ends.
type onceReader struct{ b []byte }

func (r *onceReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}
