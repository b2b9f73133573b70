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
	m := New(tui.Session{ID: "p-bench", Room: room, Code: room.Workshop().Code, Width: 80, Height: 24}).(*Screen)
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
