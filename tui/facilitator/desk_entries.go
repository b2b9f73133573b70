package facilitator

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Correcting at the scribe desk: a scribe (or a facilitator at the desk)
// lists what they entered for a table, corrects a typo in it or deletes
// it, with the same history as a participant's own edits: the transcript
// keeps every version, and a deletion keeps its place without the words.

// deskQuestion is a yes-or-no asked at the desk before a deletion; only y
// does it.
type deskQuestion struct {
	text, yes string
	do        func() tea.Cmd
}

// entries are what this scribe entered for the participant and has not
// deleted, newest first.
func (d *scribeDesk) entries(who string) []*inquiry.Contribution {
	return d.newest(func(c *inquiry.Contribution) bool {
		return c.Participant == who && c.ScribedBy == d.s.Actor.ID && !c.Deleted
	})
}

// openEntries lists what was entered for a participant.
func (d *scribeDesk) openEntries(who string) {
	d.who, d.stage, d.entry, d.notice = who, scribeEntries, 0, tui.Notice{}
	if len(d.entries(who)) == 0 {
		d.stage = scribeWho
		d.notice = tui.Notice{Text: "You have entered nothing for " + d.nameOf(who) + " yet: enter writes for them."}
	}
}

func (d *scribeDesk) entriesKey(k tea.KeyPressMsg) tea.Cmd {
	list := d.entries(d.who)
	switch {
	case key.Matches(k, deskKeys.Back):
		d.stage, d.notice = scribeWho, tui.Notice{}
	case tui.MoveIn(&d.entry, len(list), k, pageStep):
	case len(list) == 0:
	case key.Matches(k, deskKeys.Correct):
		c := list[min(d.entry, len(list)-1)]
		if !d.form.Load(c) {
			return nil
		}
		d.editing, d.stage = c.ID, scribeWrite
		d.form.SetFocus(tui.FieldText)
		d.notice = tui.Notice{Text: "Enter saves the correction; esc leaves it as it was."}
	case key.Matches(k, deskKeys.Delete):
		c := list[min(d.entry, len(list)-1)]
		id, words := c.ID, quote(c, 30)
		d.asking = &deskQuestion{
			text: "Delete " + words + ", entered for " + d.nameOf(d.who) + "? It leaves the room and the report; the transcript keeps that you deleted it.",
			yes:  "delete it",
			do: func() tea.Cmd {
				return d.send(inquiry.Event{Type: inquiry.ContributionDeleted, Target: id})
			},
		}
	}
	return nil
}

// answer takes the answer to the desk's question: y does it, anything
// else leaves things as they were.
func (d *scribeDesk) answer(k tea.KeyPressMsg) tea.Cmd {
	q := d.asking
	d.asking = nil
	if key.Matches(k, askKeys.Yes) {
		return q.do()
	}
	d.notice = tui.Notice{Text: "Nothing was changed."}
	return nil
}

// saveCorrection records the corrected entry: the same contribution, at
// the same prompt, for the same person.
func (d *scribeDesk) saveCorrection() tea.Cmd {
	if d.saving {
		return nil
	}
	was, ok := d.ws.Contribution(d.editing)
	if !ok {
		return nil
	}
	c, problem := d.form.Contribution(d.who)
	if problem != "" {
		d.notice = tui.Notice{Text: problem, Bad: true}
		return nil
	}
	c.ID, c.BuildsOn, c.Answers = was.ID, was.BuildsOn, was.Answers
	return d.send(inquiry.Event{Type: inquiry.ContributionEdited, Contribution: c})
}

// corrected tells the scribe a correction or a deletion is recorded, and
// goes back to the list of entries.
func (d *scribeDesk) corrected(e inquiry.Event) {
	d.stage = scribeEntries
	if e.Type == inquiry.ContributionDeleted {
		d.notice = tui.Notice{Text: "✓ Deleted. The transcript keeps its place, without the words."}
	} else {
		d.editing = ""
		d.form.Clear()
		d.notice = tui.Notice{Text: "✓ Corrected: “" + tui.Snippet(e.Contribution.Text.Text, 40) + "”"}
	}
	if len(d.entries(d.who)) == 0 {
		d.stage = scribeWho
	}
}

func (d *scribeDesk) entriesLines(w, h int) []string {
	lines := []string{tui.Fit(tui.Accent.Render("▸ What you entered for ")+tui.Bold.Render(d.nameOf(d.who)), w)}
	if d.asking != nil {
		for _, l := range tui.Wrap(d.asking.text, w-2) {
			lines = append(lines, "  "+tui.Warn.Render(l))
		}
	}
	lines = append(lines, "")
	list := d.entries(d.who)
	d.entry = min(d.entry, max(len(list)-1, 0))
	room := max((h-len(lines))/2, 1)
	first := min(max(d.entry-room/2, 0), max(len(list)-room, 0))
	for i := first; i < len(list) && i < first+room; i++ {
		c := list[i]
		head := clock(c.AddedAt) + " · " + c.Kind.Label() + " · " + shortPlace(d.ws.Guide, c.Prompt)
		if !c.EditedAt.IsZero() {
			head += " · corrected " + clock(c.EditedAt)
		}
		if i == d.entry {
			lines = append(lines, tui.Fit(tui.Accent.Render("  ▸ ")+tui.Bold.Render(head), w), tui.Fit("    "+quote(c, max(w-8, 8)), w))
		} else {
			lines = append(lines, tui.Fit("    "+tui.Dim.Render(head), w), tui.Fit("    "+quote(c, max(w-8, 8)), w))
		}
	}
	return lines
}
