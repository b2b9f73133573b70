package main

import (
	"fmt"
	"regexp"
	"sync"
	"time"
)

// tracker follows every contribution from the key that submitted it to
// each facilitator's screen. Contributions are told apart by a token at the
// start of their text (lgPPPP-NNN), short enough to show whole in the
// facilitator's feed.
type tracker struct {
	mu           sync.Mutex
	facilitators int
	byToken      map[string]*contribution
	order        []*contribution
}

type contribution struct {
	token     string
	submitted time.Time // enter pressed
	saved     time.Time // "Saved ✓" on the author's screen; zero until then
	seen      map[int]time.Time
}

// tokenPattern finds contribution tokens on a screen.
var tokenPattern = regexp.MustCompile(`lg\d{4,}-\d{3,}`)

func newTracker(facilitators int) *tracker {
	return &tracker{facilitators: facilitators, byToken: map[string]*contribution{}}
}

// token names participant p's n-th contribution.
func token(p, n int) string { return fmt.Sprintf("lg%04d-%03d", p, n) }

// submitted records that a contribution's enter was pressed.
func (t *tracker) submitted(tok string, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := &contribution{token: tok, submitted: at, seen: map[int]time.Time{}}
	t.byToken[tok] = c
	t.order = append(t.order, c)
}

// saved records that the author's screen said it was saved.
func (t *tracker) saved(tok string, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c := t.byToken[tok]; c != nil {
		c.saved = at
	}
}

// sighted records every token on facilitator f's screen, the first time
// each appears there.
func (t *tracker) sighted(f int, screen string, at time.Time) {
	found := tokenPattern.FindAllString(screen, -1)
	if len(found) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, tok := range found {
		if c := t.byToken[tok]; c != nil {
			if _, ok := c.seen[f]; !ok {
				c.seen[f] = at
			}
		}
	}
}

// outstanding is how many saved contributions some facilitator has not
// yet seen.
func (t *tracker) outstanding() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, c := range t.order {
		if !c.saved.IsZero() && len(c.seen) < t.facilitators {
			n++
		}
	}
	return n
}

// delivery is what became of the contributions.
type delivery struct {
	submitted, saved, seenByAll int
	submitToSaved               []time.Duration
	savedToVisible              []time.Duration // to the last facilitator's screen
	submitToVisible             []time.Duration
}

func (t *tracker) delivery() delivery {
	t.mu.Lock()
	defer t.mu.Unlock()
	var d delivery
	for _, c := range t.order {
		d.submitted++
		if c.saved.IsZero() {
			continue
		}
		d.saved++
		d.submitToSaved = append(d.submitToSaved, c.saved.Sub(c.submitted))
		if t.facilitators == 0 || len(c.seen) < t.facilitators {
			continue
		}
		d.seenByAll++
		var last time.Time
		for _, at := range c.seen {
			if at.After(last) {
				last = at
			}
		}
		d.savedToVisible = append(d.savedToVisible, last.Sub(c.saved))
		d.submitToVisible = append(d.submitToVisible, last.Sub(c.submitted))
	}
	return d
}
