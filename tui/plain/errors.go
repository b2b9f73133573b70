package plain

import (
	"context"
	"errors"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// friendly says what went wrong with something the store was asked, in
// the person's language, without the plumbing: tui.Friendly's sentences,
// from the catalogue.
func (m *Screen) friendly(err error) string {
	var tooFast *inquiry.TooFastError
	switch {
	case errors.As(err, &tooFast):
		secs := int((tooFast.Wait + time.Second - 1) / time.Second)
		return m.w.Count("error.too_fast", max(secs, 1))
	case errors.Is(err, inquiry.ErrDiskFull):
		return m.w.Say("error.disk_full")
	case errors.Is(err, inquiry.ErrStopping):
		return m.w.Say("error.stopping")
	case errors.Is(err, inquiry.ErrClosed):
		return m.w.Say("error.closed")
	case errors.Is(err, inquiry.ErrBlocked):
		return m.w.Say("error.blocked")
	case errors.Is(err, inquiry.ErrWaiting):
		return m.w.Say("error.waiting")
	case errors.Is(err, inquiry.ErrNotEligible):
		return m.w.Say("error.not_eligible")
	case errors.Is(err, inquiry.ErrNotAllowed):
		return m.w.Say("error.not_allowed")
	case errors.Is(err, inquiry.ErrNotFound):
		return m.w.Say("error.not_found")
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return m.w.Say("error.timeout")
	case errors.Is(err, inquiry.ErrInvalid):
		return m.w.Say("error.invalid", "detail", inquiry.CleanLine(err.Error()))
	}
	return m.w.Say("error.other", "detail", inquiry.CleanLine(err.Error()))
}

// isDuplicate reports a write the store already had: for a ballot the
// same as the one cast, so nothing changed.
func isDuplicate(err error) bool { return errors.Is(err, inquiry.ErrDuplicate) }
