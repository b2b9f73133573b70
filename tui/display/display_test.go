package display

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// frames counts the writes a program makes to its terminal: the painter
// writes each frame in one write, and writes nothing when a frame is the
// same as the last.
type frames struct {
	*tuitest.Screen
	mu sync.Mutex
	n  int
}

func (f *frames) Write(p []byte) (int, error) {
	f.mu.Lock()
	f.n++
	f.mu.Unlock()
	return f.Screen.Write(p)
}

func (f *frames) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

// runWall runs the wall display for a w by h terminal as the server runs
// a screen, until the test ends. The virtual terminal it draws on is wider
// and taller than the display is told, by overflow columns and rows, so
// that anything written past the wall's edges shows there. (The painter
// writes no more than the size it is given; TestEveryPanelFitsEverySize
// checks that the frames themselves fit.)
func runWall(t *testing.T, room tui.Room, code string, w, h int) *frames {
	t.Helper()
	f := &frames{Screen: tuitest.NewScreen(w+overflow, h+overflow, nil)}
	p := tui.NewProgram(New(wallSession(t, room, code, w, h), testJoin),
		tui.Terminal{Output: f, Environ: []string{"TERM=xterm-256color"}, Width: w, Height: h})
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		_ = p.Run()
	}()
	t.Cleanup(func() {
		p.Quit()
		select {
		case <-ended:
		case <-time.After(tuitest.WaitLimit):
			t.Errorf("waited %s for the wall to end", tuitest.WaitLimit)
		}
	})
	return f
}

// busyRoom is a real store with a facilitator-led, anonymous workshop that
// 60 participants, named "Zed Quill" and a number, have joined, with a
// prompt open for everyone on an eight-minute clock. The store lets them
// write as fast as they like.
func busyRoom(t *testing.T) (*data.Store, inquiry.Summary, inquiry.PromptRef) {
	t.Helper()
	store, err := data.Open(data.Options{Dir: t.TempDir(), Allowance: inquiry.Allowance{Burst: -1}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	sum, err := store.OpenWorkshop(context.Background(), inquiry.System, inquiry.WorkshopDetails{Title: "Busy room", Guide: guide, Pacing: inquiry.FacilitatorPaced})
	if err != nil {
		t.Fatal(err)
	}
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleLive, Anonymous: true}})
	for p := range 60 {
		tuitest.Join(t, store, sum.ID, fmt.Sprintf("Zed Quill %d", p))
	}
	ref := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: ref, EndsAt: time.Now().Add(8 * time.Minute)}})
	return store, sum, ref
}

// TestTheWallDrawsAtMostAFrameASecondWhileSixtyContribute runs the wall on
// a real store while 60 participants contribute every few milliseconds,
// and counts the frames the wall writes: no more than one a second. All
// along, the wall fits its screen (the title on the first row, the join
// line on the last) and names nobody; once the room is quiet, its tally
// and its clock are the room's.
func TestTheWallDrawsAtMostAFrameASecondWhileSixtyContribute(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			w, h := sz[0], sz[1]
			store, sum, ref := busyRoom(t)
			wall := runWall(t, store, sum.Code, w, h)
			if err := wall.WaitFor(tuitest.WaitLimit, "Busy room", "time left"); err != nil {
				t.Fatal(err)
			}
			kinds := []inquiry.Kind{inquiry.Opportunity, inquiry.Barrier}
			themes := inquiry.DefaultThemes
			added := 0
			contribute := func() {
				p := added % 60
				tuitest.Contribute(t, store, sum.ID, fmt.Sprintf("p-Zed Quill %d", p), fmt.Sprintf("c-%d", added), ref, kinds[added%2],
					fmt.Sprintf("Contribution %d, from someone at table %d", added, p%8), themes[added%len(themes)].ID)
				added++
			}
			// Revealed, the prompt's contributions take turns on the wall,
			// without their authors' names.
			for range 5 {
				contribute()
			}
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptRevealed, Target: string(ref)})
			if err := wall.WaitFor(tuitest.WaitLimit, "Revealed: ", "of 5"); err != nil {
				t.Fatal(err)
			}
			checkWallRows(t, wall, w, h)
			// The tally, which every contribution changes, while the room
			// contributes as fast as it can.
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.DisplayPanelChosen, Target: string(inquiry.PanelTally)})
			if err := wall.WaitFor(tuitest.WaitLimit, "Opportunities and barriers by theme"); err != nil {
				t.Fatal(err)
			}

			before, start := wall.count(), time.Now()
			for time.Since(start) < 2*time.Second {
				contribute()
				checkWallRows(t, wall, w, h)
				time.Sleep(3 * time.Millisecond)
			}
			elapsed, drawn := time.Since(start), wall.count()-before
			t.Logf("%d contributions in %s: %d frames", added, elapsed.Round(time.Millisecond), drawn)
			// At most a frame a second, however busy the room. (A starved
			// machine may draw fewer in the time; that the wall does catch
			// up with the room is checked below, with a deadline.)
			if most := int(elapsed/time.Second) + 2; drawn > most {
				t.Errorf("%d contributions in %s: the wall wrote %d frames, want at most %d", added, elapsed.Round(time.Millisecond), drawn, most)
			}

			// Back to auto, and the prompt with a new clock: the wall
			// follows.
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.DisplayPanelChosen, Target: string(inquiry.PanelAuto)})
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: ref, EndsAt: time.Now().Add(5 * time.Minute)}})
			ws := tuitest.Folded(t, store, sum.ID)
			deadline := time.Now().Add(tuitest.WaitLimit)
			for {
				screen := strings.Split(wall.Text(), "\n")
				if len(tallyOnScreen(screen)) > 0 && sameTally(screen, ws.Tally()) && clockNear(screen, ws.Timebox()) {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("waited %s for the wall to show the room's tally and clock; it shows:\n%s", tuitest.WaitLimit, wall.Text())
				}
				time.Sleep(20 * time.Millisecond)
			}
			checkWallRows(t, wall, w, h)
		})
	}
}

// overflow is how many columns and rows the wall's virtual terminal has
// beyond the size the wall is told.
const overflow = 10

// checkWallRows fails the test if a row is wider than the wall was told
// or drawn below its last row, if the title is not on the first row and
// the join line on the last (a frame too tall scrolls them away), or if
// the wall shows a participant's name.
func checkWallRows(t *testing.T, s *frames, w, h int) {
	t.Helper()
	text := s.Text()
	screen := strings.Split(text, "\n")
	if strings.Contains(text, "Zed Quill") {
		t.Fatalf("%dx%d: a name on the wall of an anonymous workshop:\n%s", w, h, text)
	}
	if len(screen) != h || !strings.Contains(screen[0], "Busy room") || !strings.HasPrefix(strings.TrimSpace(screen[h-1]), "Join: ssh -p 23234 ") {
		t.Fatalf("%dx%d: the title and the join line are not on the first and last rows, or rows are drawn below:\n%s", w, h, text)
	}
	for i, row := range screen {
		if n := len([]rune(row)); n > w {
			t.Fatalf("%dx%d: row %d is %d wide:\n%s", w, h, i, n, text)
		}
	}
}

// clockNear reports whether the screen's clock shows the time the room's
// timebox has left now, give or take a second.
func clockNear(screen []string, tb inquiry.Timebox) bool {
	left := tb.Remaining(time.Now())
	for d := left - 2*time.Second; d <= left+time.Second; d += time.Second {
		if clockOn(screen, clockText(d)) {
			return true
		}
	}
	return false
}
