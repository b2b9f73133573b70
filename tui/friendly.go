package tui

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// friendly turns an error from the store into a sentence for the person at
// the screen: what went wrong, without the plumbing.
func Friendly(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, inquiry.ErrDiskFull):
		return "the server's disk is full, so nothing could be saved. Tell the facilitator."
	case errors.Is(err, inquiry.ErrBudgetFull):
		return "this workshop has used all the space it has for words, so nothing more can be saved in it. A facilitator can export it and open another."
	case errors.Is(err, inquiry.ErrTooFast):
		return tooFast(err)
	case errors.Is(err, inquiry.ErrBlocked):
		return "a facilitator removed you from this workshop."
	case errors.Is(err, inquiry.ErrWaiting):
		return "a facilitator has not let you in yet: you can write once they do."
	case errors.Is(err, inquiry.ErrNotEligible):
		return "only people who were here when the vote opened, or whom a facilitator let in, can place dots in it."
	case errors.Is(err, inquiry.ErrStopping):
		return "the server is shutting down."
	case errors.Is(err, inquiry.ErrClosed):
		return "the workshop has been closed by the facilitator."
	case errors.Is(err, inquiry.ErrNotAllowed):
		return "that is not yours to change."
	case errors.Is(err, inquiry.ErrNotFound):
		return "it no longer exists."
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return "the server did not answer in time."
	case errors.Is(err, inquiry.ErrInvalid):
		// The rule's own words say what was wrong; drop the "invalid: " label.
		msg := err.Error()
		if i := strings.LastIndex(msg, inquiry.ErrInvalid.Error()+": "); i >= 0 {
			msg = msg[i+len(inquiry.ErrInvalid.Error())+2:]
		}
		return msg + "."
	}
	return "the server could not save it (" + err.Error() + ")."
}

// tooFast says when someone writing faster than their allowance can write
// again.
func tooFast(err error) string {
	var e *inquiry.TooFastError
	if !errors.As(err, &e) {
		return "you are writing faster than the room can read: wait a moment."
	}
	secs := int((e.Wait + time.Second - 1) / time.Second)
	return "you are writing faster than the room can read: you can write again in " + inquiry.Plural(max(secs, 1), "second", "seconds") + "."
}
