package participant

import (
	"maps"
	"slices"

	"github.com/anchorage/anchorage/inquiry"
)

// Opening a workshop, or coming back to it, starts the screen's view from
// the store's shared fold (Room.Read) rather than from the whole log: the
// store keeps only a tail of the log decoded, and a workshop of 30,000
// contributions would be read back from the database for every person
// joining. The view then folds only what is published after the fold's
// head.

// openFrom makes the view what the shared fold says of the workshop, and
// of me if they are known ("" for someone yet to join), or of whoever a
// facilitator merged them into: everything the view would have folded
// from the log up to the fold's head. It copies what it keeps, since the
// fold is the store's, and changes nothing.
func (v *view) openFrom(w *inquiry.Workshop, me string) {
	v.head = w.Head
	v.id, v.title, v.code, v.open, v.pacing = w.ID, w.Title, w.Code, w.Open, w.Pacing
	guide := w.Guide
	v.guide = &guide
	v.themes = w.Themes() // shared: the fold only appends past them (addTheme), and so does the view
	v.suggester = nil
	v.revealed = maps.Clone(w.Revealed)
	if v.revealed == nil {
		v.revealed = map[inquiry.PromptRef]bool{}
	}
	v.current, v.timebox, v.settings = w.Current, w.Timebox(), w.Settings
	v.lobby = w.Lobby
	if n := len(w.Votes); n > 0 {
		last := w.Votes[n-1]
		vote := last.Vote
		v.vote, v.voteOpen = &vote, last.Open
	}
	p, ok := w.Participant(w.Kept(me))
	if !ok {
		return
	}
	me = p.ID
	if n := len(w.Votes); n > 0 {
		v.ballot = maps.Clone(w.Votes[n-1].Ballots[me])
	}
	v.me, v.name, v.language = me, p.Name, p.Language
	v.left = p.Withdrawn || p.Erased
	if p.Blocked {
		v.removed = inquiry.RemovedSentence
	}
	v.waiting = slices.Contains(w.Waiting(), p)
	v.aliases = map[string]bool{}
	for _, from := range w.MergedFrom(me) {
		v.aliases[from] = true
	}
	// The fold's own contributions: it never changes one in place.
	v.mine = slices.Clone(w.Authored(me))
}

// becomeKnown makes the screen this participant's ("" for someone yet to
// join): the view opened from the shared fold, knowing who they are and who
// was merged into them, then what was published since.
func (m *Screen) becomeKnown(id string) error {
	fresh := view{identity: m.view.identity, share: m.view.share, id: m.view.id, say: m.view.say}
	if err := m.s.Room.Read(m.view.id, func(w *inquiry.Workshop) { fresh.openFrom(w, id) }); err != nil {
		return err
	}
	fresh.apply(m.s.Room.Events(fresh.id, fresh.head))
	fresh.news = nil // what happened while they were away is on the screen anyway
	fresh.refold = false
	m.view = fresh
	m.others = othersList{reads: m.others.reads}
	return nil
}
