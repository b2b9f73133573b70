package participant

import (
	"testing"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestTheScreenHoldsTheSharedFoldsOwnContributions: a person's screen
// keeps the shared fold's own contributions of theirs, not a copy of each
// (a load participant with 1,550 contributions held some 0.5 MB of
// copies), after they write, after an edit and a facilitator's hiding, and
// when the screen opens again from the fold, and still shows the
// contributions as they stand.
func TestTheScreenHoldsTheSharedFoldsOwnContributions(t *testing.T) {
	room := tuitest.NewMemRoom(t, 5, 20, inquiry.SelfPaced)
	m := joined(t, room)
	me := m.view.me
	var ids []string
	for n := range 30 {
		e := room.ContributionEvent(1, 500+n)
		e.Actor.ID, e.Contribution.Participant = me, me
		room.Ring(t, m, e)
		ids = append(ids, e.Contribution.ID)
	}
	checkMineShared(t, room, m, 30)

	edit := room.ContributionEvent(1, 500)
	edit.Type, edit.Actor.ID, edit.Contribution.Participant = inquiry.ContributionEdited, me, me
	edit.Contribution.Text.Text = "The community room, on Tuesdays and Thursdays"
	room.Ring(t, m, edit)
	room.Ring(t, m, inquiry.Event{Type: inquiry.ContributionHidden, Target: ids[1], Curation: &inquiry.Curation{Reason: "off topic"}})
	checkMineShared(t, room, m, 30)
	if c := m.view.contribution(ids[0]); c == nil || c.Text != edit.Contribution.Text.Text {
		t.Errorf("the screen does not hold the edited words: %+v", c)
	}
	if c := m.view.contribution(ids[1]); c == nil || !c.Hidden || c.HiddenReason != "off topic" {
		t.Errorf("the screen does not hold the hiding: %+v", c)
	}

	if err := m.becomeKnown(me); err != nil {
		t.Fatal(err)
	}
	checkMineShared(t, room, m, 30)
}

func checkMineShared(t *testing.T, room *tuitest.MemRoom, m *Screen, want int) {
	t.Helper()
	if len(m.view.mine) != want {
		t.Fatalf("the screen holds %d of the person's contributions; want %d", len(m.view.mine), want)
	}
	err := room.Read("", func(w *inquiry.Workshop) {
		for _, c := range m.view.mine {
			if shared, _ := w.Contribution(c.ID); shared != c {
				t.Errorf("the screen holds its own copy of %s, not the shared fold's", c.ID)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The screen's list of themes is the fold's own, not a copy, and a theme
// a facilitator adds later extends the screen's list without changing
// the fold's.
func TestTheScreenSharesTheFoldsThemes(t *testing.T) {
	room := tuitest.NewMemRoom(t, 5, 20, inquiry.SelfPaced)
	m := joined(t, room)
	shared := func() (first *inquiry.Theme, n int) {
		if err := room.Read("", func(w *inquiry.Workshop) {
			themes := w.Themes()
			first, n = &themes[0], len(themes)
		}); err != nil {
			t.Fatal(err)
		}
		return first, n
	}
	first, n := shared()
	if len(m.view.themes) != n || &m.view.themes[0] != first {
		t.Fatalf("the screen holds %d themes of its own; want the fold's %d", len(m.view.themes), n)
	}
	m.View() // the theme line keeps the list it drew

	added := inquiry.Theme{ID: "ferry-timetable", Label: "Ferry timetable"}
	room.Ring(t, m, inquiry.Event{Type: inquiry.ThemeAdded, Theme: &added})
	if got := len(m.view.themes); got != n+1 || m.view.themes[n].ID != added.ID {
		t.Fatalf("after a theme was added the screen holds %d themes, the last %q; want %d, the last %q", got, m.view.themes[len(m.view.themes)-1].ID, n+1, added.ID)
	}
	if again, _ := shared(); again.ID != first.ID {
		t.Errorf("adding a theme changed the fold's first theme to %q", again.ID)
	}
	m.View()
}
