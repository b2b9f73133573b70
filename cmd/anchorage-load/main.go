// Command anchorage-load drives a running Anchorage server over real SSH
// on this machine, as a room of participants and facilitators would, and
// reports what they saw: how soon the first frame came, how long "Saved ✓"
// and the facilitators' screens took, how many bytes each keystroke and
// live update cost, and, given the server's PID, its memory per session.
//
// It only ever connects to the address it is given, which must be a
// loopback address, and it stops by itself after --duration.
//
//	anchorage-load --addr 127.0.0.1:23234 --key facilitator_ed25519 \
//	    --participants 500 --facilitators 2 --rate 0.1 --duration 60s --pid $(pgrep -n anchorage)
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"
)

func main() {
	os.Exit(command(os.Args[1:], os.Stdout, os.Stderr))
}

// run_ parses the flags, runs and writes the report; it returns the exit
// status: 0, 1 when the run had errors, 2 when it could not run.
func command(args []string, stdout, stderr io.Writer) int {
	cfg := DefaultConfig()
	fs := flag.NewFlagSet("anchorage-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "the server's address; a loopback IP and port only")
	fs.StringVar(&cfg.Code, "code", "", "the workshop's join code; empty opens a new workshop with --key")
	fs.IntVar(&cfg.Participants, "participants", cfg.Participants, "participant sessions")
	fs.IntVar(&cfg.Facilitators, "facilitators", cfg.Facilitators, "facilitator sessions watching the room")
	fs.Float64Var(&cfg.Rate, "rate", cfg.Rate, "contributions per participant per second; 0 joins and idles")
	fs.IntVar(&cfg.Contributions, "contributions", 0, "contributions per participant, then stop; 0 for no limit")
	fs.IntVar(&cfg.PerPrompt, "per-prompt", cfg.PerPrompt, "contributions at a prompt before moving to the next")
	fs.BoolVar(&cfg.OnePrompt, "one-prompt", false, "every participant stays at the prompt they join at (the worst case for others' words at a prompt); --per-prompt is ignored")
	fs.DurationVar(&cfg.Duration, "duration", cfg.Duration, "how long to run once every session is in")
	fs.Float64Var(&cfg.Ramp, "ramp", cfg.Ramp, "new connections per second; 0 connects all at once")
	fs.Float64Var(&cfg.TypingRate, "typing", cfg.TypingRate, "keys per second a participant types")
	fs.DurationVar(&cfg.FacilitatorKeys, "facilitator-keys", cfg.FacilitatorKeys, "how often each facilitator presses tab, to time the echo; 0 never")
	fs.StringVar(&cfg.KeyFile, "key", "", "a facilitator's private key file (OpenSSH format, no passphrase)")
	fs.IntVar(&cfg.PID, "pid", 0, "the server's process ID, to read its memory (/proc/PID/status)")
	fs.DurationVar(&cfg.Timeout, "timeout", cfg.Timeout, "how long any one wait for the screen may take")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	cpuProfile := fs.String("cpuprofile", "", "write the load generator's own CPU profile to this file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "anchorage-load: unexpected arguments %q\n", fs.Args())
		return 2
	}

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "anchorage-load: cpu profile: %v\n", err)
			return 2
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first Ctrl-C the run closes its sessions; a second one
		// ends the process at once.
		<-ctx.Done()
		stop()
	}()
	progress := func(format string, args ...any) {
		fmt.Fprintf(stderr, "%s anchorage-load: %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
	}
	rep, err := Run(ctx, cfg, progress)
	if err != nil {
		fmt.Fprintf(stderr, "anchorage-load: %v\n", err)
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = rep.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "anchorage-load: write the report: %v\n", err)
		return 2
	}
	if rep.Errors > 0 {
		return 1
	}
	return 0
}
