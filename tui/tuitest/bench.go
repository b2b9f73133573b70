package tuitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/tui"
)

// BenchmarkBells measures live updates on a screen m, open on room: each
// op shows the screen one more of the room's events (a tui.BellMsg), and
// paints what it then shows. The room gets n/4 new contributions (32 at
// least) to show, so that the workshop stays within a quarter of its
// size; when they run out, the room rewinds and again starts the screen
// again from there, outside the timer. It reports wire-bytes/op.
func BenchmarkBells(b *testing.B, room *MemRoom, n int, m tea.Model, again func(tea.Model) tea.Model) {
	base := room.Shown()
	for i := range max(n/4, 32) {
		room.Add(b, room.ContributionEvent(i%60, n+i))
	}
	room.Rewind(base)
	wire := NewWire(80, 24)
	wire.Draw(m.View())
	sent := 0
	b.ReportAllocs()
	for b.Loop() {
		if !room.Release(1) {
			b.StopTimer()
			room.Rewind(base)
			m = again(m)
			wire.Draw(m.View())
			room.Release(1)
			b.StartTimer()
		}
		m, _ = m.Update(tui.BellMsg{})
		sent += wire.Draw(m.View())
	}
	b.ReportMetric(float64(sent)/float64(b.N), "wire-bytes/op")
}

// DrawnAfresh is a screen's view as it draws it now, keeping what it drew
// before, checked against the view it draws once forget has made it keep
// nothing: a part kept stale fails the test.
func DrawnAfresh(t testing.TB, m tea.Model, forget func()) tea.View {
	t.Helper()
	got := m.View()
	forget()
	want := m.View()
	if got.Content != want.Content {
		t.Fatalf("the kept screen is stale.\nkept:\n%s\ndrawn afresh:\n%s", ansi.Strip(got.Content), ansi.Strip(want.Content))
	}
	if !SameCursor(got.Cursor, want.Cursor) {
		t.Fatalf("the kept cursor is stale: kept %v, drawn afresh %v", got.Cursor, want.Cursor)
	}
	return got
}
