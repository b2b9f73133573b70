package participant

import (
	"bytes"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The participant's screen's hot paths: the work one key press or one
// live update costs a session, from the message to the bytes on the wire
// (tuitest.Wire: painted as the server paints).

// BenchmarkParticipantComposeView draws the guide screen of a participant
// who has joined a big workshop and is halfway through a sentence.
func BenchmarkParticipantComposeView(b *testing.B) {
	room := tuitest.NewMemRoom(b, 60, 2000, inquiry.SelfPaced)
	m := joined(b, room)
	for _, r := range "The health centre could lend its room" {
		m.Update(tuitest.Key(string(r)))
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
	}{{"paint", func(w, h int) frame { return tuitest.NewWire(w, h) }}, {"bubbletea", newBubbleTeaFrame}} {
		b.Run("screen="+screen.name, func(b *testing.B) {
			room := tuitest.NewMemRoom(b, 60, 2000, inquiry.SelfPaced)
			m := joined(b, room)
			f := screen.newFrame(80, 24)
			f.Draw(m.View())
			const text = "During the pandemic our volunteers delivered prescriptions and food parcels to people shielding. "
			sent, typed := 0, 0
			b.ReportAllocs()
			for b.Loop() {
				if typed == len(text) {
					b.StopTimer()
					m.compose.form.Clear()
					f.Draw(m.View())
					typed = 0
					b.StartTimer()
				}
				m.Update(tuitest.Key(text[typed : typed+1]))
				typed++
				sent += f.Draw(m.View())
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
			room := tuitest.NewMemRoom(b, 60, n, inquiry.SelfPaced)
			base := uint64(room.Shown())
			tuitest.BenchmarkBells(b, room, n, joined(b, room), func(m tea.Model) tea.Model {
				m.(*Screen).view.head = base + 1 // the join is the screen's own
				return m
			})
		})
	}
}

// BenchmarkParticipantOpen is a participant's screen opening a workshop of
// n contributions, up to its first frame (the join form): what the server
// does between the SSH handshake and the first frame.
func BenchmarkParticipantOpen(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("contributions=%d", n), func(b *testing.B) {
			room := tuitest.NewMemRoom(b, 60, n, inquiry.SelfPaced)
			b.ReportAllocs()
			for b.Loop() {
				m := opened(b, tui.Session{ID: "p-bench", Room: room, Code: room.Workshop().Code, Width: 80, Height: 24})
				_ = m.View()
			}
		})
	}
}

// frame paints views on a session's terminal and counts the bytes each
// sends.
type frame interface {
	Draw(v tea.View) int
}

// newBubbleTeaFrame draws as Bubble Tea's own renderer does, which the
// server used before tui/paint: kept to compare the two.
func newBubbleTeaFrame(w, h int) frame {
	f := &bubbleTeaFrame{buf: uv.NewScreenBuffer(w, h)}
	f.scr = uv.NewTerminalRenderer(&f.out, []string{"TERM=xterm-256color"})
	f.scr.SetColorProfile(colorprofile.ANSI256)
	f.scr.SetFullscreen(true)
	f.scr.SetRelativeCursor(false)
	f.scr.SetScrollOptim(true)
	f.scr.Resize(w, h)
	f.scr.Erase()
	return f
}

type bubbleTeaFrame struct {
	buf  uv.ScreenBuffer
	scr  *uv.TerminalRenderer
	out  bytes.Buffer
	last *tea.View
}

// Draw renders one view and returns the bytes it sent. Like Bubble Tea's
// renderer, it does nothing for a view equal to the last one.
func (f *bubbleTeaFrame) Draw(v tea.View) int {
	if f.last != nil && f.last.Content == v.Content && tuitest.SameCursor(f.last.Cursor, v.Cursor) {
		return 0
	}
	f.last = &v
	f.out.Reset()
	f.buf.Clear()
	uv.NewStyledString(v.Content).Draw(f.buf, f.buf.Bounds())
	f.scr.Render(f.buf.RenderBuffer)
	if v.Cursor != nil {
		f.scr.MoveTo(v.Cursor.X, v.Cursor.Y)
	}
	_ = f.scr.Flush()
	return f.out.Len()
}

// BenchmarkParticipantBellAtTheirPrompt is the worst case of a growing
// workshop (issue 15): every contribution at the prompt the participant
// is on, and one more by someone else, with the list of others' words
// closed (the count) or open (its page). It should cost the same at
// 30,000 as at 1,000.
func BenchmarkParticipantBellAtTheirPrompt(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 30_000} {
		for _, list := range []string{"closed", "open"} {
			b.Run(fmt.Sprintf("contributions=%d/list=%s", n, list), func(b *testing.B) {
				room := tuitest.NewMemRoom(b, 60, 0, inquiry.SelfPaced)
				at := func(i int) inquiry.Event { return room.ContributionEvent(i%60, 11*i) } // every eleventh is at the first prompt
				for i := range n {
					room.Add(b, at(i))
				}
				room.Release(n)
				m := joined(b, room)
				base := uint64(room.Shown())
				open := func() {
					if list == "open" {
						m.Update(tuitest.Key("ctrl+r"))
					}
				}
				open()
				for i := range max(n/4, 32) {
					room.Add(b, at(n+i))
				}
				room.Rewind(int(base))
				wire := tuitest.NewWire(80, 24)
				wire.Draw(m.View())
				sent := 0
				b.ReportAllocs()
				for b.Loop() {
					if !room.Release(1) {
						b.StopTimer()
						room.Rewind(int(base))
						m.view.head = base
						m.others.stale = true
						m.View()
						room.Release(1)
						b.StartTimer()
					}
					m.Update(tui.BellMsg{})
					sent += wire.Draw(m.View())
				}
				b.ReportMetric(float64(sent)/float64(b.N), "wire-bytes/op")
			})
		}
	}
}
