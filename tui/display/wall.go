package display

import (
	"cmp"
	"slices"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// wall is what a display shows of its workshop, copied out of the shared
// fold in one Read: the screen keeps nothing of the fold itself, and draws
// from this alone until it reads again. It holds only what a participant
// may see: contributions as participants see them (inquiry's VisibleTo),
// and no name where the workshop is anonymous.
type wall struct {
	title, code string
	open        bool
	selfPaced   bool
	shows       inquiry.Panel
	// auto is set while the wall follows the room, when the prompt panel
	// has the tally under it.
	auto bool

	// The open prompt in a facilitator-led workshop, where it sits in the
	// guide, and its clock; place is "" until a prompt is opened.
	place, prompt string
	clock         inquiry.Timebox
	// The guide's phases, with how many participants are at each now.
	phases []phase

	tally    tally
	openVote string // the title of the vote open now, "" if none
	vote     *results
	reveal   *reveal
}

// phase is one phase of the guide as the wall lists it.
type phase struct {
	title, summary string
	here           int
}

// tally is opportunities and barriers by theme, the rows that count any.
type tally struct {
	rows                    []tallyRow
	peak                    int // the most opportunities and barriers of any row
	opportunities, barriers int
}

type tallyRow struct {
	label         string
	opportunities int
	barriers      int
}

// results is a closed vote's results, with the ranks every screen shows.
type results struct {
	title  string
	voters int
	lines  []result
}

type result struct {
	rank, dots int
	text       string
}

// reveal is a few of the contributions to the prompt revealed last.
type reveal struct {
	place, prompt string
	since         time.Time
	items         []revealed
}

type revealed struct {
	kind inquiry.Kind
	text string
	name string // "" in an anonymous workshop
}

// revealFew is how many of a revealed prompt's contributions the wall
// shows, one at a time: a few to talk about, not all of them.
const revealFew = 5

// readWall copies what the wall shows out of the workshop; present is who
// is connected now.
func readWall(ws *inquiry.Workshop, present []inquiry.Presence) wall {
	w := wall{
		title: ws.Title, code: ws.Code, open: ws.Open,
		selfPaced: ws.Pacing == inquiry.SelfPaced,
		shows:     ws.Display().Shows(),
		auto:      ws.Display().Panel == inquiry.PanelAuto,
		clock:     ws.Timebox(),
		tally:     readTally(ws.Tally()),
		phases:    readPhases(ws.Guide, present),
		vote:      readResults(ws),
		reveal:    readReveal(ws),
	}
	if v := ws.OpenVote(); v != nil {
		w.openVote = v.Title
	}
	if ref := ws.Current.Prompt; ref != "" && !w.selfPaced {
		if place, ok := ws.Guide.Place(ref); ok {
			p, _ := ws.Guide.Prompt(ref)
			w.place, w.prompt = place.String(), p.Text
		}
	}
	return w
}

func readTally(t inquiry.Tally) tally {
	out := tally{peak: t.Max(inquiry.Opportunity, inquiry.Barrier),
		opportunities: t.Totals[inquiry.Opportunity], barriers: t.Totals[inquiry.Barrier]}
	for _, r := range t.Rows() {
		o, b := r.Counts[inquiry.Opportunity], r.Counts[inquiry.Barrier]
		if o+b > 0 {
			out.rows = append(out.rows, tallyRow{label: r.Theme.Label, opportunities: o, barriers: b})
		}
	}
	return out
}

// readPhases lists the guide's phases with how many participants are in
// each now (a participant connected twice counts once).
func readPhases(g inquiry.Guide, present []inquiry.Presence) []phase {
	out := make([]phase, len(g.Phases))
	for i, ph := range g.Phases {
		out[i] = phase{title: ph.Title, summary: ph.Summary}
	}
	counted := map[string]bool{}
	for _, p := range present {
		if p.Role != inquiry.RoleParticipant || p.Participant == "" || counted[p.Participant] {
			continue
		}
		if i, _, ok := g.Locate(p.Prompt); ok {
			counted[p.Participant] = true
			out[i].here++
		}
	}
	return out
}

// readResults is the results of the vote closed last, as participants see
// them once it has closed; nil before any vote has closed.
func readResults(ws *inquiry.Workshop) *results {
	v, ok := ws.Vote(ws.Display().Closed)
	if !ok || v.Open {
		return nil
	}
	r := &results{title: v.Title, voters: v.Voters()}
	for _, res := range v.Results() {
		c, ok := ws.Contribution(res.Contribution)
		if !ok || !ws.VisibleTo("", c) {
			continue
		}
		r.lines = append(r.lines, result{rank: res.Rank, dots: res.Dots, text: c.Text})
	}
	return r
}

// readReveal is a few of the contributions to the prompt revealed last
// that participants now see: the highlighted first, then those most
// agreed with, then in the order they came. Nil before any reveal.
func readReveal(ws *inquiry.Workshop) *reveal {
	d := ws.Display()
	if d.Revealed == "" {
		return nil
	}
	r := &reveal{since: d.RevealedAt}
	if place, ok := ws.Guide.Place(d.Revealed); ok {
		p, _ := ws.Guide.Prompt(d.Revealed)
		r.place, r.prompt = place.String(), p.Text
	}
	var shown []*inquiry.Contribution
	for _, c := range ws.Answers(d.Revealed) {
		if ws.VisibleTo("", c) {
			shown = append(shown, c)
		}
	}
	slices.SortStableFunc(shown, func(a, b *inquiry.Contribution) int {
		if a.Highlighted != b.Highlighted {
			if a.Highlighted {
				return -1
			}
			return 1
		}
		return cmp.Compare(len(ws.Agreements(b.ID)), len(ws.Agreements(a.ID)))
	})
	for _, c := range shown[:min(len(shown), revealFew)] {
		item := revealed{kind: c.Kind, text: c.Text}
		if p, ok := ws.Participant(c.Participant); ok && !ws.Settings.Anonymous {
			item.name = p.Name
		}
		r.items = append(r.items, item)
	}
	return r
}
