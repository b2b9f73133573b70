package participant

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Looking a join code or a resume code up can wait a long time: the
// server slows guessing, a wrong code at a time (sshserver's joinGuard).
// So a lookup runs as a command, off the screen's Update: the screen keeps
// drawing, says how long the wait is, and ctrl+c leaves at any moment.

// maxQueued is how many codes typed while another is being checked are
// kept to check in turn: people type ahead, and a pasted code arrives with
// its enter at once; the limits on guessing still count each.
const maxQueued = maxCodeAttempts

// queue keeps a code typed while another is being checked.
func (m *Screen) queue(code string) {
	if len(m.queued) < maxQueued {
		m.queued = append(m.queued, code)
	}
}

// nextCode looks up the next code typed while one was being checked, if
// any.
func (m *Screen) nextCode(lookUp func(string) tea.Cmd) tea.Cmd {
	if len(m.queued) == 0 {
		return nil
	}
	code := m.queued[0]
	m.queued = m.queued[1:]
	return lookUp(code)
}

// codeReserver is a Room that makes lookups wait against guessing: it
// says at once how long a lookup will wait, and returns the lookup to run
// off the Update loop. The server gives participants one.
type codeReserver interface {
	ReserveCode(code string) (time.Duration, func(context.Context) (inquiry.Summary, error))
	ReserveResume(workshopID, code string) (time.Duration, func(context.Context) (string, error))
}

// resumer is a Room that says why a resume code brings nobody back:
// inquiry.ErrBlocked for someone a facilitator removed, who is to be told
// so, rather than answered as if they had guessed.
type resumer interface {
	ResumeParticipant(workshopID, code string) (string, error)
}

// codeFoundMsg is the outcome of looking a join code up: the workshop, or
// why not. fromUser says the code came with the connection (the SSH user
// name) rather than typed on the screen.
type codeFoundMsg struct {
	code     string
	fromUser bool
	sum      inquiry.Summary
	err      error
}

// resumeFoundMsg is the outcome of looking a resume code up.
type resumeFoundMsg struct {
	id  string
	err error
}

// lookUpCode starts looking a join code up, and says so: at once, or
// after the wait the server imposes.
func (m *Screen) lookUpCode(code string, fromUser bool) tea.Cmd {
	wait, find := m.reserveCode(code)
	m.looking = true
	m.notice = m.waitNotice(wait, m.say("code.checking"))
	ctx := m.s.Ctx()
	return func() tea.Msg {
		sum, err := find(ctx)
		return codeFoundMsg{code: code, fromUser: fromUser, sum: sum, err: err}
	}
}

// lookUpResume starts looking a resume code up in the workshop.
func (m *Screen) lookUpResume(code string) tea.Cmd {
	wait, find := m.reserveResume(code)
	m.looking = true
	m.notice = m.waitNotice(wait, m.say("resume.checking"))
	ctx := m.s.Ctx()
	return func() tea.Msg {
		id, err := find(ctx)
		return resumeFoundMsg{id: id, err: err}
	}
}

// waitNotice says what happens while a lookup waits.
func (m *Screen) waitNotice(wait time.Duration, checking string) tui.Notice {
	if wait <= 0 {
		return tui.Notice{Text: checking}
	}
	return tui.Notice{Text: m.say("code.wait", "n", seconds(wait)), Bad: true}
}

// tooManyCodes says why the server would not look a code up at all:
// codes are being guessed from here so fast that the lookup would wait
// too long (try again after the wait), or this connection has used up
// its wrong codes.
func (m *Screen) tooManyCodes(err error) string {
	var refusal interface{ RetryAfter() time.Duration }
	if errors.As(err, &refusal) && refusal.RetryAfter() > 0 {
		return m.say("code.too_many_here", "n", seconds(refusal.RetryAfter()))
	}
	return m.say("code.too_many_codes")
}

// seconds is a wait in whole seconds, rounded up.
func seconds(wait time.Duration) int64 {
	return int64((wait + time.Second - 1) / time.Second)
}

// reserveCode is the Room's ReserveCode, or for a Room that does not slow
// guessing, a lookup that does not wait.
func (m *Screen) reserveCode(code string) (time.Duration, func(context.Context) (inquiry.Summary, error)) {
	if r, ok := m.s.Room.(codeReserver); ok {
		return r.ReserveCode(code)
	}
	room := m.s.Room
	return 0, func(context.Context) (inquiry.Summary, error) {
		if sum, ok := room.ByCode(code); ok {
			return sum, nil
		}
		return inquiry.Summary{}, fmt.Errorf("join code %q: %w", code, inquiry.ErrNotFound)
	}
}

// reserveResume is reserveCode for a resume code in this workshop.
func (m *Screen) reserveResume(code string) (time.Duration, func(context.Context) (string, error)) {
	ws := m.view.id
	if r, ok := m.s.Room.(codeReserver); ok {
		return r.ReserveResume(ws, code)
	}
	room := m.s.Room
	return 0, func(context.Context) (string, error) {
		if r, ok := room.(resumer); ok {
			return r.ResumeParticipant(ws, code)
		}
		if id, ok := room.Resume(ws, code); ok {
			return id, nil
		}
		return "", fmt.Errorf("resume code: %w", inquiry.ErrNotFound)
	}
}

// abandoned reports whether a lookup ended because the session did: there
// is nobody to tell.
func abandoned(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
