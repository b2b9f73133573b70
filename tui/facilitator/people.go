package facilitator

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// The people pane: everyone who joined, in joining order, with who is
// connected and where, who has answered the prompt open for everyone, and
// who withdrew or was erased. A facilitator erases a participant here, at
// their request, after a clear question.

// wherePresent maps each connected participant to where they are in the
// guide; it is rebuilt when the room rings, not on each keystroke.
func wherePresent(present []inquiry.Presence) map[string]inquiry.PromptRef {
	out := map[string]inquiry.PromptRef{}
	for _, p := range present {
		if p.Role == inquiry.RoleParticipant && p.Participant != "" {
			out[p.Participant] = p.Prompt
		}
	}
	return out
}

// movePerson moves the people pane's cursor.
func (m *Screen) movePerson(delta int) {
	m.person = min(max(m.person+delta, 0), max(len(m.ws.Participants)-1, 0))
}

// erase asks before erasing the participant under the cursor.
func (m *Screen) erase() tea.Cmd {
	if m.pane != panePeople {
		m.notice = tui.Notice{Text: "To erase someone, pick them in the people pane first (tab moves there).", Bad: true}
		return nil
	}
	if m.person >= len(m.ws.Participants) {
		return nil
	}
	p := m.ws.Participants[m.person]
	if p.Erased {
		m.notice = tui.Notice{Text: "They are already erased."}
		return nil
	}
	id, name := p.ID, inquiry.CleanLine(p.Name) // the answer comes in a later Read
	m.confirm(fmt.Sprintf("Erase %s for good? Their name and all their words leave the database; the transcript keeps only that they were here.", name),
		"erase "+name+" for good", func(m *Screen) tea.Cmd {
			return m.record(inquiry.Event{Type: inquiry.ParticipantErased, Target: id}, "Erased "+name+": their name and words are gone from the database.", nil)
		})
	return nil
}

// personName is a participant as the room lists them.
func personName(p *inquiry.Participant) string {
	switch {
	case p.Erased:
		return "(erased)"
	case p.Withdrawn:
		return inquiry.CleanLine(p.Name) + " (withdrew)"
	}
	return inquiry.CleanLine(p.Name)
}

// peopleLines list everyone who joined, the cursor kept in view.
func (m *Screen) peopleLines(w, h int) []string {
	ws := m.ws
	title := "People"
	if m.pane == panePeople {
		title = tui.Accent.Render("▸ " + title)
	} else {
		title = tui.Bold.Render("  " + title)
	}
	answered, of := m.index.progress(ws.Current.Prompt)
	note := fmt.Sprintf("  %d joined · %d here", len(ws.Participants), len(m.where))
	if ws.Current.Prompt != "" {
		note += fmt.Sprintf(" · ✓ %d of %d answered %s", answered, of, shortPlace(ws.Guide, ws.Current.Prompt))
	}
	lines := []string{tui.Fit(title, w), tui.Fit(tui.Dim.Render(note), w)}
	if len(ws.Participants) == 0 {
		return append(lines, tui.Dim.Render(tui.Fit("  Nobody has joined yet.", w)))
	}
	room := max(h-len(lines), 1)
	m.person = min(m.person, len(ws.Participants)-1)
	first := min(max(m.person-room/2, 0), max(len(ws.Participants)-room, 0))
	for i := first; i < len(ws.Participants) && i < first+room; i++ {
		p := ws.Participants[i]
		mark := "  "
		if i == m.person && m.pane == panePeople {
			mark = tui.Accent.Render("▸ ")
		}
		tick := "  "
		if ws.Current.Prompt != "" && m.index.answered(ws.Current.Prompt, p.ID) {
			tick = tui.Good.Render("✓ ")
		}
		var where string
		switch at, here := m.where[p.ID]; {
		case p.Left():
		case p.Scribed:
			where = "scribed"
		case here && at != "":
			where = "here · " + shortPlace(ws.Guide, at)
		case here:
			where = "here · starting"
		default:
			where = "away"
		}
		name := personName(p)
		if p.Left() {
			name = tui.Dim.Render(name)
		}
		lines = append(lines, tui.Fit(mark+tick+name+tui.Dim.Render(prefixDot(where)), w))
	}
	return lines
}

func prefixDot(s string) string {
	if s == "" {
		return ""
	}
	return " · " + s
}

// hereLine is who is connected and where, on one line of width w, each
// with a ✓ once they have answered the prompt open for everyone. It stops
// adding people once the line is past the width, where fit cuts it with an
// ellipsis: a full room costs the few names that show, not every name.
func (m *Screen) hereLine(w int) string {
	open := m.ws.Current.Prompt
	var b strings.Builder
	b.WriteString(tui.Dim.Render("Here now: "))
	cells, anyone := len("Here now: "), false
	for _, p := range m.present {
		if cells > w {
			break
		}
		if p.Role != inquiry.RoleParticipant {
			continue
		}
		where := "joining"
		if p.Prompt != "" {
			where = shortPlace(m.ws.Guide, p.Prompt)
		}
		if anyone {
			b.WriteString(", ")
			cells += 2
		}
		anyone = true
		name := inquiry.CleanLine(p.Name)
		cells += tui.Width(name) + tui.Width(where) + len(" ()")
		if open != "" && m.index.answered(open, p.Participant) {
			b.WriteString(tui.Good.Render("✓"))
			cells++
		}
		b.WriteString(name)
		b.WriteString(tui.Dim.Render(" (" + where + ")"))
	}
	if !anyone {
		return tui.Fit(tui.Dim.Render("Here now: nobody"), w)
	}
	return tui.Fit(b.String(), w)
}
