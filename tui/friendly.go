package tui

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/words"
)

// Friendly turns an error from the store into a sentence for the person
// at the screen, in English: what went wrong, without the plumbing.
func Friendly(err error) string { return FriendlyIn(english(), err) }

// FriendlyIn is Friendly in a language (the catalogue's "why." messages).
// A rule's own words, for something refused as invalid, stay as the rule
// says them, but for the refusals of a name, which anyone joining can meet.
func FriendlyIn(w words.Words, err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, inquiry.ErrDiskFull):
		return w.Say("why.disk_full")
	case errors.Is(err, inquiry.ErrBudgetFull):
		return w.Say("why.budget_full")
	case errors.Is(err, inquiry.ErrTooFast):
		return tooFast(w, err)
	case errors.Is(err, inquiry.ErrBlocked):
		return w.Say("why.blocked")
	case errors.Is(err, inquiry.ErrWaiting):
		return w.Say("why.waiting")
	case errors.Is(err, inquiry.ErrNotEligible):
		return w.Say("why.not_eligible")
	case errors.Is(err, inquiry.ErrStopping):
		return w.Say("why.stopping")
	case errors.Is(err, inquiry.ErrClosed):
		return w.Say("why.closed")
	case errors.Is(err, inquiry.ErrNotAllowed):
		return w.Say("why.not_allowed")
	case errors.Is(err, inquiry.ErrNotFound):
		return w.Say("why.not_found")
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return w.Say("why.timeout")
	case errors.Is(err, inquiry.ErrReservedName):
		return w.Say("why.reserved_name") // the rules a newcomer's name can meet
	case errors.Is(err, inquiry.ErrInvisibleName):
		return w.Say("why.invisible_name")
	case errors.Is(err, inquiry.ErrReframedBarrier):
		return w.Say("why.reframed_barrier") // its author's own edit
	case errors.Is(err, inquiry.ErrConflict):
		return w.Say("why.conflict")
	case errors.Is(err, inquiry.ErrInvalid):
		// The rule's own words say what was wrong; drop the "invalid: " label.
		msg := err.Error()
		if i := strings.LastIndex(msg, inquiry.ErrInvalid.Error()+": "); i >= 0 {
			msg = msg[i+len(inquiry.ErrInvalid.Error())+2:]
		}
		return msg + "."
	}
	return w.Say("why.other", "detail", err.Error())
}

// tooFast says when someone writing faster than their allowance can write
// again.
func tooFast(w words.Words, err error) string {
	var e *inquiry.TooFastError
	if !errors.As(err, &e) {
		return w.Say("why.too_fast_wait")
	}
	secs := int((e.Wait + time.Second - 1) / time.Second)
	return w.Count("why.too_fast", max(secs, 1))
}
