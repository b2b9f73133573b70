package tuitest

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestScreenShowsWhatCursorMovesDrew(t *testing.T) {
	s := NewScreen(20, 4, nil)
	// Draw, then overwrite part of the first row by moving the cursor, as
	// a diffing renderer does.
	_, _ = s.Write([]byte("Saving…\r\nsecond row"))
	_, _ = s.Write([]byte("\x1b[1;4Hed ✓\x1b[K"))
	want := "Saved ✓\nsecond row"
	if got := s.Text(); got != want {
		t.Fatalf("screen text = %q, want %q", got, want)
	}
	if s.Bytes() == 0 {
		t.Fatal("Bytes() = 0 after writes")
	}
}

func TestWaitForReportsWhatWasMissingAndTheScreen(t *testing.T) {
	s := NewScreen(20, 2, nil)
	_, _ = s.Write([]byte("hello"))
	if err := s.WaitFor(time.Second, "hello"); err != nil {
		t.Fatalf("WaitFor(hello) = %v", err)
	}
	err := s.WaitFor(50*time.Millisecond, "goodbye")
	if err == nil || !strings.Contains(err.Error(), `"goodbye"`) || !strings.Contains(err.Error(), "hello") {
		t.Fatalf("WaitFor(goodbye) error = %v, want it to name the text and show the screen", err)
	}
}

func TestKeyboardProtocolSequencesDrawNothing(t *testing.T) {
	// Bubble Tea pops the kitty keyboard mode (CSI < u) as it leaves; an
	// emulator that took it for "restore cursor" would clear the goodbye.
	stream := "\x1b[?1049hALT\x1b[>4m\x1b[<1u\x1b[?1049l\r\x1b[JGoodbye.\r\n\x1b[>4m\x1b[<1u\x1b[J"
	for cut := 1; cut < len(stream); cut++ {
		s := NewScreen(20, 3, nil)
		_, _ = s.Write([]byte(stream[:cut]))
		_, _ = s.Write([]byte(stream[cut:]))
		if got := s.Text(); got != "Goodbye." {
			t.Fatalf("written in two parts cut at %d: screen = %q, want %q", cut, got, "Goodbye.")
		}
	}
}

func TestAWideCharacterTakesTwoCells(t *testing.T) {
	s := NewScreen(5, 2, nil)
	// Two wide characters and a letter are five cells: the row is full,
	// and the next letter starts the second row.
	_, _ = s.Write([]byte("日本xy"))
	if got, want := s.Text(), "日本x\ny"; got != want {
		t.Fatalf("screen = %q, want %q", got, want)
	}
}

// TestADroppedScreenStopsCopyingItsReplies: each screen copies its
// terminal's replies in a goroutine of its own; once the screen is
// dropped the copying ends, so a test that paints thousands of screens
// leaves no goroutines behind (and, under -race, closing reads as safe
// against the copy still reading).
func TestADroppedScreenStopsCopyingItsReplies(t *testing.T) {
	before := runtime.NumGoroutine()
	for range 50 {
		scr := NewScreen(20, 5, nil)
		_, _ = scr.Write([]byte("hello\x1b[6n"))
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10s for the dropped screens' reply copiers to end: %d goroutines, %d before", runtime.NumGoroutine(), before)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}
