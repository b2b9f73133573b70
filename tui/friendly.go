package tui

import (
	"context"
	"errors"
	"strings"

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
