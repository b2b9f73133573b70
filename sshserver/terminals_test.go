package sshserver

import (
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/anchorage/anchorage/tui/tuitest"
	gossh "golang.org/x/crypto/ssh"
)

// sgr matches Select Graphic Rendition sequences: CSI, parameters, m.
var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourCodes lists the SGR parameters in out that set a colour:
// foreground, background or underline, basic, bright, 256 or RGB.
func colourCodes(out string) []string {
	var codes []string
	for _, m := range sgr.FindAllStringSubmatch(out, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err == nil && (n >= 30 && n <= 49 || n >= 90 && n <= 107 || n == 58 || n == 59) {
				codes = append(codes, m[0])
				break
			}
		}
	}
	return codes
}

// openTerminalWith opens a terminal session that sends environment
// variables before its PTY request, as `ssh -o SetEnv=...` does.
func openTerminalWith(t *testing.T, addr, user, term string, env map[string]string, auth ...gossh.AuthMethod) *terminal {
	t.Helper()
	client, _ := dial(t, addr, user, auth...)
	return openTerminalAs(t, client, term, env, 100, 30)
}

func TestNoColourTerminalsGetNoColourAndAWorkingScreen(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	tests := []struct {
		name       string
		term       string
		env        map[string]string
		wantColour bool
	}{
		{"xterm-256color", "xterm-256color", nil, true},
		{"NO_COLOR=1", "xterm-256color", map[string]string{"NO_COLOR": "1"}, false},
		{"NO_COLOR=yes, which colorprofile alone ignores", "xterm-256color", map[string]string{"NO_COLOR": "yes"}, false},
		{"COLORTERM=truecolor with NO_COLOR", "xterm-256color", map[string]string{"COLORTERM": "truecolor", "NO_COLOR": "1"}, false},
		// TERM=dumb gets the plain text mode, which writes no escape
		// sequence at all (TestPlainModeWalksAWholeGuideOverSSH).
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			term := openTerminalWith(t, srv.addr, "harbour-talk", tt.term, tt.env, keyless())
			term.waitFor("Your name or pseudonym", "will see it")
			term.typeText("Morag")
			term.waitFor("Morag")
			// Even an unasked report of true colour changes nothing.
			term.typeText("\x1bP1+r524742\x1b\\")
			term.typeText("\r")
			term.waitFor("▸ Where you are from", "◂ not said ▸")
			term.typeText("\x1b[C") // the first kind of organisation
			waitUntil(t, "the organisation choice to move on", func() bool { return !term.screen.Contains("◂ not said ▸") })
			codes := colourCodes(term.out.String())
			if tt.wantColour && len(codes) == 0 {
				t.Fatal("no colour at all: the test cannot tell colour from none")
			}
			if !tt.wantColour && len(codes) > 0 {
				t.Errorf("colour sent: %q", codes[:min(len(codes), 5)])
			}
		})
	}
}

// TestScreensDrawWithoutAnyAnswerFromTheTerminal connects with a client
// that reads everything and never writes a byte, so would never answer a
// terminal query: every screen still draws completely, and asks nothing
// (tui/paint sends no query, so nothing can wait on an answer).
func TestScreensDrawWithoutAnyAnswerFromTheTerminal(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	tests := []struct {
		name string
		user string
		auth gossh.AuthMethod
		want []string
	}{
		{"participant with a code", "harbour-talk", keyless(), []string{"Your name or pseudonym", "will see it"}},
		{"participant without a code", "someone", keyless(), []string{`There is no workshop with the code "someone"`}},
		{"facilitator in a room", "harbour-talk", withKeys(alice), []string{"Harbour talk", "Waiting for the first contribution"}},
		{"facilitator choosing", "alice", withKeys(alice), []string{"Harbour talk"}},
		{"enrolment", "enrol", withKeys(bob), []string{"Type the enrolment code"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			term := openTerminal(t, srv.addr, tt.user, 100, 30, tt.auth)
			term.waitFor(tt.want...)
			out := term.out.String()
			for _, query := range []string{"$p", "\x1b[c", "\x1b[>0q", "\x1b[?u", ";?\x07", ";?\x1b\\"} {
				if strings.Contains(out, query) {
					t.Errorf("the screen asked the terminal something (%q)", query)
				}
			}
		})
	}
}

func TestTinyTerminalAsksForMoreRoomAndRecovers(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	for name, auth := range map[string]gossh.AuthMethod{"participant": keyless(), "facilitator": withKeys(alice)} {
		t.Run(name, func(t *testing.T) {
			term := openTerminal(t, srv.addr, "harbour-talk", 20, 5, auth)
			term.waitFor("Too small")
			term.screen.Resize(100, 30)
			if err := term.sess.WindowChange(30, 100); err != nil {
				t.Fatal(err)
			}
			term.waitFor("Harbour talk")
		})
	}
}

// TestResizeStormLeavesTheServerResponsiveAndItsMemoryFlat sends hundreds
// of window changes, the wildest sizes among them, to a real participant
// screen while a facilitator runs commands, in two storms; after each the
// screen is used as normal. The heap may grow once, to the buffers of the
// largest screen drawn (see Config.Window), but not with the number of changes.
func TestResizeStormLeavesTheServerResponsiveAndItsMemoryFlat(t *testing.T) {
	const resizes = 200 // per storm
	const maxGrowth, maxSecondGrowth = 50 << 20, 8 << 20
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)
	client, _ := dial(t, srv.addr, "harbour-talk", keyless())
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	screen := tuitest.NewScreen(80, 24, nil)
	out := &switchWriter{w: screen}
	sess.Stdout = out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if err := screen.WaitFor(testDeadline, "Your name or pseudonym"); err != nil {
		t.Fatal(err)
	}
	heap := []uint64{heapInUse()}

	sizes := [][2]int{{3000, 2000}, {0, 0}, {20, 5}, {500, 200}, {1, 1}, {65535, 65535}, {80, 24}, {7, 3000}}
	typed := ""
	for storm := 1; storm <= 2; storm++ {
		// While the storm blows, its frames are not drawn: only the end
		// matters, and drawing every one would slow the test tenfold.
		out.set(io.Discard)
		for i := range resizes {
			size := sizes[i%len(sizes)]
			if err := sess.WindowChange(size[1], size[0]); err != nil {
				t.Fatalf("window change %d: %v", i, err)
			}
			if i%100 == 0 {
				if r := run(t, srv.addr, "alice", "workshop list", withKeys(alice)); r.status != 0 {
					t.Fatalf("during the storm a facilitator's command failed: %+v", r)
				}
			}
		}
		out.set(screen)
		if err := sess.WindowChange(24, 80); err != nil {
			t.Fatal(err)
		}
		typed += fmt.Sprintf("Calm%d", storm)
		if _, err := stdin.Write([]byte(fmt.Sprintf("Calm%d", storm))); err != nil {
			t.Fatal(err)
		}
		if err := screen.WaitFor(testDeadline, typed, "Your name or pseudonym"); err != nil {
			t.Fatal(err)
		}
		heap = append(heap, heapInUse())
	}
	t.Logf("heap in use: %s at the start, %s after %d window changes, %s after %d",
		mib(heap[0]), mib(heap[1]), resizes+1, mib(heap[2]), 2*(resizes+1))
	if growth := int64(heap[2]) - int64(heap[0]); growth > maxGrowth {
		t.Errorf("the heap grew by %s over the storms; want under %s", mib(uint64(growth)), mib(maxGrowth))
	}
	if growth := int64(heap[2]) - int64(heap[1]); growth > maxSecondGrowth {
		t.Errorf("the second storm grew the heap by %s more; want under %s: memory grows with resizes", mib(uint64(growth)), mib(maxSecondGrowth))
	}
}

// switchWriter passes writes to whichever writer it was last set to.
type switchWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *switchWriter) set(w io.Writer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.w = w
}

func (s *switchWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// heapInUse is the heap in use after a full collection.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func mib(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
