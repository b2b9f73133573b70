package plain

import (
	"maps"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// The dot vote: while it is open, the person gives their dots by number
// (a number once for each dot); once it has closed, its results, with the
// ranks every screen and report shows.

// ballot is the vote as the person sees it.
type ballot struct {
	id, title  string
	dots       int
	open       bool
	candidates []other
	mine       map[string]int
	results    []inquiry.VoteResult
}

// readVote reads the open vote, or the last one, with its ballot or its
// results; ok is false when there has been no vote.
func (m *Screen) readVote() (b ballot, ok bool) {
	me := m.room.me
	_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) {
		if len(w.Votes) == 0 {
			return
		}
		v := w.Votes[len(w.Votes)-1]
		ok = true
		b = ballot{id: v.ID, title: v.Title, dots: v.Dots, open: v.Open, mine: maps.Clone(v.Ballots[me])}
		name := func(c *inquiry.Contribution) string {
			if c.Participant == me {
				return m.w.Say("vote.you")
			}
			if p, found := w.Participant(c.Participant); found && !w.Settings.Anonymous && p.Name != "" {
				return p.Name
			}
			return m.w.Say("others.someone")
		}
		item := func(c *inquiry.Contribution) other {
			return other{id: c.ID, name: name(c), kind: c.Kind, text: c.Text}
		}
		if v.Open {
			for _, c := range v.Candidates() {
				b.candidates = append(b.candidates, item(c))
			}
			return
		}
		b.results = v.Results()
		for _, r := range b.results {
			c, _ := w.Contribution(r.Contribution)
			b.candidates = append(b.candidates, item(c))
		}
	})
	if b.mine == nil {
		b.mine = map[string]int{}
	}
	return b, ok
}

// openVote shows the vote: a ballot to fill in, or the results.
func (m *Screen) openVote() {
	b, ok := m.readVote()
	switch {
	case !ok:
		m.say(m.w.Say("vote.none"))
		m.menu()
		return
	case !b.open:
		m.sayResults(b)
		m.menu()
		return
	case len(b.candidates) == 0:
		m.say(m.w.Say("vote.empty", "title", b.title))
		m.menu()
		return
	}
	m.say(m.w.Count("vote.heading", b.dots, "title", b.title))
	for i, c := range b.candidates {
		line := m.w.Say("others.item", "number", ordinal(i), "name", c.name, "kind", m.w.Kind(c.kind), "text", c.text)
		if n := b.mine[c.id]; n > 0 {
			line += " " + m.w.Count("vote.yours", n)
		}
		m.say(line)
	}
	m.askDots(b)
}

// askDots asks where the dots go.
func (m *Screen) askDots(b ballot) {
	m.pose(question{lines: []string{m.w.Count("vote.ask", b.dots)}, help: m.w.Say("plain.help.vote"), answer: func(s string) tea.Cmd {
		dots := map[string]int{}
		switch s {
		case "":
			m.say(m.w.Say("vote.unchanged"))
			m.backToPrompt()
			return nil
		case "0":
		default:
			picked, ok := numbers(s, len(b.candidates))
			if !ok {
				m.retry(m.w.Count("vote.retry", len(b.candidates)))
				return nil
			}
			if len(picked) > b.dots {
				m.retry(m.w.Count("vote.too_many", b.dots, "placed", len(picked)))
				return nil
			}
			for _, i := range picked {
				dots[b.candidates[i].id]++
			}
		}
		e := inquiry.Event{Type: inquiry.VoteCast, Actor: m.s.Actor,
			Ballot: &inquiry.Ballot{Vote: b.id, Participant: m.room.me, Dots: dots}}
		placed := 0
		for _, n := range dots {
			placed += n
		}
		return m.save(e, func(m *Screen, _ inquiry.Event, err error) tea.Cmd {
			switch {
			case err != nil && !isDuplicate(err):
				m.say(m.w.Say("vote.not_saved", "why", m.friendly(err)))
			default:
				m.say(m.w.Count("vote.saved", placed))
			}
			m.backToPrompt()
			return nil
		})
	}})
}

// sayResults reads out a closed vote's results, with their ranks.
func (m *Screen) sayResults(b ballot) {
	if len(b.results) == 0 {
		m.say(m.w.Say("vote.no_results", "title", b.title))
		return
	}
	m.say(m.w.Say("vote.results", "title", b.title))
	for i, r := range b.results {
		c := b.candidates[i]
		m.say(m.w.Count("vote.result", r.Dots, "rank", r.Rank, "name", c.name, "kind", m.w.Kind(c.kind), "text", c.text))
	}
}
