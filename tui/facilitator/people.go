package facilitator

import (
	"fmt"
	"slices"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// The people pane: everyone who joined, in joining order (two entries of
// one person, once merged, as one), with who is connected and where, who
// has answered the prompt open for everyone, who waits in the lobby, and
// who withdrew, was erased or was removed; and which facilitators and
// scribes are here. Its keys (people_keys.go) show a keyless person's
// resume code, issue a new one, merge two entries of one person, let
// people in from the lobby, and remove or erase someone.

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

// personAt is where the people pane's cursor is in ws.People(): on the
// participant picked, or the first if they are no longer listed.
func (m *Screen) personAt() int {
	return max(slices.IndexFunc(m.ws.People(), func(p *inquiry.Participant) bool { return p.ID == m.person }), 0)
}

// pickedPerson is the participant the people pane's cursor is on, or nil.
func (m *Screen) pickedPerson() *inquiry.Participant {
	people := m.ws.People()
	if len(people) == 0 {
		return nil
	}
	return people[m.personAt()]
}

// movePerson moves the people pane's cursor.
func (m *Screen) movePerson(delta int) {
	people := m.ws.People()
	if len(people) == 0 {
		return
	}
	at := min(max(m.personAt()+max(min(delta, len(people)), -len(people)), 0), len(people)-1)
	m.person = people[at].ID
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
	people := ws.People()
	title := "People"
	if m.pane == panePeople {
		title = tui.Accent.Render("▸ " + title)
	} else {
		title = tui.Bold.Render("  " + title)
	}
	answered, of := m.index.progress(ws.Current.Prompt)
	note := fmt.Sprintf("  %d joined · %d here", len(people), len(m.where))
	if ws.Current.Prompt != "" {
		full := note + fmt.Sprintf(" · ✓ %d of %d answered %s", answered, of, shortPlace(ws.Guide, ws.Current.Prompt))
		if note += fmt.Sprintf(" · ✓ %d/%d", answered, of); tui.Width(full) <= w {
			note = full
		}
	}
	lines := []string{tui.Fit(title, w), tui.Fit(tui.Dim.Render(note), w)}
	if lobby := m.lobbyLine(); lobby != "" {
		lines = append(lines, tui.Fit("  "+lobby, w))
	}
	if team := m.teamHere(); team != "" {
		lines = append(lines, tui.Fit(tui.Dim.Render("  With you: "+team), w))
	}
	if len(people) == 0 {
		return append(lines, tui.Dim.Render(tui.Fit("  Nobody has joined yet.", w)))
	}
	room := max(h-len(lines), 1)
	at := m.personAt()
	first := min(max(at-room/2, 0), max(len(people)-room, 0))
	for i := first; i < len(people) && i < first+room; i++ {
		p := people[i]
		mark := "  "
		if i == at && m.pane == panePeople {
			mark = tui.Accent.Render("▸ ")
		}
		tick := "  "
		if ws.Current.Prompt != "" && m.index.answered(ws.Current.Prompt, p.ID) {
			tick = tui.Good.Render("✓ ")
		}
		name := personName(p)
		if p.Left() {
			name = tui.Dim.Render(name)
		}
		row := mark + tick + name + tui.Dim.Render(prefixDot(m.whereIs(p)))
		if m.code.who == p.ID {
			row += tui.Dim.Render(" · code ") + tui.Accent.Render(m.code.code)
		}
		lines = append(lines, tui.Fit(row, w))
	}
	return lines
}

// whereIs says where a participant is, or what became of them.
func (m *Screen) whereIs(p *inquiry.Participant) string {
	at, here := m.where[p.ID]
	switch {
	case p.Blocked:
		return "removed"
	case p.Left():
		return ""
	case p.Waiting && p.Organisation != "":
		return "waiting to be let in · " + p.Organisation
	case p.Waiting:
		return "waiting to be let in"
	case p.Scribed:
		return "scribed"
	case here && at != "":
		return "here · " + shortPlace(m.ws.Guide, at)
	case here:
		return "here · starting"
	}
	return "away"
}

// lobbyLine says whether newcomers wait to be let in, and how many wait.
func (m *Screen) lobbyLine() string {
	waiting := len(m.ws.Waiting())
	switch {
	case waiting > 0:
		return tui.Warn.Render(fmt.Sprintf("%d waiting · a lets one in, A all", waiting))
	case m.ws.Lobby:
		return tui.Dim.Render("Lobby on: newcomers wait · l lifts it")
	}
	return ""
}

// teamHere names the other facilitators and scribes connected, by name.
func (m *Screen) teamHere() string {
	var names []string
	for _, p := range m.present {
		if p.Role == inquiry.RoleParticipant || p.Session == m.s.ID {
			continue
		}
		name := inquiry.CleanLine(p.Name)
		if name == "" {
			name = "someone"
		}
		names = append(names, name+" ("+string(p.Role)+")")
	}
	return strings.Join(names, ", ")
}

func prefixDot(s string) string {
	if s == "" {
		return ""
	}
	return " · " + s
}

// hereLine is who is connected and where, on one line of width w, each
// with a ✓ once they have answered the prompt open for everyone, after
// how many wait in the lobby. It stops adding people once the line is
// past the width, where fit cuts it with an ellipsis: a full room costs
// the few names that show, not every name.
func (m *Screen) hereLine(w int) string {
	open := m.ws.Current.Prompt
	var b strings.Builder
	cells := 0
	if waiting := len(m.ws.Waiting()); waiting > 0 {
		lead := inquiry.Plural(waiting, "waits", "wait") + " in the lobby · "
		b.WriteString(tui.Warn.Render(lead))
		cells += tui.Width(lead)
	}
	b.WriteString(tui.Dim.Render("Here now: "))
	cells, anyone := cells+len("Here now: "), false
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
		b.WriteString(tui.Dim.Render("nobody"))
	}
	return tui.Fit(b.String(), w)
}
