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

// Errors of the server that keeps workshops, described here so that a
// screen can tell a person what happened without knowing the storage: the
// store wraps them (with %w) in its own.
var (
	// ErrDiskFull means the server's disk is nearly full, so nothing more
	// is saved until space is freed. Its text is written for the person
	// whose words were not saved.
	ErrDiskFull = errors.New("the server's disk is full: nothing was saved")
	// ErrStopping means the server is shutting down and takes no more
	// changes.
	ErrStopping = errors.New("the server is shutting down")
	// ErrBudgetFull means a workshop has used all the space it has for
	// people's words, so nothing more is saved in it. Its text is written
	// for the person whose words were not saved.
	ErrBudgetFull = errors.New("this workshop has used all the space it has for words: nothing more can be saved; a facilitator can export it and open another")
)
