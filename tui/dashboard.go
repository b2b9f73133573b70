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
	if w >= 72 {
		left := max(w*11/20, 30)
		right := w - left - 3
		feed := m.feedLines(left, bodyHeight)
		tally := m.tallyLines(right, bodyHeight)
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
			body = m.feedLines(w, bodyHeight)
		}
	}
	for i := range bodyHeight {
		b.line(at(body, i))
	}
	b.line(st.rule(w))
	if w >= 72 {
		b.line(fit(m.hereLine(), w))
	} else {
		b.line(m.facilitatorNotice(w))
	}
	b.line(st.helpLine(w, "tab", "switch pane", "↑↓", "scroll", "esc", "workshops", "q", "quit"))
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

// feedLines are the contributions, newest first, two lines each.
func (m *Facilitator) feedLines(w, h int) []string {
	st := m.st
	title := "Live contributions, newest first"
	if m.pane == paneFeed {
		title = st.accent.Render("▸ " + title)
	} else {
		title = st.bold.Render("  " + title)
	}
	lines := []string{fit(title, w)}
	var live []*inquiry.Contribution
	for i := len(m.ws.Contributions) - 1; i >= 0; i-- {
		if c := m.ws.Contributions[i]; !c.Deleted {
			live = append(live, c)
		}
	}
	if len(live) == 0 {
		return append(lines, st.dim.Render(fit("  Waiting for the first contribution…", w)))
	}
	m.scroll[paneFeed] = min(m.scroll[paneFeed], len(live)-1)
	for _, c := range live[m.scroll[paneFeed]:] {
		if len(lines)+2 > h {
			break
		}
		kind := st.good.Render(c.Kind.Label())
		if c.Kind == inquiry.Barrier {
			kind = st.barrier.Render(c.Kind.Label())
		}
		head := fmt.Sprintf("%s %s · %s · %s", st.dim.Render(c.AddedAt.Local().Format("15:04")),
			st.bold.Render(m.participantName(c.Participant)), kind, st.dim.Render(phaseTitle(m.ws.Guide, c.Prompt)))
		lines = append(lines, fit(head, w), fit("  “"+snippet(c.Text, max(w-4, 8))+"”", w))
	}
	return lines
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
