package participant

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Whether this person is in the room, and as whom: a facilitator may hold
// newcomers in a lobby until they let them in, remove someone (their
// sessions end), or merge two entries of one person who lost their way
// back (the screen carries on as the one kept).

// foldStanding takes in what an event means for this person's standing.
// It sees every event, before fold's own cases.
func (v *view) foldStanding(e inquiry.Event) {
	if sentence, ends := inquiry.EndsSession(e, v.me); ends {
		v.removed = sentence
	}
	switch e.Type {
	case inquiry.LobbyOpened:
		v.lobby = true
	case inquiry.LobbyClosed:
		v.lobby, v.waiting = false, false
	case inquiry.ParticipantJoined:
		// The rules hold a newcomer who joined themselves; one a scribe or
		// facilitator entered is in at once.
		if e.Participant.ID == v.me && e.Actor.Role == inquiry.RoleParticipant {
			v.waiting = v.lobby
		}
	case inquiry.ParticipantAdmitted:
		if e.Target == v.me {
			v.waiting = false
		}
	case inquiry.WaitingAdmitted:
		v.waiting = false
	case inquiry.ParticipantsMerged:
		switch d := e.Merge; {
		case d.From == v.me:
			// This screen's person carries on as the one kept; fold again
			// to take in what was theirs before.
			v.me, v.refold = d.Into, true
		case d.Into == v.me && !v.aliases[d.From]:
			v.refold = true
		}
	}
}

// isMe reports whether a participant ID is this person's: their own, or
// one merged into theirs.
func (v *view) isMe(id string) bool {
	return id != "" && (id == v.me || v.aliases[id])
}

// recognise finds whom a returning key belongs to in a workshop (through
// any merge), and whether a facilitator removed its owner.
func (m *Screen) recognise(workshopID string) (known string, blocked bool) {
	identity := m.view.identity
	if identity == "" {
		return "", false
	}
	_ = m.s.Room.Read(workshopID, func(w *inquiry.Workshop) {
		if p, ok := w.ByIdentity(identity); ok {
			known = p.ID
		}
		blocked = w.IdentityBlocked(identity)
	})
	return known, blocked
}

// shownName is this person's name as the workshop shows it: the name they
// gave, told apart from a namesake's ("Alice (2)"); "" if unknown.
func (m *Screen) shownName() string {
	var name string
	me := m.view.me
	_ = m.s.Room.Read(m.view.id, func(w *inquiry.Workshop) {
		if p, ok := w.Participant(me); ok {
			name = p.Name
		}
	})
	return name
}

// takeMerge carries on as the participant kept after a facilitator
// merged this person's two entries: the screen opens the workshop again
// as them, and the room sees the session as theirs.
func (m *Screen) takeMerge() {
	if !m.view.refold {
		return
	}
	if err := m.becomeKnown(m.view.me); err != nil {
		m.view.refold = false // until the next catch-up
		m.notice = tui.Notice{Text: m.say("news.merged_unreadable", "why", m.friendly(err)), Bad: true}
		return
	}
	m.s.Actor = inquiry.Actor{Role: inquiry.RoleParticipant, ID: m.view.me}
	m.fetchResumeCode()
	if m.move != nil {
		m.move(m.presence())
	}
	m.notice = tui.Notice{Text: m.say("news.merged", "name", m.view.name)}
}

// refuse ends the screen with the sentence that says why the person may
// not be in the workshop.
func (m *Screen) refuse(sentence string) tea.Cmd {
	m.refused = true
	if sentence == inquiry.RemovedSentence {
		sentence = m.say("news.removed")
	}
	return m.frame.End(sentence)
}

// Failed reports whether the screen ended because the person may not be
// in the workshop (a facilitator removed them): the server then ends the
// session as refused (exit status 1), below the screen's last words.
func (m *Screen) Failed() bool { return m.frame.Ended() && m.refused }
