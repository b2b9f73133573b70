package plain

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// quiet is a real store whose bells never ring for the screen under test:
// the test rings it (ring), so that what the screen prints follows from
// what the test does, in order, and every command the screen returns can
// be run at once.
type quiet struct{ *data.Store }

func (quiet) Watch(string) (<-chan struct{}, func()) { return nil, func() {} }
func (quiet) WatchFor(string, func(inquiry.Event) bool) (<-chan struct{}, func()) {
	return nil, func() {}
}

// driven is a plain screen driven message by message, its commands run as
// they come, and everything it printed kept.
type driven struct {
	t     testing.TB
	m     *Screen
	store *data.Store
	ws    inquiry.Summary
	out   strings.Builder
	seen  int
	ended bool
}

// drive starts a plain screen for a participant without a key who gave
// the workshop's code, with the handoff h.
func drive(t testing.TB, store *data.Store, ws inquiry.Summary, h tui.Handoff, language string) *driven {
	t.Helper()
	s := tui.Session{ID: "s-" + t.Name(), Context: t.Context(), Room: quiet{store}, Code: ws.Code, Width: 80, Height: 24, Language: language}
	d := &driven{t: t, m: New(s, h), store: store, ws: ws}
	d.m.clock.timer = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	d.run(d.m.Init())
	d.collect()
	return d
}

func (d *driven) send(msg tea.Msg) {
	_, cmd := d.m.Update(msg)
	d.collect()
	d.run(cmd)
}

// run runs a command and gives the screen what it returns. A tick's
// command would wait for the clock: tests that run a timebox send ticks
// themselves.
func (d *driven) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.ended = true
	default:
		d.send(msg)
	}
}

func (d *driven) collect() { d.out.WriteString(d.m.Printed()) }

// typeText types text a character at a time.
func (d *driven) typeText(s string) {
	for _, r := range s {
		d.send(tuitest.Key(string(r)))
	}
}

// answer types a line and presses enter.
func (d *driven) answer(s string) {
	d.typeText(s)
	d.send(tuitest.Key("enter"))
}

// printed is what the screen printed since the last look.
func (d *driven) printed() string {
	s := d.out.String()[d.seen:]
	d.seen = d.out.Len()
	return s
}

// says checks that what was printed since the last look holds every text.
func (d *driven) says(texts ...string) {
	d.t.Helper()
	got := d.printed()
	for _, text := range texts {
		if !strings.Contains(got, text) {
			d.t.Fatalf("the screen did not say %q; it printed:\n%s", text, readable(got))
		}
	}
}

// ring tells the screen the room changed, as the store's bell would.
func (d *driven) ring() { d.send(tui.BellMsg{}) }

// record appends an event as the facilitator.
func (d *driven) record(e inquiry.Event) inquiry.Event {
	d.t.Helper()
	return tuitest.Record(d.t, d.store, d.ws.ID, e)
}

// workshop is the workshop as the store has folded it.
func (d *driven) workshop() *inquiry.Workshop {
	d.t.Helper()
	ws, err := d.store.Workshop(d.ws.ID)
	if err != nil {
		d.t.Fatal(err)
	}
	return ws
}

// readable shows a byte stream as lines, with its control characters
// named.
func readable(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "⏎\n")
	s = strings.ReplaceAll(s, "\r", "␍")
	return strings.ReplaceAll(s, "\b", "␈")
}

// joinAs takes the screen through the language and the join.
func (d *driven) joinAs(name string) {
	d.t.Helper()
	d.answer("")   // English
	d.answer("")   // no resume code
	d.answer(name) // name
	d.answer("")   // not said
	d.answer("yes")
	if !strings.Contains(d.out.String()[d.seen:], "Welcome, "+name) {
		d.t.Fatalf("%s did not join; the screen printed:\n%s", name, readable(d.out.String()[d.seen:]))
	}
}

func openWorkshop(t testing.TB, pacing inquiry.Pacing) (*data.Store, inquiry.Summary) {
	t.Helper()
	if pacing == inquiry.FacilitatorPaced {
		return datatest.LedWorkshop(t)
	}
	return datatest.Workshop(t)
}
