package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui/words"
)

// MinWidth and MinHeight are the smallest terminal the screens lay out in;
// below it a screen asks for a bigger window and keeps everything typed so
// far.
const MinWidth, MinHeight = 30, 10

// Frame is what every role's screen has around what it shows: the
// terminal's size, its last words (which stay on the person's terminal
// once the session has ended), how it ends when the person leaves or the
// server stops, and what it shows in a window too small to lay out in.
type Frame struct {
	Width, Height int
	// Keep is what the person must not lose sight of, even in a window
	// too small to lay out in: a participant's resume code.
	Keep string
	// leaving and stopping are the last words when the person presses
	// ctrl+c, and when the server shuts down.
	leaving, stopping string
	ended             bool
	last              string
	// say is the language the frame asks for a bigger window in.
	say words.Words
}

// NewFrame is the frame of a session's screen, with its last words for
// when the person leaves and for when the server stops.
func NewFrame(s Session, leaving, stopping string) Frame {
	return Frame{Width: s.Width, Height: s.Height, leaving: leaving, stopping: stopping, say: english()}
}

// Speak has the frame say its words in a language: its last words, and
// its request for a bigger window.
func (f *Frame) Speak(w words.Words, leaving, stopping string) {
	f.say, f.leaving, f.stopping = w, leaving, stopping
}

// Update handles what every screen handles alike: the terminal's new size,
// ctrl+c, and the server shutting down. done reports that the message was
// the frame's; Ended then says whether it ended the screen.
func (f *Frame) Update(msg tea.Msg) (cmd tea.Cmd, done bool) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.Width, f.Height = msg.Width, msg.Height
		return nil, true
	case ShutdownMsg:
		return f.End(f.stopping), true
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return f.End(f.leaving), true
		}
	}
	return nil, false
}

// End ends the screen with last words for the person's terminal.
func (f *Frame) End(words string) tea.Cmd {
	f.ended, f.last = true, words
	return tea.Quit
}

// Ended reports whether the screen has ended.
func (f *Frame) Ended() bool { return f.ended }

// Small reports whether the window is too small to lay out in.
func (f *Frame) Small() bool { return f.Width < MinWidth || f.Height < MinHeight }

// View shows the screen as draw draws it on the alternate screen; once the
// screen has ended, its last words on the main screen, where they stay;
// and in a window too small, a request for a bigger one.
func (f *Frame) View(draw func() (string, *tea.Cursor)) tea.View {
	var v tea.View
	switch {
	case f.ended:
		// Wrapped here: the painter cuts every row at the window's edge,
		// and these words are read after the screen has gone.
		last := f.last
		if f.Width > 0 {
			last = strings.Join(Wrap(last, f.Width), "\n")
		}
		v.SetContent(last + "\n")
	case f.Small():
		v.AltScreen = true
		say := f.say
		if say == (words.Words{}) { // a frame not made by NewFrame
			say = english()
		}
		v.SetContent(tooSmall(say, f.Width, f.Height, f.Keep))
	default:
		v.AltScreen = true
		content, cursor := draw()
		v.SetContent(content)
		v.Cursor = cursor
	}
	return v
}

// tooSmall is the screen for a window too small to lay out in, in the
// frame's language: why, what to do, and how to leave, with what to keep
// above them. A window too short for all of it drops the least needed
// first.
func tooSmall(say words.Words, w, h int, keep string) string {
	type line struct {
		text string
		rank int // 0 is needed most
	}
	// What to keep is wrapped, never cut: a resume code in a language
	// whose word for it is longer ("ailddechrau") stays whole.
	var all []line
	for _, l := range Wrap(keep, w) {
		all = append(all, line{l, 0})
	}
	all = append(all, []line{
		{say.Say("frame.too_small", "size", fmt.Sprintf("%dx%d", w, h)), 2},
		{say.Say("frame.enlarge_to", "size", fmt.Sprintf("%dx%d", MinWidth, MinHeight)), 3},
		{say.Say("frame.kept"), 4},
		{say.Say("frame.leave"), 1},
	}...)
	var out []string
	for _, l := range all {
		fewer := 0 // lines needed more than this one
		for _, o := range all {
			if o.text != "" && o.rank < l.rank {
				fewer++
			}
		}
		if l.text != "" && fewer < max(h, 1) {
			out = append(out, Fit(l.text, w))
		}
	}
	return strings.Join(out[:min(len(out), max(h, 1))], "\n")
}
