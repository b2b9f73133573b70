package facilitator

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

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
		switch {
		case key.Matches(k, askKeys.Yes):
			m.ask = nil
			return q.answer(m, "")
		case key.Matches(k, askKeys.No):
			m.ask = nil
			m.notice = tui.Notice{Text: "Nothing was changed."}
		}
		return nil
	}
	switch {
	case key.Matches(k, askKeys.Answer):
		m.ask = nil
		return q.answer(m, q.input.Value())
	case key.Matches(k, askKeys.Cancel):
		m.ask = nil
		m.notice = tui.Notice{Text: "Nothing was changed."}
		return nil
	}
	var cmd tea.Cmd
	*q.input, cmd = q.input.Update(k)
	return cmd
}
