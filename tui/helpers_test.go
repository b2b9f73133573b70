package tui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// waitLimit bounds every wait for a screen: generous for a loaded machine,
// short enough that a broken screen fails the test rather than hanging it.
const waitLimit = 10 * time.Second

// newRoom opens a real store in a temporary folder with one workshop on
// the default guide.
func newRoom(t *testing.T) (*data.Store, inquiry.Summary) {
	t.Helper()
	store, err := data.Open(data.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = store.Close() })
	guide, ok := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok {
		t.Fatal("the default guide is missing")
	}
	sum, err := store.OpenWorkshop(context.Background(), inquiry.System, inquiry.WorkshopDetails{Title: "Anchors and services", Guide: guide})
	if err != nil {
		t.Fatalf("open workshop: %v", err)
	}
	return store, sum
}

// term is a screen under test: the program, run as the server runs it
// (tui/paint drawing every frame), and a virtual terminal showing what it
// drew.
type term struct {
	t     *testing.T
	prog  *Program
	scr   *tuitest.Screen
	model tea.Model // the screen's model, to look at once it has ended
	ended chan struct{}
}

// run starts a screen at the given size, drawing into a virtual terminal.
func run(t *testing.T, m tea.Model, w, h int) *term {
	t.Helper()
	scr := tuitest.NewScreen(w, h, nil)
	tt := &term{t: t, scr: scr, model: m, ended: make(chan struct{}),
		prog: NewProgram(m, Terminal{Output: scr, Environ: []string{"TERM=xterm-256color"}, Width: w, Height: h})}
	go func() {
		defer close(tt.ended)
		_ = tt.prog.Run()
	}()
	t.Cleanup(func() {
		tt.prog.Quit()
		tt.wait()
	})
	return tt
}

// wait waits for the screen to end.
func (tt *term) wait() {
	tt.t.Helper()
	select {
	case <-tt.ended:
	case <-time.After(waitLimit):
		tt.t.Fatalf("waited %s for the screen to end; it shows:\n%s", waitLimit, tt.scr.Text())
	}
}

// send gives the screen a message.
func (tt *term) send(msg tea.Msg) { tt.prog.Send(msg) }

// see waits until every text is on the screen.
func (tt *term) see(texts ...string) {
	tt.t.Helper()
	if err := tt.scr.WaitFor(waitLimit, texts...); err != nil {
		tt.t.Fatal(err)
	}
}

// key presses one named key, such as "enter", "tab" or "ctrl+o".
func (tt *term) key(name string) {
	tt.send(keyPress(name))
}

// typeText types text as a person would, one key at a time.
func (tt *term) typeText(s string) {
	for _, r := range s {
		tt.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyPress(name string) tea.KeyPressMsg {
	codes := map[string]tea.Key{
		"enter":     {Code: tea.KeyEnter},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc":       {Code: tea.KeyEscape},
		"space":     {Code: tea.KeySpace, Text: " "},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"end":       {Code: tea.KeyEnd},
		"ctrl+o":    {Code: 'o', Mod: tea.ModCtrl},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"alt+enter": {Code: tea.KeyEnter, Mod: tea.ModAlt},
	}
	k, ok := codes[name]
	if !ok {
		// A single printable key.
		r := []rune(name)
		k = tea.Key{Code: r[0], Text: name}
	}
	return tea.KeyPressMsg(k)
}

// participantSession is a participant's session in the room with a code.
func participantSession(t *testing.T, room Room, code string) Session {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return Session{ID: "s-" + t.Name(), Context: ctx, Room: room, Code: code, Width: 80, Height: 24}
}

// join fills in the join form with a name and consent.
func (tt *term) join(name string) {
	tt.t.Helper()
	tt.see("Your name or pseudonym")
	tt.typeText(name)
	tt.key("enter") // on to the organisation
	tt.key("tab")   // on to consent
	tt.key("space")
	tt.key("enter")
	tt.see("Welcome, " + name)
}

// workshop folds the store's log for a workshop, as an export would.
func workshop(t *testing.T, store *data.Store, id string) *inquiry.Workshop {
	t.Helper()
	ws, err := store.Workshop(id)
	if err != nil {
		t.Fatalf("read workshop: %v", err)
	}
	return ws
}

// eventually polls a condition about the store until it holds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", waitLimit, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
