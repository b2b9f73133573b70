package facilitator

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Someone new at the scribe desk: a table, or a person without a
// terminal, joins with a name, the scribe's word that they consent and,
// if the scribe knows it, the kind of organisation they come from (which
// the sector split of the tally and the report count). A table's
// organisation can be given or corrected later (o in the list).

// newField is the part of the someone-new form that has the focus.
type newField int

const (
	newName newField = iota
	newConsent
	newOrg
	newFields
)

// orgChoices are the kinds of organisation the desk offers, "" (not
// given) first.
var orgChoices = append([]string{""}, inquiry.OrganisationTypes...)

// orgLabel names a kind of organisation, or says it was not given.
func orgLabel(org string) string {
	if org == "" {
		return "not given"
	}
	return org
}

// startNew opens the form for someone new.
func (d *scribeDesk) startNew() {
	d.stage, d.consent, d.newField, d.org = scribeNew, false, newName, 0
	d.name = tui.NewLineInput("Table 3, or a name or pseudonym", inquiry.MaxNameRunes)
	d.name.Prompt = ""
	d.notice = tui.Notice{}
}

func (d *scribeDesk) setNewField(f newField) {
	d.newField = f
	if f == newName {
		d.name.Focus()
	} else {
		d.name.Blur()
	}
}

func (d *scribeDesk) newKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, deskKeys.Back):
		d.stage, d.notice = scribeWho, tui.Notice{}
		return nil
	case key.Matches(k, deskKeys.Consent):
		delta := 1
		if s := k.String(); s == "shift+tab" || s == "up" {
			delta = -1
		}
		d.setNewField(newField(tui.Cycle(int(d.newField), delta, int(newFields))))
		return nil
	case key.Matches(k, deskKeys.Add):
		return d.join()
	}
	switch d.newField {
	case newConsent:
		if key.Matches(k, deskKeys.Tick) {
			d.consent = !d.consent
		}
		return nil
	case newOrg:
		if key.Matches(k, deskKeys.Choose) {
			d.org = tui.Cycle(d.org, map[string]int{"left": -1, "right": 1}[k.String()], len(orgChoices))
		}
		return nil
	}
	var cmd tea.Cmd
	d.name, cmd = d.name.Update(k)
	return cmd
}

// join records someone without a terminal joining, the scribe having
// confirmed their consent.
func (d *scribeDesk) join() tea.Cmd {
	if d.saving {
		return nil
	}
	name := inquiry.CleanLine(d.name.Value())
	switch {
	case name == "":
		d.notice = tui.Notice{Text: "Give them a name: a table's, or the person's name or pseudonym.", Bad: true}
		d.setNewField(newName)
		return nil
	case inquiry.RuneCount(name) > inquiry.MaxNameRunes:
		d.notice = tui.Notice{Text: "That name is too long: please keep it under 40 characters.", Bad: true}
		return nil
	case !d.consent:
		d.notice = tui.Notice{Text: "Ask them first, then tick that they agreed (space) before writing for them.", Bad: true}
		d.setNewField(newConsent)
		return nil
	}
	if d.joiningID == "" {
		d.joiningID = tui.NewID()
	}
	p := &inquiry.ParticipantDetails{ID: d.joiningID, Name: inquiry.Words{Text: name}, ConsentAt: stampTime(), Scribed: true,
		Organisation: orgChoices[d.org]}
	return d.send(inquiry.Event{Type: inquiry.ParticipantJoined, Participant: p})
}

func (d *scribeDesk) newLines(w int) ([]string, *tea.Cursor) {
	lines := []string{tui.Fit(tui.Accent.Render("▸ Someone new, without a laptop"), w), ""}
	lines = append(lines, tui.Fit(tui.FieldLabel(d.newField == newName, "Name: a table's, or the person's name or pseudonym"), w))
	name := tui.InputView(&d.name, w-2)
	var cursor *tea.Cursor
	if d.newField == newName {
		cursor = tui.OffsetCursor(d.name.Cursor(), 2, len(lines))
	}
	lines = append(lines, "  "+name, "")
	box := "[ ]"
	if d.consent {
		box = tui.Accent.Render("[✓]")
	}
	lines = append(lines, tui.Fit(tui.FieldLabel(d.newField == newConsent, "Consent"), w))
	for i, l := range tui.Wrap("I have asked them, and they agree that what they say is recorded in this name and shared with the room and in the report.", w-8) {
		if i == 0 {
			lines = append(lines, "  "+box+" "+l)
		} else {
			lines = append(lines, "      "+strings.TrimSpace(l))
		}
	}
	lines = append(lines, "", tui.Fit(tui.FieldLabel(d.newField == newOrg, "Kind of organisation, if known (optional)"), w),
		tui.Fit("  ◂ "+tui.Accent.Render(orgLabel(orgChoices[d.org]))+" ▸", w))
	return lines, cursor
}

// openOrg lets the scribe give or correct a table's kind of organisation.
func (d *scribeDesk) openOrg(who string) {
	p, ok := d.ws.Participant(who)
	if !ok {
		return
	}
	d.who, d.stage, d.notice = who, scribeOrg, tui.Notice{}
	d.org = 0
	for i, o := range orgChoices {
		if o == p.Organisation {
			d.org = i
		}
	}
}

func (d *scribeDesk) orgKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, deskKeys.Back):
		d.stage, d.notice = scribeWho, tui.Notice{}
	case tui.MoveIn(&d.org, len(orgChoices), k, 1):
	case key.Matches(k, deskKeys.Save):
		if d.saving {
			return nil
		}
		return d.send(inquiry.Event{Type: inquiry.OrganisationChanged, Target: d.who,
			Profile: &inquiry.Profile{Organisation: orgChoices[d.org]}})
	}
	return nil
}

func (d *scribeDesk) orgLines(w, h int) []string {
	// The name last: a long one is cut, not the words before it.
	lines := []string{tui.Fit(tui.Accent.Render("▸ Kind of organisation: ")+tui.Bold.Render(d.nameOf(d.who)), w), ""}
	room := max(h-len(lines), 1)
	first := min(max(d.org-room/2, 0), max(len(orgChoices)-room, 0))
	for i := first; i < len(orgChoices) && i < first+room; i++ {
		if i == d.org {
			lines = append(lines, tui.Fit(tui.Accent.Render("  ▸ ")+tui.Bold.Render(orgLabel(orgChoices[i])), w))
		} else {
			lines = append(lines, tui.Fit("    "+orgLabel(orgChoices[i]), w))
		}
	}
	return lines
}

// nameOf is a participant's name for the desk's lines.
func (d *scribeDesk) nameOf(id string) string {
	if p, ok := d.ws.Participant(id); ok && p.Name != "" {
		return inquiry.CleanLine(p.Name)
	}
	return "(erased)"
}
