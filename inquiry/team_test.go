package inquiry

import (
	"reflect"
	"testing"
)

func TestTheLogNamesTheFacilitationTeam(t *testing.T) {
	named := func(a Actor, name string) Actor { a.Name = name; return a }
	l := baseLog(t) // opened by an unnamed facilitator, who entered Table 3
	l.append(settingsChanged(named(facilitator, "Catriona Bell"), VisibleLive, true))
	l.append(added(named(scribe, "Ailsa Ross"), "c-2", table3, "design/barriers", Barrier, "No bus after six."))
	l.append(added(scribe, "c-3", table3, "design/barriers", Barrier, "Nor on Sundays."))
	w := l.replay()
	team := w.Team()
	want := []TeamMember{
		{Role: RoleFacilitator, ID: facilitator.ID, Name: "Catriona Bell", FirstAt: l.events[0].At},
		{Role: RoleScribe, ID: scribe.ID, Name: "Ailsa Ross", FirstAt: l.events[6].At},
	}
	if !reflect.DeepEqual(team, want) {
		t.Errorf("team = %+v\nwant %+v", team, want)
	}
	cases := []struct {
		actor Actor
		want  string
	}{
		{facilitator, "Catriona Bell"},
		{scribe, "Ailsa Ross"},
		{Actor{Role: RoleFacilitator, ID: "SHA256:q8Vn0jH4xXbqg1r6Z0kS0cDmZ2Yb7l9yA5w1Qm3t2sE"}, "SHA256:q8Vn0jH4"},
		{alice, "Alice"},
		{System, "Anchorage"},
	}
	for _, c := range cases {
		if got := w.ActorName(c.actor); got != c.want {
			t.Errorf("ActorName(%v) = %q, want %q", c.actor, got, c.want)
		}
	}
}

func TestCheckActorNames(t *testing.T) {
	w := baseLog(t).replay()
	named := func(e Event, name string) Event { e.Actor.Name = name; return e }
	checkRules(t, w, []ruleCase{
		{"a facilitator named on an event", named(settingsChanged(facilitator, VisibleNever, false), "Catriona Bell"), nil},
		{"a scribe named on an event", named(added(scribe, "c-2", table3, "design/barriers", Barrier, "No bus."), "Ailsa"), nil},
		{"a participant named on an event", named(added(alice, "c-2", alice.ID, "design/barriers", Barrier, "No bus."), "Alice"), ErrInvalid},
		{"a name of two lines", named(settingsChanged(facilitator, VisibleNever, false), "Catriona\nBell"), ErrInvalid},
		{"a name with an escape", named(settingsChanged(facilitator, VisibleNever, false), "\x1b[2JCatriona"), ErrInvalid},
	})
}
