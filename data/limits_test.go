package data

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// handClock is a clock a test moves by hand.
type handClock struct {
	mu sync.Mutex
	t  time.Time
}

func newHandClock() *handClock {
	return &handClock{t: time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)}
}

func (c *handClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *handClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func withHandClock(c *handClock) func(*Options) { return func(o *Options) { o.Now = c.Now } }

// The flood of issue 12: five sessions pasting 2,000 characters as fast
// as they can. Each bot gets its burst, then one contribution every six
// seconds; everything else is refused with a message saying when they can
// write again, and the room sees only what was saved.
func TestFloodOfFiveBotsIsHeldToTheirAllowance(t *testing.T) {
	const bots, minute, triesPerSecond = 5, 60, 20
	clock := newHandClock()
	s := openStore(t, t.TempDir(), withHandClock(clock))
	ws := openWorkshop(t, s, "flood-0001")
	for b := range bots {
		mustAppend(t, s, ws.ID, joining(participant(b)))
	}
	bell, stop := s.WatchFor(ws.ID, func(e inquiry.Event) bool { return e.Type == inquiry.ContributionAdded })
	defer stop()
	text := strings.Repeat("spam ", inquiry.MaxTextRunes/5)
	var saved, refused [bots]atomic.Int32
	var tried atomic.Int32
	var messages sync.Map
	for second := 0; second <= minute; second++ {
		err := run(bots, func(b int) error {
			for i := range triesPerSecond {
				tried.Add(1)
				id := fmt.Sprintf("%s-%d-%d", participant(b), second, i)
				_, err := s.Append(testContext(t), ws.ID, adding(participant(b), id, text))
				switch {
				case err == nil:
					saved[b].Add(1)
				case errors.Is(err, inquiry.ErrTooFast):
					refused[b].Add(1)
					messages.Store(err.Error()[strings.Index(err.Error(), "you are"):], true)
				default:
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("second %d: %v", second, err)
		}
		clock.advance(time.Second)
	}
	// Within a minute: the burst of 10, then one at 6 s, 12 s ... 60 s.
	want := int32(inquiry.DefaultAllowance.Burst + minute/int(inquiry.DefaultAllowance.Every/time.Second))
	total := 0
	for b := range bots {
		if got := saved[b].Load(); got != want {
			t.Errorf("bot %d saved %d contributions in a minute, want %d", b, got, want)
		}
		total += int(saved[b].Load())
	}
	messages.Range(func(k, _ any) bool {
		if m := k.(string); m != "you are writing faster than the room can read: nothing was saved; you can write again in 6 seconds" &&
			!strings.HasPrefix(m, "you are writing faster than the room can read: nothing was saved; you can write again in ") {
			t.Errorf("a refusal said %q", m)
		}
		return true
	})
	waitRing(t, bell, "the room's bell for the contributions saved")
	var seen, textBytes int
	if err := s.Read(ws.ID, func(w *inquiry.Workshop) {
		seen = w.Tally().Contributions
		textBytes = int(w.TextBytes())
	}); err != nil {
		t.Fatal(err)
	}
	if seen != total {
		t.Errorf("the room sees %d contributions, %d were saved", seen, total)
	}
	checkLog(t, s, ws.ID, 1+bots+total)
	t.Logf("five bots, one simulated minute: %d tries, %d saved (%d each), %d refused; the room saw %d contributions, %d KB of text",
		tried.Load(), total, want, int(tried.Load())-total, seen, textBytes>>10)
}

// A restart does not hand a flooder a fresh burst: the allowance is
// learnt again from the log's times.
func TestAllowanceOutlastsARestart(t *testing.T) {
	clock := newHandClock()
	dir := t.TempDir()
	s := openStore(t, dir, withHandClock(clock))
	ws := openWorkshop(t, s, "flood-0002")
	mustAppend(t, s, ws.ID, joining("p-bot"))
	for i := range inquiry.DefaultAllowance.Burst {
		mustAppend(t, s, ws.ID, adding("p-bot", fmt.Sprintf("c%d", i), "words"))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir, withHandClock(clock))
	_, err := s.Append(testContext(t), ws.ID, adding("p-bot", "c-after", "words"))
	var tooFast *inquiry.TooFastError
	if !errors.As(err, &tooFast) || tooFast.Wait != 6*time.Second {
		t.Fatalf("after a restart, the 11th write at once = %v, want refused for 6 s", err)
	}
	// Others, and the people who run the workshop, are not held back.
	mustAppend(t, s, ws.ID, joining("p-other"))
	mustAppend(t, s, ws.ID, adding("p-other", "c-other", "words"))
	clock.advance(6 * time.Second)
	mustAppend(t, s, ws.ID, adding("p-bot", "c-later", "words"))
}

// The budget: a warning facilitators can read at 80%, a clear refusal at
// 100% that changes nothing, and leaving still works.
func TestTextBudgetWarnsThenRefuses(t *testing.T) {
	const budget = 10_000
	s := openStore(t, t.TempDir(), func(o *Options) { o.TextBudget = budget })
	ws := openWorkshop(t, s, "budget-0001")
	text := strings.Repeat("x", 1000)
	writer := 0
	add := func() error {
		writer++
		id := fmt.Sprintf("w%02d", writer)
		if _, err := s.Append(testContext(t), ws.ID, joining(id)); err != nil {
			return err
		}
		_, err := s.Append(testContext(t), ws.ID, adding(id, id+"-c", text))
		return err
	}
	storage := func() Storage {
		st, err := s.Storage(ws.ID)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	for storage().Used+1000+10 < budget*8/10 {
		if err := add(); err != nil {
			t.Fatalf("below 80%%: %v", err)
		}
		if storage().Warning() {
			t.Fatalf("warned at %d of %d bytes, under 80%%", storage().Used, budget)
		}
	}
	for !storage().Warning() {
		if err := add(); err != nil {
			t.Fatalf("before the warning: %v", err)
		}
	}
	if st := storage(); st.Used*100 < budget*80 || st.Full() {
		t.Fatalf("warned at %d of %d bytes", st.Used, st.Budget)
	}
	warnedAt := storage().Used
	var err error
	for err == nil {
		err = add()
	}
	t.Logf("a %d-byte budget: warned at %d bytes used; refused at %d: %v", budget, warnedAt, storage().Used, err)
	if !errors.Is(err, ErrBudgetFull) || !strings.Contains(err.Error(), "nothing more can be saved") {
		t.Fatalf("past the budget: %v, want ErrBudgetFull", err)
	}
	head := len(s.Events(ws.ID, 0))
	over := strings.Repeat("y", int(budget-storage().Used)+1)
	if _, err := s.Append(testContext(t), ws.ID, adding("w01", "more", over)); !errors.Is(err, ErrBudgetFull) {
		t.Errorf("a contribution one byte past the budget = %v, want ErrBudgetFull", err)
	}
	if got := len(s.Events(ws.ID, 0)); got != head {
		t.Errorf("refusals changed the log: %d events, then %d", head, got)
	}
	// Leaving takes no words, and frees the leaver's.
	before := storage().Used
	mustAppend(t, s, ws.ID, inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "w01"}, Target: "w01"})
	if after := storage().Used; after != before-1000 {
		t.Errorf("a withdrawal left %d bytes used, want %d", after, before-1000)
	}
	mustAppend(t, s, ws.ID, adding("w02", "fits-again", "a few words"))
}

// A participant a facilitator removed: their session's writes are refused
// with a message, their key cannot join again, their resume code says why.
func TestRemovedParticipantCannotComeBack(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "block-0001")
	join := joining("p-mal")
	join.Participant.Identity = "key-mal"
	mustAppend(t, s, ws.ID, join)
	mustAppend(t, s, ws.ID, adding("p-mal", "c1", "spam"))
	code, err := s.ResumeCode(ws.ID, "p-mal")
	if err != nil {
		t.Fatal(err)
	}
	if id, err := s.ResumeParticipant(ws.ID, code); err != nil || id != "p-mal" {
		t.Fatalf("before the block, the resume code gives %q, %v", id, err)
	}
	mustAppend(t, s, ws.ID, inquiry.Event{Type: inquiry.ParticipantBlocked, Actor: host, Target: "p-mal"})

	if _, err := s.Append(testContext(t), ws.ID, adding("p-mal", "c2", "more")); !errors.Is(err, inquiry.ErrBlocked) {
		t.Errorf("a removed participant's contribution = %v, want ErrBlocked", err)
	}
	again := joining("p-mal-2")
	again.Participant.Identity = "key-mal"
	if _, err := s.Append(testContext(t), ws.ID, again); !errors.Is(err, inquiry.ErrBlocked) || !strings.Contains(err.Error(), "removed you") {
		t.Errorf("joining again with the same key = %v, want ErrBlocked", err)
	}
	if _, err := s.ResumeParticipant(ws.ID, code); !errors.Is(err, inquiry.ErrBlocked) {
		t.Errorf("the removed participant's resume code = %v, want ErrBlocked", err)
	}
	if _, ok := s.Resume(ws.ID, code); ok {
		t.Errorf("Resume still takes the removed participant's code")
	}
	if _, err := s.ResumeParticipant(ws.ID, "2345-6789"); !errors.Is(err, ErrWrongResumeCode) {
		t.Errorf("a wrong code = %v, want ErrWrongResumeCode", err)
	}
	if err := s.Read(ws.ID, func(w *inquiry.Workshop) {
		p, _ := w.Participant("p-mal")
		c, _ := w.Contribution("c1")
		if !p.Blocked || c.Live() {
			t.Errorf("the fold after the block: blocked %v, contribution live %v", p.Blocked, c.Live())
		}
	}); err != nil {
		t.Fatal(err)
	}
}
