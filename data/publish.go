package data

import (
	"maps"
	"slices"

	"github.com/anchorage/anchorage/inquiry"
)

// publish makes a committed batch visible to readers, with the events its
// erasures rewrote in place of the old ones, in one step.
func (c *committer) publish(outcomes []outcome, touched []string, plan *erasurePlan) {
	s := c.s
	n := 0
	byWorkshop := map[string][]inquiry.Event{}
	for _, o := range outcomes {
		if o.value != nil {
			byWorkshop[o.workshopID] = append(byWorkshop[o.workshopID], o.event)
			n++
		}
	}
	s.mu.Lock()
	if plan != nil {
		s.replaceErased(plan.rewritten)
	}
	for _, id := range touched {
		l := s.workshopLog(id, c.folds[id].Code)
		l.appendTail(byWorkshop[id], c.tailEvents)
		l.summary = c.folds[id].Summary()
		l.made.offer(c.folds[id], byWorkshop[id], c.tailEvents)
	}
	s.mu.Unlock()
	s.stats.batches.Add(1)
	s.stats.events.Add(uint64(n))
}

// workshopLog returns a workshop's published log, creating it for a new
// workshop. The caller holds s.mu for writing.
func (s *Store) workshopLog(id, code string) *workshopLog {
	l := s.logs[id]
	if l == nil {
		l = &workshopLog{}
		// A new workshop's readers start from nothing and fold its log.
		l.read.w = &inquiry.Workshop{}
		s.logs[id] = l
		s.order = append(s.order, id)
		s.codes[codeKey(code)] = id
	}
	return l
}

// recover rebuilds the workshops a failed batch touched from the database:
// it undoes the optimistic Apply of events that were not written, and
// picks up any that were (a batch split over several transactions can
// land in part). Their authors were told the commit failed; a retry with
// the same IDs finds them as duplicates. It also rebuilds a workshop
// whose snapshot turned out stale (resync), and one where an erasure
// took a name away (refoldNamesGone).
func (c *committer) recover(touched []string) {
	s := c.s
	for _, id := range touched {
		events, err := s.readLog(id)
		var fold *inquiry.Workshop
		if err == nil && len(events) > 0 {
			fold, err = inquiry.Replay(events)
		}
		if err != nil {
			// What was published was committed: fall back to it.
			s.log.Error("cannot read a workshop back after a failed commit; keeping what was published", "workshop", id, "err", err)
			events = nil
			if l := s.logs[id]; l != nil {
				if events, err = s.wholeLog(id); err != nil {
					s.log.Error("published log does not read back", "workshop", id, "err", err)
					continue
				}
			}
			if len(events) > 0 {
				if fold, err = inquiry.Replay(events); err != nil {
					s.log.Error("published log does not replay", "workshop", id, "err", err)
					continue
				}
			}
		}
		if old := c.folds[id]; old != nil {
			delete(c.codes, codeKey(old.Code))
		}
		if len(events) == 0 {
			delete(c.folds, id)
			continue
		}
		c.folds[id] = fold
		c.codes[codeKey(fold.Code)] = id
		c.limits.learn(s.allowance, id, events)
		s.mu.Lock()
		l := s.workshopLog(id, fold.Code)
		l.older.drop()
		l.tail, l.base, l.baseHash, l.summary = slices.Clip(events), 0, "", fold.Summary()
		l.trim(len(l.tail) - c.tailEvents)
		s.mu.Unlock()
		l.setRead(fold.Copy(), maps.Clone(c.limits[id]))
	}
}
