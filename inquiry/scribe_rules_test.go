package inquiry

import "testing"

func TestScribesCorrectOnlyWhatTheyEntered(t *testing.T) {
	other := Actor{Role: RoleScribe, ID: "SHA256:other-scribe"}
	l := roomLog(t) // c-7 is Table 3's action, entered by scribe
	l.append(added(facilitator, "c-20", table3, "design/barriers", Barrier, "Entered by the facilitator."))
	l.append(added(other, "c-21", table3, "design/barriers", Barrier, "The councl to tend."))
	w := l.replay()
	c21 := ContributionDetails{ID: "c-21", Participant: table3, Prompt: "design/barriers", Kind: Barrier}
	c20 := ContributionDetails{ID: "c-20", Participant: table3, Prompt: "design/barriers", Kind: Barrier}
	checkRules(t, w, []ruleCase{
		{"the scribe who entered it corrects a typo", edited(other, c21, "The council to tend."), nil},
		{"the scribe who entered it deletes it", deleted(other, "c-21"), nil},
		{"another scribe edits it", edited(scribe, c21, "The council to tend."), ErrNotAllowed},
		{"another scribe deletes it", deleted(scribe, "c-21"), ErrNotAllowed},
		{"a scribe edits what a facilitator entered", edited(scribe, c20, "Changed."), ErrNotAllowed},
		{"a scribe deletes what a facilitator entered", deleted(scribe, "c-20"), ErrNotAllowed},
		{"a facilitator edits what a scribe entered", edited(facilitator, c21, "The council to tend."), nil},
		{"a facilitator deletes what a scribe entered", deleted(facilitator, "c-21"), nil},
	})

	// The correction keeps the same history as a participant's edit: the
	// log holds both versions, the contribution when it was edited, and a
	// deletion leaves a tombstone.
	l.append(edited(other, c21, "The council to tend."))
	l.append(added(other, "c-22", table3, "design/barriers", Barrier, "Entered in error."))
	l.append(deleted(other, "c-22"))
	w = l.replay()
	if c := contribution(t, w, "c-21"); c.Text != "The council to tend." || c.EditedAt.IsZero() || c.ScribedBy != other.ID {
		t.Errorf("c-21 after the correction = %+v", c)
	}
	if c := contribution(t, w, "c-22"); !c.Deleted || c.Live() {
		t.Errorf("c-22 after its scribe deleted it = %+v, want a tombstone", c)
	}
}

func organisationChanged(by Actor, id, org string) Event {
	return Event{Type: OrganisationChanged, Actor: by, Target: id, Profile: &Profile{Organisation: org}}
}

func TestCheckOrganisationChanges(t *testing.T) {
	l := roomLog(t)
	w := l.replay()
	checkRules(t, w, []ruleCase{
		{"a scribe gives their table's", organisationChanged(scribe, table3, "Community group or volunteer"), nil},
		{"a facilitator gives a table's", organisationChanged(facilitator, table3, "Other"), nil},
		{"a participant changes their own", organisationChanged(alice, alice.ID, "Funder"), nil},
		{"a participant clears their own", organisationChanged(alice, alice.ID, ""), nil},
		{"the same as it is", organisationChanged(alice, alice.ID, "Local authority"), ErrDuplicate},
		{"a scribe for someone with a terminal", organisationChanged(scribe, alice.ID, "Funder"), ErrNotAllowed},
		{"a participant for someone else", organisationChanged(bob, alice.ID, "Funder"), ErrNotAllowed},
		{"for someone who withdrew", organisationChanged(facilitator, "p-carol", "Funder"), ErrNotAllowed},
		{"two lines", organisationChanged(scribe, table3, "Community\ngroup"), ErrInvalid},
		{"without the organisation", Event{Type: OrganisationChanged, Actor: scribe, Target: table3}, ErrInvalid},
	})
	l.append(organisationChanged(scribe, table3, "Community group or volunteer"))
	if p := participant(t, l.replay(), table3); p.Organisation != "Community group or volunteer" {
		t.Errorf("Table 3's organisation = %q", p.Organisation)
	}
}
