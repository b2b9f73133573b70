package vscreen

import (
	"strings"
	"testing"
	"time"
)

func TestScreenShowsWhatCursorMovesDrew(t *testing.T) {
	s := New(20, 4, nil)
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
	s := New(20, 2, nil)
	_, _ = s.Write([]byte("hello"))
	if err := s.WaitFor(time.Second, "hello"); err != nil {
		t.Fatalf("WaitFor(hello) = %v", err)
	}
	err := s.WaitFor(50*time.Millisecond, "goodbye")
	if err == nil || !strings.Contains(err.Error(), `"goodbye"`) || !strings.Contains(err.Error(), "hello") {
		t.Fatalf("WaitFor(goodbye) error = %v, want it to name the text and show the screen", err)
	}
}
