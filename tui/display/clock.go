package display

import (
	"fmt"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// The timebox as a large countdown: block digits as large as the space
// allows, counting down in whole seconds (rounded up, so that 0:00 shows
// only when the time is up). The digits are of their own, three dots by
// five, bolder than the font's, drawn at twice the scale at least, so that
// every stroke is a whole block: a clock is read from the back of the
// room.

// clockDigits are the clock's glyphs, as the font writes glyphs.
var clockDigits = map[rune]string{
	'0': "### #.# #.# #.# ###",
	'1': "##. .#. .#. .#. ###",
	'2': "### ..# ### #.. ###",
	'3': "### ..# ### ..# ###",
	'4': "#.# #.# ### ..# ..#",
	'5': "### #.. ### ..# ###",
	'6': "### #.. ### #.# ###",
	'7': "### ..# ..# ..# ..#",
	'8': "### #.# ### #.# ###",
	'9': "### #.# ### ..# ###",
	':': ". # . # .",
}

// clockDigitRows is how many rows of dots the clock's digits have.
const clockDigitRows = 5

var clockGlyphs = func() map[rune]glyph {
	m := make(map[rune]glyph, len(clockDigits))
	for r, s := range clockDigits {
		m[r] = parseGlyph(s)
	}
	return m
}()

// clockText is the time left as the clock shows it: "7:59", or "1:02:03"
// for an hour or more.
func clockText(left time.Duration) string {
	secs := int((left + time.Second - 1) / time.Second)
	if secs >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// clockState is what the clock says besides the time.
type clockState int

const (
	clockNone    clockState = iota // the open prompt has no timebox
	clockRunning                   // counting down
	clockPaused                    // stopped by a facilitator, time left
	clockUp                        // no time left
)

func stateOf(t inquiry.Timebox, at time.Time) clockState {
	switch {
	case !t.Has():
		return clockNone
	case t.Up(at):
		return clockUp
	case t.Paused():
		return clockPaused
	}
	return clockRunning
}

// clockGlyph is the glyph a character of the clock is drawn with.
func clockGlyph(r rune) glyph { return clockGlyphs[r] }

// clockWidth is how many dots wide the clock's text is at scale 1.
func clockWidth(text string) int {
	w := 0
	for _, r := range text {
		w += clockGlyph(r).width() + 1
	}
	return max(w-1, 0)
}

// clockLines draws the clock's text in the largest digits that fit width
// by height (up to scale most, and no smaller than 2), or false if none
// do.
func clockLines(text string, width, height, most int) ([]string, bool) {
	for s := most; s >= 2; s-- {
		if clockWidth(text)*s <= width && (clockDigitRows*s+1)/2 <= height {
			return clockAt(text, s), true
		}
	}
	return nil, false
}

// clockAt draws the clock's text at scale s.
func clockAt(text string, s int) []string {
	b := newBitmap(clockWidth(text)*s, clockDigitRows*s)
	x := 0
	for _, r := range text {
		g := clockGlyph(r)
		b.stamp(g, x, 0, s, clockDigitRows)
		x += (g.width() + 1) * s
	}
	return b.lines()
}
