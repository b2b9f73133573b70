package facilitator

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Agreeing for a table: when a table nods at what someone else said, the
// scribe records the table's agreement without writing anything, as a
// participant's +1 does (ContributionAgreed, taken back with
// AgreementWithdrawn), so that it counts on the original.

// agreeable are the live contributions the table could agree with: anyone
// else's, newest first.
func (d *scribeDesk) agreeable(who string) []*inquiry.Contribution {
	return d.newest(func(c *inquiry.Contribution) bool { return c.Live() && c.Participant != who })
}

// newest are the workshop's contributions that keep holds, newest first.
func (d *scribeDesk) newest(keep func(*inquiry.Contribution) bool) []*inquiry.Contribution {
	var out []*inquiry.Contribution
	for _, c := range slices.Backward(d.ws.Contributions) {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// openAgree lists what the table could agree with.
func (d *scribeDesk) openAgree(who string) {
	d.who, d.stage, d.entry, d.notice = who, scribeAgree, 0, tui.Notice{}
	if len(d.agreeable(who)) == 0 {
		d.stage = scribeWho
		d.notice = tui.Notice{Text: "Nobody else has said anything yet for " + d.nameOf(who) + " to agree with."}
	}
}

func (d *scribeDesk) agreeKey(k tea.KeyPressMsg) tea.Cmd {
	list := d.agreeable(d.who)
	switch {
	case key.Matches(k, deskKeys.Back):
		d.stage, d.notice = scribeWho, tui.Notice{}
	case tui.MoveIn(&d.entry, len(list), k, pageStep):
	case len(list) == 0 || d.saving:
	case key.Matches(k, deskKeys.Toggle):
		c := list[min(d.entry, len(list)-1)]
		e := inquiry.Event{Type: inquiry.ContributionAgreed, Target: c.ID, Agreement: &inquiry.Agreement{Participant: d.who}}
		if d.ws.Agreed(d.who, c.ID) {
			e.Type = inquiry.AgreementWithdrawn
		}
		return d.send(e)
	}
	return nil
}

// agreed says the table's agreement is recorded, or taken back.
func (d *scribeDesk) agreed(e inquiry.Event) {
	d.stage = scribeAgree
	words := ""
	if c, ok := d.ws.Contribution(e.Target); ok {
		words = quote(c, 30)
	}
	if e.Type == inquiry.AgreementWithdrawn {
		d.notice = tui.Notice{Text: "✓ " + d.nameOf(d.who) + " no longer agrees with " + words + "."}
		return
	}
	d.notice = tui.Notice{Text: "✓ " + d.nameOf(d.who) + " agrees with " + words + "."}
}

func (d *scribeDesk) agreeLines(w, h int) []string {
	// The name last: a long one is cut, not the words before it.
	lines := []string{tui.Fit(tui.Accent.Render("▸ Agreeing for ")+tui.Bold.Render(d.nameOf(d.who)), w)}
	for _, l := range tui.Wrap("Agreeing records a +1 for them without words; it counts on the contribution, and can be taken back.", max(w-2, 1)) {
		lines = append(lines, "  "+tui.Dim.Render(l))
	}
	lines = append(lines, "")
	list := d.agreeable(d.who)
	d.entry = min(d.entry, max(len(list)-1, 0))
	room := max((h-len(lines))/2, 1)
	first := min(max(d.entry-room/2, 0), max(len(list)-room, 0))
	for i := first; i < len(list) && i < first+room; i++ {
		c := list[i]
		box := "[ ] "
		if d.ws.Agreed(d.who, c.ID) {
			box = tui.Accent.Render("[✓] ")
		}
		head := d.nameOf(c.Participant) + tui.Dim.Render(" · "+c.Kind.Label()+" · "+shortPlace(d.ws.Guide, c.Prompt)+" · "+
			inquiry.Plural(len(d.ws.Agreements(c.ID)), "agrees", "agree"))
		mark := "    "
		if i == d.entry {
			mark = tui.Accent.Render("  ▸ ")
		}
		lines = append(lines, tui.Fit(mark+box+head, w), tui.Fit("        "+quote(c, max(w-10, 8)), w))
	}
	return lines
}
