package command

import "golang.org/x/term"

// IsTerminal reports whether stream (standard input or output) is a
// terminal: a backup typed at the keyboard is a mistake, and a binary
// backup written to a screen is garbage. /dev/null is a character device
// but not a terminal, and is fine for both.
func IsTerminal(stream any) bool {
	f, ok := stream.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}
