package participant

import (
	"fmt"
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// ballotForm is a participant's dot vote: the contributions they can place
// dots on, the dots placed so far, and, once the vote has closed, the
// results.
type ballotForm struct {
	candidates []candidate
	dots       map[string]int
	cursor     int
	saving     bool
	results    bool // the vote has closed: the list is the results
}

// candidate is a contribution on the ballot, or in the results with the
// dots it received.
type candidate struct {
	id, name string
	kind     inquiry.Kind
	text     string
	received int
	rank     int // in the results, shared by ties
}

// ballotSavedMsg reports the outcome of casting a ballot.
type ballotSavedMsg struct{ err error }

// openVote shows the open vote, or the last one's results.
func (m *Screen) openVote() tea.Cmd {
	v := &m.view
	if v.vote == nil {
		m.notice = tui.Notice{Text: m.say("vote.none")}
		return nil
	}
	f := ballotForm{dots: maps.Clone(v.ballot), results: !v.voteOpen}
	if f.dots == nil {
		f.dots = map[string]int{}
	}
	me, id, someone := v.me, v.vote.ID, m.say("others.someone")
	err := m.s.Room.Read(v.id, func(w *inquiry.Workshop) {
		vote, ok := w.Vote(id)
		if !ok {
			return
		}
		name := func(c *inquiry.Contribution) string {
			if p, ok := w.Participant(c.Participant); ok && p.Name != "" && !w.Settings.Anonymous || ok && c.Participant == me {
				return p.Name
			}
			return someone
		}
		if f.results {
			for _, r := range vote.Results() {
				if c, ok := w.Contribution(r.Contribution); ok {
					f.candidates = append(f.candidates, candidate{id: c.ID, name: name(c), kind: c.Kind, text: c.Text, received: r.Dots, rank: r.Rank})
				}
			}
			return
		}
		// The ballot is the same for everyone, whatever the workshop shows
		// of others' words otherwise.
		for _, c := range vote.Candidates() {
			f.candidates = append(f.candidates, candidate{id: c.ID, name: name(c), kind: c.Kind, text: c.Text})
		}
	})
	if err != nil {
		m.notice = tui.Notice{Text: m.say("vote.unreadable", "why", m.friendly(err)), Bad: true}
		return nil
	}
	m.voting = f
	m.stage, m.reading = stageVote, nil
	m.notice = tui.Notice{}
	return nil
}

func (m *Screen) placed() int {
	n := 0
	for _, d := range m.voting.dots {
		n += d
	}
	return n
}

func (m *Screen) updateVote(msg tea.Msg) (tea.Model, tea.Cmd) {
	f := &m.voting
	switch msg := msg.(type) {
	case ballotSavedMsg:
		f.saving = false
		if msg.err != nil {
			m.notice = tui.Notice{Text: m.say("vote.not_saved", "why", m.friendly(msg.err)), Bad: true}
			return m, nil
		}
		m.takeIn()
		m.notice = tui.Notice{Text: m.dotsSaved(m.placed())}
		return m, nil
	case tea.KeyPressMsg:
		if m.updateReading(msg) {
			return m, nil
		}
		switch {
		case key.Matches(msg, voteKeys.Choose):
			tui.MoveIn(&f.cursor, len(f.candidates), msg, max((m.frame.Height-5)/2, 1)) // a page is a screenful of items
		case key.Matches(msg, voteKeys.Read):
			if len(f.candidates) > 0 {
				c := f.candidates[f.cursor]
				m.readWhole(c.name+" · "+m.words().KindLabel(c.kind), c.text)
			}
		case key.Matches(msg, voteKeys.Add):
			if !f.results && len(f.candidates) > 0 {
				if m.placed() >= m.view.vote.Dots {
					m.notice = tui.Notice{Text: m.say("vote.all_placed"), Bad: true}
					break
				}
				f.dots[f.candidates[f.cursor].id]++
			}
		case key.Matches(msg, voteKeys.TakeOff):
			if !f.results && len(f.candidates) > 0 {
				if id := f.candidates[f.cursor].id; f.dots[id] > 0 {
					f.dots[id]--
				}
			}
		case key.Matches(msg, voteKeys.Save):
			if !f.results && !f.saving {
				return m, m.castBallot()
			}
		case key.Matches(msg, voteKeys.Back):
			if !f.results && !maps.Equal(nonZeroDots(f.dots), nonZeroDots(m.view.ballot)) {
				m.notice = tui.Notice{Text: m.say("vote.unsaved_changes")}
			}
			m.stage = stageGuide
		}
	}
	return m, nil
}

// castBallot records this person's whole allocation of dots.
func (m *Screen) castBallot() tea.Cmd {
	f := &m.voting
	f.saving = true
	m.notice = tui.Notice{Text: m.say("vote.saving")}
	e := inquiry.Event{Type: inquiry.VoteCast, Actor: m.s.Actor, Ballot: &inquiry.Ballot{
		Vote: m.view.vote.ID, Participant: m.view.me, Dots: nonZeroDots(f.dots),
	}}
	room, ctx, ws := m.s.Room, m.s.Ctx(), m.view.id
	return func() tea.Msg {
		_, err := room.Append(ctx, ws, e)
		return ballotSavedMsg{err: err}
	}
}

func nonZeroDots(dots map[string]int) map[string]int {
	out := map[string]int{}
	for id, n := range dots {
		if n > 0 {
			out[id] = n
		}
	}
	return out
}

func (m *Screen) viewVote() string {
	w, h, f, vote := m.frame.Width, m.frame.Height, &m.voting, m.view.vote
	if m.reading != nil {
		return m.viewReading()
	}
	var b tui.Lines
	if f.results {
		b.Line(screenTitle(m.say("vote.results_title", "title", vote.Title), tui.Dim.Render(m.say("vote.closed")), w))
	} else {
		left := vote.Dots - m.placed()
		b.Line(screenTitle(m.say("vote.title", "title", vote.Title), tui.Accent.Render(m.count("vote.left", vote.Dots, "left", left)), w))
	}
	b.Line(tui.Rule(w))
	if len(f.candidates) == 0 {
		b.Line(tui.Dim.Render(tui.Fit("  "+m.say("vote.nothing"), w)))
	}
	notice, keep := m.noticeLines(w)
	room := max((h-3-keep)/2, 1)
	first := min(max(f.cursor-room/2, 0), max(len(f.candidates)-room, 0))
	for i := first; i < len(f.candidates) && i < first+room; i++ {
		c := f.candidates[i]
		n := f.dots[c.id]
		mark := strings.Repeat("●", n)
		if f.results {
			mark = fmt.Sprintf("%2d. %s %d", c.rank, strings.Repeat("●", min(c.received, 20)), c.received)
		} else if n == 0 {
			mark = "○"
		}
		head := fmt.Sprintf("%s  %s · %s", mark, c.name, m.words().KindLabel(c.kind))
		text := "    “" + tui.Snippet(c.text, max(w-8, 10)) + "”"
		if i == f.cursor {
			b.Line(tui.Fit(tui.Selected.Render("▸ "+head), w))
			b.Line(tui.Fit(tui.Bold.Render(text), w))
		} else {
			b.Line(tui.Fit("  "+tui.Accent.Render(head), w))
			b.Line(tui.Fit(text, w))
		}
	}
	b.Fill(h - 1 - keep)
	b.Line(notice)
	b.Fill(h - 1)
	if f.results {
		b.Line(tui.FooterKeeping(w, tui.KeyIn(m.words(), voteKeys.BackToWriting), m.keys(voteKeys.Scroll, voteKeys.Read, listKeys.Open, tui.Leave)...))
	} else {
		k := voteKeys
		b.Line(tui.FooterKeeping(w, tui.KeyIn(m.words(), k.Back), m.keys(k.Add, k.Save, k.Read, k.Choose, k.TakeOff, listKeys.Open, tui.Leave)...))
	}
	return b.String()
}

// dotsSaved says a ballot is saved, counting its dots as one says them.
func (m *Screen) dotsSaved(n int) string {
	if n == 0 {
		return m.say("vote.saved_none")
	}
	return m.count("vote.dots_saved", n)
}
