package facilitator

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// What a facilitator does from the people pane, to the person the cursor
// is on: show a keyless person's resume code or issue a new one, merge
// two entries of one person, let people in from the lobby, remove and
// block someone, erase someone at their request. Each act that cannot be
// undone asks first; only y does it.

// shownCode is a resume code on the people pane, and whose.
type shownCode struct{ who, code string }

// codeMsg brings a resume code looked up, or newly issued, off the
// screen's loop: the store's look-up takes its own lock.
type codeMsg struct {
	who, name, code string
	issued          bool
	err             error
}

// peopleKey handles the people pane's own keys; done is false for the
// room's keys.
func (m *Screen) peopleKey(k tea.KeyPressMsg) (cmd tea.Cmd, done bool) {
	pk := peopleKeys
	if !key.Matches(k, pk.Code, pk.Reissue, pk.Merge, pk.Remove, pk.Admit, pk.AdmitAll, roomKeys.Erase) {
		return nil, false
	}
	if key.Matches(k, pk.AdmitAll) {
		return m.admitAll(), true
	}
	p := m.pickedPerson()
	if p == nil {
		return nil, true
	}
	switch {
	case key.Matches(k, pk.Code):
		return m.showCode(p), true
	case key.Matches(k, pk.Reissue):
		return m.reissue(p), true
	case key.Matches(k, pk.Merge):
		m.startPeopleMerge(p)
	case key.Matches(k, pk.Remove):
		m.remove(p)
	case key.Matches(k, pk.Admit):
		return m.admit(p), true
	default:
		m.erase(p)
	}
	return nil, true
}

// keyless says why a code is no use to someone, or "" if they have one.
func keyless(p *inquiry.Participant) string {
	name := inquiry.CleanLine(p.Name)
	switch {
	case p.Scribed:
		return name + " has no terminal: a scribe writes for them, so they have no resume code."
	case !p.Keyless():
		return name + " connected with an SSH key: it brings them back, without a code."
	case p.Left():
		return name + " has left the workshop: their code no longer works."
	}
	return ""
}

// showCode shows a keyless person's resume code, to read out to them, or
// hides it again.
func (m *Screen) showCode(p *inquiry.Participant) tea.Cmd {
	if m.code.who == p.ID {
		m.code = shownCode{}
		return nil
	}
	if why := keyless(p); why != "" {
		m.notice = tui.Notice{Text: why}
		return nil
	}
	room, ws, who, name := m.s.Room, m.workshop, p.ID, inquiry.CleanLine(p.Name)
	return func() tea.Msg {
		code, err := room.ResumeCode(ws, who)
		return codeMsg{who: who, name: name, code: code, err: err}
	}
}

// reissue gives a keyless person a new resume code after asking: the old
// one stops working, which is the point when someone else may have seen
// it, and a surprise otherwise.
func (m *Screen) reissue(p *inquiry.Participant) tea.Cmd {
	if why := keyless(p); why != "" {
		m.notice = tui.Notice{Text: why}
		return nil
	}
	room, ctx, ws, by, who, name := m.s.Room, m.s.Ctx(), m.workshop, m.s.Actor, p.ID, inquiry.CleanLine(p.Name)
	m.confirm(fmt.Sprintf("Issue %s a new resume code? Their old code stops working at once.", name), "issue a new code",
		func(m *Screen) tea.Cmd {
			m.notice = tui.Notice{Text: "Saving…"}
			return func() tea.Msg {
				code, err := room.ReissueResumeCode(ctx, ws, by, who)
				return codeMsg{who: who, name: name, code: code, issued: true, err: err}
			}
		})
	return nil
}

// gotCode shows a code looked up or issued.
func (m *Screen) gotCode(msg codeMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		m.notice = tui.Notice{Text: "No code for " + msg.name + ": " + tui.Friendly(msg.err), Bad: true}
		return nil
	case msg.issued:
		m.notice = tui.Notice{Text: "✓ " + msg.name + "'s new resume code is " + msg.code + ": the old one no longer works."}
		m.catchUp()
	default:
		m.notice = tui.Notice{Text: msg.name + "'s resume code is " + msg.code + ": they type it on the join screen (ctrl+r)."}
	}
	m.code = shownCode{who: msg.who, code: msg.code}
	return nil
}

// admit lets the person under the cursor in from the lobby.
func (m *Screen) admit(p *inquiry.Participant) tea.Cmd {
	if !p.Waiting {
		m.notice = tui.Notice{Text: inquiry.CleanLine(p.Name) + " is not waiting: a lets in someone marked waiting to be let in."}
		return nil
	}
	name := inquiry.CleanLine(p.Name)
	return m.record(inquiry.Event{Type: inquiry.ParticipantAdmitted, Target: p.ID}, "Let "+name+" in: they can take part now.", nil)
}

// admitAll lets everyone waiting in.
func (m *Screen) admitAll() tea.Cmd {
	n := len(m.ws.Waiting())
	if n == 0 {
		m.notice = tui.Notice{Text: "Nobody is waiting to be let in."}
		return nil
	}
	return m.record(inquiry.Event{Type: inquiry.WaitingAdmitted}, "Let "+inquiry.Plural(n, "person", "people")+" in from the lobby.", nil)
}

// lobby holds newcomers until a facilitator lets them in, or lets them
// straight in again (and everyone waiting with them, after asking).
func (m *Screen) lobby() tea.Cmd {
	if !m.ws.Lobby {
		return m.record(inquiry.Event{Type: inquiry.LobbyOpened},
			"Lobby on: newcomers wait until you let them in (people pane: a one, A all).", nil)
	}
	lift := func(m *Screen) tea.Cmd {
		return m.record(inquiry.Event{Type: inquiry.LobbyClosed}, "Lobby off: newcomers come straight in.", nil)
	}
	if n := len(m.ws.Waiting()); n > 0 {
		m.confirm("Lift the lobby? The "+inquiry.Plural(n, "person", "people")+" waiting come in now, and newcomers come straight in.", "lift the lobby", lift)
		return nil
	}
	return lift(m)
}

// remove asks why, then asks again, before removing and blocking someone:
// their sessions end, what they wrote is hidden, their dots go, and their
// key and their code cannot bring them back.
func (m *Screen) remove(p *inquiry.Participant) {
	name := inquiry.CleanLine(p.Name)
	if p.Blocked {
		m.notice = tui.Notice{Text: name + " was already removed."}
		return
	}
	id := p.ID
	m.askLine("Why remove "+name+"? ", "a reason, kept in the transcript", "go on", inquiry.MaxReasonRunes,
		func(m *Screen, typed string) tea.Cmd {
			reason := inquiry.CleanLine(typed)
			if reason == "" {
				m.notice = tui.Notice{Text: "Nobody was removed: say why, for the transcript.", Bad: true}
				return nil
			}
			e := inquiry.Event{Type: inquiry.ParticipantBlocked, Target: id, Curation: &inquiry.Curation{Reason: reason}}
			m.confirm("Remove "+name+" and block them? Their session ends, what they wrote is hidden, their dots go, and neither their key nor their code brings them back.",
				"remove and block "+name, func(m *Screen) tea.Cmd {
					return m.record(e, "Removed "+name+" from the workshop and blocked them ("+reason+").", nil)
				})
			return nil
		})
}

// erase asks before erasing the participant under the cursor.
func (m *Screen) erase(p *inquiry.Participant) {
	if p.Erased {
		m.notice = tui.Notice{Text: "They are already erased."}
		return
	}
	id, name := p.ID, inquiry.CleanLine(p.Name) // the answer comes in a later Read
	m.confirm(fmt.Sprintf("Erase %s for good? Their name and all their words leave the database; the transcript keeps only that they were here.", name),
		"erase "+name+" for good", func(m *Screen) tea.Cmd {
			return m.record(inquiry.Event{Type: inquiry.ParticipantErased, Target: id}, "Erased "+name+": their name and words are gone from the database.", nil)
		})
}
