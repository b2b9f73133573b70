package facilitator

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
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
	// Each key's name in a column, padded alike so that every section's
	// lines up, and what it does beside it, wrapped: read whole, however
	// narrow the terminal.
	column := widest + 2
	descWidth := max(w-4-column, 8)
	var rows []string
	for _, s := range roomKeyList {
		rows = append(rows, tui.Fit("  "+tui.Bold.Render(s.section), w))
		listed := 0
		for _, l := range s.keys {
			if !m.listedHere(l) {
				continue
			}
			listed++
			for i, d := range tui.Wrap(l.does, descWidth) {
				lead := strings.Repeat(" ", column)
				if i == 0 {
					lead = pad(tui.Bold.Render(name(l)), column)
				}
				rows = append(rows, tui.Fit("    "+lead+tui.Dim.Render(d), w))
			}
		}
		if listed == 0 {
			for _, l := range tui.Wrap(selfPacedNote, max(w-4, 1)) {
				rows = append(rows, "    "+tui.Dim.Render(l))
			}
		}
	}
	room := max(h-1, 1)
	m.keysTop = min(max(m.keysTop, 0), max(len(rows)-room, 0))
	more := ""
	if len(rows) > room {
		more = ", ↑↓ scrolls"
	}
	lines := []string{tui.Fit(tui.Accent.Render("▸ Keys")+tui.Dim.Render("  (? closes this"+more+")"), w)}
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
		return []key.Binding{v.Open, v.Next, v.Choose, v.Tick, v.Cancel}
	case m.mode == modeThemes && m.themes.adding:
		return []key.Binding{themeKeys.Add, themeKeys.Keywords, themeKeys.Back}
	case m.mode == modeThemes:
		t := themeKeys
		return []key.Binding{t.Move, t.Tick, t.New, t.Save, t.Cancel}
	case m.mode == modeMerge:
		return []key.Binding{mergeKeys.Pick, mergeKeys.Merge, mergeKeys.Cancel}
	case m.mode == modePeople:
		pick := mergeKeys.Pick
		pick.SetHelp("↑↓", "pick the person they are")
		return []key.Binding{pick, mergeKeys.Merge, mergeKeys.Cancel}
	case m.mode == modeScribe:
		return m.desk.footer()
	case m.detail:
		d := detailKeys
		merge := d.Merge
		if c := m.pickedOut(); c != nil && c.MergedInto != "" {
			merge = d.Unmerge
		}
		return []key.Binding{d.Accept, d.Themes, d.Read, merge, d.Highlight, d.Hide, d.Next, d.Close}
	case m.pane == panePeople:
		return m.peopleFooter()
	}
	r := roomKeys
	keys := []key.Binding{r.Pick, r.Open}
	if m.ws.Pacing == inquiry.FacilitatorPaced {
		keys = append(keys, r.NextPrompt, r.Prompts)
		if tb := m.ws.Timebox(); tb.Has() {
			keys = append(keys, r.MoreTime, m.pauseKey(), r.LessTime, r.EndTime)
		}
	}
	return append(keys, r.Seeing, r.Vote, r.Scribe, r.Quit, r.Keys)
}

// peopleFooter are the people pane's keys, for the person the cursor is
// on: a keyless person's code first, letting in for someone waiting.
func (m *Screen) peopleFooter() []key.Binding {
	r, pk := roomKeys, peopleKeys
	keys := []key.Binding{r.Pick}
	if p := m.pickedPerson(); p != nil {
		if p.Waiting {
			keys = append(keys, pk.Admit)
		}
		if p.Keyless() && !p.Left() {
			code := pk.Code
			if m.code.who == p.ID {
				code.SetHelp("enter", "hide the code")
			}
			keys = append(keys, code, pk.Reissue)
		}
	}
	if len(m.ws.Waiting()) > 1 {
		keys = append(keys, pk.AdmitAll)
	}
	return append(keys, pk.Merge, pk.Remove, r.Erase, r.Lobby, r.NextPane, r.Quit, r.Keys)
}

// pauseKey is the pause key as the line of keys names it: pause while the
// clock runs, resume while it is paused.
func (m *Screen) pauseKey() key.Binding {
	b := roomKeys.Pause
	if m.ws.Timebox().Paused() {
		b.SetHelp("space", "resume")
	}
	return b
}

// listedHere reports whether the list of keys shows a key in this
// workshop: pacing keys only where the facilitator leads the pace.
func (m *Screen) listedHere(l listed) bool {
	return m.ws.Pacing == inquiry.FacilitatorPaced || !pacingKey(l.b)
}

// pacingKey reports whether a key paces the workshop for everyone.
func pacingKey(b key.Binding) bool {
	r := roomKeys
	for _, p := range []key.Binding{r.NextPrompt, r.Prompts, r.MoreTime, r.LessTime, r.Pause, r.EndTime} {
		if slices.Equal(b.Keys(), p.Keys()) {
			return true
		}
	}
	return false
}

// selfPacedNote stands in the list of keys for the pacing keys of a
// self-paced workshop.
const selfPacedNote = "This workshop is self-paced: each participant moves on when ready, so there is nothing to open for everyone."
