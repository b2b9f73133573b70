package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// Facilitators and scribes are both enrolled: by a key, with a name that
// others see, at a time that a second enrolment of the same key keeps.

// enrolledName cleans the name given at an enrolment (what is "facilitator"
// or "scribe"). It is shown to others, so once cleaned it must be one line
// of at most inquiry.MaxNameRunes characters.
func enrolledName(what, name string) (string, error) {
	name = inquiry.CleanLine(name)
	if inquiry.RuneCount(name) > inquiry.MaxNameRunes {
		return "", fmt.Errorf("data: enrol %s: %w: a name is at most %d characters", what, inquiry.ErrInvalid, inquiry.MaxNameRunes)
	}
	return name, nil
}

// enrolment is when a facilitator or scribe was first enrolled, and the
// fingerprint of their key.
type enrolment interface {
	enrolled() (time.Time, string)
}

func (f Facilitator) enrolled() (time.Time, string) { return f.EnrolledAt, f.Fingerprint }
func (sc Scribe) enrolled() (time.Time, string)     { return sc.EnrolledAt, sc.Fingerprint }

// sortByEnrolment puts the enrolled in the order they were enrolled; those
// enrolled at the same instant by their fingerprints, so the order never
// changes between calls.
func sortByEnrolment[E enrolment](all []E) {
	slices.SortFunc(all, func(a, b E) int {
		aAt, aKey := a.enrolled()
		bAt, bKey := b.enrolled()
		return cmp.Or(aAt.Compare(bAt), strings.Compare(aKey, bKey))
	})
}
