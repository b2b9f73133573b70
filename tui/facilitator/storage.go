package facilitator

import (
	"fmt"

	"github.com/anchorage/anchorage/tui"
)

// The storage warning: a workshop holds at most so many bytes of people's
// words (serve --text-budget-mb), so that one flood cannot fill the disk
// for everyone. From 80% of it, the room says so on a line of its own,
// before anyone's words are refused.

// textUse is the workshop's words against its budget, as the store last
// said.
type textUse struct {
	used, budget int64
	warn         bool
}

// readTextUse asks the store, when the room rings: a look-up, not a count.
func (m *Screen) readTextUse() {
	used, budget, warn := m.s.Room.TextUse(m.workshop)
	m.textUse = textUse{used: used, budget: budget, warn: warn}
}

// storageLine is the warning, or "" while there is room.
func (m *Screen) storageLine(w int) string {
	u := m.textUse
	if !u.warn || u.budget <= 0 {
		return ""
	}
	share := min(u.used*100/u.budget, 100)
	// From the fullest to the tightest; the first that fits is shown.
	for _, line := range []string{
		fmt.Sprintf("⚠ %d%% of this workshop's space for words is used (%s of %s): when it is full, new words are refused.",
			share, size(u.used), size(u.budget)),
		fmt.Sprintf("⚠ %d%% of the space for words used: when it is full, new words are refused", share),
	} {
		if tui.Width(line) <= w {
			return tui.Warn.Render(line)
		}
	}
	return tui.Fit(tui.Warn.Render(fmt.Sprintf("⚠ %d%% of the space for words used", share)), w)
}

// size is a number of bytes as a facilitator reads it: "53.2 MB", or
// "3.3 kB" for a small budget.
func size(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.1f kB", float64(n)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
