package facilitator

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Prioritising: a dot vote over some kinds of contribution. The form
// opens one; the vote pane shows the results live, best first; d again
// closes it after asking.

// dotVote opens the vote form, or asks to close the vote that is open.
func (m *Screen) dotVote() {
	if v := m.ws.OpenVote(); v != nil {
		m.side = paneVote
		id, title := v.ID, v.Title // the answer comes in a later Read
		m.confirm(fmt.Sprintf("Close the vote “%s”? Dots can no longer move; everyone then sees the results.", title), "close the vote",
			func(m *Screen) tea.Cmd {
				return m.record(inquiry.Event{Type: inquiry.VoteClosed, Target: id}, "Closed the vote “"+title+"”: everyone now sees the results.", nil)
			})
		return
	}
	m.openVoteForm()
}

// shownVote is the vote the vote pane shows: the open one, else the last.
func (m *Screen) shownVote() *inquiry.VoteState {
	if v := m.ws.OpenVote(); v != nil {
		return v
	}
	if n := len(m.ws.Votes); n > 0 {
		return m.ws.Votes[n-1]
	}
	return nil
}

// voteLines are a vote's results, best first, as rows of dots: each with
// the rank every screen and export gives it (inquiry.VoteResult.Rank, equal
// dots sharing one), and columns that stay put as the dots come in.
func (m *Screen) voteLines(w, h int) []string {
	title := "Dot vote"
	if m.pane == paneVote {
		title = tui.Accent.Render("▸ " + title)
	} else {
		title = tui.Bold.Render("  " + title)
	}
	v := m.shownVote()
	if v == nil {
		return []string{tui.Fit(title, w), tui.Dim.Render(tui.Fit("  No vote yet: d opens one.", w))}
	}
	state, hint := tui.Good.Render("open"), "d closes it"
	if !v.Open {
		state, hint = tui.Dim.Render("closed "+clock(v.ClosedAt)), "d opens a new vote"
	}
	lines := []string{tui.Fit(title+tui.Dim.Render(" · ")+state, w)}
	for i, l := range tui.Wrap(v.Title, w-2) {
		if i < 2 {
			lines = append(lines, "  "+tui.Bold.Render(l))
		}
	}
	for _, say := range []string{"Over " + limits(m.ws.Guide, v.Vote), inquiry.Plural(v.Dots, "dot", "dots") + " each · " + v.Turnout().String()} {
		for i, l := range tui.Wrap(say, max(w-2, 1)) {
			if i < 2 {
				lines = append(lines, "  "+tui.Dim.Render(l))
			}
		}
	}
	results := m.results
	if len(results) == 0 {
		return append(lines, tui.Dim.Render(tui.Fit("  No dots placed yet ("+hint+").", w)))
	}
	// One dot a dot while they fit; scaled to the most placed beyond that.
	// The bar has a column of its own, so the counts and names stay put.
	barRoom := max(min(w-22, results[0].Dots), 1)
	numbers := len(fmt.Sprint(results[0].Dots))
	m.scroll[paneVote] = min(m.scroll[paneVote], max(len(results)-1, 0))
	for _, r := range results[m.scroll[paneVote]:] {
		if len(lines)+3 > h {
			break
		}
		name, text := "", ""
		if c, ok := m.ws.Contribution(r.Contribution); ok {
			name, text = m.participantName(c.Participant), quote(c, w-8)
		}
		dots := pad(tui.Good.Render(bar("●", r.Dots, results[0].Dots, barRoom)), barRoom) + fmt.Sprintf(" %*d", numbers, r.Dots)
		lines = append(lines,
			tui.Fit(fmt.Sprintf("  %2d ", r.Rank)+dots+tui.Dim.Render(" · "+name), w),
			tui.Fit("     "+text, w))
	}
	return append(lines, tui.Dim.Render(tui.Fit("  "+hint, w)))
}
