package participant

import (
	"testing"

	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// joined is a participant's screen that has joined the room through the
// join form, at the first prompt of the guide, driven without a program.
func joined(tb testing.TB, room *tuitest.MemRoom) *Screen {
	tb.Helper()
	m := opened(tb, tui.Session{ID: "p-bench", Room: room, Code: room.Workshop().Code, Width: 80, Height: 24})
	for _, r := range "Ann" {
		m.Update(tuitest.Key(string(r)))
	}
	m.Update(tuitest.Key("enter"))
	m.Update(tuitest.Key("tab"))
	m.Update(tuitest.Key("space"))
	_, join := m.Update(tuitest.Key("enter"))
	if join == nil {
		tb.Fatal("the join form did not submit")
	}
	m.Update(join())
	if m.stage != stageGuide {
		tb.Fatalf("the participant did not reach the guide: %q", m.notice.Text)
	}
	return m
}

// opened is a participant's screen for a session, with the code it came
// with looked up as a program would (Init's command, then its answer),
// driven without a program.
func opened(tb testing.TB, s tui.Session) *Screen {
	tb.Helper()
	m := New(s).(*Screen)
	if cmd := m.Init(); cmd != nil {
		m.Update(cmd())
	}
	return m
}
