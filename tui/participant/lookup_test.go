package participant

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// slowRoom is the store behind limits on guessing that make every lookup
// wait, as the server's do after wrong codes from an address: each lookup
// says it will wait, and waits until the test lets it go (or the session
// ends).
type slowRoom struct {
	*data.Store
	wait    time.Duration
	release chan struct{}
}

func newSlowRoom(store *data.Store, wait time.Duration) *slowRoom {
	return &slowRoom{Store: store, wait: wait, release: make(chan struct{}, 8)}
}

func (r *slowRoom) ReserveCode(code string) (time.Duration, func(context.Context) (inquiry.Summary, error)) {
	return r.wait, func(ctx context.Context) (inquiry.Summary, error) {
		select {
		case <-r.release:
		case <-ctx.Done():
			return inquiry.Summary{}, ctx.Err()
		}
		if sum, ok := r.ByCode(code); ok {
			return sum, nil
		}
		return inquiry.Summary{}, fmt.Errorf("no match: %w", inquiry.ErrNotFound)
	}
}

func (r *slowRoom) ReserveResume(ws, code string) (time.Duration, func(context.Context) (string, error)) {
	return r.wait, func(ctx context.Context) (string, error) {
		select {
		case <-r.release:
		case <-ctx.Done():
			return "", ctx.Err()
		}
		return r.ResumeParticipant(ws, code)
	}
}

// TestParticipantCodeLookupWaitsWithoutFreezingTheScreen: while a join
// code's lookup waits out the limits on guessing, the screen says how
// long, keeps drawing what is typed, and ctrl+c leaves at once.
func TestParticipantCodeLookupWaitsWithoutFreezingTheScreen(t *testing.T) {
	store, sum := datatest.Workshop(t)
	room := newSlowRoom(store, 30*time.Second)
	m := New(tuitest.ParticipantSession(t, room, "")).(*Screen)
	tt := tuitest.Run(t, m, 80, 24)
	tt.See("Type the join code")
	tt.Type(sum.Code)
	tt.Key("enter")
	tt.See("Too many wrong codes from here; wait 30 s")
	tt.Type("still typing")
	tt.See("still typing") // the screen draws while the lookup waits
	tt.Key("ctrl+c")
	tt.Wait()
	tt.See("Goodbye")
	if !m.frame.Ended() {
		t.Fatal("ctrl+c during the wait did not end the screen")
	}
}

// TestParticipantLookupsRunOffTheScreen: each way a code is looked up (in
// the SSH user name, typed on the screen, a resume code) waits as a
// command, and the screen moves on only when it answers.
func TestParticipantLookupsRunOffTheScreen(t *testing.T) {
	tests := []struct {
		name     string
		userCode bool
		resume   bool
		after    string
	}{
		{name: "code in the user name", userCode: true, after: "Your name or pseudonym"},
		{name: "code typed", after: "Your name or pseudonym"},
		{name: "resume code", userCode: true, resume: true, after: "Welcome back, Kit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store, sum := datatest.Workshop(t)
			kit := tuitest.Join(t, store, sum.ID, "Kit")
			code, err := store.ResumeCode(sum.ID, kit)
			if err != nil {
				t.Fatal(err)
			}
			room := newSlowRoom(store, 4*time.Second)
			s := tuitest.ParticipantSession(t, room, "")
			if tc.userCode {
				s.Code = sum.Code
			}
			tt := tuitest.Run(t, New(s), 80, 24)
			if !tc.userCode {
				tt.Type(sum.Code)
				tt.Key("enter")
			}
			if tc.resume {
				room.release <- struct{}{} // the join code
				tt.See("Your name or pseudonym")
				tt.Key("ctrl+r")
				tt.Type(code)
				tt.Key("enter")
			}
			tt.See("wait 4 s")
			if tt.Shows(tc.after) {
				t.Fatalf("the screen moved on before the lookup answered")
			}
			room.release <- struct{}{}
			tt.See(tc.after)
		})
	}
}

// TestParticipantCodesTypedAheadAreEachChecked: codes typed while one is
// being checked are checked in turn, each counted, not lost.
func TestParticipantCodesTypedAheadAreEachChecked(t *testing.T) {
	store, sum := datatest.Workshop(t)
	room := newSlowRoom(store, time.Second)
	m := New(tuitest.ParticipantSession(t, room, "")).(*Screen)
	tt := tuitest.Run(t, m, 80, 24)
	tt.Type("wrong-one")
	tt.Key("enter")
	tt.Type("wrong-two")
	tt.Key("enter")
	tt.Type(sum.Code)
	tt.Key("enter")
	for range 3 {
		room.release <- struct{}{}
	}
	tt.See("Your name or pseudonym")
	if m.attempts != 2 {
		t.Errorf("wrong codes counted: %d, want 2", m.attempts)
	}
}

// TestParticipantRemovedIsToldSoWhenTheyComeBack: someone a facilitator
// removed is told so, and the session ends, whether they come back with
// their key or their resume code; it is not answered as a wrong code.
func TestParticipantRemovedIsToldSoWhenTheyComeBack(t *testing.T) {
	for _, way := range []string{"key", "resume code"} {
		t.Run(way, func(t *testing.T) {
			store, sum := datatest.Workshop(t)
			identity := func(ws string) string { return "key-of-zed-in-" + ws }
			first := tuitest.ParticipantSession(t, store, sum.Code)
			if way == "key" {
				first.IdentityFor = identity
			}
			ctx, drop := context.WithCancel(context.Background())
			first.Context = ctx
			tt := tuitest.Run(t, New(first), 80, 24)
			tt.FillJoinForm("Zed")
			zed := tuitest.Folded(t, store, sum.ID).Participants[0].ID
			code, err := store.ResumeCode(sum.ID, zed)
			if err != nil {
				t.Fatal(err)
			}
			drop()
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantBlocked, Target: zed})

			again := tuitest.ParticipantSession(t, store, sum.Code)
			m := New(again).(*Screen)
			if way == "key" {
				again.IdentityFor = identity
				m = New(again).(*Screen)
			}
			back := tuitest.Run(t, m, 80, 24)
			if way == "resume code" {
				back.See("ctrl+r to give your resume code")
				back.Key("ctrl+r")
				back.Type(code)
				back.Key("enter")
			}
			back.Wait()
			back.See(inquiry.RemovedSentence)
			if !m.Failed() {
				t.Error("the session was not reported as refused")
			}
			if m.join != nil && m.join.resume.attempts != 0 {
				t.Errorf("the removed person's resume code was counted as a wrong guess")
			}
		})
	}
}
