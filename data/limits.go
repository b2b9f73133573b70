package data

import (
	"fmt"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// What one participant, or one workshop, may put in the log. A flood (a
// script, a stuck key, five sessions pasting 2,000 characters as fast as
// they can) is held back here, where every way of recording an event
// passes, rather than by each screen.

// DefaultTextBudget is the bytes of people's words one workshop may hold:
// 64 MB, some 30,000 contributions of the longest kind or 300,000 of a
// usual length, far beyond a day's workshop of hundreds, and a bound on
// what a flood can make the disk hold.
const DefaultTextBudget = 64 << 20

// budgetWarning is the share of the budget, in percent, from which
// facilitators are warned (Storage.Warning).
const budgetWarning = 80

// ErrBudgetFull means a workshop has used all the space it has for words.
// It is an inquiry.ErrBudgetFull, with its text, written for the person
// whose words were not saved, which screens check for.
var ErrBudgetFull = fmt.Errorf("%w", inquiry.ErrBudgetFull)

// Storage is how much of its budget a workshop has used.
type Storage struct {
	// Used is the bytes of people's words in the log; Budget the most it
	// may hold (0 for no limit).
	Used, Budget int64
}

// Warning reports whether the workshop has used 80% of its budget or
// more: facilitators should know before words are refused.
func (s Storage) Warning() bool { return s.Budget > 0 && s.Used*100 >= s.Budget*budgetWarning }

// Full reports whether no more words fit.
func (s Storage) Full() bool { return s.Budget > 0 && s.Used >= s.Budget }

// Storage returns how much of its budget a workshop has used, as of the
// last commit.
func (s *Store) Storage(workshopID string) (Storage, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	l := s.logs[workshopID]
	if l == nil {
		return Storage{}, fmt.Errorf("data: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	return Storage{Used: l.summary.TextBytes, Budget: max(s.budget, 0)}, nil
}

// limits are the committer's record of each participant's allowance, by
// workshop.
type limits map[string]spending

// spending is one workshop's part of the limits: participant ID → the time
// their allowance is spent up to. The readers' fold keeps one too, in step
// with its state, so that a snapshot can hold it (snapshot_limits.go): a
// start from a snapshot then learns the limits exactly without reading the
// log before it.
type spending map[string]time.Time

// learn takes in a workshop's recorded events, as if they were being
// written now: a restart does not hand anyone a fresh burst.
func (l limits) learn(a inquiry.Allowance, workshopID string, events []inquiry.Event) {
	l[workshopID] = learned(a, events)
}

// spend uses up the allowance for a recorded event, if it counts.
func (l limits) spend(a inquiry.Allowance, workshopID string, e inquiry.Event) {
	sp := l[workshopID]
	if sp == nil {
		sp = spending{}
		l[workshopID] = sp
	}
	sp.spend(a, e)
}

// learned is the spending of a workshop's recorded events.
func learned(a inquiry.Allowance, events []inquiry.Event) spending {
	sp := spending{}
	for _, e := range events {
		sp.spend(a, e)
	}
	return sp
}

// spend uses up the allowance for a recorded event, if it counts.
func (sp spending) spend(a inquiry.Allowance, e inquiry.Event) {
	who, ok := inquiry.Counts(e)
	if !ok {
		return
	}
	if next, err := a.Take(sp[who], e.At); err == nil {
		sp[who] = next
	}
}

// limit refuses an event, to be stamped at, that its author's allowance
// or its workshop's budget has no room for.
func (c *committer) limit(workshopID string, e inquiry.Event, fold *inquiry.Workshop, at time.Time) error {
	if who, ok := inquiry.Counts(e); ok {
		if _, err := c.s.allowance.Take(c.limits[workshopID][who], at); err != nil {
			return err
		}
	}
	words := inquiry.WordBytes(e)
	if c.s.budget > 0 && words > 0 && fold.TextBytes()+words > c.s.budget {
		return fmt.Errorf("%w (%d of %d bytes used)", ErrBudgetFull, fold.TextBytes(), c.s.budget)
	}
	return nil
}

// spent records an accepted event against the limits, and tells whoever
// runs the server when a workshop passes the warning share of its budget.
func (c *committer) spent(workshopID string, e inquiry.Event, before int64, fold *inquiry.Workshop) {
	c.limits.spend(c.s.allowance, workshopID, e)
	if c.s.budget <= 0 {
		return
	}
	was := Storage{Used: before, Budget: c.s.budget}
	now := Storage{Used: fold.TextBytes(), Budget: c.s.budget}
	if !was.Warning() && now.Warning() {
		c.s.log.Warn("a workshop has used most of its space for words; writes will be refused when it is full",
			"workshop", workshopID, "used", now.Used, "budget", now.Budget)
	}
}
