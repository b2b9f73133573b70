package facilitator

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// actedMsg reports the outcome of something a facilitator did: an event
// sent to the store, and what to tell them once it is recorded.
type actedMsg struct {
	done string // what happened, said once the store has it
	err  error
	// after runs once the outcome is known, with ok true when the store
	// recorded the event (or already had it).
	after func(m *Screen, ok bool)
}

// record sends one event in the facilitator's name and reports back with
// an actedMsg. Nothing says it is done until the store has committed it.
func (m *Screen) record(e inquiry.Event, done string, after func(m *Screen, ok bool)) tea.Cmd {
	e.Actor = m.s.Actor
	room, ctx, id := m.s.Room, m.s.Ctx(), m.ws.ID
	m.notice = tui.Notice{Text: "Saving…"}
	return func() tea.Msg {
		_, err := room.Append(ctx, id, e)
		return actedMsg{done: done, err: err, after: after}
	}
}

// acted tells the facilitator how it went and brings the room up to date
// at once, rather than waiting for the bell.
func (m *Screen) acted(msg actedMsg) tea.Cmd {
	ok := msg.err == nil || errors.Is(msg.err, inquiry.ErrDuplicate)
	switch {
	case msg.err == nil:
		m.notice = tui.Notice{Text: "✓ " + msg.done}
	case ok:
		m.notice = tui.Notice{Text: "Already so: nothing needed changing."}
	default:
		m.notice = tui.Notice{Text: "Not saved: " + tui.Friendly(msg.err), Bad: true}
	}
	if m.ws == nil {
		return nil // they left the room while it was saving
	}
	m.catchUp()
	if msg.after != nil {
		msg.after(m, ok)
	}
	return m.tick()
}

// roomQuestion is asked on the line above the keys: a yes-or-no before
// anything that cannot be undone, or a line of text such as why a
// contribution is hidden.
type roomQuestion struct {
	text  string // the question, for a yes or no
	yes   string // what answering yes (or enter) does, for the key line
	input *textinput.Model
	// answer acts on the answer: the typed text, or "" for a yes.
	answer func(m *Screen, typed string) tea.Cmd
}

// confirm asks a yes-or-no question before doing something that cannot be
// undone. Only y does it: enter, like any other key, does not, so a
// facilitator cannot confirm by habit.
func (m *Screen) confirm(text, yes string, do func(m *Screen) tea.Cmd) {
	m.ask = &roomQuestion{text: text, yes: yes, answer: func(m *Screen, _ string) tea.Cmd { return do(m) }}
}

// askLine asks for a line of text.
func (m *Screen) askLine(prompt, placeholder, yes string, limit int, answer func(m *Screen, typed string) tea.Cmd) {
	in := tui.NewLineInput(placeholder, limit)
	in.Prompt = prompt
	m.ask = &roomQuestion{yes: yes, input: &in, answer: answer}
}

// askKey handles a key while a question is asked.
func (m *Screen) askKey(k tea.KeyPressMsg) tea.Cmd {
	q := m.ask
	if q.input == nil {
		switch k.String() {
		case "y", "Y":
			m.ask = nil
			return q.answer(m, "")
		case "n", "N", "esc":
			m.ask = nil
			m.notice = tui.Notice{Text: "Nothing was changed."}
		}
		return nil
	}
	switch k.String() {
	case "enter":
		m.ask = nil
		return q.answer(m, q.input.Value())
	case "esc":
		m.ask = nil
		m.notice = tui.Notice{Text: "Nothing was changed."}
		return nil
	}
	var cmd tea.Cmd
	*q.input, cmd = q.input.Update(k)
	return cmd
}

// stampTime is the time for the events a facilitator makes: UTC, without the
// monotonic reading, as the store keeps times.
func stampTime() time.Time { return time.Now().UTC().Round(0) }
