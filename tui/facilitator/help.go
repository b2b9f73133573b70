package facilitator

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// roomKeys are every key of the room view, by what they act on, for the
// list ? shows.
var roomKeys = []struct{ section, key, does string }{
	{"The feed", "↑ ↓ pgup pgdn", "pick out a contribution (or scroll the pane that has the focus)"},
	{"", "home end", "the newest (following new arrivals), or the oldest"},
	{"", "enter", "open or close the picked-out contribution's details"},
	{"", "/", "search the words of contributions; enter applies, esc cancels"},
	{"", "p k t r", "show one phase, kind, theme or partner (again for the next)"},
	{"", "x", "clear the filters and the search"},
	{"", "tab ← →", "move between the feed, the tally, people and the vote"},
	{"Pacing", "n", "open the next prompt for everyone, with its timebox"},
	{"", "o", "choose a prompt to open (or to reveal)"},
	{"", "+ or 1, 5", "add one or five minutes to the timebox"},
	{"", "0", "end the timebox now: time is up on every screen"},
	{"Seeing each other", "s", "what participants see: live, on reveal or own only; anonymous"},
	{"", "v", "reveal the open prompt's held-back contributions"},
	{"Details open", "a", "accept the suggested themes as they are"},
	{"", "t", "change the themes, or add a new theme (n)"},
	{"", "m", "merge into the one it repeats (pick it in the feed)"},
	{"", "*", "highlight ★, or stop highlighting"},
	{"", "h", "hide, giving a reason its author reads; again to show it"},
	{"Prioritising", "d", "open a dot vote, or close the open one (asks first)"},
	{"Scribing", "c", "write for a table or a person without a laptop"},
	{"People pane", "e", "erase the picked-out person at their request (asks first)"},
	{"Leaving", "esc", "close, clear the filters, or back to the list of workshops"},
	{"", "w", "back to the list of workshops"},
	{"", "q ctrl+c", "leave"},
}

// keysLines explain every key of the room view, from the given line on.
func (m *Screen) keysLines(w, h int) []string {
	var rows []string
	for _, k := range roomKeys {
		if k.section != "" {
			rows = append(rows, tui.Fit("  "+tui.Bold.Render(k.section), w))
		}
		rows = append(rows, tui.Fit(fmt.Sprintf("    %s  %s", tui.Bold.Render(pad(k.key, 14)), k.does), w))
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

// roomHelp is the key line for what the facilitator is doing now: the
// keys that matter most first, as many as fit, and always how to see the
// rest.
func (m *Screen) roomHelp(w int) string {
	var pairs []string
	switch {
	case m.ask != nil && m.ask.input != nil:
		pairs = []string{"enter", m.ask.yes, "esc", "cancel"}
	case m.ask != nil:
		pairs = []string{"y", m.ask.yes, "n", "no, keep it"}
	case m.searching:
		pairs = []string{"enter", "search", "esc", "cancel"}
	case m.help:
		pairs = []string{"↑↓", "scroll", "?", "close"}
	case m.mode == modePrompts:
		pairs = []string{"↑↓", "choose", "enter", "open for everyone", "t", "timebox", "v", "reveal", "esc", "back"}
	case m.mode == modeSettings:
		pairs = []string{"↑↓", "choose", "space", "anonymous", "enter", "save", "esc", "cancel"}
	case m.mode == modeVoteForm:
		pairs = []string{"tab", "next", "←→", "choose", "space", "tick", "enter", "open the vote", "esc", "cancel"}
	case m.mode == modeThemes && m.themes.adding:
		pairs = []string{"enter", "add the theme", "tab", "keywords", "esc", "back"}
	case m.mode == modeThemes:
		pairs = []string{"↑↓", "move", "space", "tick", "n", "new theme", "enter", "save", "esc", "cancel"}
	case m.mode == modeMerge:
		pairs = []string{"↑↓", "pick the one it repeats", "enter", "merge into it", "esc", "cancel"}
	case m.mode == modeScribe:
		pairs := m.desk.help()
		k := textKey{w: w, text: "scribe\x1e" + strings.Join(pairs, "\x1f")}
		return m.drawn.help.Get(k, func() string { return tui.HelpLine(w, pairs...) }).Text
	case m.detail:
		pairs = []string{"a", "accept themes", "t", "themes", "m", "merge", "*", "highlight", "h", "hide", "↑↓", "next", "esc", "close"}
	case m.pane == panePeople:
		pairs = []string{"↑↓", "pick", "e", "erase", "tab", "next pane", "n", "next prompt", "?", "keys"}
	default:
		pairs = []string{"↑↓", "pick", "enter", "open", "n", "next prompt", "o", "prompts"}
		if _, has := m.timeLeft(stampTime()); has {
			pairs = append(pairs, "+ 5", "more time", "0", "end time")
		}
		pairs = append(pairs, "s", "seeing", "d", "vote", "c", "scribe", "?", "keys")
	}
	k := textKey{w: w, text: strings.Join(pairs, "\x1f")}
	return m.drawn.help.Get(k, func() string { return m.fitHelp(w, pairs) }).Text
}

// fitHelp keeps as many leading pairs as fit the width, and the last pair
// (how to see every key, or how to back out) whatever happens.
func (m *Screen) fitHelp(w int, pairs []string) string {
	last := pairs[len(pairs)-2:]
	for n := len(pairs); n >= 2; n -= 2 {
		try := pairs[:n]
		if n < len(pairs) {
			try = append(append([]string{}, pairs[:n-2]...), last...)
		}
		if line := tui.HelpLine(1<<16, try...); tui.Width(line) <= w {
			return line
		}
	}
	return tui.HelpLine(w, last...)
}

// keysKey scrolls or closes the list of keys.
func (m *Screen) keysKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "up":
		m.keysTop--
	case "down":
		m.keysTop++
	case "pgup":
		m.keysTop -= 10
	case "pgdown":
		m.keysTop += 10
	case "q":
		return m.frame.End("Goodbye.")
	default:
		m.help = false
	}
	return nil
}
