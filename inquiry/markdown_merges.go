package inquiry

// The parts of the markdown report that finding the way back adds: who
// joined twice and was found to be one person, and resume codes issued
// again.

// alsoJoined says, after a participant, when they joined again under
// another entry that a facilitator merged into theirs.
func (r *markdownReport) alsoJoined(p *Participant) {
	for _, id := range r.ws.MergedFrom(p.ID) {
		alias, _ := r.ws.Participant(id)
		r.printf("; joined again %s as “%s”", r.when(alias.JoinedAt), mdLine(alias.Name))
		if alias.Withdrawn {
			r.printf(" and withdrew that time, %s", r.when(alias.WithdrawnAt))
		}
		r.printf(", the same person (merged %s)", r.when(alias.MergedAt))
	}
}

// peopleAct says what a merge or a reissued resume code did, naming
// people as they joined. The code itself is never in the log.
func (r *markdownReport) peopleAct(e Event) string {
	if e.Type == ResumeCodeReissued {
		return "issued " + r.joiner(e.Target) + " a new resume code (the old one no longer works)"
	}
	return "found " + r.joiner(e.Merge.From) + " and " + r.joiner(e.Merge.Into) + " to be the same person, and merged the first into the second"
}

// joiner names a participant with when they joined, which tells apart
// two entries with one name.
func (r *markdownReport) joiner(id string) string {
	p, ok := r.ws.Participant(id)
	if !ok {
		return "participant " + mdLine(id)
	}
	if p.Name == "" {
		return "a participant since erased"
	}
	return mdLine(p.Name) + " (joined " + r.when(p.JoinedAt) + ")"
}
