package facilitator

import (
	"flag"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The facilitator's half of issue 10's second test family: the room and
// each of its panes and forms, the workshop chooser, the scribe's screen
// and enrolment, at every size, in a room of 60 people and 500
// contributions with the extreme names and words of tuitest.ExtremeRoom.
// Each is painted as the server paints it on a virtual terminal that knows
// how wide characters are, and judged there.

// showSizes logs every screen as the terminal shows it, to look at.
var showSizes = flag.Bool("sizes.show", false, "log every screen of the size tests as drawn")

// roomStage is a facilitator's screen to judge: the keys that reach it
// from the room, and what it must always show (besides the workshop's
// code on every screen of the room).
type roomStage struct {
	name string
	keys []string
	// ready is on the screen once the keys have taken effect, at 100x30.
	ready string
	// see must be on the screen whenever it is big enough to lay out in:
	// where the facilitator is, and how to see every key or to back out.
	see []string
}

var roomStages = []roomStage{
	{"the feed", nil, "Live contributions", []string{"? keys"}},
	{"the tally", []string{"tab"}, "▸ Tally", []string{"? keys"}},
	{"the people", []string{"tab", "tab"}, "▸ People", []string{"? keys"}},
	{"the vote", []string{"tab", "tab", "tab"}, "▸ Dot vote", []string{"? keys"}},
	{"details of 2,000 characters", []string{"enter"}, "esc close", []string{"esc close", "Sentence 0"}},
	{"the prompts", []string{"o"}, "Open a prompt for everyone", []string{"esc"}},
	{"what participants see", []string{"s"}, "What participants see", []string{"esc"}},
	{"closing the vote", []string{"d"}, "Close the vote", []string{"y "}},
	{"themes", []string{"enter", "t"}, "Themes for", []string{"esc"}},
	{"every key", []string{"?"}, "▸ Keys", []string{"Keys"}},
	{"searching", []string{"/"}, "esc cancel", []string{"esc cancel"}},
	{"the scribe desk", []string{"c"}, "Write for a table", []string{"esc back"}},
}

// judge looks at a running screen at every size: it must fit exactly, and
// show what it must.
func judge(t *testing.T, tt *tuitest.Term, see ...string) {
	t.Helper()
	for _, size := range tuitest.Sizes {
		tt.Resize(size.W, size.H)
		scr, problem := tuitest.Fits(tt.View(), size)
		if *showSizes {
			t.Logf("at %s:\n%s", size, scr.Text())
		}
		if problem != "" {
			t.Errorf("at %s %s; the terminal shows:\n%s", size, problem, scr.Text())
			continue
		}
		want := []string{"ctrl+c"}
		if size.W >= tui.MinWidth && size.H >= tui.MinHeight {
			want = see
		}
		for _, w := range want {
			if !strings.Contains(scr.Text(), w) {
				t.Errorf("at %s %q is not on the screen:\n%s", size, w, scr.Text())
			}
		}
	}
}

func TestEveryFacilitatorScreenAtEverySize(t *testing.T) {
	room := tuitest.ExtremeRoom(t, inquiry.FacilitatorPaced)
	for _, st := range roomStages {
		t.Run(st.name, func(t *testing.T) {
			tt := tuitest.Run(t, New(tuitest.FacilitatorSession(t, room, "harbour-4821")), 100, 30)
			tt.See("Live contributions")
			for _, k := range st.keys {
				tt.Key(k)
			}
			tt.See(st.ready)
			judge(t, tt, append([]string{"harbour-4821"}, st.see...)...)
		})
	}
	t.Run("the workshops", func(t *testing.T) {
		tt := tuitest.Run(t, New(tuitest.FacilitatorSession(t, room, "")), 100, 30)
		tt.See("Anchors and services")
		judge(t, tt, "harbour-4821", "q quit")
	})
	t.Run("the scribe's screen", func(t *testing.T) {
		s := tuitest.FacilitatorSession(t, room, "harbour-4821")
		s.Actor = inquiry.Actor{Role: inquiry.RoleScribe, ID: "SHA256:scribe", Name: "Jo at table 3"}
		tt := tuitest.Run(t, NewScribe(s), 100, 30)
		tt.See("Write for a table")
		tt.Key("enter")
		tt.See("consent") // naming a new table: the form with its consent
		judge(t, tt, "harbour-4821", "ctrl+c leave")
	})
	t.Run("enrolment", func(t *testing.T) {
		tt := tuitest.Run(t, NewEnrol(func(string) error { return nil }, "ssh -p 23234 workshop-laptop.local"), 100, 30)
		tt.See("enrolment code")
		tt.Send(tea.PasteMsg{Content: strings.Repeat("x", 30)})
		judge(t, tt, "enrolment code", "esc leave")
	})
}

// TestAFacilitatorReadsLongWordsWholeAtEverySize: the details cut a
// contribution of 2,000 characters to the pane; f shows it whole.
func TestAFacilitatorReadsLongWordsWholeAtEverySize(t *testing.T) {
	room := tuitest.ExtremeRoom(t, inquiry.FacilitatorPaced)
	for _, size := range tuitest.Sizes[1:] {
		t.Run(size.String(), func(t *testing.T) {
			tt := tuitest.Run(t, New(tuitest.FacilitatorSession(t, room, "harbour-4821")), size.W, size.H)
			tt.See("harbour-4821")
			tt.Key("enter") // the newest: the long opportunity
			tt.See("esc close")
			tt.Key("f")
			if got := tuitest.ReadWhole(t, tt, size); !strings.Contains(got, tuitest.LongText) {
				t.Errorf("the words read whole:\n%s\nwant them to hold:\n%s", got, tuitest.LongText)
			}
			tt.Key("esc")
			tt.See("esc close") // back in the details
		})
	}
}
