package facilitator

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The facilitator's screen's hot paths: drawing the room, and the work one
// live update or one key press costs a session, from the message to the
// bytes on the wire (tuitest.Wire: painted as the server paints).

// BenchmarkFacilitatorView draws the room of a big workshop: 60
// participants, all connected, and 2,000 contributions.
func BenchmarkFacilitatorView(b *testing.B) {
	room := tuitest.NewMemRoom(b, 60, 2000, inquiry.SelfPaced)
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 48}} {
		b.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(b *testing.B) {
			m := opened(room, size.w, size.h)
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkFacilitatorBell is one live update on the facilitator's screen:
// one new contribution arrives (the bell), the screen catches up, draws,
// and the frame goes out. The work should follow what changed on the
// screen, not the size of the workshop.
func BenchmarkFacilitatorBell(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			room := tuitest.NewMemRoom(b, 60, n, inquiry.SelfPaced)
			tuitest.BenchmarkBells(b, room, n, opened(room, 80, 24), func(tea.Model) tea.Model { return opened(room, 80, 24) })
		})
	}
}

// BenchmarkFacilitatorKey is a key press on the facilitator's screen (tab
// to the next pane) in a workshop of n contributions: what a facilitator
// waits for when they type.
func BenchmarkFacilitatorKey(b *testing.B) {
	for _, n := range []int{100, 2_000, 10_000} {
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			room := tuitest.NewMemRoom(b, 60, n, inquiry.SelfPaced)
			m := opened(room, 80, 24)
			f := tuitest.NewWire(80, 24)
			f.Draw(m.View())
			sent := 0
			b.ReportAllocs()
			for b.Loop() {
				m.Update(tuitest.Key("tab"))
				sent += f.Draw(m.View())
			}
			b.ReportMetric(float64(sent)/float64(b.N), "wire-bytes/op")
		})
	}
}

func opened(room *tuitest.MemRoom, w, h int) *Screen {
	return New(tui.Session{
		ID: "f-bench", Room: room, Code: room.Workshop().Code, Width: w, Height: h,
		Actor: inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:bench"},
	}).(*Screen)
}

// BenchmarkFacilitatorOpen is a facilitator's screen opening a workshop
// of n contributions: the Room's whole log folded (trusted: the store has
// checked its chain) before its first frame.
func BenchmarkFacilitatorOpen(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			room := tuitest.NewMemRoom(b, 60, n, inquiry.SelfPaced)
			b.ReportAllocs()
			for b.Loop() {
				_ = opened(room, 80, 24).View()
			}
		})
	}
}
