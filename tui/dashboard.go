package tui

import (
	"fmt"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
)

// viewRoom draws the live room: a header with the counts, then the feed of
// contributions beside the tally of opportunities and barriers by theme,
// and who is here. Wide terminals show the feed and the tally side by side;
// narrow ones show one pane at a time.
func (m *Facilitator) viewRoom() string {
	st, w, h, ws := m.st, m.width, m.height, m.ws
	var b screen
	state := st.good.Render("open")
	if !ws.Open {
		state = st.bad.Render("closed")
	}
	b.line(twoSides(st.title.Render("Anchorage")+st.dim.Render(" · ")+ws.Title, st.accent.Render(ws.Code)+st.dim.Render(" · ")+state, w))
	sum := ws.Summary()
	here := 0
	for _, p := range m.present {
		if p.Role == inquiry.RoleParticipant {
			here++
		}
	}
	opp, bar := m.kindCounts()
	b.line(fit(st.dim.Render(fmt.Sprintf("%s joined, %d here now · %s: %s, %s",
		count(sum.Participants, "participant", "participants"), here,
		count(sum.Contributions, "contribution", "contributions"),
		count(opp, "opportunity", "opportunities"), count(bar, "barrier", "barriers"))), w))
	b.line(st.rule(w))

	bodyHeight := max(h-b.n-3, 1)
	var body []string
	if m.help {
		body = m.keysLines(w)
	} else if w >= 72 {
		left := max(w*11/20, 30)
		right := w - left - 3
		feed := m.feedLines(left, bodyHeight)
		var tally []string
		if m.detail {
			tally = m.detailLines(right, bodyHeight)
		} else {
			tally = m.tallyLines(right, bodyHeight)
		}
		for i := range bodyHeight {
			body = append(body, pad(at(feed, i), left)+st.dim.Render(" │ ")+at(tally, i))
		}
	} else {
		switch m.pane {
		case paneTally:
			body = m.tallyLines(w, bodyHeight)
		case panePeople:
			body = m.peopleLines(w, bodyHeight)
		default:
			if m.detail {
				body = m.detailLines(w, bodyHeight)
			} else {
				body = m.feedLines(w, bodyHeight)
			}
		}
	}
	for i := range bodyHeight {
		b.line(at(body, i))
	}
	b.line(st.rule(w))
	switch {
	case m.searching:
		b.line(m.search.View())
	case m.notice.text != "":
		b.line(m.facilitatorNotice(w))
	default:
		b.line(fit(m.hereLine(), w))
	}
	if m.searching {
		b.line(st.helpLine(w, "enter", "search", "esc", "cancel"))
	} else {
		b.line(st.helpLine(w, "↑↓", "select", "enter", "open", "/", "search", "p k t r", "filter",
			"x", "clear", "?", "keys", "q", "quit"))
	}
	return b.String()
}

func (m *Facilitator) kindCounts() (opportunities, barriers int) {
	for _, c := range m.ws.Contributions {
		if c.Deleted {
			continue
		}
		switch c.Kind {
		case inquiry.Opportunity:
			opportunities++
		case inquiry.Barrier:
			barriers++
		}
	}
	return opportunities, barriers
}

// feed is the live contributions the filter lets through, newest first.
func (m *Facilitator) feed() []*inquiry.Contribution {
	var out []*inquiry.Contribution
	for i := len(m.ws.Contributions) - 1; i >= 0; i-- {
		if c := m.ws.Contributions[i]; !c.Deleted && m.filter.matches(m.ws, c) {
			out = append(out, c)
		}
	}
	return out
}

// selectedIndex is where the selected contribution is in the feed: 0 (the
// newest) when none is picked out, -1 when it is no longer there.
func (m *Facilitator) selectedIndex(feed []*inquiry.Contribution) int {
	if m.selected == "" {
		return 0
	}
	for i, c := range feed {
		if c.ID == m.selected {
			return i
		}
	}
	return -1
}

// feedLines are the contributions, newest first, two lines each, with the
// selected one marked and kept in view.
func (m *Facilitator) feedLines(w, h int) []string {
	st := m.st
	title := "Live contributions, newest first"
	if m.filter.active() {
		title = "Showing " + m.filter.describe(m.ws)
	}
	if m.pane == paneFeed {
		title = st.accent.Render("▸ " + title)
	} else {
		title = st.bold.Render("  " + title)
	}
	lines := []string{fit(title, w)}
	feed := m.feed()
	if len(feed) == 0 {
		empty := "  Waiting for the first contribution…"
		if m.filter.active() {
			empty = "  Nothing matches (x clears the filter)."
		}
		return append(lines, st.dim.Render(fit(empty, w)))
	}
	at := m.selectedIndex(feed)
	if at < 0 {
		m.selected, at = "", 0 // the selected one was filtered or deleted away
	}
	room := max((h-1)/2, 1)
	first := min(max(at-room/2, 0), max(len(feed)-room, 0))
	for i := first; i < len(feed) && i < first+room; i++ {
		c := feed[i]
		kind := st.good.Render(c.Kind.Label())
		if c.Kind == inquiry.Barrier {
			kind = st.barrier.Render(c.Kind.Label())
		}
		head := fmt.Sprintf("%s %s · %s · %s", st.dim.Render(c.AddedAt.Local().Format("15:04")),
			st.bold.Render(m.participantName(c.Participant)), kind, st.dim.Render(phaseTitle(m.ws.Guide, c.Prompt)))
		mark := "  "
		if i == at && m.pane == paneFeed && (m.selected != "" || m.detail) {
			mark = st.accent.Render("▸ ")
		}
		lines = append(lines, fit(mark+head, w), fit("  “"+snippet(c.Text, max(w-4, 8))+"”", w))
	}
	return lines
}

// detailLines show the selected contribution whole, with everything known
// about it.
func (m *Facilitator) detailLines(w, h int) []string {
	st := m.st
	feed := m.feed()
	at := m.selectedIndex(feed)
	if at < 0 || len(feed) == 0 {
		return []string{st.dim.Render(fit("  Nothing selected.", w))}
	}
	c := feed[at]
	lines := []string{fit(st.accent.Render("▸ "+c.Kind.Label()+" by "+m.participantName(c.Participant)), w)}
	where := phaseTitle(m.ws.Guide, c.Prompt)
	if p, ok := m.ws.Guide.Prompt(c.Prompt); ok {
		where += ": " + p.Text
	}
	for _, l := range wrap(where, w-2) {
		lines = append(lines, "  "+st.dim.Render(l))
	}
	lines = append(lines, "")
	for _, l := range wrap(c.Text, w-2) {
		lines = append(lines, "  "+l)
	}
	lines = append(lines, "")
	var themes []string
	for _, id := range c.Themes {
		if t, ok := m.ws.Theme(id); ok {
			themes = append(themes, t.Label)
		}
	}
	facts := []string{"Themes: " + orNone(strings.Join(themes, ", "))}
	if c.Partner != "" {
		facts = append(facts, "Partner: "+partnerLabel(m.ws.Guide, c.Partner))
	}
	added := "Added " + c.AddedAt.Local().Format("15:04")
	if !c.EditedAt.IsZero() {
		added += ", edited " + c.EditedAt.Local().Format("15:04")
	}
	facts = append(facts, added)
	for _, f := range facts {
		for _, l := range wrap(f, w-2) {
			lines = append(lines, "  "+st.dim.Render(l))
		}
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return lines
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// tallyLines draw opportunities and barriers by theme as bars: one line
// per theme when there is room, else the theme's name above its bars.
func (m *Facilitator) tallyLines(w, h int) []string {
	st := m.st
	title := "Tally by theme"
	if m.pane == paneTally {
		title = st.accent.Render("▸ " + title)
	} else {
		title = st.bold.Render("  " + title)
	}
	lines := []string{fit(title, w), fit("  "+st.good.Render("█ opportunities")+"  "+st.barrier.Render("░ barriers"), w)}
	tally := m.ws.Tally()
	peak := tally.Max(inquiry.Opportunity, inquiry.Barrier)
	if peak == 0 {
		return append(lines, st.dim.Render(fit("  No opportunities or barriers yet.", w)))
	}
	var rows []inquiry.TallyRow
	for _, r := range tally.Rows() {
		if r.Sum(inquiry.Opportunity, inquiry.Barrier) > 0 {
			rows = append(rows, r)
		}
	}
	const labelWidth = 24
	oneLine := w >= labelWidth+24
	barRoom := max((w-12)/2, 1)
	if oneLine {
		barRoom = max((w-labelWidth-10)/2, 1)
	}
	m.scroll[paneTally] = min(m.scroll[paneTally], max(len(rows)-1, 0))
	for _, r := range rows[m.scroll[paneTally]:] {
		o, b := r.Counts[inquiry.Opportunity], r.Counts[inquiry.Barrier]
		// Each bar and its count take a fixed column, so the barrier bars
		// line up under each other.
		bars := pad(st.good.Render(bar("█", o, peak, barRoom))+" "+fmt.Sprint(o), barRoom+4) +
			st.barrier.Render(bar("░", b, peak, barRoom)) + " " + fmt.Sprint(b)
		if oneLine {
			if len(lines) >= h {
				break
			}
			lines = append(lines, fit("  "+pad(fit(r.Theme.Label, labelWidth-2), labelWidth-2)+" "+bars, w))
			continue
		}
		if len(lines)+2 > h {
			break
		}
		lines = append(lines, fit("  "+r.Theme.Label, w), fit("    "+bars, w))
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

// peopleLines list the sessions in the room and where each one is.
func (m *Facilitator) peopleLines(w, h int) []string {
	st := m.st
	lines := []string{fit(st.accent.Render("▸ Here now"), w)}
	for _, p := range m.present {
		if len(lines) >= h {
			break
		}
		if p.Role != inquiry.RoleParticipant {
			continue
		}
		where := "joining"
		if p.Prompt != "" {
			where = phaseTitle(m.ws.Guide, p.Prompt)
		}
		lines = append(lines, fit(fmt.Sprintf("  %s %s", inquiry.CleanLine(p.Name), st.dim.Render("· "+where)), w))
	}
	if len(lines) == 1 {
		lines = append(lines, st.dim.Render("  Nobody is connected."))
	}
	return lines
}

// hereLine is who is connected and where, on one line.
func (m *Facilitator) hereLine() string {
	var parts []string
	for _, p := range m.present {
		if p.Role != inquiry.RoleParticipant {
			continue
		}
		where := "joining"
		if p.Prompt != "" {
			where = phaseTitle(m.ws.Guide, p.Prompt)
		}
		parts = append(parts, inquiry.CleanLine(p.Name)+m.st.dim.Render(" ("+where+")"))
	}
	if len(parts) == 0 {
		return m.st.dim.Render("Here now: nobody")
	}
	return m.st.dim.Render("Here now: ") + strings.Join(parts, ", ")
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
	return s + strings.Repeat(" ", max(w-width(s), 0))
}

// keysLines explain every key of the room view.
func (m *Facilitator) keysLines(w int) []string {
	st := m.st
	keys := [][2]string{
		{"↑ ↓ pgup pgdn", "pick out a contribution in the feed (or scroll the other panes)"},
		{"enter", "open or close the picked-out contribution's details"},
		{"home", "back to the newest, following new arrivals"},
		{"/", "search the words of contributions; enter applies, esc cancels"},
		{"p", "show one phase at a time (press again for the next; back to all)"},
		{"k", "show one kind: opportunities, barriers, strengths…"},
		{"t", "show one theme"},
		{"r", "show one partner"},
		{"x", "clear the filters and the search"},
		{"tab ← →", "move between the feed, the tally and who is here"},
		{"esc", "clear the filters, or go back to the list of workshops"},
		{"q ctrl+c", "leave"},
	}
	lines := []string{st.accent.Render("▸ Keys") + st.dim.Render("  (? closes this)")}
	for _, k := range keys {
		lines = append(lines, fit(fmt.Sprintf("  %s  %s", st.key.Render(pad(k[0], 14)), k[1]), w))
	}
	return lines
}
