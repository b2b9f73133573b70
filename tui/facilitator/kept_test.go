package facilitator

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The room view keeps the parts it drew (parts) and draws again only
// what changed. A stale part is the bug these tests guard against: each
// case changes one thing the room shows and checks that the screen shows
// the change, and that it is the screen drawn from nothing.

// roomDrawnAfresh is the room as the facilitator draws it now, checked
// against the same room drawn with nothing kept.
func roomDrawnAfresh(t *testing.T, m *Screen) string {
	t.Helper()
	return ansi.Strip(tuitest.DrawnAfresh(t, m, func() { m.drawn = parts{} }).Content)
}

func pressInRoom(m *Screen, names ...string) {
	for _, k := range names {
		m.Update(tuitest.Key(k))
	}
}

func TestRoomViewShowsEveryChangeToWhatItKeeps(t *testing.T) {
	const newest = "c-000039" // the last of the room's 40 contributions
	cases := []struct {
		name  string
		setup func(t *testing.T, m *Screen, r *tuitest.MemRoom)
		// change changes one thing and returns text the screen must then
		// show ("" when only the styling or a count changes).
		change func(t *testing.T, m *Screen, r *tuitest.MemRoom) string
	}{
		{name: "window width", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			m.Update(tea.WindowSizeMsg{Width: 100, Height: 24})
			return strings.Repeat("─", 100)
		}},
		{name: "window height drops the counts", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 15})
			return ""
		}},
		{name: "narrow window shows one pane", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			m.Update(tea.WindowSizeMsg{Width: 60, Height: 24})
			return "Live contributions"
		}},
		{name: "a new contribution", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, r.ContributionEvent(3, 40))
			return "41 contributions"
		}},
		{name: "highlighted", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.ContributionHighlighted, Target: newest, Curation: &inquiry.Curation{Highlight: true}})
			return "★"
		}},
		{name: "hidden", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.ContributionHidden, Target: newest, Curation: &inquiry.Curation{Reason: "off topic"}})
			return "(hidden: off topic)"
		}},
		{name: "themes changed: the tally", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			themes := r.Workshop().Themes()
			r.Ring(t, m, inquiry.Event{Type: inquiry.ThemesChanged, Target: newest, Curation: &inquiry.Curation{Themes: []string{themes[0].ID, themes[1].ID}}})
			return ""
		}},
		{name: "author erased", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.ParticipantErased, Target: tuitest.ParticipantID(39 % 12)})
			return "(erased)"
		}},
		{name: "seeing", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal, Anonymous: true}})
			return "seeing on reveal, anonymous"
		}},
		{name: "closed", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.WorkshopClosed})
			return "closed"
		}},
		{name: "focus on the tally", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			pressInRoom(m, "tab")
			return "▸ Tally by theme"
		}},
		{name: "tally scrolled", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			pressInRoom(m, "tab")
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			pressInRoom(m, "down")
			return ""
		}},
		{name: "a contribution picked out", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			pressInRoom(m, "down")
			return "▸ "
		}},
		{name: "merging", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			pressInRoom(m, "down", "enter")
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			pressInRoom(m, "m")
			return "⇢ "
		}},
		{name: "keys listed", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			pressInRoom(m, "?")
			return "? close"
		}},
		{name: "searching", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			pressInRoom(m, "/")
			return "enter search · esc cancel"
		}},
		{name: "a kind filter", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			pressInRoom(m, "k")
			return "Showing"
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tuitest.NewMemRoom(t, 12, 40, inquiry.SelfPaced)
			m := opened(r, 80, 24)
			m.s.Context = t.Context()
			if tc.setup != nil {
				tc.setup(t, m, r)
			}
			before := roomDrawnAfresh(t, m)
			want := tc.change(t, m, r)
			after := roomDrawnAfresh(t, m)
			if want != "" && !strings.Contains(after, want) {
				t.Fatalf("after %s the room does not show %q:\n%s", tc.name, want, after)
			}
			if before == after && want == "" {
				t.Logf("the text did not change (styling only)")
			}
		})
	}
}
