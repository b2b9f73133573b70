package facilitator

import (
	"fmt"
	"strings"
	"time"

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
	var b tui.Lines
	d := &m.drawn
	hk := facHeaderKey{w: w, title: ws.Title, code: ws.Code, open: ws.Open}
	if w >= 72 {
		hk.seeing = seeing(ws.Settings)
	}
	b.Line(d.header.Get(hk, func() string { return m.header(hk) }).Text)
	if h >= 16 {
		ck := facCountsKey{w: w, joined: len(ws.Participants), here: len(m.where), contributions: m.tally.Contributions,
			opportunities: m.tally.Totals[inquiry.Opportunity], barriers: m.tally.Totals[inquiry.Barrier]}
		b.Line(d.counts.Get(ck, func() string { return m.counts(ck) }).Text)
	}
	b.Line(m.paceLine(w))
	rule := d.rule.Get(w, func() string { return tui.Rule(w) }).Text
	b.Line(rule)

	// The line above the keys: a question takes two if it needs them, so
	// that what is about to happen is read whole before y.
	var bottom []string
	var input *textinput.Model
	switch {
	case m.searching:
		input = &m.search
	case m.ask != nil && m.ask.input != nil:
		input = m.ask.input
	case m.ask != nil:
		for i, l := range tui.Wrap(m.ask.text, w) {
			if i < 2 {
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
func (m *Screen) header(k facHeaderKey) string {
	state := tui.Good.Render("open")
	if !k.open {
		state = tui.Bad.Render("closed")
	}
	right := tui.Accent.Render(k.code) + tui.Dim.Render(" · ") + state
	if k.seeing != "" {
		right += tui.Dim.Render(" · seeing " + k.seeing)
	}
	return tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+k.title, right, k.w)
}

// counts is the line of who joined, who is here and what they recorded,
// shortened when the width is too small for it.
func (m *Screen) counts(k facCountsKey) string {
	people := count(k.joined, "participant", "participants")
	contributions := count(k.contributions, "contribution", "contributions")
	line := fmt.Sprintf("%s joined, %d here now · %s: %s, %s", people, k.here, contributions,
		count(k.opportunities, "opportunity", "opportunities"), count(k.barriers, "barrier", "barriers"))
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
	}
	if w < 72 {
		switch {
		case m.pane != paneFeed:
			return m.sideLines(m.pane, w, h), nil
		case m.detail:
			return m.detailLines(w, h), nil
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
	return m.tallyLines(w, h)
}

// paceLine says which prompt is open for everyone, how long it has left
// and how many have answered it.
func (m *Screen) paceLine(w int) string {
	ws := m.ws
	cur := ws.Current.Prompt
	// From the fullest to the tightest; the first that fits is shown.
	var variants []string
	switch {
	case cur != "":
		where := tui.Bold.Render(phaseTitle(ws.Guide, cur))
		answered, of := m.index.progress(cur)
		progress := tui.Dim.Render(fmt.Sprintf(" · %d of %d have answered", answered, of))
		tight := tui.Dim.Render(fmt.Sprintf(" · %d/%d answered", answered, of))
		if of == 0 {
			progress, tight = tui.Dim.Render(" · nobody has joined yet"), ""
		}
		timer, ends, left := "", "", ""
		if cd := m.countdown(); cd != "" {
			style := tui.Accent
			if l, _ := m.timeLeft(time.Now()); l < time.Minute {
				style = tui.Warn
			}
			timer, left = tui.Dim.Render(" · ")+style.Render("⏱ "+cd), tui.Dim.Render(" · ")+style.Render("⏱ "+strings.TrimSuffix(cd, " left"))
			ends = tui.Dim.Render(" (ends " + clock(ws.Current.EndsAt) + ")")
			if l, _ := m.timeLeft(time.Now()); l <= 0 {
				ends = tui.Dim.Render(" (ended " + clock(ws.Current.EndsAt) + ")")
			}
		}
		now := tui.Dim.Render("Now open: ") + where
		variants = []string{now + timer + ends + progress, now + timer + progress, where + left + tight}
	case ws.Pacing == inquiry.FacilitatorPaced:
		variants = []string{
			tui.Dim.Render("Facilitator-led: no prompt is open yet (n opens the first for everyone)"),
			tui.Dim.Render("No prompt open yet (n opens one)"),
		}
	default:
		variants = []string{tui.Dim.Render("Self-paced: each participant moves on when ready"), tui.Dim.Render("Self-paced")}
	}
	for _, v := range variants {
		if tui.Width(v) <= w {
			return v
		}
	}
	return tui.Fit(variants[len(variants)-1], w)
}

// feedLines are the contributions, newest first, two lines each, with the
// picked-out one marked and kept in view.
func (m *Screen) feedLines(w, h int) []string {
	title := "Live contributions, newest first"
	if m.filter.active() {
		title = "Showing " + m.filter.describe(m.ws)
	}
	if m.mode == modeMerge {
		title = "Merge into which one?"
	}
	if m.pane == paneFeed {
		title = tui.Accent.Render("▸ " + title)
	} else {
		title = tui.Bold.Render("  " + title)
	}
	lines := []string{tui.Fit(title, w)}
	n := m.feed.len()
	if n == 0 {
		empty := "  Waiting for the first contribution…"
		if m.filter.active() {
			empty = "  Nothing matches (x clears the filter)."
		}
		return append(lines, tui.Dim.Render(tui.Fit(empty, w)))
	}
	at := m.selectedRank()
	if at < 0 {
		m.selected, at = "", 0 // the picked-out one was filtered or deleted away
	}
	room := max((h-1)/2, 1)
	first := min(max(at-room/2, 0), max(n-room, 0))
	for i := first; i < n && i < first+room; i++ {
		c := m.feed.newest(i)
		mark := rowPlain
		switch {
		case c.ID == m.merging:
			mark = rowMerging
		case i == at && m.pane == paneFeed && (m.selected != "" || m.detail):
			mark = rowPicked
		}
		head, text := m.feedRow(c, w, mark)
		lines = append(lines, head, text)
	}
	return lines
}

// feedText is the second line of a contribution in the feed: its words,
// or what became of them.
func (m *Screen) feedText(c *inquiry.Contribution, n int) string {
	switch {
	case c.Erased:
		return tui.Dim.Render("(erased at the author's request)")
	case c.Withdrawn:
		return tui.Dim.Render("(withdrawn by the author)")
	case c.Hidden:
		return tui.Dim.Render("(hidden: "+c.HiddenReason+") ") + quote(c, n)
	case c.MergedInto != "":
		return tui.Dim.Render("(merged) ") + quote(c, n)
	case c.Owner != "":
		return quote(c, n/2) + tui.Dim.Render(" → "+c.Owner)
	}
	return quote(c, n)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// tallyLines draw opportunities and barriers by theme as bars: one line
// per theme when there is room, else the theme's name above its bars.
func (m *Screen) tallyLines(w, h int) []string {
	m.scroll[paneTally] = min(m.scroll[paneTally], max(len(m.tallyRows)-1, 0))
	k := tallyKey{w: w, h: h, scroll: m.scroll[paneTally], focused: m.pane == paneTally, shown: m.tallyShown}
	return m.drawn.tally.Get(k, func() []string { return m.drawTally(k) })
}

// drawTally draws the tally chart for what its key names.
func (m *Screen) drawTally(k tallyKey) []string {
	w, h := k.w, k.h
	title := "Tally by theme"
	if k.focused {
		title = tui.Accent.Render("▸ " + title)
	} else {
		title = tui.Bold.Render("  " + title)
	}
	lines := []string{tui.Fit(title, w), tui.Fit("  "+tui.Good.Render("█ opportunities")+"  "+tui.Barrier.Render("░ barriers"), w)}
	peak := m.tally.Max(inquiry.Opportunity, inquiry.Barrier)
	if peak == 0 {
		return append(lines, tui.Dim.Render(tui.Fit("  No opportunities or barriers yet.", w)))
	}
	const labelWidth = 24
	oneLine := w >= labelWidth+24
	barRoom := max((w-12)/2, 1)
	if oneLine {
		barRoom = max((w-labelWidth-10)/2, 1)
	}
	for _, r := range m.tallyRows[k.scroll:] {
		o, b := r.Counts[inquiry.Opportunity], r.Counts[inquiry.Barrier]
		// Each bar and its count take a fixed column, so the barrier bars
		// line up under each other.
		bars := pad(tui.Good.Render(bar("█", o, peak, barRoom))+" "+fmt.Sprint(o), barRoom+4) +
			tui.Barrier.Render(bar("░", b, peak, barRoom)) + " " + fmt.Sprint(b)
		if oneLine {
			if len(lines) >= h {
				break
			}
			lines = append(lines, tui.Fit("  "+pad(tui.Fit(r.Theme.Label, labelWidth-2), labelWidth-2)+" "+bars, w))
			continue
		}
		if len(lines)+2 > h {
			break
		}
		lines = append(lines, tui.Fit("  "+r.Theme.Label, w), tui.Fit("    "+bars, w))
	}
	return lines
}

// bar is n out of peak drawn in at most room cells; any count above zero
// shows at least one cell.
func bar(glyph string, n, peak, room int) string {
	if n == 0 || peak == 0 {
		return ""
	}
	cells := max(n*room/peak, 1)
	return strings.Repeat(glyph, cells)
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
