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

// InputView draws a one-line input in w columns, its text scrolled to the
// cursor. The input measures characters rune by rune (go-runewidth), not
// as the screens do, so it is given a column to spare and its row is cut
// to w whatever it drew.
func InputView(in *textinput.Model, w int) string {
	in.SetWidth(max(w-Width(in.Prompt)-2, 1))
	in.SetCursor(in.Position()) // scrolls the text to the new width
	return Fit(in.View(), w)
}
