package inquiry

import (
	"fmt"
	"time"
)

// The timebox's clock: the time left on the prompt open for everyone, and
// pausing it. A facilitator extends or shortens a timebox (TimeboxChanged,
// a minute more or less), ends it, and pauses and resumes it; every screen
// follows the same events with Timebox.Follow, so the room, the wall and
// each participant count down the same time.
const (
	// TimeboxPaused stops the open prompt's clock (Pace: the prompt): the
	// time left stays as it was until the timebox is resumed.
	TimeboxPaused EventType = "timebox.paused"
	// TimeboxResumed starts the clock again with the time that was left
	// when it was paused (Pace: the prompt).
	TimeboxResumed EventType = "timebox.resumed"
)

// Timebox is the clock of the prompt open for everyone, as the pacing
// events have set it.
type Timebox struct {
	// Prompt is the prompt open for everyone; "" before one is opened.
	Prompt PromptRef
	// EndsAt is when the time runs out if the clock is not paused again;
	// zero when the prompt has no timebox.
	EndsAt time.Time
	// PausedAt is when the clock was paused; zero while it runs.
	PausedAt time.Time
	// Ended is set when a facilitator ended the timebox, or shortened it
	// past the moment they did so.
	Ended bool
}

// Follow takes a pacing event into the clock; other events change
// nothing. It trusts the event to have passed the workshop's rules, as
// every event a screen reads from the store has.
func (t *Timebox) Follow(e Event) {
	switch e.Type {
	case PromptOpened:
		*t = Timebox{Prompt: e.Pace.Prompt, EndsAt: e.Pace.EndsAt}
	case TimeboxChanged:
		if e.Pace.EndsAt.IsZero() {
			t.EndsAt, t.PausedAt, t.Ended = e.At, time.Time{}, true
			return
		}
		t.EndsAt, t.Ended = e.Pace.EndsAt, false
		// Shortened past the moment it was asked: the time is up, or
		// for a paused clock, none is left.
		if now := t.reference(e.At); t.EndsAt.Before(now) {
			t.EndsAt, t.Ended = now, !t.Paused()
		}
	case TimeboxPaused:
		t.PausedAt = e.At
	case TimeboxResumed:
		t.EndsAt, t.PausedAt = e.At.Add(t.Remaining(e.At)), time.Time{}
	}
}

// reference is the moment the time left is measured from: when the clock
// was paused, or now.
func (t Timebox) reference(now time.Time) time.Time {
	if t.Paused() {
		return t.PausedAt
	}
	return now
}

// Has reports whether the open prompt has a timebox.
func (t Timebox) Has() bool { return t.Prompt != "" && !t.EndsAt.IsZero() }

// Paused reports whether the clock is paused.
func (t Timebox) Paused() bool { return !t.PausedAt.IsZero() }

// Remaining is the time left at now: frozen while paused, never below
// zero, and zero without a timebox.
func (t Timebox) Remaining(now time.Time) time.Duration {
	if !t.Has() {
		return 0
	}
	return max(t.EndsAt.Sub(t.reference(now)), 0)
}

// Running reports whether the clock is counting down at now: there is
// time left and it is not paused. A screen ticks only while it runs.
func (t Timebox) Running(now time.Time) bool {
	return t.Has() && !t.Paused() && t.Remaining(now) > 0
}

// Up reports whether the time is up at now: there was a timebox and none
// of it is left. A paused clock with time left is not up.
func (t Timebox) Up(now time.Time) bool {
	return t.Has() && t.Remaining(now) == 0
}

// Shift is the Pace of a TimeboxChanged event that gives the timebox d
// more (or, negative, less) time at now. Time added to a timebox that has
// run out counts from now; time taken past now ends it.
func (t Timebox) Shift(d time.Duration, now time.Time) Pace {
	base := t.EndsAt
	if d > 0 && !t.Paused() && base.Before(now) {
		base = now
	}
	end := base.Add(d)
	if end.IsZero() {
		// Zero means "end now" in the event: one nanosecond later is the
		// same to anyone reading a clock.
		end = end.Add(time.Nanosecond)
	}
	return Pace{Prompt: t.Prompt, EndsAt: end}
}

// Timebox is the clock of the prompt open for everyone.
func (w *Workshop) Timebox() Timebox { return w.clock }

// followClock folds a pacing event that moves the clock, keeping Current
// (the open prompt and when its time runs out) in step.
func (w *Workshop) followClock(e Event) {
	w.clock.Follow(e)
	w.Current = Pace{Prompt: w.clock.Prompt, EndsAt: w.clock.EndsAt}
	w.timeboxEnded = w.clock.Ended
}

// checkTimeboxHold allows pausing a running clock and resuming a paused
// one, on the open prompt's timebox.
func (w *Workshop) checkTimeboxHold(e Event) error {
	if err := facilitates(e.Actor, "pause or resume the timebox"); err != nil {
		return err
	}
	if e.Pace == nil {
		return fmt.Errorf("%w: %s without the prompt", ErrInvalid, e.Type)
	}
	if w.Pacing != FacilitatorPaced || w.Current.Prompt == "" {
		return fmt.Errorf("%w: no prompt is open for everyone, so there is no timebox to pause", ErrInvalid)
	}
	if e.Pace.Prompt != w.Current.Prompt {
		return fmt.Errorf("%w: the timebox belongs to the open prompt %s, not %s", ErrConflict, w.Current.Prompt, e.Pace.Prompt)
	}
	if !w.clock.Has() || w.clock.Ended {
		return fmt.Errorf("%w: the open prompt has no timebox running to pause or resume", ErrInvalid)
	}
	if w.clock.Paused() == (e.Type == TimeboxPaused) {
		return ErrDuplicate
	}
	if !w.Open {
		return ErrClosed
	}
	return nil
}
