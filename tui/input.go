package tui

import "charm.land/bubbles/v2/textinput"

// InputView draws a one-line input in w columns, its text scrolled to the
// cursor. The input measures characters rune by rune (go-runewidth), not
// as the screens do, so it is given a column to spare and its row is cut
// to w whatever it drew.
func InputView(in *textinput.Model, w int) string {
	in.SetWidth(max(w-Width(in.Prompt)-2, 1))
	in.SetCursor(in.Position()) // scrolls the text to the new width
	return Fit(in.View(), w)
}
