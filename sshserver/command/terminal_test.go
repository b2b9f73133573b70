package command

import (
	"bytes"
	"os"
	"testing"

	"github.com/creack/pty"
)

func TestIsTerminalKnowsATerminalFromNullAndPipes(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, c := range map[string]struct {
		stream any
		want   bool
	}{
		"a terminal": {tty, true}, "/dev/null (a character device)": {null, false},
		"a pipe": {r, false}, "a buffer": {&bytes.Buffer{}, false},
	} {
		if got := IsTerminal(c.stream); got != c.want {
			t.Errorf("IsTerminal(%s) = %v, want %v", name, got, c.want)
		}
	}
}
