package data

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// testTimeout bounds every wait in these tests.
const testTimeout = 20 * time.Second

// testGuide is a small valid guide: one phase, a prompt open to any kind
// and one that asks only for barriers.
var testGuide = inquiry.Guide{
	ID:    "test",
	Title: "Test guide",
	Phases: []inquiry.Phase{{
		ID: "discover", Title: "Discover",
		Prompts: []inquiry.Prompt{
			{ID: "best", Text: "When did a partnership work at its best?"},
			{ID: "barriers", Text: "What gets in the way?", Kinds: []inquiry.Kind{inquiry.Barrier}},
		},
	}},
}

const bestPrompt inquiry.PromptRef = "discover/best"

var host = inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:host"}

// openStore opens a store in dir and closes it when the test ends.
func openStore(t testing.TB, dir string, opts ...func(*Options)) *Store {
	t.Helper()
	o := Options{Dir: dir}
	for _, f := range opts {
		f(&o)
	}
	s, err := Open(o)
	if err != nil {
		t.Fatalf("open store in %s: %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testContext ends with the test or after testTimeout.
func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	t.Cleanup(cancel)
	return ctx
}

// openWorkshop opens a self-paced workshop with the test guide.
func openWorkshop(t testing.TB, s *Store, code string) inquiry.Summary {
	t.Helper()
	sum, err := s.OpenWorkshop(testContext(t), host, inquiry.WorkshopDetails{Title: "Partnerships at their best", Code: code, Guide: testGuide})
	if err != nil {
		t.Fatalf("open workshop %q: %v", code, err)
	}
	return sum
}

func joining(participantID string) inquiry.Event {
	return inquiry.Event{
		Type:  inquiry.ParticipantJoined,
		Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: participantID},
		Participant: &inquiry.ParticipantDetails{
			ID: participantID, Name: inquiry.Words{Text: "Name " + participantID},
			ConsentAt: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC),
		},
	}
}

func adding(participantID, contributionID, text string) inquiry.Event {
	return inquiry.Event{
		Type:  inquiry.ContributionAdded,
		Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: participantID},
		Contribution: &inquiry.ContributionDetails{
			ID: contributionID, Participant: participantID, Prompt: bestPrompt,
			Kind: inquiry.Opportunity, Text: inquiry.Words{Text: text},
		},
	}
}

// mustAppend appends an event that must be accepted.
func mustAppend(t testing.TB, s *Store, workshopID string, e inquiry.Event) inquiry.Event {
	t.Helper()
	got, err := s.Append(testContext(t), workshopID, e)
	if err != nil {
		t.Fatalf("append %s to %s: %v", e.Type, workshopID, err)
	}
	return got
}

// checkLog checks that a workshop's published log is gapless from 1,
// chains and replays, and that the database holds the same.
func checkLog(t testing.TB, s *Store, workshopID string, wantLen int) []inquiry.Event {
	t.Helper()
	events := s.Events(workshopID, 0)
	if len(events) != wantLen {
		t.Fatalf("workshop %s has %d events, want %d", workshopID, len(events), wantLen)
	}
	for i, e := range events {
		if e.Seq != uint64(i+1) {
			t.Fatalf("event at index %d has seq %d: the log has a gap", i, e.Seq)
		}
	}
	if _, err := inquiry.Replay(events); err != nil {
		t.Fatalf("published log of %s does not replay: %v", workshopID, err)
	}
	if err := s.Verify(workshopID); err != nil {
		t.Fatalf("verify %s: %v", workshopID, err)
	}
	return events
}

// waitRing waits for a doorbell, failing the test after testTimeout.
func waitRing(t testing.TB, bell <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-bell:
	case <-time.After(testTimeout):
		t.Fatalf("no ring within %v waiting for %s", testTimeout, what)
	}
}

// notRung reports whether a doorbell is silent right now.
func notRung(bell <-chan struct{}) bool {
	select {
	case <-bell:
		return false
	default:
		return true
	}
}

// steppingClock is a clock that moves one second on every reading.
type steppingClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *steppingClock {
	return &steppingClock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
}

func (c *steppingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func withClock(c *steppingClock) func(*Options) {
	return func(o *Options) { o.Now = c.Now }
}

// unlimited lifts the limits on writing, for tests that write as fast as
// they can on purpose.
func unlimited(o *Options) {
	o.Allowance = inquiry.Allowance{Burst: -1}
	o.TextBudget = -1
}

// run starts n goroutines running f(i) and returns the first error.
func run(n int, f func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = f(i) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

func participant(i int) string { return fmt.Sprintf("p%03d", i) }
