package facilitator

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// viewRoom draws the live room: a header with the counts and the pacing,
// then the feed of contributions beside the tally, the people or the vote,
// or one of the facilitator's forms. Wide terminals show the feed and a
// side pane together; narrow ones show one pane at a time.
func (m *Screen) viewRoom() (string, *tea.Cursor) {
	w, h, ws := m.frame.Width, m.frame.Height, m.ws
	if m.reading != nil {
		return m.reading.View(w, h), nil
	}
	var b tui.Lines
	d := &m.drawn
	hk := headerKey{w: w, title: ws.Title, code: ws.Code, open: ws.Open, lobby: ws.Lobby}
	if w >= 72 {
		hk.seeing = seeing(ws.Settings)
	}
	b.Line(tui.Keep(&d.header, hk, drawHeader).Text)
	if h >= 16 {
		ck := countsKey{w: w, joined: len(ws.Participants), here: len(m.where), contributions: m.tally.Contributions,
			opportunities: m.tally.Totals[inquiry.Opportunity], barriers: m.tally.Totals[inquiry.Barrier],
			reframes: m.tally.Totals[inquiry.Reframe]}
		b.Line(tui.Keep(&d.counts, ck, drawCounts).Text)
	}
	b.Line(m.paceLine(w))
	if warn := m.storageLine(w); warn != "" {
		b.Line(warn)
	}
	rule := tui.Keep(&d.rule, w, tui.Rule).Text
	b.Line(rule)

	// The line above the keys: a question takes up to three if it needs
	// them, so that what is about to happen is read whole before y.
	var bottom []string
	var input *textinput.Model
	switch {
	case m.searching:
		input = &m.search
	case m.ask != nil && m.ask.input != nil:
		input = m.ask.input
	case m.ask != nil:
		for i, l := range tui.Wrap(m.ask.text, w) {
			if i < 3 {
				bottom = append(bottom, tui.Warn.Render(l))
			}
		}
	case m.mode == modeScribe:
		bottom = []string{m.desk.notice.Line(w)}
	case m.notice.Text != "":
		bottom = []string{m.notice.Line(w)}
	default:
		bottom = []string{m.hereLine(w)}
	}
	if input != nil {
		input.SetWidth(max(w-tui.Width(input.Prompt)-1, 1))
		bottom = []string{input.View()}
	}
	bodyHeight := max(h-b.Len()-2-len(bottom), 1)
	body, cursor := m.bodyLines(w, bodyHeight)
	cursor = tui.OffsetCursor(cursor, 0, b.Len())
	for i := range bodyHeight {
		b.Line(at(body, i))
	}
	b.Line(rule)
	if input != nil {
		cursor = tui.OffsetCursor(input.Cursor(), 0, b.Len())
	}
	for _, l := range bottom {
		b.Line(l)
	}
	b.Line(m.roomHelp(w))
	return b.String(), cursor
}

// header is the room view's first line: the workshop, its code, whether
// it is open and, on a wide terminal, what participants see of each other.
func drawHeader(k headerKey) string {
	state := tui.Good.Render("open")
	if !k.open {
		state = tui.Bad.Render("closed")
	}
	right := tui.Accent.Render(k.code) + tui.Dim.Render(" · ") + state
	if k.lobby {
		right += tui.Warn.Render(" · lobby on")
	}
	if k.seeing != "" {
		right += tui.Dim.Render(" · seeing " + k.seeing)
	}
	return tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+k.title, right, k.w)
}

// counts is the line of who joined, who is here and what they recorded,
// shortened when the width is too small for it.
func drawCounts(k countsKey) string {
	people := inquiry.Plural(k.joined, "participant", "participants")
	contributions := inquiry.Plural(k.contributions, "contribution", "contributions")
	line := fmt.Sprintf("%s joined, %d here now · %s: %s, %s", people, k.here, contributions,
		inquiry.Plural(k.opportunities, "opportunity", "opportunities"), inquiry.Plural(k.barriers, "barrier", "barriers"))
	if k.reframes > 0 {
		line += ", " + inquiry.Plural(k.reframes, "reframe", "reframes")
	}
	if tui.Width(line) > k.w {
		line = fmt.Sprintf("%s · %d here · %s", people, k.here, contributions)
	}
	return tui.Fit(tui.Dim.Render(line), k.w)
}

// bodyLines are the part between the rules: a form if one is open, else
// the panes. The cursor, if any, is relative to the body's top.
func (m *Screen) bodyLines(w, h int) ([]string, *tea.Cursor) {
	switch {
	case m.help:
		return m.keysLines(w, h), nil
	case m.mode == modePrompts:
		return m.pickerLines(w, h), nil
	case m.mode == modeSettings:
		return m.settingsLines(w), nil
	case m.mode == modeVoteForm:
		var cursor *tea.Cursor
		if m.voteForm.focus == voteTitle {
			cursor = tui.OffsetCursor(m.voteForm.title.Cursor(), 10, 2)
		}
		return m.voteFormLines(w), cursor
	case m.mode == modeThemes:
		lines, row := m.themesLines(w, h)
		var cursor *tea.Cursor
		if p := &m.themes; p.adding && row >= 0 {
			in := &p.label
			if p.onKeywords {
				in = &p.keywords
			}
			cursor = tui.OffsetCursor(in.Cursor(), 2, row)
		}
		return lines, cursor
	case m.mode == modeScribe:
		return m.desk.view(w, h)
	case m.mode == modePeople:
		return m.peopleMergeLines(w, h), nil
	}
	if w < 72 {
		switch {
		case m.pane != paneFeed:
			return m.sideLines(m.pane, w, h), nil
		case m.detail:
			// Alone on the screen, the details say what arrived meanwhile.
			lines := m.detailLines(w, h)
			if n := m.arrived(); n > 0 && len(lines) > 0 {
				lines[0] = tui.TwoSides(lines[0], tui.Warn.Render(fmt.Sprintf("↑ %d new", n)), w)
			}
			return lines, nil
		}
		return m.feedLines(w, h), nil
	}
	left := max(w*11/20, 30)
	right := w - left - 3
	feed := m.feedLines(left, h)
	var side []string
	if m.detail || m.mode == modeMerge {
		side = m.detailLines(right, h)
	} else {
		side = m.sideLines(m.side, right, h)
	}
	body := make([]string, h)
	for i := range h {
		body[i] = pad(at(feed, i), left) + tui.Dim.Render(" │ ") + at(side, i)
	}
	return body, nil
}

// sideLines draw one of the panes beside the feed.
func (m *Screen) sideLines(pane dashboardPane, w, h int) []string {
	switch pane {
	case panePeople:
		return m.peopleLines(w, h)
	case paneVote:
		return m.voteLines(w, h)
	}
	if m.sectors.on {
		return m.sectorLines(w, h)
	}
	return m.tallyLines(w, h)
}

// at is lines[i], or "" past the end.
func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// pad fills a styled string with spaces to the width.
func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(w-tui.Width(s), 0))
}

// parts keeps the parts of the room view that a live update or a key
// mostly leaves as they were: the header, the counts, the rule, the keys
// line and the tally chart. Bubble Tea draws the screen after every
// message, and a new contribution changes the feed, seldom the header.
// Each part is drawn from its key alone (see tui.Keep).
type parts struct {
	header tui.Kept[headerKey]
	counts tui.Kept[countsKey]
	rule   tui.Kept[int]
	help   tui.Kept[tui.FooterKey]
	tally  tui.Memo[tallyKey, []string]
	// feed keeps the two lines of each contribution in the feed, by its
	// ID; it is emptied when it holds many more than a screenful.
	feed map[string]*tui.Memo[feedRowKey, [2]string]
}

type headerKey struct {
	w                   int
	title, code, seeing string
	open, lobby         bool
}

type countsKey struct {
	w, joined, here, contributions, opportunities, barriers, reframes int
}
