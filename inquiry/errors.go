package inquiry

import "errors"

// Errors a rule check can return. Callers test with errors.Is; the
// wrapping message says what exactly was wrong.
var (
	// ErrInvalid means the event is malformed: a missing field, text too
	// long, a kind the prompt does not ask for.
	ErrInvalid = errors.New("invalid")
	// ErrClosed means the workshop no longer takes contributions.
	ErrClosed = errors.New("workshop is closed")
	// ErrNotFound means the event names a participant or contribution that
	// does not exist.
	ErrNotFound = errors.New("not found")
	// ErrNotAllowed means the actor may not do this, such as editing
	// someone else's contribution.
	ErrNotAllowed = errors.New("not allowed")
	// ErrDuplicate means the event repeats one already recorded, such as a
	// retried submission: the caller can treat it as done.
	ErrDuplicate = errors.New("already recorded")
	// ErrConflict means the event reuses an ID for something different.
	ErrConflict = errors.New("conflicts with an earlier event")
)
