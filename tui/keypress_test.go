package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// keyPress is the key press for a key's name, as Bubble Tea names it
// ("backspace", "ctrl+w", "alt+enter", a single character), for the
// editor's and the form's tests. It is tuitest.Key's few lines again:
// tuitest runs screens with tui.NewProgram, so tui's own tests cannot
// import it.
func keyPress(name string) tea.KeyPressMsg {
	codes := map[string]rune{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "space": tea.KeySpace, "backspace": tea.KeyBackspace,
		"delete": tea.KeyDelete, "left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp,
		"down": tea.KeyDown, "home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	}
	var mod tea.KeyMod
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		name, mod = rest, tea.ModCtrl
	} else if rest, ok := strings.CutPrefix(name, "alt+"); ok {
		name, mod = rest, tea.ModAlt
	}
	if code, ok := codes[name]; ok {
		return tea.KeyPressMsg{Code: code, Mod: mod}
	}
	if mod != 0 {
		return tea.KeyPressMsg{Code: []rune(name)[0], Mod: mod}
	}
	return tea.KeyPressMsg{Code: []rune(name)[0], Text: name}
}
