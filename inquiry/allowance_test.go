package inquiry

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A burst of ten, then one write every six seconds; a pause earns the
// burst back, never more than the burst.
func TestAllowanceIsABurstThenASteadyRate(t *testing.T) {
	a := DefaultAllowance
	start := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	var next time.Time
	take := func(at time.Time) error {
		n, err := a.Take(next, at)
		if err == nil {
			next = n
		}
		return err
	}
	for i := range 10 {
		if err := take(start); err != nil {
			t.Fatalf("write %d of the burst refused: %v", i+1, err)
		}
	}
	err := take(start)
	var tooFast *TooFastError
	if !errors.Is(err, ErrTooFast) || !errors.As(err, &tooFast) {
		t.Fatalf("the 11th write at once = %v, want ErrTooFast", err)
	}
	if tooFast.Wait != 6*time.Second || !tooFast.Again.Equal(start.Add(6*time.Second)) {
		t.Errorf("refused with wait %v, again at %v; want 6s", tooFast.Wait, tooFast.Again)
	}
	if want := "you can write again in 6 seconds"; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q does not say %q", err, want)
	}
	if err := take(start.Add(5 * time.Second)); err == nil {
		t.Errorf("a write 5 s later was allowed; the steady rate is one every 6 s")
	}
	if err := take(start.Add(6 * time.Second)); err != nil {
		t.Errorf("a write 6 s later was refused: %v", err)
	}
	// An hour's pause earns the burst back, and no more.
	later := start.Add(time.Hour)
	for i := range 10 {
		if err := take(later); err != nil {
			t.Fatalf("after a pause, write %d of the burst refused: %v", i+1, err)
		}
	}
	if err := take(later); err == nil {
		t.Errorf("a pause earned more than the burst")
	}
}

func TestAllowanceCountsParticipantsOwnWrites(t *testing.T) {
	cases := []struct {
		e     Event
		count bool
	}{
		{added(alice, "c", alice.ID, "design/opportunities", Opportunity, "x"), true},
		{edited(alice, ContributionDetails{ID: "c"}, "y"), true},
		{voteCast(alice, "v", alice.ID, nil), true},
		{added(scribe, "c", table3, "design/opportunities", Opportunity, "x"), false},
		{added(facilitator, "c", table3, "design/opportunities", Opportunity, "x"), false},
		{joined(alice, "Alice"), false},
		{withdrew(alice, alice.ID), false},
		{deleted(alice, "c"), false},
	}
	for _, c := range cases {
		who, ok := Counts(c.e)
		if ok != c.count || (ok && who != c.e.Actor.ID) {
			t.Errorf("Counts(%s by %s) = %q, %v; want %v", c.e.Type, c.e.Actor.Role, who, ok, c.count)
		}
	}
}
