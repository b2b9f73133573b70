package sshserver

import (
	"fmt"
	"io"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	"golang.org/x/time/rate"
)

// screenIO is the session a screen's program reads and writes: the SSH
// session with its input metered (activity for the idle timeout, and the
// flood limit) and its output watched for a client that has stopped
// reading. Everything else is the session's own.
type screenIO struct {
	ssh.Session
	id     string         // the screen's session ID, given to participant and facilitator screens
	term   *terminalState // its size, kept by the request filter
	in     *inputMeter
	out    *outputWatch
	stderr *outputWatch
}

func (s *screenIO) Read(p []byte) (int, error)  { return s.in.Read(p) }
func (s *screenIO) Write(p []byte) (int, error) { return s.out.Write(p) }

// Pty is the session's PTY with the size the client last gave, from the
// request filter rather than from charm.land/ssh (see terminalState). Its
// changes come to a screen through follow, not through the channel.
func (s *screenIO) Pty() (ssh.Pty, <-chan ssh.Window, bool) {
	pty, _, ok := s.Session.Pty()
	if ok && s.term != nil {
		pty.Window = s.term.size()
	}
	return pty, nil, ok
}

// follow hands the screen the terminal's size now and on every change,
// until stop is called. A session without a PTY has no size to follow.
func (s *screenIO) follow(resize func(ssh.Window)) (stop func()) {
	if s.term == nil {
		return func() {}
	}
	return s.term.follow(resize)
}

// Environ is the session's environment without the server's own tag.
func (s *screenIO) Environ() []string { return withoutTag(s.Session.Environ()) }

// Stderr is the session's error stream, watched like its output, so that
// a message for a client that has stopped reading cannot hang the server.
func (s *screenIO) Stderr() io.ReadWriter {
	return stderrStream{Reader: s.Session.Stderr(), Writer: s.stderr}
}

type stderrStream struct {
	io.Reader
	io.Writer
}

// newScreenIO wraps a session for its screen: input metered, output
// watched. A flood of input ends the screen with a message; a client that
// stops reading has its connection closed, since nothing can reach it.
func (s *Server) newScreenIO(sess ssh.Session, cs *connState, end *ending) *screenIO {
	remote := s.hashRemote(sess.RemoteAddr())
	flood := func() {
		s.log.Warn("screen ended: input flood", "remote", remote, "rate", s.cfg.InputRate, "for", s.cfg.InputFloodTimeout)
		end.end(fmt.Sprintf("This session has ended: it kept sending more than a person types or pastes "+
			"(over %s a second for %s). Everything you saved is kept.", byteSize(s.cfg.InputRate), humanDuration(s.cfg.InputFloodTimeout)))
	}
	sio := &screenIO{Session: sess, term: s.terminalOf(sess), in: newInputMeter(sess, s.clock, s.cfg, end.done, flood)}
	stall := func() {
		s.log.Info("connection dropped: the client stopped reading", "remote", remote,
			"after", s.cfg.StallTimeout, "written", sio.out.written.Load())
		end.end("")
		_ = cs.conn.Close()
	}
	sio.out = newOutputWatch(sess, s.clock, s.cfg.StallTimeout, stall)
	sio.stderr = newOutputWatch(sess.Stderr(), s.clock, s.cfg.StallTimeout, stall)
	return sio
}

// close stops watching the session's output.
func (s *screenIO) close() {
	s.out.close()
	s.stderr.close()
}

// byteSize says a number of bytes the way a person would read it.
func byteSize(n int) string {
	if n >= 1024 && n%1024 == 0 {
		return fmt.Sprintf("%d KiB", n/1024)
	}
	return fmt.Sprintf("%d bytes", n)
}

// minInputGrant is the least a throttled read waits for, so that a flood
// is read in pieces of a useful size rather than a byte at a time.
const minInputGrant = 512

// inputMeter passes a client's input on at no more than a token bucket
// allows (see Config.InputBurst), notes when the client last sent
// anything, and calls onFlood when input has been held back continuously
// for floodAfter. Read is called from one goroutine (the program's input
// reader); lastInput may be read from any. The bucket is told the time by
// the server's clock, never reads its own, so a test can move it on.
type inputMeter struct {
	r          io.Reader
	clock      clock
	done       <-chan struct{} // the session's end
	bucket     *rate.Limiter
	floodAfter time.Duration
	onFlood    func()
	throttled  time.Time // since when reads have had to wait; zero when they have not
	lastInput  atomic.Int64
}

func newInputMeter(r io.Reader, c clock, cfg Config, done <-chan struct{}, onFlood func()) *inputMeter {
	now := c.Now()
	m := &inputMeter{r: r, clock: c, done: done, floodAfter: cfg.InputFloodTimeout, onFlood: onFlood,
		bucket: rate.NewLimiter(rate.Limit(cfg.InputRate), cfg.InputBurst)}
	m.bucket.SetLimitAt(now, rate.Limit(cfg.InputRate)) // full, from the server's clock's now
	m.lastInput.Store(now.UnixNano())
	return m
}

// Read waits until the bucket allows some input, then reads no more than
// it allows. Input held back stays in the SSH channel's window, so the
// client's writes slow down and nothing is lost.
func (m *inputMeter) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	need := min(len(p), minInputGrant)
	waited := false
	for {
		now := m.clock.Now()
		if m.bucket.TokensAt(now) >= float64(need) {
			break
		}
		waited = true
		if m.throttled.IsZero() {
			m.throttled = now
		}
		held := now.Sub(m.throttled)
		if held >= m.floodAfter {
			m.onFlood()
			<-m.done
			return 0, io.EOF
		}
		if !sleep(m.clock, min(m.refill(now, need), m.floodAfter-held), m.done) {
			return 0, io.EOF
		}
	}
	grant := min(len(p), int(m.bucket.TokensAt(m.clock.Now())))
	n, err := m.r.Read(p[:grant])
	now := m.clock.Now()
	// What was read is spent even if the bucket dripped less meanwhile: a
	// reservation may leave it owing.
	m.bucket.ReserveN(now, n)
	if n > 0 {
		m.lastInput.Store(now.UnixNano())
	}
	// Input is held back continuously while every read has had to wait
	// and found more waiting than it could take.
	if !waited || n < grant {
		m.throttled = time.Time{}
	}
	return n, err
}

// refill is how long until the bucket holds n tokens.
func (m *inputMeter) refill(now time.Time, n int) time.Duration {
	missing := float64(n) - m.bucket.TokensAt(now)
	return time.Duration(math.Ceil(missing / float64(m.bucket.Limit()) * float64(time.Second)))
}

// idleSince is when the client last sent anything.
func (m *inputMeter) idleSince() time.Time { return time.Unix(0, m.lastInput.Load()) }

// outputChunk is the most written to the client in one go, so that a slow
// but moving line shows progress to the stall watch between chunks.
const outputChunk = 8 << 10

// outputWatch writes to a client in chunks and calls onStall if one chunk
// has not gone within the timeout: the client has stopped reading.
type outputWatch struct {
	w       io.Writer
	timeout time.Duration
	mu      sync.Mutex // one write at a time: there is one timer
	timer   timer
	written atomic.Int64
	writing atomic.Bool
	closed  bool // guarded by mu: the session is over, write unwatched
}

func newOutputWatch(w io.Writer, c clock, timeout time.Duration, onStall func()) *outputWatch {
	o := &outputWatch{w: w, timeout: timeout}
	o.timer = c.AfterFunc(timeout, onStall)
	o.timer.Stop()
	return o
}

func (o *outputWatch) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return o.w.Write(p)
	}
	total := 0
	for len(p) > 0 {
		chunk := p[:min(len(p), outputChunk)]
		o.writing.Store(true)
		o.timer.Reset(o.timeout)
		n, err := o.w.Write(chunk)
		o.timer.Stop()
		o.writing.Store(false)
		total += n
		o.written.Add(int64(n))
		if err != nil {
			return total, err
		}
		p = p[n:]
	}
	return total, nil
}

// close stops the watch for good. It waits for a write under way, which
// the stall watch itself ends if it must.
func (o *outputWatch) close() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.closed = true
	o.timer.Stop()
}
