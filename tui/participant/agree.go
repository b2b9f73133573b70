package participant

import (
	"errors"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/words"
)

// Agreeing without writing: on the list of what others wrote, + says
// "I agree" with the contribution picked out (a +1, counted on it for
// everyone), and + again takes it back.

// agreedMsg is the outcome of agreeing, or of taking it back.
type agreedMsg struct {
	agreed bool
	name   string
	err    error
}

// toggleAgreement agrees with the contribution picked out in the others
// list, or takes the agreement back.
func (m *Screen) toggleAgreement() tea.Cmd {
	o := &m.others
	if len(o.items) == 0 || o.agreeing {
		return nil
	}
	item := o.items[o.cursor]
	e := inquiry.Event{Type: inquiry.ContributionAgreed, Actor: m.s.Actor, Target: item.id,
		Agreement: &inquiry.Agreement{Participant: m.view.me}}
	if item.agreed {
		e.Type = inquiry.AgreementWithdrawn
	}
	o.agreeing = true
	room, ctx, ws := m.s.Room, m.s.Ctx(), m.view.id
	agreed, name := !item.agreed, item.name
	return func() tea.Msg {
		_, err := room.Append(ctx, ws, e)
		if errors.Is(err, inquiry.ErrDuplicate) {
			err = nil // already so, from another session
		}
		return agreedMsg{agreed: agreed, name: name, err: err}
	}
}

// agreementSaved tells the person the outcome, and shows the new count.
func (m *Screen) agreementSaved(msg agreedMsg) {
	m.others.agreeing = false
	if msg.err != nil {
		m.notice = tui.Notice{Text: m.say("others.not_saved", "why", m.friendly(msg.err)), Bad: true}
		return
	}
	m.takeIn()
	m.others.stale = true // the count of agreements on the item picked
	m.refreshOthers()
	agreed, unagreed := "others.agreed_named", "others.unagreed_named"
	if msg.name == m.say("others.someone") {
		agreed, unagreed = "others.agreed_someone", "others.unagreed_someone"
	}
	if msg.agreed {
		m.notice = tui.Notice{Text: m.say(agreed, "name", msg.name)}
		return
	}
	m.notice = tui.Notice{Text: m.say(unagreed, "name", msg.name)}
}

// agreeMark is how an item shows its agreements: "+3", and whether this
// person is one of them.
func agreeMark(say words.Words, item otherItem) string {
	switch {
	case item.agreed && item.agrees > 1:
		return " · " + say.Say("others.agrees_with_you", "n", item.agrees)
	case item.agreed:
		return " · " + say.Say("others.agrees_you")
	case item.agrees > 0:
		return " · +" + strconv.Itoa(item.agrees)
	}
	return ""
}
