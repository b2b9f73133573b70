package tui

import (
	"context"
	"io"
	"sync"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// Bubble Tea's own input reader builds a table of key sequences for every
// program it runs: 124–146 KiB of a joined participant's session, the most
// of what the session holds (PERFORMANCE.md). The table is for sequences
// ultraviolet's decoder reads anyway, and for a few it does not (the Linux
// console's F1–F5, which keyReader reads itself). So a program here is
// given what the person types by a keyReader, which decodes it with the
// decoder alone and hands each event to Bubble Tea, which translates it
// as it translates its own reader's.

// escTimeout is how long a keyReader waits for the rest of a sequence that
// has begun: ESC alone is the escape key once nothing follows it.
const escTimeout = 50 * time.Millisecond

// keyReader turns what a person types into the events Bubble Tea's own
// reader would give: keys, a bracketed paste gathered into one event, and
// the terminal's answers to Bubble Tea's questions.
type keyReader struct {
	send func(tea.Msg)
	dec  uv.EventDecoder

	mu sync.Mutex // guards what follows; held while events are sent, to keep their order
	// pending is what was read and not yet decoded: perhaps the start of a
	// sequence whose rest is on its way.
	pending []byte
	// paste is a bracketed paste's content so far; nil outside one.
	paste []byte
	// expiry decodes pending as it stands once escTimeout passes without
	// more input.
	expiry *time.Timer
}

// readKeys reads in until it ends or ctx is done, and sends the program
// the events it decodes to.
func readKeys(ctx context.Context, in io.Reader, send func(tea.Msg)) {
	r := &keyReader{send: send}
	r.expiry = time.AfterFunc(time.Hour, r.expire)
	r.expiry.Stop()
	defer r.expiry.Stop()
	buf := make([]byte, 4096) // as much as the session's input meter may grant at once
	for {
		n, err := in.Read(buf)
		if ctx.Err() != nil {
			return
		}
		r.take(buf[:n], err != nil)
		if err != nil {
			return
		}
	}
}

// take decodes what was just read after what was pending; at the end of
// the input nothing more will come, so nothing waits.
func (r *keyReader) take(read []byte, end bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.expiry.Stop()
	r.pending = append(r.pending, read...)
	r.decode(end)
	if len(r.pending) > 0 {
		r.expiry.Reset(escTimeout)
	}
}

// expire decodes what is pending as it is: the rest of a sequence did not
// come in time.
func (r *keyReader) expire() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.decode(true)
}

// decode sends the events pending decodes to. Unless expired, it stops at
// what may be the start of a longer sequence: ESC alone or with one more
// byte (the escape key, alt and a key, or the start of a sequence), or
// bytes the decoder does not know yet (half a character).
func (r *keyReader) decode(expired bool) {
	buf := r.pending
	for len(buf) > 0 {
		if !expired && string(buf) == linuxConsolePrefix {
			break // the Linux console's F1 to F5, under way
		}
		n, ev := linuxConsoleKey(buf)
		if n == 0 {
			n, ev = r.dec.Decode(buf)
		}
		if n == 0 {
			break
		}
		_, unknown := ev.(uv.UnknownEvent)
		if !expired && (unknown || buf[0] == '\x1b' && n <= 2) {
			break
		}
		r.event(ev, buf[:n])
		buf = buf[n:]
	}
	r.pending = append(r.pending[:0], buf...)
}

// event sends one decoded event, or gathers it into the paste under way.
func (r *keyReader) event(ev uv.Event, raw []byte) {
	if r.paste != nil {
		switch ev := ev.(type) {
		case uv.PasteEndEvent:
			r.send(uv.PasteEvent{Content: validText(r.paste)})
			r.paste = nil
			r.send(ev)
		case uv.KeyPressEvent:
			if ev.Text != "" {
				r.paste = append(r.paste, ev.Text...)
			} else {
				r.paste = append(r.paste, raw...) // enter, tab: as typed
			}
		}
		return
	}
	switch ev := ev.(type) {
	case nil, uv.UnknownEvent:
		// Nothing a screen reads: bytes no sequence explains.
	case uv.PasteStartEvent:
		r.paste = []byte{}
		r.send(ev)
	case uv.MultiEvent:
		for _, e := range ev {
			r.send(e)
		}
	default:
		r.send(ev)
	}
}

// validText is b without what is not UTF-8.
func validText(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]rune, 0, len(b))
	for len(b) > 0 {
		c, w := utf8.DecodeRune(b)
		if c != utf8.RuneError {
			out = append(out, c)
		}
		b = b[w:]
	}
	return string(out)
}

// linuxConsolePrefix begins the Linux console's F1 to F5.
const linuxConsolePrefix = "\x1b[["

// linuxConsoleKey reads the Linux console's F1 to F5 (ESC [ [ A to E),
// which the decoder does not know (nor did Bubble Tea's own reader for
// TERM=xterm: it took them for alt+[, [ and a capital); n is 0 for
// anything else.
func linuxConsoleKey(b []byte) (n int, ev uv.Event) {
	if len(b) < 4 || string(b[:3]) != linuxConsolePrefix || b[3] < 'A' || b[3] > 'E' {
		return 0, nil
	}
	return 4, uv.KeyPressEvent{Code: uv.KeyF1 + rune(b[3]-'A')}
}
