package facilitator

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// keysLines explain every key of the room (roomKeyList), scrolled to the
// facilitator's place in the list.
func (m *Screen) keysLines(w, h int) []string {
	name := func(l listed) string {
		if l.keys != "" {
			return l.keys
		}
		return l.b.Help().Key
	}
	widest := 0
	for _, s := range roomKeyList {
		for _, l := range s.keys {
			widest = max(widest, tui.Width(name(l)))
		}
	}
	var rows []string
	for _, s := range roomKeyList {
		rows = append(rows, tui.Fit("  "+tui.Bold.Render(s.section), w))
		bindings := make([]key.Binding, len(s.keys))
		for i, l := range s.keys {
			// Names padded alike, so that every section's column lines up.
			bindings[i] = key.NewBinding(key.WithKeys(l.b.Keys()...), key.WithHelp(pad(name(l), widest+1), l.does))
		}
		for _, row := range tui.KeyList(bindings) {
			rows = append(rows, tui.Fit("    "+row, w))
		}
	}
	room := max(h-1, 1)
	m.keysTop = min(max(m.keysTop, 0), max(len(rows)-room, 0))
	more := ""
	if len(rows) > room {
		more = ", ↑↓ scrolls"
	}
	lines := []string{tui.Accent.Render("▸ Keys") + tui.Dim.Render("  (? closes this"+more+")")}
	return append(lines, rows[m.keysTop:min(m.keysTop+room, len(rows))]...)
}

// keysKey scrolls or closes the list of keys.
func (m *Screen) keysKey(k tea.KeyPressMsg) tea.Cmd {
	switch delta, ok := tui.Move(k, pageStep); {
	case ok && key.Matches(k, listKeys.Scroll):
		m.keysTop += delta
	case key.Matches(k, listKeys.Quit):
		return m.frame.End("Goodbye.")
	default:
		m.help = false
	}
	return nil
}

// roomHelp is the line of keys for what the facilitator is doing now: the
// keys that matter most first, as many as fit, and always the last, how to
// see the rest or to back out.
func (m *Screen) roomHelp(w int) string {
	k := tui.NewFooterKey(w, true, m.roomFooter()...)
	return tui.Keep(&m.drawn.help, k, tui.DrawFooter).Text
}

// roomFooter are the keys for what the facilitator is doing now.
func (m *Screen) roomFooter() []key.Binding {
	switch {
	case m.ask != nil && m.ask.input != nil:
		yes := askKeys.Answer
		yes.SetHelp("enter", m.ask.yes)
		return []key.Binding{yes, askKeys.Cancel}
	case m.ask != nil:
		yes := askKeys.Yes
		yes.SetHelp("y", m.ask.yes)
		return []key.Binding{yes, askKeys.No}
	case m.searching:
		return []key.Binding{searchKeys.Search, searchKeys.Cancel}
	case m.help:
		return []key.Binding{listKeys.Scroll, listKeys.Close}
	case m.mode == modePrompts:
		p := pickerKeys
		return []key.Binding{p.Choose, p.Open, p.Timebox, p.Reveal, p.Back}
	case m.mode == modeSettings:
		s := settingsKeys
		return []key.Binding{s.Choose, s.Anonymous, s.Save, s.Cancel}
	case m.mode == modeVoteForm:
		v := voteFormKeys
		return []key.Binding{v.Next, v.Choose, v.Tick, v.Open, v.Cancel}
	case m.mode == modeThemes && m.themes.adding:
		return []key.Binding{themeKeys.Add, themeKeys.Keywords, themeKeys.Back}
	case m.mode == modeThemes:
		t := themeKeys
		return []key.Binding{t.Move, t.Tick, t.New, t.Save, t.Cancel}
	case m.mode == modeMerge:
		return []key.Binding{mergeKeys.Pick, mergeKeys.Merge, mergeKeys.Cancel}
	case m.mode == modeScribe:
		return m.desk.footer()
	case m.detail:
		d := detailKeys
		return []key.Binding{d.Accept, d.Themes, d.Read, d.Merge, d.Highlight, d.Hide, d.Next, d.Close}
	case m.pane == panePeople:
		r := roomKeys
		return []key.Binding{r.Pick, r.Erase, r.NextPane, r.NextPrompt, r.Keys}
	}
	r := roomKeys
	keys := []key.Binding{r.Pick, r.Open, r.NextPrompt, r.Prompts}
	if _, has := m.timeLeft(stampTime()); has {
		keys = append(keys, r.MoreTime, r.EndTime)
	}
	return append(keys, r.Seeing, r.Vote, r.Scribe, r.Keys)
}
