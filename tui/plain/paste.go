package plain

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// A terminal that does not bracket a paste (plain mode asks for nothing
// the line editor does not need, and a dumb terminal has no such mode)
// sends a pasted paragraph's line breaks as enter. At a question that
// takes people's words, enter therefore waits pasteGap before it answers:
// a key arriving sooner came in the same paste, and the line break
// becomes a space, so that the paragraph is one answer rather than its
// first line saved and the rest typed into the questions after it. No
// one presses enter and types again within the gap.
const pasteGap = 60 * time.Millisecond

// enterMsg is a held enter's time up: the n-th enter held.
type enterMsg struct{ n int }

// pasteState is a held enter, if any, and how many have been held.
type pasteState struct {
	held   bool
	enters int
}

// holdEnter holds an enter at a words question, and reports whether it did.
func (m *Screen) holdEnter() (tea.Cmd, bool) {
	if !m.q.words && m.q.draft == "" {
		return nil, false
	}
	m.paste.enters++
	m.paste.held = true
	n := m.paste.enters
	return tea.Tick(pasteGap, func(time.Time) tea.Msg { return enterMsg{n} }), true
}

// joinHeldEnter makes a held enter a space, as more of the paste arrives.
func (m *Screen) joinHeldEnter() {
	if m.paste.held {
		m.paste.held = false
		m.echo(m.line.insert(" "))
	}
}

// heldEnterDue answers the question if the enter is still held: nothing
// came after it.
func (m *Screen) heldEnterDue(msg enterMsg) tea.Cmd {
	if !m.paste.held || msg.n != m.paste.enters {
		return nil
	}
	m.paste.held = false
	return m.send()
}
