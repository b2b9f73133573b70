package tuitest

import (
	"errors"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// WaitLimit bounds every wait for a screen: generous for a loaded
// machine, short enough that a broken screen fails its test rather than
// hanging it.
const WaitLimit = 10 * time.Second

// Term is a screen under test, run as the server runs it (tui.NewProgram,
// every frame drawn by tui/paint) on a virtual terminal: keys go in as
// messages, and the test judges the screen by what the terminal shows.
type Term struct {
	t       testing.TB
	program *tui.Program
	ended   chan struct{}
	err     error // how the program ended, once ended is closed
	// Screen is the virtual terminal the screen draws on.
	Screen *Screen
}

// Run starts a screen on a w x h terminal. It is quit, and waited for,
// when the test ends; a screen that panicked fails the test, whatever it
// showed.
func Run(t testing.TB, m tea.Model, w, h int) *Term {
	t.Helper()
	scr := NewScreen(w, h, nil)
	tt := &Term{t: t, Screen: scr, ended: make(chan struct{}),
		program: tui.NewProgram(viewable{m}, tui.Terminal{Output: scr, Environ: []string{"TERM=xterm-256color"}, Width: w, Height: h})}
	go func() {
		defer close(tt.ended)
		tt.err = tt.program.Run()
	}()
	t.Cleanup(func() {
		tt.program.Quit()
		tt.Wait()
		if errors.Is(tt.err, tea.ErrProgramPanic) {
			t.Errorf("the screen panicked (its stack is above); it shows:\n%s", tt.Screen.Text())
		}
	})
	return tt
}

// See waits until every one of texts is on the screen. A screen that has
// ended shows nothing more, so the wait stops there.
func (tt *Term) See(texts ...string) {
	tt.t.Helper()
	if err := tt.Screen.WaitUntil(WaitLimit, tt.ended, texts...); err != nil {
		tt.t.Fatal(err)
	}
}

// Shows reports whether text is on the screen now.
func (tt *Term) Shows(text string) bool { return tt.Screen.Contains(text) }

// Key presses one named key (see Key).
func (tt *Term) Key(name string) { tt.Send(Key(name)) }

// Type types text as a person would, one key at a time.
func (tt *Term) Type(s string) {
	for _, r := range s {
		tt.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// Send gives the screen a message.
func (tt *Term) Send(msg tea.Msg) { tt.program.Send(msg) }

// Resize changes the terminal's size, as a person resizing the window.
func (tt *Term) Resize(w, h int) {
	tt.Screen.Resize(w, h)
	tt.program.Resize(w, h)
}

// FillJoinForm joins a workshop on a participant's screen as a person
// does: a name, no organisation, consent ticked, then enter.
func (tt *Term) FillJoinForm(name string) {
	tt.t.Helper()
	tt.See("Your name or pseudonym")
	tt.Type(name)
	tt.Key("enter") // on to the organisation
	tt.Key("tab")   // on to consent
	tt.Key("space")
	tt.Key("enter")
	tt.See("Welcome, " + name)
}

// Wait waits for the screen to end.
func (tt *Term) Wait() {
	tt.t.Helper()
	select {
	case <-tt.ended:
	case <-time.After(WaitLimit):
		tt.t.Fatalf("waited %s for the screen to end; it shows:\n%s", WaitLimit, tt.Screen.Text())
	}
}

// Eventually polls a condition until it holds, failing the test after
// WaitLimit with what it waited for.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(WaitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", WaitLimit, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// SameCursor reports whether two views put the terminal's cursor in the
// same place (or both hide it).
func SameCursor(a, b *tea.Cursor) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Position == b.Position
}

// View is the screen's view as it would draw it now, taken in its
// program's own loop, after every message sent before.
func (tt *Term) View() tea.View {
	tt.t.Helper()
	got := make(chan tea.View, 1)
	tt.Send(viewMsg{got})
	select {
	case v := <-got:
		return v
	case <-tt.ended:
		tt.t.Fatalf("the screen ended before it could be looked at; it shows:\n%s", tt.Screen.Text())
	case <-time.After(WaitLimit):
		tt.t.Fatalf("waited %s for the screen's view", WaitLimit)
	}
	return tea.View{}
}

// viewMsg asks a screen run by Run for its view.
type viewMsg struct{ view chan<- tea.View }

// viewable is a screen run by Run: it answers viewMsg with its view, and
// is otherwise the screen.
type viewable struct{ tea.Model }

func (v viewable) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ask, ok := msg.(viewMsg); ok {
		ask.view <- v.Model.View()
		return v, nil
	}
	m, cmd := v.Model.Update(msg)
	return viewable{m}, cmd
}
