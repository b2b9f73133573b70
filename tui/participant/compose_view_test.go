package participant

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The guide screen keeps what it drew (composeDrawn) and draws again only
// what changed. A stale piece is the bug these tests guard against: each
// case changes one thing the screen shows and checks that the screen shows
// the change, and that it is the screen a participant drawing from nothing
// would show.

// drawnAfresh is the screen as the participant draws it now, checked
// against the same screen drawn with nothing kept.
func drawnAfresh(t *testing.T, m *Screen) tea.View {
	t.Helper()
	return tuitest.DrawnAfresh(t, m, func() { m.drawn = composeDrawn{}; m.compose.form.Redraw() })
}

// keys presses each key and runs what it asks for that answers at once
// (a save, a vote's ballot); commands that wait for the room are left.
func keys(m *Screen, names ...string) {
	for _, k := range names {
		_, cmd := m.Update(tuitest.Key(k))
		runQuick(m, cmd)
	}
}

func runQuick(m *Screen, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				runQuick(m, c)
			}
			return
		}
		if msg != nil {
			_, next := m.Update(msg)
			runQuick(m, next)
		}
	case <-time.After(200 * time.Millisecond):
		// A command that waits for the room's bell or a tick: not ours to run.
	}
}

// toAction moves to the first prompt that asks for actions.
func toAction(t *testing.T, m *Screen) {
	t.Helper()
	for !m.compose.form.IsAction() {
		at, _ := m.compose.form.Position()
		keys(m, "pgdown")
		if next, _ := m.compose.form.Position(); next == at {
			t.Fatal("no prompt in the guide asks for actions")
		}
	}
}

// toReframe moves to a prompt that offers a reframe for barriers, with
// its first kind chosen (not a barrier).
func toReframe(t *testing.T, m *Screen) {
	t.Helper()
	for {
		p := m.compose.form.Prompt()
		if p.Reframe != "" && len(p.KindChoices()) > 1 && p.KindChoices()[0] != inquiry.Barrier {
			return
		}
		at, _ := m.compose.form.Position()
		keys(m, "pgdown")
		if next, _ := m.compose.form.Position(); next == at {
			t.Fatal("no prompt in the guide offers a reframe for barriers")
		}
	}
}

func TestComposeScreenShowsEveryChangeToWhatItKeeps(t *testing.T) {
	cases := []struct {
		name  string
		paced bool
		empty bool // a room with no contributions yet
		// was is text the screen shows before the change and not after.
		was   string
		setup func(t *testing.T, m *Screen, r *tuitest.MemRoom)
		// change changes one thing and returns text the screen must then
		// show ("" when only the styling or the cursor changes).
		change func(t *testing.T, m *Screen, r *tuitest.MemRoom) string
	}{
		{name: "window width", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			m.Update(tea.WindowSizeMsg{Width: 100, Height: 24})
			return strings.Repeat("─", 100)
		}},
		{name: "window height drops the prompt's help", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 12})
			return ""
		}},
		{name: "window taller: a taller editor", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
			return ""
		}},
		{name: "next prompt", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			keys(m, "pgdown")
			return "Discover 2 · 2 of 11"
		}},
		{name: "focus", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			keys(m, "tab")
			return "▸Kind"
		}},
		{name: "kind", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "tab") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				keys(m, "right")
				return ""
			}},
		{name: "partner", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "tab", "tab", "tab") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				keys(m, "right")
				return "◂ " + m.view.guide.PartnerList()[0].Label + " ▸"
			}},
		{name: "theme ticked", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "tab", "tab") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				keys(m, "space")
				return "✓" + m.view.themes[0].Label
			}},
		{name: "another theme ticked", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "tab", "tab", "space", "right") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				keys(m, "space")
				return "✓" + m.view.themes[1].Label
			}},
		{name: "themes suggested from the words", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			typed := "volunteers"
			for _, k := range typed {
				keys(m, string(k))
			}
			if len(m.compose.form.ChosenThemes()) == 0 {
				t.Fatalf("no theme was suggested for %q: choose words that suggest one", typed)
			}
			return "(suggested from the words)"
		}},
		{name: "focus on the themes", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "tab") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				keys(m, "tab")
				return "▸Themes ◂"
			}},
		{name: "themes chosen by hand", was: "(suggested from the words)", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			for _, k := range "volunteers" {
				keys(m, string(k))
			}
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			// Ticked and unticked: the same themes, now chosen, not suggested.
			keys(m, "tab", "tab", "space", "space", "tab")
			return ""
		}},
		{name: "theme cursor", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "tab", "tab") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				keys(m, "right")
				return ""
			}},
		{name: "theme added", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "tab", "tab", "left") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				r.Ring(t, m, inquiry.Event{Type: inquiry.ThemeAdded, Theme: &inquiry.Theme{ID: "night-buses", Label: "Night buses"}})
				return "Night buses"
			}},
		{name: "notice", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			keys(m, "pgup")
			return "This is the first prompt."
		}},
		{name: "editor text", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			keys(m, "w")
			return "┃ w"
		}},
		{name: "editor text, the cursor still", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "a", "b", "left", "left") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				keys(m, "delete")
				return "┃ b"
			}},
		{name: "editor cursor", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "a", "b") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				before := m.View().Cursor.X
				keys(m, "left")
				if after := m.View().Cursor.X; after != before-1 {
					t.Errorf("the cursor is at column %d after left, want %d", after, before-1)
				}
				return ""
			}},
		{name: "saved: yours", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			keys(m, "x", "enter")
			return "Yours: 1 here, 1 in all"
		}},
		{name: "others", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			n := m.others.count
			// Contribution numbers that are multiples of 11 are at the first prompt.
			r.Ring(t, m, r.ContributionEvent(1, 11*100))
			return "Others here: " + strconv.Itoa(n+1)
		}},
		{name: "the first of others' contributions: help line", empty: true, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, r.ContributionEvent(1, 0))
			return "ctrl+r others"
		}},
		{name: "others held back", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal}})
			return "held back until the facilitator reveals them"
		}},
		{name: "building on", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			keys(m, "ctrl+r", "enter")
			return "↳ building on"
		}},
		{name: "editing: help line", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) { keys(m, "x", "enter") },
			change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
				keys(m, "ctrl+o", "enter")
				return "enter save changes"
			}},
		{name: "vote: help line", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			m.Update(tea.WindowSizeMsg{Width: 160, Height: 24})
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: "First", Dots: 3}})
			return "ctrl+t vote"
		}},
		{name: "resume code", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			m.resumeCode = "K7QM-NEW1"
			return "resume K7QM-NEW1"
		}},
		{name: "action owner", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			toAction(t, m)
			keys(m, "tab", "tab", "tab", "tab")
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			keys(m, "S", "a", "m")
			return "Who Sam"
		}},
		{name: "action owner's cursor", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			toAction(t, m)
			keys(m, "tab", "tab", "tab", "tab", "S", "a", "m")
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			keys(m, "left")
			return ""
		}},
		{name: "action date", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			toAction(t, m)
			keys(m, "tab", "tab", "tab", "tab", "tab")
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			keys(m, "2", "0")
			return "By when 20"
		}},
		{name: "barrier reframe", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			toReframe(t, m)
			keys(m, "tab")
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			p := m.compose.form.Prompt()
			for m.compose.form.Kind() != inquiry.Barrier {
				keys(m, "right")
			}
			return firstWords(p.Reframe)
		}},
		{name: "another prompt's reframe", setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			for p := m.compose.form.Prompt(); p.Reframe == "" || p.KindChoices()[0] != inquiry.Barrier; p = m.compose.form.Prompt() {
				keys(m, "pgdown")
			}
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			was := m.compose.form.Prompt().Reframe
			keys(m, "pgdown", "tab")
			p := m.compose.form.Prompt()
			for m.compose.form.Kind() != inquiry.Barrier {
				keys(m, "right")
			}
			if p.Reframe == "" || p.Reframe == was {
				t.Fatalf("the next prompt should offer a reframe of its own for barriers: %q", p.Reframe)
			}
			return firstWords(p.Reframe)
		}},
		{name: "the facilitator moves everyone on a phase", paced: true, setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			r.Ring(t, m, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: m.view.guide.Ref(0, 0)}})
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: m.view.guide.Ref(1, 0)}})
			return "✓ Discover ─ ● Dream"
		}},
		{name: "prompt opened for everyone", paced: true, was: "waiting for the facilitator", change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: m.compose.ref()}})
			return "Discover 1 · 1 of 11"
		}},
		{name: "countdown", paced: true, setup: func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
			r.Ring(t, m, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: m.compose.ref(), EndsAt: time.Now().Add(10 * time.Minute)}})
		}, change: func(t *testing.T, m *Screen, r *tuitest.MemRoom) string {
			r.Ring(t, m, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: m.compose.ref(), EndsAt: time.Now().Add(3*time.Minute + 30*time.Second)}})
			return "⏱ 3:"
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pacing, contributions := inquiry.SelfPaced, 40
			if tc.paced {
				pacing, contributions = inquiry.FacilitatorPaced, 0
			}
			if tc.empty {
				contributions = 0
			}
			room := tuitest.NewMemRoom(t, 4, contributions, pacing)
			m := joined(t, room)
			if tc.setup != nil {
				tc.setup(t, m, room)
			}
			before := drawnAfresh(t, m)
			if tc.was != "" && !strings.Contains(ansi.Strip(before.Content), tc.was) {
				t.Fatalf("before the change the screen does not show %q:\n%s", tc.was, ansi.Strip(before.Content))
			}
			shows := tc.change(t, m, room)
			after := drawnAfresh(t, m)
			if after.Content == before.Content && tuitest.SameCursor(after.Cursor, before.Cursor) {
				t.Fatalf("the screen did not change:\n%s", ansi.Strip(after.Content))
			}
			if shows != "" && !strings.Contains(ansi.Strip(after.Content), shows) {
				t.Fatalf("the screen does not show %q:\n%s", shows, ansi.Strip(after.Content))
			}
			if tc.was != "" && strings.Contains(ansi.Strip(after.Content), tc.was) {
				t.Fatalf("the screen still shows %q:\n%s", tc.was, ansi.Strip(after.Content))
			}
		})
	}
}

// TestComposeScreenIsKeptWhenNothingItShowsChanged: a message that changes
// nothing on the screen (a bell for a contribution at another prompt) gives
// back the screen drawn before, not a new one.
func TestComposeScreenIsKeptWhenNothingItShowsChanged(t *testing.T) {
	room := tuitest.NewMemRoom(t, 4, 40, inquiry.SelfPaced)
	m := joined(t, room)
	keys(m, "a")
	before := m.View()
	// Contribution 45 is at the second prompt; this screen is at the first.
	room.Ring(t, m, room.ContributionEvent(1, 45))
	after := m.View()
	if unsafe.StringData(after.Content) != unsafe.StringData(before.Content) || after.Cursor != before.Cursor {
		t.Fatalf("the screen was drawn again though nothing on it changed")
	}
}

// firstWords is the start of a text, short enough to fit on one line.
func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(3, len(f))], " ")
}
