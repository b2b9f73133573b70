package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// The allowances in a snapshot. Each participant's allowance (limits.go)
// is the time it is spent up to, which the log's events decide one after
// another from the first: a script held to the steady rate stays a whole
// burst behind for as long as it keeps writing, however far back its
// first write was, so no window of recent events gives it back exactly.
// A snapshot therefore holds the allowances as the events up to its head
// spent them, and a start spends the events after the head on top: the
// limits after a start are the ones a replay of the whole log would learn.

// snapshotLimits is a snapshot's record of the allowances: the allowance
// they were spent under, and each participant's time.
type snapshotLimits struct {
	Burst int                  `json:"burst"`
	Every time.Duration        `json:"every"`
	Next  map[string]time.Time `json:"next"`
}

// encodeLimits writes a workshop's spending under an allowance. The same
// spending always gives the same bytes (JSON writes a map's keys in
// order), so the start's background check can compare them with what the
// log spends.
func encodeLimits(a inquiry.Allowance, sp spending) ([]byte, error) {
	next := make(map[string]time.Time, len(sp))
	for who, t := range sp {
		next[who] = t.UTC()
	}
	return json.Marshal(snapshotLimits{Burst: a.Burst, Every: a.Every, Next: next})
}

// errOtherAllowance means a snapshot's allowances were spent under another
// allowance than the store's: they are learnt again from the log.
var errOtherAllowance = errors.New("the snapshot's limits were spent under another allowance")

// decodeLimits reads what encodeLimits wrote, for a store with allowance a.
func decodeLimits(a inquiry.Allowance, b []byte) (spending, error) {
	var rec snapshotLimits
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, fmt.Errorf("%w: the snapshot's limits: %w", inquiry.ErrInvalid, err)
	}
	if rec.Burst != a.Burst || rec.Every != a.Every {
		return nil, errOtherAllowance
	}
	sp := make(spending, len(rec.Next))
	for who, t := range rec.Next {
		sp[who] = t
	}
	return sp, nil
}
