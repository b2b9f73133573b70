package data

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

func TestOpenWorkshopFillsInIDCodeAndPacing(t *testing.T) {
	s := openStore(t, t.TempDir())
	sum := openWorkshop(t, s, "")
	if !validWorkshopID(sum.ID) {
		t.Errorf("generated workshop ID %q is not 16 lower-case hex characters", sum.ID)
	}
	if err := inquiry.ValidCode(sum.Code); err != nil {
		t.Errorf("generated join code: %v", err)
	}
	if !sum.Open || sum.Title != "Partnerships at their best" || sum.Guide != testGuide.ID || sum.OpenedAt.IsZero() {
		t.Errorf("summary = %+v", sum)
	}
	w, err := s.Workshop(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if w.Pacing != inquiry.SelfPaced {
		t.Errorf("pacing = %q, want self-paced by default", w.Pacing)
	}
	opened := s.Events(sum.ID, 0)[0]
	if opened.Actor != host || opened.Type != inquiry.WorkshopOpened {
		t.Errorf("first event = %s by %+v, want the opening by the facilitator", opened.Type, opened.Actor)
	}

	given := "00000000000000ff"
	led, err := s.OpenWorkshop(testContext(t), host, inquiry.WorkshopDetails{ID: given, Title: "Led", Code: "Loch-0042", Pacing: inquiry.FacilitatorPaced, Guide: testGuide})
	if err != nil {
		t.Fatal(err)
	}
	if led.ID != given || led.Code != "loch-0042" {
		t.Errorf("given ID and code became %q and %q; want %q and the code in lower case", led.ID, led.Code, given)
	}
}

func TestOpenWorkshopRefusesBadDetails(t *testing.T) {
	s := openStore(t, t.TempDir())
	taken := openWorkshop(t, s, "harbour-0001")
	tests := []struct {
		name string
		d    inquiry.WorkshopDetails
		want error
	}{
		{"code taken", inquiry.WorkshopDetails{Title: "T", Code: "harbour-0001", Guide: testGuide}, ErrCodeTaken},
		{"code taken in another case", inquiry.WorkshopDetails{Title: "T", Code: "HARBOUR-0001", Guide: testGuide}, ErrCodeTaken},
		{"code taken with other dashes", inquiry.WorkshopDetails{Title: "T", Code: "harbour0001", Guide: testGuide}, ErrCodeTaken},
		{"code reserved", inquiry.WorkshopDetails{Title: "T", Code: "enrol", Guide: testGuide}, inquiry.ErrInvalid},
		{"code malformed", inquiry.WorkshopDetails{Title: "T", Code: "a b", Guide: testGuide}, inquiry.ErrInvalid},
		{"ID taken", inquiry.WorkshopDetails{ID: taken.ID, Title: "T", Guide: testGuide}, inquiry.ErrConflict},
		{"ID not fixed-width hex", inquiry.WorkshopDetails{ID: "ws1", Title: "T", Guide: testGuide}, inquiry.ErrInvalid},
		{"no title", inquiry.WorkshopDetails{Guide: testGuide}, inquiry.ErrInvalid},
		{"unknown pacing", inquiry.WorkshopDetails{Title: "T", Pacing: "fast", Guide: testGuide}, inquiry.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.OpenWorkshop(testContext(t), host, tt.d); !errors.Is(err, tt.want) {
				t.Errorf("OpenWorkshop: %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("no guide", func(t *testing.T) {
		_, err := s.OpenWorkshop(testContext(t), host, inquiry.WorkshopDetails{Title: "T"})
		var ge *inquiry.GuideError
		if !errors.As(err, &ge) {
			t.Errorf("OpenWorkshop without a guide: %v, want a *GuideError", err)
		}
	})
	if n := len(s.Workshops()); n != 1 {
		t.Errorf("%d workshops after refused openings, want 1", n)
	}
}

func TestConcurrentOpensWithTheSameCodeHaveOneWinner(t *testing.T) {
	s := openStore(t, t.TempDir())
	var won, refused atomic.Int32
	err := run(16, func(i int) error {
		_, err := s.OpenWorkshop(testContext(t), host, inquiry.WorkshopDetails{Title: fmt.Sprintf("Try %d", i), Code: "otter-0007", Guide: testGuide})
		switch {
		case err == nil:
			won.Add(1)
		case errors.Is(err, ErrCodeTaken):
			refused.Add(1)
		default:
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if won.Load() != 1 || refused.Load() != 15 {
		t.Errorf("%d opens won and %d were refused, want 1 and 15", won.Load(), refused.Load())
	}
}

func TestByCodeIgnoresCaseSpacesAndDashes(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "heron-0100")
	for _, code := range []string{"heron-0100", "HERON-0100", "Heron-0100", " heron-0100 ", "heron 0100", "HERON0100", "he-ron 01-00"} {
		if got, ok := s.ByCode(code); !ok || got.ID != ws.ID {
			t.Errorf("ByCode(%q) = %v, %v; want workshop %s", code, got.ID, ok, ws.ID)
		}
	}
	if _, ok := s.ByCode("heron-0101"); ok {
		t.Errorf("ByCode found a workshop for a code nobody has")
	}
}

func TestWorkshopsAreListedOldestFirstWithTheirCounts(t *testing.T) {
	dir := t.TempDir()
	clock := newClock()
	s := openStore(t, dir, withClock(clock))
	var want []string
	for i := range 5 {
		want = append(want, openWorkshop(t, s, fmt.Sprintf("wren-%04d", i)).ID)
	}
	mustAppend(t, s, want[2], joining("ann"))
	mustAppend(t, s, want[2], adding("ann", "c1", "Shared budgets"))
	check := func(when string) {
		t.Helper()
		all := s.Workshops()
		if len(all) != len(want) {
			t.Fatalf("%s: %d workshops, want %d", when, len(all), len(want))
		}
		for i, sum := range all {
			if sum.ID != want[i] {
				t.Errorf("%s: workshop %d is %s, want %s (oldest first)", when, i, sum.ID, want[i])
			}
		}
		if all[2].Participants != 1 || all[2].Contributions != 1 {
			t.Errorf("%s: summary counts %d participants and %d contributions, want 1 and 1", when, all[2].Participants, all[2].Contributions)
		}
	}
	check("before reopening")
	s.Close()
	s = openStore(t, dir, withClock(clock))
	check("after reopening")
}

func TestWorkshopIsAFreshFoldTheCallerOwns(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	mine, err := s.Workshop(ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	mine.Title = "Scribbled on"
	mine.Participants[0].Name = "Scribbled on"
	again, err := s.Workshop(ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.Title != "Partnerships at their best" || again.Participants[0].Name != "Name ann" {
		t.Errorf("a change to one caller's Workshop reached the next: %q, %q", again.Title, again.Participants[0].Name)
	}
	if _, err := s.Workshop("0123456789abcdef"); !errors.Is(err, inquiry.ErrNotFound) {
		t.Errorf("Workshop of an unknown ID: %v, want ErrNotFound", err)
	}
}
