package tui

import (
	"fmt"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// The screens' hot paths: drawing the facilitator's room and the
// participant's guide, and the work one live update or one key press
// costs a session, from the message to the bytes on the wire. Rendering
// (frame) is Bubble Tea's renderer, so bytes/op is what the session's
// terminal receives.

// BenchmarkFacilitatorView draws the room of a big workshop: 60
// participants, all connected, and 2,000 contributions.
func BenchmarkFacilitatorView(b *testing.B) {
	room := newMemRoom(b, 60, 2000)
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 48}} {
		b.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(b *testing.B) {
			m := newBenchFacilitator(room, size.w, size.h)
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
			room := newMemRoom(b, 60, n)
			base := room.shown
			// New contributions to release one per update; when they run
			// out the room and the screen start again from base, so the
			// workshop stays within 25% of n.
			extra := max(n/4, 32)
			for i := range extra {
				room.add(b, room.contributionEvent(i%60, n+i))
			}
			room.rewind(base)
			f := newFrame(80, 24)
			fresh := func() *Facilitator {
				m := newBenchFacilitator(room, 80, 24)
				f.draw(m.View())
				return m
			}
			m := fresh()
			sent := 0
			b.ReportAllocs()
			for b.Loop() {
				if !room.release(1) {
					b.StopTimer()
					room.rewind(base)
					m = fresh()
					room.release(1)
					b.StartTimer()
				}
				m.Update(BellMsg{})
				sent += f.draw(m.View())
			}
			b.ReportMetric(float64(sent)/float64(b.N), "wire-bytes/op")
		})
	}
}

// BenchmarkFacilitatorKey is a key press on the facilitator's screen (tab
// to the next pane) in a workshop of n contributions: what a facilitator
// waits for when they type.
func BenchmarkFacilitatorKey(b *testing.B) {
	for _, n := range []int{100, 2_000, 10_000} {
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			room := newMemRoom(b, 60, n)
			m := newBenchFacilitator(room, 80, 24)
			f := newFrame(80, 24)
			f.draw(m.View())
			sent := 0
			b.ReportAllocs()
			for b.Loop() {
				m.Update(keyPress("tab"))
				sent += f.draw(m.View())
			}
			b.ReportMetric(float64(sent)/float64(b.N), "wire-bytes/op")
		})
	}
}

// BenchmarkParticipantComposeView draws the guide screen of a participant
// who has joined a big workshop and is halfway through a sentence.
func BenchmarkParticipantComposeView(b *testing.B) {
	room := newMemRoom(b, 60, 2000)
	m := newBenchParticipant(b, room)
	for _, r := range "The health centre could lend its room" {
		m.Update(keyPress(string(r)))
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkParticipantKey is one typed character in the participant's
// editor: the key, theme suggestion from the words so far, the view and
// the frame, drawn by tui/paint as the server does and, to compare, by
// Bubble Tea's own renderer.
func BenchmarkParticipantKey(b *testing.B) {
	for _, screen := range []struct {
		name     string
		newFrame func(w, h int) frame
	}{{"paint", newFrame}, {"bubbletea", newBubbleTeaFrame}} {
		b.Run("screen="+screen.name, func(b *testing.B) {
			room := newMemRoom(b, 60, 2000)
			m := newBenchParticipant(b, room)
			f := screen.newFrame(80, 24)
			f.draw(m.View())
			const text = "During the pandemic our volunteers delivered prescriptions and food parcels to people shielding. "
			sent, typed := 0, 0
			b.ReportAllocs()
			for b.Loop() {
				if typed == len(text) {
					b.StopTimer()
					m.compose.form.Clear()
					f.draw(m.View())
					typed = 0
					b.StartTimer()
				}
				m.Update(keyPress(text[typed : typed+1]))
				typed++
				sent += f.draw(m.View())
			}
			b.ReportMetric(float64(sent)/float64(b.N), "wire-bytes/op")
		})
	}
}

// BenchmarkParticipantBell is a live update on a participant's screen:
// someone else's contribution arrives. A participant's screen shows only
// their own, so it should cost little and send nothing.
func BenchmarkParticipantBell(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			room := newMemRoom(b, 60, n)
			m := newBenchParticipant(b, room)
			base := room.shown
			extra := max(n/4, 32)
			for i := range extra {
				room.add(b, room.contributionEvent(i%60, n+i))
			}
			room.rewind(base)
			f := newFrame(80, 24)
			f.draw(m.View())
			sent := 0
			b.ReportAllocs()
			for b.Loop() {
				if !room.release(1) {
					b.StopTimer()
					room.rewind(base)
					m.view.head = uint64(base)
					room.release(1)
					b.StartTimer()
				}
				m.Update(BellMsg{})
				sent += f.draw(m.View())
			}
			b.ReportMetric(float64(sent)/float64(b.N), "wire-bytes/op")
		})
	}
}

func newBenchFacilitator(room *memRoom, w, h int) *Facilitator {
	return NewFacilitator(Session{
		ID: "f-bench", Room: room, Code: room.fold.Code, Width: w, Height: h,
		Actor: inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:bench"},
	}).(*Facilitator)
}

// newBenchParticipant is a participant who has joined the room through
// the join form, at the first prompt of the guide.
func newBenchParticipant(b testing.TB, room *memRoom) *Participant {
	b.Helper()
	m := NewParticipant(Session{ID: "p-bench", Room: room, Code: room.fold.Code, Width: 80, Height: 24}).(*Participant)
	for _, r := range "Ann" {
		m.Update(keyPress(string(r)))
	}
	m.Update(keyPress("enter"))
	m.Update(keyPress("tab"))
	m.Update(keyPress("space"))
	_, join := m.Update(keyPress("enter"))
	if join == nil {
		b.Fatal("the join form did not submit")
	}
	m.Update(join())
	if m.stage != stageGuide {
		b.Fatalf("the participant did not reach the guide: %q", m.notice.Text)
	}
	return m
}

// BenchmarkFacilitatorOpen is a facilitator's screen opening a workshop
// of n contributions: the Room's whole log folded (trusted: the store has
// checked its chain) before its first frame.
func BenchmarkFacilitatorOpen(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			room := newMemRoom(b, 60, n)
			b.ReportAllocs()
			for b.Loop() {
				_ = newBenchFacilitator(room, 80, 24).View()
			}
		})
	}
}

// BenchmarkParticipantOpen is a participant's screen opening a workshop of
// n contributions, up to its first frame (the join form): what the server
// does between the SSH handshake and the first frame.
func BenchmarkParticipantOpen(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			room := newMemRoom(b, 60, n)
			b.ReportAllocs()
			for b.Loop() {
				m := NewParticipant(Session{ID: "p-bench", Room: room, Code: room.fold.Code, Width: 80, Height: 24})
				_ = m.View()
			}
		})
	}
}
