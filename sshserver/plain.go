package sshserver

import (
	"io"
	"strings"
	"sync"

	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/words"
)

// The plain text mode (tui/plain) for participants: asked for with the
// user name CODE+plain (or plain alone), by a terminal that says it is
// dumb, or from the join screen's key, after which the session carries on
// in it on the same connection.

// plainSuffix, after a join code in the SSH user name, asks for plain text.
const plainSuffix = "+plain"

// plainUser reads an SSH user name that asks for plain text: the join code
// before +plain ("" for the user name plain alone), and whether it asks.
func plainUser(user string) (code string, plain bool) {
	if user == "plain" {
		return "", true
	}
	return strings.CutSuffix(user, plainSuffix)
}

// dumbTerminal reports whether the session's terminal says it can do no
// more than print lines: TERM=dumb.
func dumbTerminal(environ []string) bool {
	term := ""
	for _, kv := range environ {
		if v, ok := strings.CutPrefix(kv, "TERM="); ok {
			term = v // the PTY's, last, wins (sessionEnviron)
		}
	}
	return term == "dumb"
}

// loadCatalogue is the catalogue of participants' words: the built-in one,
// with the facilitator's message files laid over it if a folder is given.
func loadCatalogue(dir string) (*words.Catalogue, error) {
	if dir == "" {
		return words.Builtin(), nil
	}
	return words.Load(dir)
}

// handedOff reports whether a screen ended asking to carry on in plain
// text, and with what.
func handedOff(model any) (tui.Handoff, bool) {
	if h, ok := model.(tui.HandsOff); ok {
		return h.Handoff()
	}
	return tui.Handoff{}, false
}

// relay passes a session's input to one screen after another. A screen's
// input reader can be left blocked in a read when its screen ends
// (Bubble Tea cannot interrupt a read of an SSH channel): what that read
// brings is kept for the next screen, rather than lost with the first.
// Reads of the session are one at a time.
type relay struct {
	src     io.Reader
	reading sync.Mutex // held across a read of src
	mu      sync.Mutex // guards kept and current
	kept    []byte
	current int
}

func newRelay(src io.Reader) *relay { return &relay{src: src} }

// next is the input of the next screen: the one before reads no more.
func (r *relay) next() io.Reader {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.current++
	return &relayed{r: r, gen: r.current}
}

// relayed is one screen's input from a relay.
type relayed struct {
	r   *relay
	gen int
}

func (v *relayed) Read(p []byte) (int, error) {
	r := v.r
	r.reading.Lock()
	defer r.reading.Unlock()
	if n, ok := r.fromKept(v.gen, p); ok {
		return n, nil
	}
	if !r.isCurrent(v.gen) {
		return 0, io.EOF
	}
	n, err := r.src.Read(p)
	r.mu.Lock()
	defer r.mu.Unlock()
	if v.gen != r.current {
		// This screen ended while it waited: what came is the next one's.
		r.kept = append(r.kept, p[:n]...)
		return 0, io.EOF
	}
	return n, err
}

// fromKept gives the current screen what an earlier one's read brought.
func (r *relay) fromKept(gen int, p []byte) (int, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if gen != r.current || len(r.kept) == 0 {
		return 0, false
	}
	n := copy(p, r.kept)
	r.kept = r.kept[n:]
	return n, true
}

func (r *relay) isCurrent(gen int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return gen == r.current
}
