// Command anchorage runs the Anchorage workshop server (anchorage serve) and,
// on a stopped server's data, the facilitator's commands: workshop, guide
// and export.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	a := &app{
		environ: os.Environ(),
		stdin:   os.Stdin,
		stdout:  os.Stdout,
		stderr:  os.Stderr,
		signals: signals,
		exit:    os.Exit,
	}
	os.Exit(a.run(context.Background(), os.Args[1:]))
}

// app is one run of the command line, with everything it touches outside
// itself passed in, so that tests can run it whole.
type app struct {
	environ []string
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	// signals delivers interrupts: the first shuts the server down
	// cleanly, a second forces an exit.
	signals <-chan os.Signal
	// exit ends the process at once, for the forced exit.
	exit func(status int)
}
