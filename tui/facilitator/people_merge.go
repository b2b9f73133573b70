package facilitator

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Merging two entries of one person: someone who lost their code joined
// again, and the room counts them twice. The facilitator puts the cursor
// on the second entry and picks the person it is, among those who gave
// the same name first (inquiry.Workshop.Namesakes), then anyone else who
// could be them; after a y everything the second entry did is the
// first's (ParticipantsMerged).

// peopleMerge is the entry being merged away, and the cursor among the
// people it could be.
type peopleMerge struct {
	from   string
	cursor int
}

// startPeopleMerge opens the choice of whom the participant is.
func (m *Screen) startPeopleMerge(p *inquiry.Participant) {
	name := inquiry.CleanLine(p.Name)
	switch {
	case p.Erased:
		m.notice = tui.Notice{Text: "Someone erased at their request cannot be merged.", Bad: true}
		return
	case p.Blocked:
		m.notice = tui.Notice{Text: name + " was removed: there is nobody to bring together.", Bad: true}
		return
	}
	m.joining = peopleMerge{from: p.ID}
	if len(m.mergeTargets()) == 0 {
		m.notice = tui.Notice{Text: "There is nobody " + name + " could be merged into.", Bad: true}
		return
	}
	m.mode, m.notice = modePeople, tui.Notice{}
}

// mergeTargets are whom the participant being merged could be: their
// namesakes first, in joining order, then everyone else still taking part
// with a terminal like theirs (or, for a table, the other tables).
func (m *Screen) mergeTargets() []*inquiry.Participant {
	ws := m.ws
	from, ok := ws.Participant(m.joining.from)
	if !ok {
		return nil
	}
	same := ws.Namesakes(from.ID)
	out := append([]*inquiry.Participant(nil), same...)
	for _, p := range ws.People() {
		if p.ID == from.ID || p.Left() || p.Waiting || p.Scribed != from.Scribed || containsPerson(same, p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func containsPerson(ps []*inquiry.Participant, p *inquiry.Participant) bool {
	for _, q := range ps {
		if q.ID == p.ID {
			return true
		}
	}
	return false
}

func (m *Screen) peopleMergeKey(k tea.KeyPressMsg) tea.Cmd {
	targets := m.mergeTargets()
	j := &m.joining
	switch {
	case tui.MoveIn(&j.cursor, len(targets), k, pageStep):
	case key.Matches(k, mergeKeys.Cancel):
		m.mode, m.joining = modeRoom, peopleMerge{}
		m.notice = tui.Notice{Text: "Nobody was merged."}
	case key.Matches(k, mergeKeys.Merge) && len(targets) > 0:
		from, _ := m.ws.Participant(j.from)
		into := targets[min(j.cursor, len(targets)-1)]
		a, b := inquiry.CleanLine(from.Name), inquiry.CleanLine(into.Name)
		e := inquiry.Event{Type: inquiry.ParticipantsMerged, Merge: &inquiry.PeopleMerge{From: from.ID, Into: into.ID}}
		m.mode, m.joining = modeRoom, peopleMerge{}
		m.confirm("Is "+a+" the same person as "+b+"? Everything "+a+" wrote, their draft and their dots become "+b+"'s, and their key or code leads to "+b+". The transcript records it.",
			"merge "+a+" into "+b, func(m *Screen) tea.Cmd {
				return m.record(e, "Merged "+a+" into "+b+": one person now.", nil)
			})
	}
	return nil
}

// peopleMergeLines list whom the participant could be.
func (m *Screen) peopleMergeLines(w, h int) []string {
	from, ok := m.ws.Participant(m.joining.from)
	if !ok {
		return nil
	}
	name := inquiry.CleanLine(from.Name)
	lines := []string{tui.Fit(tui.Accent.Render("▸ Who is ")+tui.Bold.Render(name)+tui.Accent.Render("? Pick the person they joined as before"), w)}
	same := len(m.ws.Namesakes(from.ID))
	say := "Everything " + name + " did becomes theirs, and the room counts one person. "
	if same > 0 {
		say += "Those who gave the same name come first."
	} else {
		say += "Nobody else gave that name: everyone still here is listed."
	}
	for _, l := range tui.Wrap(say, max(w-2, 1)) {
		lines = append(lines, "  "+tui.Dim.Render(l))
	}
	lines = append(lines, "")
	targets := m.mergeTargets()
	j := &m.joining
	j.cursor = min(j.cursor, max(len(targets)-1, 0))
	room := max(h-len(lines), 1)
	first := min(max(j.cursor-room/2, 0), max(len(targets)-room, 0))
	for i := first; i < len(targets) && i < first+room; i++ {
		p := targets[i]
		about := " · joined " + clock(p.JoinedAt) + prefixDot(m.whereIs(p))
		if p.Organisation != "" {
			about += " · " + p.Organisation
		}
		if i < same {
			about += " · same name"
		}
		row := "    " + inquiry.CleanLine(p.Name) + tui.Dim.Render(about)
		if i == j.cursor {
			row = tui.Accent.Render("  ▸ ") + tui.Bold.Render(inquiry.CleanLine(p.Name)) + tui.Dim.Render(about)
		}
		lines = append(lines, tui.Fit(row, w))
	}
	return lines
}
