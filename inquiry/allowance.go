package inquiry

import (
	"errors"
	"fmt"
	"time"
)

// Allowance is how fast one participant may write: a burst, then a steady
// rate. It holds back a script or a stuck key, not a person: writing a
// contribution worth reading takes longer than its steady rate, and a list
// prepared beforehand fits in its burst.
type Allowance struct {
	// Burst is how many writes may come at once.
	Burst int
	// Every is the steady rate once the burst is spent: one write per Every.
	Every time.Duration
}

// DefaultAllowance is ten writes at once, then one every six seconds (ten
// a minute). A person who types and thinks writes a contribution in half
// a minute or more; pasting a prepared list of ten, or fixing a typo twice,
// fits in the burst. A script is held to 600 writes an hour, about 1.2 MB
// of text at the longest, where five unchecked sessions saved 900 writes
// in 32 seconds.
var DefaultAllowance = Allowance{Burst: 10, Every: 6 * time.Second}

// ErrTooFast means a participant is writing faster than their allowance.
// The error is a *TooFastError, which says when they can write again.
var ErrTooFast = errors.New("writing too fast")

// TooFastError is a write refused by an allowance.
type TooFastError struct {
	// Again is when the participant can write again, and Wait how long
	// that is from the refused write.
	Again time.Time
	Wait  time.Duration
}

func (e *TooFastError) Error() string {
	secs := int((e.Wait + time.Second - 1) / time.Second)
	unit := "seconds"
	if secs == 1 {
		unit = "second"
	}
	return fmt.Sprintf("you are writing faster than the room can read: nothing was saved; you can write again in %d %s", secs, unit)
}

// Is makes errors.Is(err, ErrTooFast) true.
func (e *TooFastError) Is(target error) bool { return target == ErrTooFast }

// Counts reports whether an event uses up its author's allowance, and
// whose it is: a participant's own contributions, edits and ballots, each
// of which the room sees. Facilitators and scribes are trusted with their
// keys; joining and leaving are bounded otherwise.
func Counts(e Event) (participant string, ok bool) {
	if e.Actor.Role != RoleParticipant {
		return "", false
	}
	switch e.Type {
	case ContributionAdded, ContributionEdited, VoteCast:
		return e.Actor.ID, true
	}
	return "", false
}

// Take decides a write at time at, given the participant's next (the time
// their allowance is spent up to; zero before their first write). It
// returns next as it stands after the write, or a *TooFastError.
//
// It is the generic cell rate algorithm: every write moves next on by
// Every, and a write is refused while next is more than Burst-1 steps
// ahead of now. So it keeps one time per participant, not a list.
func (a Allowance) Take(next, at time.Time) (time.Time, error) {
	if a.Burst < 1 || a.Every <= 0 {
		return next, nil // no limit
	}
	if next.Before(at) {
		next = at
	}
	ahead := time.Duration(a.Burst-1) * a.Every
	if wait := next.Sub(at) - ahead; wait > 0 {
		return next, &TooFastError{Again: at.Add(wait), Wait: wait}
	}
	return next.Add(a.Every), nil
}
