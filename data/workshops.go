package data

import (
	"context"
	"fmt"

	"github.com/anchorage/anchorage/inquiry"
)

// Append records an event in a workshop's log. The committer checks it
// against the workshop's state (the inquiry rules), seals its words with a
// random salt, assigns At, Seq, Prev and Hash, commits it durably together
// with whatever else is pending, and only then publishes it. The caller's
// event is not modified; the recorded one is returned.
//
// A repeat of something already recorded (inquiry.ErrDuplicate, such as an
// add retried after a lost acknowledgement) returns the original event and
// a nil error. If ctx ends first the event may still be committed: retry
// with the same IDs to find out.
func (s *Store) Append(ctx context.Context, workshopID string, e inquiry.Event) (inquiry.Event, error) {
	return s.submit(ctx, &request{workshopID: workshopID, event: e})
}

// submit hands a request to the committer and waits for its answer.
func (s *Store) submit(ctx context.Context, r *request) (inquiry.Event, error) {
	r.reply = make(chan reply, 1)
	select {
	case <-s.quit:
		return inquiry.Event{}, ErrClosed
	default:
	}
	select {
	case s.requests <- r:
	case <-s.quit:
		return inquiry.Event{}, ErrClosed
	case <-ctx.Done():
		return inquiry.Event{}, fmt.Errorf("data: not recorded: %w", ctx.Err())
	}
	select {
	case rep := <-r.reply:
		return rep.event, rep.err
	case <-ctx.Done():
		return inquiry.Event{}, fmt.Errorf("data: gave up waiting (the event may still be recorded; retry with the same IDs): %w", ctx.Err())
	}
}

// Workshops returns every workshop at a glance, oldest first.
func (s *Store) Workshops() []inquiry.Summary {
	s.mu.RLock()
	defer s.mu.RUnlock()
	all := make([]inquiry.Summary, len(s.order))
	for i, id := range s.order {
		all[i] = s.logs[id].summary
	}
	return all
}

// ByCode finds a workshop by its join code as someone typed it: case,
// spaces and dashes do not matter (inquiry.ParseJoinCode).
func (s *Store) ByCode(code string) (inquiry.Summary, bool) {
	key := codeKey(code)
	if key == "" {
		return inquiry.Summary{}, false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	id, ok := s.codes[key]
	if !ok {
		return inquiry.Summary{}, false
	}
	return s.logs[id].summary, true
}

// Workshop returns a copy of a workshop's committed state: the caller owns
// it and may keep folding the store's later events into it. It is copied
// from the readers' shared fold (Read), whose events the store checked when
// it loaded or stamped them; Verify checks the log in the database whole.
func (s *Store) Workshop(workshopID string) (*inquiry.Workshop, error) {
	var w *inquiry.Workshop
	if err := s.Read(workshopID, func(shared *inquiry.Workshop) { w = shared.Copy() }); err != nil {
		return nil, err
	}
	if w.Head == 0 {
		return nil, fmt.Errorf("data: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	return w, nil
}

// StateAndLog returns a workshop's state and the committed log it was
// folded from, read in one go: an export writes both, and a contribution
// committed meanwhile is in neither, so the head the export states is the
// head of what it holds. (Not to be confused with the fold's snapshots,
// snapshot.go, which a start restores.) The state is the caller's; the
// events are shared with the store (do not modify them). Events older than
// the tail are read back from the database and checked.
func (s *Store) StateAndLog(workshopID string) (*inquiry.Workshop, []inquiry.Event, error) {
	events := s.Events(workshopID, 0)
	if len(events) == 0 {
		return nil, nil, fmt.Errorf("data: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	w, err := inquiry.ReplayStamped(events)
	if err != nil {
		return nil, nil, fmt.Errorf("data: workshop %s: %w", workshopID, err)
	}
	return w, events, nil
}

// codeKey is the form the code index keys workshops by, so that "Plover
// 9359" finds plover-9359; "" for what cannot be a join code. Two codes
// with one key cannot both be opened (ErrCodeTaken).
func codeKey(code string) string {
	key, err := inquiry.ParseJoinCode(code)
	if err != nil {
		return ""
	}
	return key.String()
}
