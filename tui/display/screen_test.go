package display

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

func TestTheWallHasNoKeysButCtrlC(t *testing.T) {
	room := crowded(t)
	m := wallAt(t, room, code, 120, 40, time.Now())
	before := m.View().Content
	for _, k := range []string{"q", "esc", "enter", "b", "tab", "space", "up", "pgdown", "ctrl+t", "?"} {
		_, cmd := m.Update(tuitest.Key(k))
		if cmd != nil || m.frame.Ended() || m.View().Content != before {
			t.Fatalf("%s changed the wall", k)
		}
	}
	m.Update(tuitest.Key("ctrl+c"))
	if !m.frame.Ended() || m.View().Content != "The wall display has closed.\n" {
		t.Fatalf("ctrl+c: ended %v, %q", m.frame.Ended(), m.View().Content)
	}
}

func TestAWallForNoWorkshopSaysSoAndEnds(t *testing.T) {
	room := tuitest.NewMemRoom(t, 1, 1, inquiry.SelfPaced)
	for typed, says := range map[string]string{
		"nowhere0000": `No workshop has the code "nowhere0000". Connect with its code: ssh -p 23234 CODE+display@192.168.1.20`,
		"":            "The wall display needs a workshop's join code: ssh -p 23234 CODE+display@192.168.1.20",
	} {
		m := New(wallSession(t, room, typed, 80, 24), testJoin)
		// Wrapped to the window: the words stay once the screen has gone.
		if m.Init() == nil || m.View().Content != strings.Join(tui.Wrap(says, 80), "\n")+"\n" {
			t.Errorf("a wall for %q: %q", typed, m.View().Content)
		}
	}
}

func TestTicksComeNoCloserThanASecondAndOnTheClocksSecond(t *testing.T) {
	room := tuitest.NewMemRoom(t, 2, 2, inquiry.FacilitatorPaced)
	m := wallAt(t, room, code, 80, 24, time.Now())
	last := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	m.last = last
	for _, c := range []struct {
		name  string
		clock inquiry.Timebox
		now   time.Time
		want  time.Time
	}{
		{"no clock, just after a tick", inquiry.Timebox{}, last.Add(200 * time.Millisecond), last.Add(time.Second)},
		{"no clock, long after", inquiry.Timebox{}, last.Add(time.Minute), last.Add(time.Minute)},
		{"a clock ending on the half second", inquiry.Timebox{Prompt: "p", EndsAt: last.Add(10*time.Minute + 500*time.Millisecond)},
			last.Add(200 * time.Millisecond), last.Add(1500 * time.Millisecond)},
		{"a clock, long after", inquiry.Timebox{Prompt: "p", EndsAt: last.Add(10*time.Minute + 500*time.Millisecond)},
			last.Add(time.Minute + 700*time.Millisecond), last.Add(time.Minute + 1500*time.Millisecond)},
		{"a paused clock", inquiry.Timebox{Prompt: "p", EndsAt: last.Add(10*time.Minute + 500*time.Millisecond), PausedAt: last},
			last.Add(200 * time.Millisecond), last.Add(time.Second)},
	} {
		m.shown.clock = c.clock
		if got := m.nextTick(c.now); !got.Equal(c.want) {
			t.Errorf("%s: next tick at +%s, want +%s", c.name, got.Sub(last), c.want.Sub(last))
		}
	}
}

func BenchmarkWallFrame(b *testing.B) {
	room := tuitest.NewMemRoom(b, 60, 600, inquiry.FacilitatorPaced)
	ref := tuitest.PromptFor(b, inquiry.Opportunity, inquiry.Barrier)
	e := room.Record(b, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: ref}})
	room.Record(b, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: ref, EndsAt: e.At.Add(time.Hour)}})
	for _, sz := range sizes {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			m := wallAt(b, room, code, sz[0], sz[1], e.At)
			at := e.At
			b.ReportAllocs()
			for b.Loop() {
				// A second's tick after the bell: the room read, the frame
				// drawn.
				at = at.Add(time.Second)
				m.Update(tui.BellMsg{})
				m.Update(tickMsg{at: at})
			}
		})
	}
}
