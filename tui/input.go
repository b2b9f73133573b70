package tui

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// NewLineInput is a one-line input with the settings every form here
// wants: no server-clipboard paste, a steady cursor, a length limit.
func NewLineInput(placeholder string, limit int) textinput.Model {
	in := textinput.New()
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.SetWidth(limit + 1)
	in.Prompt = "› "
	in.KeyMap.Paste.SetEnabled(false) // ctrl+v would read the server's clipboard
	in.SetVirtualCursor(false)
	in.Focus()
	return in
}

// PasteLine pastes text, already made one clean line, into an input.
func PasteLine(in *textinput.Model, text string) {
	*in, _ = in.Update(tea.PasteMsg{Content: text})
}
