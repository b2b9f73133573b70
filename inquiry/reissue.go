package inquiry

// What a store deriving resume codes needs of the fold: each code given or
// moved on, in the order of the log. A code is given at a participant's
// join (JoinSeq) and moved on at each reissue (Reissues); the store walks
// the two together by sequence number, so that who keeps a code two would
// have is decided the same way on every start.

// Reissue is a facilitator issuing a participant a new resume code.
type Reissue struct {
	Participant string
	// Seq is the ResumeCodeReissued event's sequence number.
	Seq uint64
}

// Reissues are the resume codes reissued, in the order of the log. The
// slice is the workshop's own: read it, do not change it.
func (w *Workshop) Reissues() []Reissue { return w.reissues }

// JoinSeq is the sequence number of the event a participant joined with,
// or 0 for someone who never joined.
func (w *Workshop) JoinSeq(participant string) uint64 { return w.standing.joined[participant] }

// noteReissue records a reissue as it is folded.
func (w *Workshop) noteReissue(e Event) {
	w.reissues = append(w.reissues, Reissue{Participant: e.Target, Seq: e.Seq})
}
