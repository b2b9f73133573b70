package participant

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// The list of every key a screen takes, over it. A narrow window's line
// of keys names only the first few (and always how to leave and this
// list): here are the rest, in the person's language. F1 opens it from
// the guide, their own words, others' words and the vote; ? too where
// nothing is being typed (a Mac's keyboard often needs fn for F1). Any
// key but the scrolling ones closes it, and is not acted on.

// listKeys open, scroll and close the list.
var listKeys = struct{ Open, OpenTyped, Scroll, Close, NewLine, Redraw key.Binding }{
	Open:      bind("F1", "keys", "f1", "?"),
	OpenTyped: bind("F1", "keys", "f1"),
	Scroll:    bind("↑↓", "scroll", "up", "down", "pgup", "pgdown"),
	Close:     bind("esc", "close", "esc"),
	NewLine:   bind("alt+enter ctrl+j", "new line", "alt+enter", "ctrl+j"),
	Redraw:    bind("ctrl+l", "redraw", "ctrl+l"),
}

// keyList is the list's state: open, and its first row shown.
type keyList struct {
	open bool
	top  int
}

// listOpener is the key that opens the list at the screen's stage, and
// false at a stage that has no list (the join and the lobby, whose every
// key is on the screen).
func (m *Screen) listOpener() (key.Binding, bool) {
	switch m.stage {
	case stageGuide:
		return listKeys.OpenTyped, true
	case stageMine, stageOthers, stageVote:
		if m.reading != nil {
			return key.Binding{}, false
		}
		return listKeys.Open, true
	}
	return key.Binding{}, false
}

// keyListKey opens, scrolls or closes the list, and reports whether the
// key was the list's.
func (m *Screen) keyListKey(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	if m.keyList.open {
		switch k.String() {
		case "up", "pgup":
			m.keyList.top = max(m.keyList.top-1, 0)
		case "down", "pgdown":
			m.keyList.top++
		default:
			m.keyList = keyList{}
		}
		return true
	}
	if opener, ok := m.listOpener(); ok && key.Matches(k, opener) {
		m.keyList = keyList{open: true}
		return true
	}
	return false
}

// stageKeys are every key of the screen under the list, most used first.
func (m *Screen) stageKeys() []key.Binding {
	var keys []key.Binding
	switch m.stage {
	case stageGuide:
		g := guideKeys
		keys = []key.Binding{g.Save, listKeys.NewLine, g.Choices, g.Prompts, g.Yours, g.Others}
		if m.view.vote != nil {
			keys = append(keys, g.Vote) // open, or closed with results to see
		}
	case stageMine:
		k := mineKeys
		keys = []key.Binding{k.Choose, k.Edit, k.Delete, k.Withdraw, k.Back}
	case stageOthers:
		k := othersKeys
		keys = []key.Binding{k.Choose, k.Agree, k.Read, k.BuildOn, k.Back}
	case stageVote:
		k := voteKeys
		keys = []key.Binding{k.Choose, k.Add, k.TakeOff, k.Read, k.Save, k.Back}
	}
	return append(keys, listKeys.Redraw, tui.Leave)
}

// viewKeyList draws the list: where the person is and their resume code
// on the first line, the keys a row each (scrolled where the window is
// short), and how to close it.
func (m *Screen) viewKeyList() string {
	w, h := m.frame.Width, m.frame.Height
	var b tui.Lines
	b.Line(screenTitle(m.say("keys.title"), tui.Dim.Render(m.titleResume()), w))
	b.Line(tui.Rule(w))
	rows := tui.KeyList(m.keys(m.stageKeys()...))
	room := max(h-3, 1)
	m.keyList.top = min(m.keyList.top, max(len(rows)-room, 0))
	for _, r := range rows[m.keyList.top:min(m.keyList.top+room, len(rows))] {
		b.Line(tui.Fit(r, w))
	}
	b.Fill(h - 1)
	var footer []key.Binding
	if len(rows) > room {
		footer = append(footer, listKeys.Scroll)
	}
	footer = append(footer, tui.Leave)
	b.Line(tui.FooterKeeping(w, tui.KeyIn(m.words(), listKeys.Close), m.keys(footer...)...))
	return strings.TrimRight(b.String(), "\n")
}
