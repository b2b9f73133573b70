package inquiry

import (
	"maps"
	"slices"
)

// The records of a snapshot, each written and read side by side: a theme,
// a participant, a vote, and a contribution with who agrees with it and
// the duplicates merged into it.

func (e *snapWriter) theme(t Theme) {
	e.str(t.ID)
	e.str(t.Label)
	e.strs(t.Keywords)
}

func (r *snapReader) theme() Theme {
	return Theme{ID: r.str(), Label: r.str(), Keywords: r.strs()}
}

func (e *snapWriter) participant(p *Participant) {
	e.str(p.ID)
	e.str(p.Name)
	e.str(p.Organisation)
	e.time(p.JoinedAt)
	e.time(p.ConsentAt)
	e.str(p.Identity)
	e.bool(p.Scribed)
	e.bool(p.Withdrawn)
	e.time(p.WithdrawnAt)
	e.bool(p.Erased)
	e.time(p.ErasedAt)
	e.str(p.MergedInto)
	e.time(p.MergedAt)
	e.time(p.CodeReissuedAt)
	e.bool(p.Blocked)
	e.time(p.BlockedAt)
	e.bool(p.Waiting)
	e.time(p.AdmittedAt)
	e.str(p.Language)
}

func (r *snapReader) participant() *Participant {
	return &Participant{
		ID: r.str(), Name: r.str(), Organisation: r.str(), JoinedAt: r.time(), ConsentAt: r.time(),
		Identity: r.str(), Scribed: r.bool(), Withdrawn: r.bool(), WithdrawnAt: r.time(),
		Erased: r.bool(), ErasedAt: r.time(), MergedInto: r.str(), MergedAt: r.time(),
		CodeReissuedAt: r.time(), Blocked: r.bool(), BlockedAt: r.time(),
		Waiting: r.bool(), AdmittedAt: r.time(), Language: r.str(),
	}
}

func (e *snapWriter) vote(v *VoteState) {
	e.str(v.ID)
	e.str(v.Title)
	e.uint(uint64(len(v.Kinds)))
	for _, k := range v.Kinds {
		e.str(string(k))
	}
	e.int(int64(v.Dots))
	e.str(string(v.Prompt))
	e.bool(v.Highlighted)
	e.bool(v.Open)
	e.time(v.OpenedAt)
	e.time(v.ClosedAt)
	e.uint(uint64(len(v.Ballots)))
	for _, who := range slices.Sorted(maps.Keys(v.Ballots)) {
		e.str(who)
		dots := v.Ballots[who]
		e.uint(uint64(len(dots)))
		for _, id := range slices.Sorted(maps.Keys(dots)) {
			e.str(id)
			e.int(int64(dots[id]))
		}
	}
	writeMap(e, v.fixed, e.bool)
	writeMap(e, v.cast, e.uint)
}

func (r *snapReader) vote() *VoteState {
	v := &VoteState{Vote: Vote{ID: r.str(), Title: r.str()}}
	if n := r.count(); n > 0 {
		v.Kinds = make([]Kind, n)
		for i := range v.Kinds {
			v.Kinds[i] = Kind(r.str())
		}
	}
	v.Dots = int(r.int())
	v.Prompt, v.Highlighted = PromptRef(r.str()), r.bool()
	v.Open, v.OpenedAt, v.ClosedAt = r.bool(), r.time(), r.time()
	n := r.count()
	v.Ballots = make(map[string]map[string]int, n)
	for range n {
		who := r.str()
		dots := map[string]int{}
		for range r.count() {
			id := r.str()
			dots[id] = int(r.int())
		}
		v.Ballots[who] = dots
	}
	v.fixed = readMap(r, r.bool)
	v.cast = readMap(r, r.uint)
	return v
}

// contribution writes one contribution, then its entries in the fold's
// agreements and duplicates (keyed by the contributions they are about),
// so that an agreement or a merge changes only the part that holds it.
func (e *snapWriter) contribution(c *Contribution, w *Workshop) {
	e.str(c.ID)
	e.str(c.Participant)
	e.str(string(c.Prompt))
	e.str(string(c.Kind))
	e.str(c.Text)
	e.strs(c.Themes)
	e.str(c.Partner)
	e.str(c.BuildsOn)
	e.str(c.Answers)
	e.str(c.Owner)
	e.str(c.Due)
	e.time(c.AddedAt)
	e.time(c.EditedAt)
	e.uint(c.Seq)
	e.str(c.ScribedBy)
	e.str(c.HiddenReason)
	e.str(c.MergedInto)
	e.str(c.UnmergedFrom)
	e.time(c.UnmergedAt)
	var flags uint64
	for i, f := range []bool{c.ThemesAccepted, c.Highlighted, c.Hidden, c.Deleted, c.Withdrawn, c.Erased} {
		if f {
			flags |= 1 << i
		}
	}
	e.uint(flags)
	agreed, ok := w.agreements[c.ID]
	e.keyed(agreed, ok)
	dups, ok := w.duplicates[c.ID]
	e.keyed(contributionIDs(dups), ok)
}

// keyed writes a map's entry that is a list: whether the key is there,
// and the list, nil or not.
func (e *snapWriter) keyed(list []string, ok bool) {
	e.bool(ok)
	if ok {
		e.strList(list)
	}
}

// contributionIDs lists contributions by ID, nil for nil.
func contributionIDs(cs []*Contribution) []string {
	if cs == nil {
		return nil
	}
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}

// contribution reads one contribution, and its agreements and duplicates
// into w and links. The strings that repeat from one to the next (author,
// prompt, kind, partner, due date, scribe) are made once and shared
// through intern; IDs and people's words are their own.
func (r *snapReader) contribution(intern map[string]string, w *Workshop, links *foldLinks) *Contribution {
	shared := func() string {
		b := r.raw()
		if s, ok := intern[string(b)]; ok {
			return s
		}
		s := string(b)
		intern[s] = s
		return s
	}
	c := &Contribution{ID: r.str(), Participant: shared(), Prompt: PromptRef(shared()), Kind: Kind(shared()), Text: r.str()}
	if n := r.count(); n > 0 {
		c.Themes = make([]string, n)
		for i := range c.Themes {
			c.Themes[i] = shared()
		}
	}
	c.Partner, c.BuildsOn, c.Answers, c.Owner, c.Due = shared(), r.str(), r.str(), r.str(), shared()
	c.AddedAt, c.EditedAt, c.Seq = r.time(), r.time(), r.uint()
	c.ScribedBy, c.HiddenReason, c.MergedInto = shared(), r.str(), r.str()
	c.UnmergedFrom, c.UnmergedAt = r.str(), r.time()
	flags := r.uint()
	c.ThemesAccepted, c.Highlighted, c.Hidden = flags&1 != 0, flags&2 != 0, flags&4 != 0
	c.Deleted, c.Withdrawn, c.Erased = flags&8 != 0, flags&16 != 0, flags&32 != 0
	if r.bool() {
		if list := r.strList(); w.agreements != nil {
			w.agreements[c.ID] = list
		} else {
			r.fail("agreements the workshop has none of")
		}
	}
	if r.bool() {
		if list := r.strList(); links.duplicates != nil {
			links.duplicates[c.ID] = list
		} else {
			r.fail("duplicates the workshop has none of")
		}
	}
	return c
}
