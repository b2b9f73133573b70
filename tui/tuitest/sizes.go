package tuitest

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/grapheme"
)

// Size is a terminal's columns and rows.
type Size struct{ W, H int }

func (s Size) String() string { return fmt.Sprintf("%dx%d", s.W, s.H) }

// Sizes are the terminals every screen is drawn on (issue 10): smaller than
// any screen lays out in, narrow, small, the usual, large and very large.
var Sizes = []Size{{20, 5}, {40, 12}, {60, 20}, {80, 24}, {100, 30}, {200, 60}}

// LaysOut reports whether a terminal of the size is big enough for a
// screen to lay out in; a smaller one is asked for more room, and told how
// to leave.
func LaysOut(size Size) bool { return size.W >= tui.MinWidth && size.H >= tui.MinHeight }

// AtEverySize resizes a running screen to each of Sizes in turn and checks
// what the terminal shows: the screen fits exactly (Fits), and every text
// that want names for the size is on it. With log set, each screen is
// logged as the terminal shows it, to look at.
func AtEverySize(t testing.TB, tt *Term, log bool, want func(Size) []string) {
	t.Helper()
	for _, size := range Sizes {
		tt.Resize(size.W, size.H)
		scr, problem := Fits(tt.View(), size)
		if log {
			t.Logf("at %s:\n%s", size, scr.Text())
		}
		if problem != "" {
			t.Errorf("at %s %s; the terminal shows:\n%s", size, problem, scr.Text())
			continue
		}
		for _, w := range want(size) {
			if !strings.Contains(scr.Text(), w) {
				t.Errorf("at %s %q is not on the screen:\n%s", size, w, scr.Text())
			}
		}
	}
}

// Painted is a view painted as the server paints it, whole, on a new
// virtual terminal of the size.
func Painted(v tea.View, size Size) *Screen {
	scr := NewScreen(size.W, size.H, nil)
	paintOn(scr, v, size)
	return scr
}

// paintOn paints a view whole on a terminal reset and made the size.
func paintOn(scr *Screen, v tea.View, size Size) {
	_, _ = scr.Write([]byte("\x1bc")) // a full reset: nothing left of what it showed
	scr.Resize(size.W, size.H)
	_ = tui.NewPainter(scr, colorprofile.ANSI256, size.W, size.H).Paint(v)
}

// Fits paints a view on a terminal of the size and says how it does not
// fit exactly ("" when it does): more rows than the terminal has, a row
// wider than it, or a row the terminal shows otherwise than the view
// meant it (a character the screens measured one way and the terminal
// another, or a row cut at the edge). It returns the painted screen too.
func Fits(v tea.View, size Size) (*Screen, string) {
	scr := NewScreen(size.W, size.H, nil)
	return scr, FitsOn(scr, v, size)
}

// FitsOn is Fits on a terminal the caller keeps for many views (a fuzz
// test's), reset before each.
func FitsOn(scr *Screen, v tea.View, size Size) string {
	paintOn(scr, v, size)
	rows := strings.Split(v.Content, "\n")
	if len(rows) > size.H {
		return fmt.Sprintf("the view has %d rows for a terminal of %d", len(rows), size.H)
	}
	shown := scr.Rows()
	for y, row := range rows {
		plain := ansi.Strip(row)
		if w := grapheme.Width(plain); w > size.W {
			return fmt.Sprintf("row %d is %d columns wide on a terminal of %d: %q", y+1, w, size.W, plain)
		}
		if want := strings.TrimRight(plain, " "); y < len(shown) && shown[y] != want {
			return fmt.Sprintf("row %d shows %q on the terminal; the view meant %q", y+1, shown[y], want)
		}
	}
	return ""
}
