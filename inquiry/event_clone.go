package inquiry

import (
	"maps"
	"slices"
)

// Clone returns a deep copy of the event: it shares no pointer, slice or
// map with e, so either can be changed without the other seeing it. Lists
// and maps keep their nil-ness, so the copy encodes to the same JSON.
func (e Event) Clone() Event {
	if e.Workshop != nil {
		d := *e.Workshop
		d.Guide = d.Guide.clone()
		e.Workshop = &d
	}
	if e.Participant != nil {
		p := *e.Participant
		e.Participant = &p
	}
	if e.Contribution != nil {
		c := *e.Contribution
		c.Themes = slices.Clone(c.Themes)
		e.Contribution = &c
	}
	if e.Pace != nil {
		p := *e.Pace
		e.Pace = &p
	}
	if e.Settings != nil {
		s := *e.Settings
		e.Settings = &s
	}
	if e.Curation != nil {
		c := *e.Curation
		c.Themes = slices.Clone(c.Themes)
		e.Curation = &c
	}
	if e.Theme != nil {
		t := e.Theme.clone()
		e.Theme = &t
	}
	if e.Vote != nil {
		v := *e.Vote
		v.Kinds = slices.Clone(v.Kinds)
		e.Vote = &v
	}
	if e.Merge != nil {
		m := *e.Merge
		e.Merge = &m
	}
	if e.Ballot != nil {
		b := *e.Ballot
		b.Dots = maps.Clone(b.Dots)
		e.Ballot = &b
	}
	if e.Agreement != nil {
		a := *e.Agreement
		e.Agreement = &a
	}
	if e.Profile != nil {
		p := *e.Profile
		e.Profile = &p
	}
	return e
}

// clone is a deep copy of the theme.
func (t Theme) clone() Theme {
	t.Keywords = slices.Clone(t.Keywords)
	return t
}
