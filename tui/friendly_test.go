package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

func TestFriendlyMessagesSayWhatWentWrongWithoutThePlumbing(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("data: commit: %w", data.ErrDiskFull), "the server's disk is full"},
		{data.ErrClosed, "shutting down"},
		{inquiry.ErrClosed, "closed by the facilitator"},
		{fmt.Errorf("event 9: %w", inquiry.ErrNotAllowed), "not yours to change"},
		{fmt.Errorf("%w: a contribution needs text", inquiry.ErrInvalid), "a contribution needs text."},
		{context.DeadlineExceeded, "did not answer in time"},
		{errors.New("something odd"), "something odd"},
	}
	for _, tt := range tests {
		got := Friendly(tt.err)
		if !strings.Contains(got, tt.want) || strings.Contains(got, "data:") {
			t.Errorf("Friendly(%v) = %q, want it to contain %q and no package prefix", tt.err, got, tt.want)
		}
	}
}
