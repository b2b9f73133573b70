package participant

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// screenEnding is a way a participant's screen ends, with last words that
// stay on the person's terminal once it has gone.
type screenEnding struct {
	name string
	// room makes the room; without it, the self-paced ExtremeRoom.
	room func(t *testing.T) *tuitest.MemRoom
	// end brings a screen, run at 80x24 and then resized to the size
	// judged, to its end.
	end  func(t *testing.T, tt *tuitest.Term, room *tuitest.MemRoom, size tuitest.Size)
	says string
}

var screenEndings = []screenEnding{
	{name: "removed by a facilitator", end: func(t *testing.T, tt *tuitest.Term, room *tuitest.MemRoom, size tuitest.Size) {
		joinAs(tt, longName)
		tt.See("Start with the prompt")
		tt.Resize(size.W, size.H)
		room.Record(t, inquiry.Event{Type: inquiry.ParticipantBlocked, Target: newest(room)})
		tt.Send(tui.BellMsg{})
	}, says: inquiry.RemovedSentence},
	{name: "arriving at a closed workshop", room: func(t *testing.T) *tuitest.MemRoom {
		room := tuitest.ExtremeRoom(t, inquiry.SelfPaced)
		room.Record(t, inquiry.Event{Type: inquiry.WorkshopClosed})
		return room
	}, end: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom, size tuitest.Size) {
		tt.See("join code")
		tt.Resize(size.W, size.H)
		tt.Type("harbour-4821")
		tt.Key("enter")
	}, says: inquiry.ClosedSentence("Anchors and services")},
	{name: "leaving", end: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom, size tuitest.Size) {
		joinAs(tt, emojiName)
		tt.See("Start with the prompt")
		tt.Resize(size.W, size.H)
		tt.Key("ctrl+c")
	}, says: "Goodbye. Everything you saved is kept."},
}

// TestEveryParticipantEndingAtEverySize: however a participant's screen
// ends, at whatever size, its last words are wrapped to the window, so
// that the terminal shows them whole: no row wider than it, and the
// sentence there in full.
func TestEveryParticipantEndingAtEverySize(t *testing.T) {
	shared := tuitest.ExtremeRoom(t, inquiry.SelfPaced)
	for _, e := range screenEndings {
		for _, size := range tuitest.Sizes {
			t.Run(e.name+" at "+size.String(), func(t *testing.T) {
				room := shared
				if e.room != nil {
					room = e.room(t)
				}
				m := New(tui.Session{ID: "s-end", Context: t.Context(), Room: room, Width: 80, Height: 24})
				tt := tuitest.Run(t, m, 80, 24)
				e.end(t, tt, room, size)
				tt.Wait()
				last := ansi.Strip(m.View().Content)
				for i, row := range strings.Split(last, "\n") {
					if w := tui.Width(row); w > size.W {
						t.Errorf("row %d of the last words is %d wide for a terminal of %d: %q", i+1, w, size.W, row)
					}
				}
				if said := strings.Join(strings.Fields(last), " "); !strings.Contains(said, e.says) {
					t.Errorf("the last words are:\n%s\nwant them to say: %s", last, e.says)
				}
			})
		}
	}
}
