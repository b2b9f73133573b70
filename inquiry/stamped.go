package inquiry

import "fmt"

// The trusted fold. Apply recomputes every event's chain hash and the
// digest of every piece of people's words: a third of the work of folding
// a contribution, and all of it wasted on an event whose hash the caller
// has just computed itself, or that the caller read back from a log it
// has already checked. ApplyStamped and ReplayStamped skip those two
// checks and nothing else.
//
// The trust is the caller's to give, and only for events of its own: the
// store's committer for an event it has just stamped, and the store's
// readers for events it published after Replay checked them on loading or
// after the committer stamped them. A log that comes from outside the
// process (a database file being opened, an export, a backup, anything a
// person could have edited) goes through Replay, always.

// ApplyStamped folds in an event whose chain hash and digests the caller
// vouches for: it stamped them itself, or it read the event from a log it
// has verified. It still checks everything else Apply does: that the
// event follows the head (its sequence number and its Prev), that it
// carries a hash and sealed words, and that it keeps every rule of the
// workshop. An event that breaks a rule is refused, as by Apply, and the
// workshop is left as it was.
func (w *Workshop) ApplyStamped(e Event) error {
	if err := w.checkLink(e); err != nil {
		return err
	}
	if e.Hash == "" {
		return fmt.Errorf("event %d: %w: not stamped: it has no hash", e.Seq, ErrInvalid)
	}
	for _, words := range e.Words() {
		if !words.Sealed() {
			return fmt.Errorf("event %d: %w: not stamped: its words have no digest", e.Seq, ErrInvalid)
		}
	}
	return w.applyChecked(e)
}

// ReplayStamped folds a whole log whose chain the caller has verified
// already (see ApplyStamped): the same workshop as Replay gives, without
// checking every hash again. Never use it for a log from outside the
// process.
func ReplayStamped(events []Event) (*Workshop, error) {
	w := &Workshop{}
	for _, e := range events {
		if err := w.ApplyStamped(e); err != nil {
			return nil, err
		}
	}
	return w, nil
}
