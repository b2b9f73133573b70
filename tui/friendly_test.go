package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/words"
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
		{fmt.Errorf("data: commit: %w (10 of 10 bytes used)", data.ErrBudgetFull), "nothing more can be saved in it"},
		{fmt.Errorf("data: %w", &inquiry.TooFastError{Wait: 5500 * time.Millisecond}), "you can write again in 6 seconds."},
		{fmt.Errorf("data: %w", &inquiry.TooFastError{Wait: 200 * time.Millisecond}), "you can write again in 1 second."},
		{fmt.Errorf("event 4: %w (participant p1)", inquiry.ErrBlocked), "a facilitator removed you from this workshop."},
		{fmt.Errorf("event 4: %w (participant p1)", inquiry.ErrWaiting), "has not let you in yet"},
		{fmt.Errorf("vote v1: %w", inquiry.ErrNotEligible), "only people who were here when the vote opened"},
		{fmt.Errorf("workshop w1: barrier c-1: %w", inquiry.ErrReframedBarrier), "this barrier has answers, so it stays a barrier"},
		{fmt.Errorf("workshop w1: %w: contribution c-2 is already merged", inquiry.ErrConflict), "someone changed it in the meantime"},
	}
	for _, tt := range tests {
		got := Friendly(tt.err)
		if !strings.Contains(got, tt.want) || strings.Contains(got, "data:") || (tt.want != "something odd" && strings.Contains(got, "could not save it (")) {
			t.Errorf("Friendly(%v) = %q, want it to contain %q, with no package prefix and no raw error", tt.err, got, tt.want)
		}
	}
}

// TestFriendlySaysItInThePersonsLanguage: the same reasons, from the
// catalogue, in the language a participant's screen speaks, with the
// language's plural forms; the facilitator's Friendly stays English.
func TestFriendlySaysItInThePersonsLanguage(t *testing.T) {
	cat := (*words.Catalogue)(nil)
	tests := []struct {
		lang string
		err  error
		want string
	}{
		{"cy", fmt.Errorf("data: commit: %w", data.ErrDiskFull), "mae disg y gweinydd yn llawn"},
		{"gd", inquiry.ErrClosed, "dhùin an stiùiriche a' bhùth-obrach."},
		{"cy", fmt.Errorf("data: %w", &inquiry.TooFastError{Wait: 2 * time.Second}), "ymhen 2 eiliad."},
		{"gd", fmt.Errorf("data: %w", &inquiry.TooFastError{Wait: 2 * time.Second}), "an ceann 2 dhiog."},
		{"gd", fmt.Errorf("data: %w", &inquiry.TooFastError{Wait: 3 * time.Second}), "an ceann 3 diogan."},
		{"cy", errors.New("something odd"), "nid oedd y gweinydd yn gallu ei gadw (something odd)."},
		{"gd", fmt.Errorf("data: %w", inquiry.ErrReservedName), "tha an t-ainm sin glèidhte"},
		{"cy", inquiry.ErrInvisibleName, "o leiaf un llythyren neu rif"},
		{"cy", fmt.Errorf("workshop w1: barrier c-1: %w", inquiry.ErrReframedBarrier), "mae atebion iddo, felly rhwystr yw e o hyd"},
		{"gd", fmt.Errorf("workshop w1: barrier c-1: %w", inquiry.ErrReframedBarrier), "tha freagairtean aige, mar sin 's e cnap-starra"},
		{"cy", fmt.Errorf("workshop w1: %w: contribution c-2 is already merged", inquiry.ErrConflict), "newidiodd rhywun hyn yn y cyfamser"},
	}
	for _, tt := range tests {
		if got := FriendlyIn(cat.In(tt.lang), tt.err); !strings.Contains(got, tt.want) {
			t.Errorf("FriendlyIn(%s, %v) = %q, want it to contain %q", tt.lang, tt.err, got, tt.want)
		}
	}
	if got, want := Friendly(inquiry.ErrClosed), "the workshop has been closed by the facilitator."; got != want {
		t.Errorf("Friendly = %q, want English %q", got, want)
	}
}
