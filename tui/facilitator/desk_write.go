package facilitator

import (
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Writing at the scribe desk: the keys, and saving a contribution in the
// scribed participant's name.

func (d *scribeDesk) writeKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "enter":
		return d.save()
	case "esc":
		if d.words() != "" && !d.escPressed {
			d.escPressed = true
			d.notice = tui.Notice{Text: "The words written are not saved: enter saves them, esc again drops them.", Bad: true}
			return nil
		}
		d.form.Clear()
		d.stage, d.notice = scribeWho, tui.Notice{}
		return nil
	case "pgdown", "pgup":
		delta := 1
		if k.String() == "pgup" {
			delta = -1
		}
		if p, q, ok := d.form.Neighbour(delta); ok {
			d.form.GoTo(p, q)
		}
		return nil
	}
	cmd, _ := d.form.Key(k)
	return cmd
}

// save records the contribution in the scribed participant's name.
func (d *scribeDesk) save() tea.Cmd {
	if d.saving {
		return nil
	}
	c, problem := d.form.Contribution(d.who)
	if problem != "" {
		d.notice = tui.Notice{Text: problem, Bad: true}
		return nil
	}
	c.ID = d.form.PendingID(tui.NewID)
	return d.send(inquiry.Event{Type: inquiry.ContributionAdded, Contribution: c})
}
