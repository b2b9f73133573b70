package display

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// testJoin is where the tests' participants reach the server.
var testJoin = Join{Host: "192.168.1.20", Port: "23234"}

// sizes are the walls the display is judged on: the smallest it is meant
// for, a usual projector, and the largest.
var sizes = [][2]int{{80, 24}, {120, 40}, {240, 70}}

// wallSession is a facilitator's display session on a w by h terminal.
func wallSession(t testing.TB, room tui.Room, code string, w, h int) tui.Session {
	s := tuitest.FacilitatorSession(t, room, code)
	s.ID, s.Width, s.Height = "wall-"+t.Name(), w, h
	return s
}

// wallAt is the room's wall on a w by h screen, drawn as at the moment at.
func wallAt(t testing.TB, room tui.Room, code string, w, h int, at time.Time) *Screen {
	t.Helper()
	m, ok := New(wallSession(t, room, code, w, h), testJoin).(*Screen)
	if !ok || m.frame.Ended() {
		t.Fatalf("no wall for %q", code)
	}
	m.Update(tickMsg{at: at})
	return m
}

// rows is the screen's frame as plain text, a row each.
func rows(m *Screen) []string {
	return strings.Split(ansi.Strip(m.View().Content), "\n")
}

// checkFits fails the test if a frame has a row wider than the screen or
// more rows than it, or one that a terminal which segments and measures
// characters itself (tuitest.Fits, on x/vt) shows otherwise than the
// frame meant, or if the title and the join line are not on its first and
// last rows.
func checkFits(t *testing.T, m *Screen, w, h int, title string) {
	t.Helper()
	if scr, problem := tuitest.Fits(m.View(), tuitest.Size{W: w, H: h}); problem != "" {
		t.Fatalf("%dx%d: %s; the terminal shows:\n%s", w, h, problem, scr.Text())
	}
	content := m.View().Content
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		t.Fatalf("%dx%d: the frame has %d rows:\n%s", w, h, len(lines), ansi.Strip(content))
	}
	for i, l := range lines {
		if tui.Width(l) > w {
			t.Fatalf("%dx%d: row %d is %d wide: %q", w, h, i, tui.Width(l), ansi.Strip(l))
		}
	}
	plain := rows(m)
	if !strings.Contains(plain[0], title) || len(plain) != h || !strings.Contains(plain[h-1], "Join: ssh -p 23234 ") {
		t.Fatalf("%dx%d: the title and the join line are not on the first and last rows:\n%s", w, h, strings.Join(plain, "\n"))
	}
}

// shows reports whether the frame has text on one row.
func shows(m *Screen, text string) bool {
	return strings.Contains(ansi.Strip(m.View().Content), text)
}

// tallyOnScreen reads the tally's rows from a frame: each theme's label
// (as the screen cut it) and its two counts.
func tallyOnScreen(lines []string) map[string][2]int {
	out := map[string][2]int{}
	for _, l := range lines {
		i := strings.IndexAny(l, "█▒")
		if i < 0 || strings.Contains(l, "opportunit") {
			continue
		}
		label := strings.TrimSpace(l[:i])
		// After the bar, its two counts (a QR code may follow them).
		var counts []int
		for _, f := range strings.Fields(l[i:]) {
			var n int
			if _, err := fmt.Sscan(f, &n); err == nil {
				counts = append(counts, n)
			} else if len(counts) > 0 {
				break
			}
		}
		if label != "" && len(counts) >= 2 {
			out[label] = [2]int{counts[0], counts[1]}
		}
	}
	return out
}

// checkTally fails the test unless every theme row on the screen shows
// the room's counts.
func checkTally(t *testing.T, lines []string, tally inquiry.Tally) {
	t.Helper()
	if len(tallyOnScreen(lines)) == 0 || !sameTally(lines, tally) {
		t.Fatalf("the screen's tally is not the room's %v:\n%s", tally.Rows(), strings.Join(lines, "\n"))
	}
}

// sameTally reports whether every theme row the screen shows has the
// room's counts (a label the screen cut short matches the theme it
// begins).
func sameTally(screen []string, tally inquiry.Tally) bool {
	for label, counts := range tallyOnScreen(screen) {
		found := false
		for _, r := range tally.Rows() {
			full := r.Theme.Label
			if full == label || strings.HasSuffix(label, "…") && strings.HasPrefix(full, strings.TrimSuffix(label, "…")) {
				found = counts == [2]int{r.Counts[inquiry.Opportunity], r.Counts[inquiry.Barrier]}
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
