package sshserver

import (
	"sync"

	"github.com/anchorage/anchorage/tui"
)

// shutdownNotice is what someone connecting while the server stops reads.
const shutdownNotice = "The server is shutting down. Everything you saved is kept."

// sessions keeps count of running session handlers and their Bubble Tea
// programs, so that Shutdown can tell every program to quit and wait for
// every session to end before the connections are closed.
type sessions struct {
	mu       sync.Mutex
	closing  bool
	active   int
	idle     chan struct{} // closed once closing and no session is active
	programs map[*tui.Program]*screenIO
}

func newSessions() *sessions {
	return &sessions{idle: make(chan struct{}), programs: map[*tui.Program]*screenIO{}}
}

// enter counts a session in; it returns false once shutdown has begun.
func (t *sessions) enter() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closing {
		return false
	}
	t.active++
	return true
}

// leave counts a session out.
func (t *sessions) leave() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.active--
	if t.closing && t.active == 0 {
		close(t.idle)
	}
}

// addProgram registers a program about to run on a session; it returns
// false once shutdown has begun, and the program must then not be run.
func (t *sessions) addProgram(p *tui.Program, sio *screenIO) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closing {
		return false
	}
	t.programs[p] = sio
	return true
}

func (t *sessions) removeProgram(p *tui.Program) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.programs, p)
}

// Closing reports whether shutdown has begun.
func (t *sessions) Closing() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.closing
}

// close begins shutdown: no session or program is admitted after it. It
// returns the running programs and a channel closed when the last session
// has ended.
func (t *sessions) close() ([]*tui.Program, <-chan struct{}) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.closing {
		t.closing = true
		if t.active == 0 {
			close(t.idle)
		}
	}
	programs := make([]*tui.Program, 0, len(t.programs))
	for p := range t.programs {
		programs = append(programs, p)
	}
	return programs, t.idle
}
