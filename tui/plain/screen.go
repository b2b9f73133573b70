package plain

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/grapheme"
	"github.com/anchorage/anchorage/tui/words"
)

// Screen is a participant's plain text screen.
type Screen struct {
	s   tui.Session
	cat *words.Catalogue
	w   words.Words

	out  strings.Builder // printed and not yet written out
	line editor
	// prompted is set while the marker stands on the last line, with the
	// cursor after it and what has been typed.
	prompted bool
	// held is news that came while the person was typing.
	held []string
	q    question
	// busy is set while the store works on what the person asked for;
	// keys typed meanwhile wait in typedAhead.
	busy       bool
	typedAhead []tea.KeyPressMsg
	ended      bool

	// langChosen is set once the person has a language.
	langChosen bool
	handedCode string

	room                     room  // the workshop, once found
	at                       at    // where the person is in the guide
	draft                    draft // the contribution being written
	clock                    clock // the open prompt's timebox, for its news
	attempts, resumeAttempts int
	paste                    pasteState // an enter held to see if a paste goes on
}

// New returns the plain text screen for a session. A screen carried on
// from the join screen (tui.Handoff) passes what it had; the zero Handoff
// starts from the beginning.
func New(s tui.Session, h tui.Handoff) *Screen {
	m := &Screen{s: s, cat: s.Catalogue, line: editor{width: s.Width}}
	lang := h.Language
	if lang == "" {
		lang = s.Language
	}
	code, ok := m.cat.Match(lang)
	if !ok {
		code = inquiry.DefaultLanguage
	}
	m.w = m.cat.In(code)
	m.langChosen = h.Language != "" && ok
	m.handedCode = h.Code
	if h.Code == "" {
		m.handedCode = s.Code
	}
	return m
}

// Init says hello and asks the first question.
func (m *Screen) Init() tea.Cmd {
	m.say(m.w.Say("plain.hello"))
	var cmd tea.Cmd
	if m.langChosen {
		cmd = m.start()
	} else {
		m.askLanguage()
	}
	m.settle()
	return cmd
}

// Printed returns what the screen printed since it was last asked.
func (m *Screen) Printed() string {
	s := m.out.String()
	m.out.Reset()
	return s
}

// View is empty: the runtime writes what Printed returns instead.
func (m *Screen) View() tea.View { return tea.View{} }

// Update handles a message, then shows the marker if a question waits for
// an answer.
func (m *Screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.settle()
	return m, cmd
}

func (m *Screen) update(msg tea.Msg) tea.Cmd {
	if m.ended {
		return nil
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.line.width = msg.Width
	case tui.ShutdownMsg:
		return m.end(m.w.Say("session.shutdown"))
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return m.leave()
		}
		if m.busy || !m.prompted {
			m.typedAhead = append(m.typedAhead, msg)
			return nil
		}
		return m.key(msg)
	case tea.PasteMsg:
		if m.prompted {
			m.joinHeldEnter()
			m.echo(m.line.insert(msg.Content))
			m.keepDraft()
		}
	case enterMsg:
		return m.heldEnterDue(msg)
	case doneMsg:
		m.busy = false
		return tea.Batch(msg.then(m), m.catchUpKeys())
	case tui.BellMsg:
		return tea.Batch(m.bell(), m.room.watch.Listen())
	case tickMsg:
		return m.tick(msg)
	}
	return nil
}

// key handles one key on the line being typed.
func (m *Screen) key(k tea.KeyPressMsg) tea.Cmd {
	if k.String() != "enter" {
		m.joinHeldEnter()
	}
	switch k.String() {
	case "enter":
		if m.paste.held {
			m.joinHeldEnter() // a blank line inside the paste
			return nil
		}
		if cmd, held := m.holdEnter(); held {
			return cmd
		}
		return m.send()
	case "backspace", "ctrl+h":
		m.echo(m.line.backspace())
	case "ctrl+u":
		m.echo(m.line.rubOut())
	case "ctrl+w", "alt+backspace":
		m.echo(m.line.wordBack())
	default:
		if k.Text == "" {
			return nil // arrows, function keys: the line has no cursor to move
		}
		m.echo(m.line.insert(k.Text))
	}
	m.keepDraft()
	return nil
}

// catchUpKeys types what was typed while the screen was busy.
func (m *Screen) catchUpKeys() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.typedAhead) > 0 && !m.busy && !m.ended {
		m.settle()
		k := m.typedAhead[0]
		m.typedAhead = m.typedAhead[1:]
		cmds = append(cmds, m.key(k))
	}
	return tea.Batch(cmds...)
}

// send takes the line typed as the answer to the question.
func (m *Screen) send() tea.Cmd {
	answer := strings.TrimSpace(m.line.take())
	m.out.WriteString("\r\n")
	m.prompted = false
	for _, news := range m.held {
		m.say(news)
	}
	m.held = nil
	if cmd, ok := m.command(answer); ok {
		if m.q.draft != "" {
			m.dropDraft(m.q.draft) // what was kept as it was typed was the command
		}
		return cmd
	}
	if m.q.answer == nil {
		return nil
	}
	return m.q.answer(answer)
}

// say prints lines. The marker, if it stands alone on the last line, is
// written over; say is never called while the person has typed something
// (news waits then: see tell).
func (m *Screen) say(lines ...string) {
	for _, l := range lines {
		if l == "" {
			continue
		}
		if m.prompted {
			m.out.WriteString("\r")
			if pad := grapheme.Width(marker) - grapheme.Width(l); pad > 0 {
				l += strings.Repeat(" ", pad)
			}
			m.prompted = false
		}
		m.out.WriteString(l)
		m.out.WriteString("\r\n")
	}
}

// tell prints news at once, or holds it until the person sends the line
// they are typing.
func (m *Screen) tell(news string) {
	if m.prompted && !m.line.empty() {
		m.held = append(m.held, news)
		return
	}
	m.say(news)
}

// echo writes what the person typed back to them.
func (m *Screen) echo(s string) { m.out.WriteString(s) }

// settle shows the marker when a question waits for its answer.
func (m *Screen) settle() {
	if m.ended || m.busy || m.prompted || m.q.answer == nil {
		return
	}
	m.out.WriteString(marker + m.line.text)
	m.prompted = true
}

// end ends the screen with its last words.
func (m *Screen) end(words string) tea.Cmd {
	if m.prompted {
		m.out.WriteString("\r\n")
		m.prompted = false
	}
	m.say(words)
	m.ended = true
	m.room.stop()
	return tea.Quit
}

// leave ends the screen at the person's wish, keeping unsent words.
func (m *Screen) leave() tea.Cmd {
	m.keepDraft()
	return m.end(m.w.Say("session.bye"))
}

// doneMsg is the store's answer to something the screen asked of it, with
// what to do next on the screen's own loop.
type doneMsg struct {
	then func(*Screen) tea.Cmd
}

// work runs do off the screen's loop, keeping what is typed meanwhile,
// and then runs its result on the loop.
func (m *Screen) work(do func() func(*Screen) tea.Cmd) tea.Cmd {
	m.busy = true
	return func() tea.Msg { return doneMsg{then: do()} }
}
