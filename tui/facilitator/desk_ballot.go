package facilitator

import (
	"fmt"
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// A table's dots: the scribe places the dots of the table they write for
// in the open vote, over the same ballot every participant sees
// (VoteState.Candidates). The table counts once, as itself: the turnout
// counts tables apart from people with a terminal.

// deskBallot is the table's dots being placed.
type deskBallot struct {
	vote   string
	dots   map[string]int
	cursor int
}

// openBallot shows the open vote's ballot with the table's dots so far.
func (d *scribeDesk) openBallot(who string) {
	v := d.ws.OpenVote()
	if v == nil {
		d.notice = tui.Notice{Text: "No vote is open: a facilitator opens one (d in the room).", Bad: true}
		return
	}
	d.who, d.stage, d.notice = who, scribeBallot, tui.Notice{}
	d.ballot = deskBallot{vote: v.ID, dots: maps.Clone(v.Ballots[who])}
	if d.ballot.dots == nil {
		d.ballot.dots = map[string]int{}
	}
}

// placedDots is how many dots the table has placed on the screen.
func (b *deskBallot) placedDots() int {
	n := 0
	for _, dots := range b.dots {
		n += dots
	}
	return n
}

func (d *scribeDesk) ballotKey(k tea.KeyPressMsg) tea.Cmd {
	b := &d.ballot
	v, ok := d.ws.Vote(b.vote)
	if !ok {
		d.stage = scribeWho
		return nil
	}
	list := v.Candidates()
	switch {
	case key.Matches(k, deskKeys.Back):
		if !maps.Equal(placedOnly(b.dots), v.Ballots[d.who]) {
			d.notice = tui.Notice{Text: "Those dots were not saved: v and enter save them."}
		}
		d.stage = scribeWho
	case tui.MoveIn(&b.cursor, len(list), k, pageStep):
	case len(list) == 0:
	case key.Matches(k, deskKeys.AddDot):
		if b.placedDots() >= v.Dots {
			d.notice = tui.Notice{Text: "All " + inquiry.Plural(v.Dots, "dot", "dots") + " are placed: take one off another first (← or -).", Bad: true}
			return nil
		}
		b.dots[list[b.cursor].ID]++
	case key.Matches(k, deskKeys.TakeOff):
		if id := list[b.cursor].ID; b.dots[id] > 0 {
			b.dots[id]--
		}
	case key.Matches(k, deskKeys.Save):
		if d.saving {
			return nil
		}
		return d.send(inquiry.Event{Type: inquiry.VoteCast, Ballot: &inquiry.Ballot{Vote: v.ID, Participant: d.who, Dots: placedOnly(b.dots)}})
	}
	return nil
}

// ballotSaved says the table's dots are recorded.
func (d *scribeDesk) ballotSaved(e inquiry.Event) {
	d.stage = scribeWho
	n := 0
	for _, dots := range e.Ballot.Dots {
		n += dots
	}
	d.notice = tui.Notice{Text: "✓ " + d.nameOf(e.Ballot.Participant) + "'s dots are saved: " + inquiry.Plural(n, "dot", "dots") + " placed. They can move until the vote closes."}
}

// ballotLines are the ballot, a contribution a row: the table's dots in
// a column as wide as the dots it has, so that no row moves sideways as
// dots are placed, then whose and what.
func (d *scribeDesk) ballotLines(w, h int) []string {
	b := &d.ballot
	v, ok := d.ws.Vote(b.vote)
	if !ok {
		return nil
	}
	left := v.Dots - b.placedDots()
	lines := []string{
		tui.TwoSides(tui.Accent.Render("▸ Dots for ")+tui.Bold.Render(d.nameOf(d.who)), tui.Accent.Render(inquiry.Plural(left, "dot", "dots")+" left of "+fmt.Sprint(v.Dots)), w),
		tui.Fit("  "+tui.Bold.Render(v.Title), w),
		"",
	}
	list := v.Candidates()
	if len(list) == 0 {
		return append(lines, tui.Dim.Render(tui.Fit("  Nothing on the ballot yet.", w)))
	}
	column := min(v.Dots, 10)
	b.cursor = min(b.cursor, len(list)-1)
	room := max((h-len(lines))/2, 1)
	first := min(max(b.cursor-room/2, 0), max(len(list)-room, 0))
	for i := first; i < len(list) && i < first+room; i++ {
		c := list[i]
		dots := tui.Dim.Render("○")
		if n := b.dots[c.ID]; n > column {
			dots = tui.Good.Render(fmt.Sprintf("●×%d", n))
		} else if n > 0 {
			dots = tui.Good.Render(strings.Repeat("●", n))
		}
		head := pad(dots, column) + " " + d.nameOf(c.Participant) + tui.Dim.Render(" · "+c.Kind.Label())
		mark := "    "
		if i == b.cursor {
			mark = tui.Accent.Render("  ▸ ")
		}
		lines = append(lines, tui.Fit(mark+head, w), tui.Fit("    "+strings.Repeat(" ", column+1)+quote(c, max(w-column-8, 8)), w))
	}
	return lines
}

// placedOnly is a ballot without the contributions given no dots, as the
// workshop keeps ballots (nil when none has any).
func placedOnly(dots map[string]int) map[string]int {
	var out map[string]int
	for id, n := range dots {
		if n > 0 {
			if out == nil {
				out = map[string]int{}
			}
			out[id] = n
		}
	}
	return out
}
