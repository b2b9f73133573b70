package inquiry

// What a snapshot holds of the room besides its people, votes and
// contributions: the lobby, the timebox's clock, the facilitation team,
// standing (who is present under which name, who waits, the words the log
// holds), the reissued resume codes, what the wall displays show, and whether the fold has begun its
// maps of agreements and duplicates (whose entries are written with the
// contributions they are about). Written and read side by side.

// foldLinks are what a snapshot or a copy holds of the fold's lists of
// participants and contributions, by ID: reindex points them at the
// restored fold's own. A nil list stays nil, an empty one empty.
type foldLinks struct {
	// waiting is standing.waiting.
	waiting []string
	// duplicates is the fold's duplicates.
	duplicates map[string][]string
}

func (e *snapWriter) room(w *Workshop) {
	e.bool(w.Lobby)
	e.timebox(w.clock)
	e.length(len(w.team.members), w.team.members == nil)
	for _, m := range w.team.members {
		e.str(string(m.Role))
		e.str(m.ID)
		e.str(m.Name)
		e.time(m.FirstAt)
	}
	e.standing(&w.standing)
	e.length(len(w.reissues), w.reissues == nil)
	for _, x := range w.reissues {
		e.str(x.Participant)
		e.uint(x.Seq)
	}
	e.str(string(w.display.Panel))
	e.str(string(w.display.Moment))
	e.str(string(w.display.Revealed))
	e.time(w.display.RevealedAt)
	e.str(w.display.Closed)
	e.bool(w.agreements != nil)
	e.bool(w.duplicates != nil)
}

func (r *snapReader) room(w *Workshop, links *foldLinks) {
	w.Lobby = r.bool()
	w.clock = r.timebox()
	if n, isNil := r.length(); !isNil {
		w.team.members = make([]TeamMember, n)
		for i := range w.team.members {
			w.team.members[i] = TeamMember{Role: Role(r.str()), ID: r.str(), Name: r.str(), FirstAt: r.time()}
		}
	}
	links.waiting = r.standing(&w.standing)
	if n, isNil := r.length(); !isNil {
		w.reissues = make([]Reissue, n)
		for i := range w.reissues {
			w.reissues[i] = Reissue{Participant: r.str(), Seq: r.uint()}
		}
	}
	w.display = Display{Panel: Panel(r.str()), Moment: Panel(r.str()), Revealed: PromptRef(r.str()), RevealedAt: r.time(), Closed: r.str()}
	if r.bool() {
		w.agreements = map[string][]string{}
	}
	if r.bool() {
		links.duplicates = map[string][]string{}
	}
}

func (e *snapWriter) timebox(t Timebox) {
	e.str(string(t.Prompt))
	e.time(t.EndsAt)
	e.time(t.PausedAt)
	e.bool(t.Ended)
}

func (r *snapReader) timebox() Timebox {
	return Timebox{Prompt: PromptRef(r.str()), EndsAt: r.time(), PausedAt: r.time(), Ended: r.bool()}
}

// standing writes all of standing but the blocked identities, which the
// blocked participants give back (reindex).
func (e *snapWriter) standing(s *standing) {
	var waiting []string
	if s.waiting != nil {
		waiting = participantIDs(s.waiting)
	}
	e.strList(waiting)
	writeMap(e, s.joined, e.uint)
	writeMap(e, s.opened, e.uint)
	writeMap(e, s.names.shown, func(n int) { e.int(int64(n)) })
	writeMap(e, s.names.next, func(n int) { e.int(int64(n)) })
	writeMap(e, s.names.numbered, func(n numberedName) {
		e.str(n.typed)
		e.int(int64(n.n))
	})
	writeMap(e, s.shown, e.str)
	writeMap(e, s.typed, e.str)
	e.int(s.textBytes)
	writeMap(e, s.authored, e.int)
}

// standing reads what snapWriter.standing wrote, and returns the waiting
// participants' IDs.
func (r *snapReader) standing(s *standing) (waiting []string) {
	waiting = r.strList()
	s.joined = readMap(r, r.uint)
	s.opened = readMap(r, r.uint)
	readInt := func() int { return int(r.int()) }
	s.names.shown = readMap(r, readInt)
	s.names.next = readMap(r, readInt)
	s.names.numbered = readMap(r, func() numberedName { return numberedName{typed: r.str(), n: readInt()} })
	s.shown = readMap(r, r.str)
	s.typed = readMap(r, r.str)
	s.textBytes = r.int()
	s.authored = readMap(r, r.int)
	return waiting
}

// participantIDs lists participants by ID.
func participantIDs(ps []*Participant) []string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}
