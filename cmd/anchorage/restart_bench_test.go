package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

// BenchmarkRestart times the real server, a process of its own, from
// its start to listening, over a data folder holding one workshop with
// the given number of contributions, all at one prompt. "stop=clean"
// restarts after an interrupt (a clean close), "stop=kill" after a
// SIGKILL. ms-to-listen/op is the time to listening (the shutdown is not
// timed); cpu-ms-to-listen/op the processor time the server had used by
// then (from /proc, in 10 ms ticks), steadier than the time on a busy
// machine.
//
//	go test -run '^$' -bench Restart -benchtime 10x ./cmd/anchorage/
func BenchmarkRestart(b *testing.B) {
	for _, n := range []int{1000, 10000, 30000} {
		dir := filledData(b, n)
		keys := filepath.Join(b.TempDir(), "facilitators")
		if err := os.WriteFile(keys, nil, 0o600); err != nil {
			b.Fatal(err)
		}
		for _, stop := range []string{"clean", "kill"} {
			b.Run(fmt.Sprintf("contributions=%d/stop=%s", n, stop), func(b *testing.B) {
				var total time.Duration
				var cpu float64
				for b.Loop() {
					took, used, c := startTimed(b, dir, keys)
					total += took
					cpu += used
					if stop == "kill" {
						_ = c.Process.Signal(syscall.SIGKILL)
					} else {
						_ = c.Process.Signal(os.Interrupt)
					}
					if err := c.Wait(); err != nil && stop == "clean" {
						b.Fatalf("the server's clean stop: %v", err)
					}
				}
				b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-to-listen/op")
				b.ReportMetric(cpu*1000/float64(b.N), "cpu-ms-to-listen/op")
			})
		}
	}
}

// startTimed starts the server on dir and returns how long it took to
// say it is listening (it says so once net.Listen has returned), and the
// processor seconds it had used by then.
func startTimed(b *testing.B, dir, keys string) (time.Duration, float64, *exec.Cmd) {
	b.Helper()
	_ = os.Remove(filepath.Join(dir, serveAddressFile)) // a killed server leaves it behind
	cmd := exec.Command(os.Args[0], "-test.run=^$", "-test.bench=^$")
	args := []string{"serve", "--data", dir, "--listen", "127.0.0.1:0", "--facilitators", keys}
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\x1f"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	var stderr syncBuffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatalf("start the server: %v", err)
	}
	lines := bufio.NewReader(out)
	said := make(chan error, 1)
	go func() {
		line, err := lines.ReadString('\n')
		if err == nil && !strings.Contains(line, "is listening on") {
			err = fmt.Errorf("the server's first line is %q", line)
		}
		said <- err
		_, _ = io.Copy(io.Discard, lines)
	}()
	select {
	case err := <-said:
		took, used := time.Since(start), processorSeconds(cmd.Process.Pid)
		if err != nil {
			_ = cmd.Process.Kill()
			b.Fatalf("waiting for the server to listen: %v\n%s", err, stderr.String())
		}
		return took, used, cmd
	case <-time.After(crashWait):
		_ = cmd.Process.Kill()
		b.Fatalf("waited %s for the server to listen:\n%s", crashWait, stderr.String())
	}
	return 0, 0, nil
}

// processorSeconds is the user and system time a process has used, from
// /proc/PID/stat (fields 14 and 15, after the command name in
// parentheses, in ticks of 1/100 s); 0 where there is no /proc.
func processorSeconds(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	_, rest, _ := strings.Cut(string(b), ") ")
	fields := strings.Fields(rest)
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseFloat(fields[11], 64)
	stime, _ := strconv.ParseFloat(fields[12], 64)
	return (utime + stime) / 100
}

// filledData makes a data folder with one open workshop holding n
// contributions from twenty participants, all at the guide's first
// prompt: the worst case for a screen showing others' words there.
func filledData(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "data")
	// The server holds each participant to their allowance, as it will
	// when it restarts on this folder: a clock that moves six seconds at
	// every reading keeps the fill's writers within it.
	var ticks atomic.Int64
	start := time.Now()
	spaced := func() time.Time { return start.Add(time.Duration(ticks.Add(1)) * inquiry.DefaultAllowance.Every) }
	store, err := data.Open(data.Options{Dir: dir, Now: spaced})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := fill(ctx, store, n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// fill opens a workshop from the default guide and has twenty
// participants contribute n times in all at its first prompt.
func fill(ctx context.Context, store *data.Store, n int) error {
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	sum, err := store.OpenWorkshop(ctx, inquiry.System, inquiry.WorkshopDetails{Title: "Restart", Guide: guide})
	if err != nil {
		return err
	}
	prompt, kind := guide.Ref(0, 0), inquiry.Opportunity
	if kinds := guide.Phases[0].Prompts[0].Kinds; len(kinds) > 0 {
		kind = kinds[0]
	}
	const people = 20
	errs := make([]error, people)
	var wg sync.WaitGroup
	for p := range people {
		wg.Go(func() {
			me := inquiry.Actor{Role: inquiry.RoleParticipant, ID: fmt.Sprintf("fill%02d", p)}
			join := inquiry.Event{Type: inquiry.ParticipantJoined, Actor: me, Participant: &inquiry.ParticipantDetails{
				ID: me.ID, Name: inquiry.Words{Text: "Filler " + me.ID}, ConsentAt: time.Now(),
			}}
			if _, errs[p] = store.Append(ctx, sum.ID, join); errs[p] != nil {
				return
			}
			for i := p; i < n; i += people {
				add := inquiry.Event{Type: inquiry.ContributionAdded, Actor: me, Contribution: &inquiry.ContributionDetails{
					ID: fmt.Sprintf("%s-%05d", me.ID, i), Participant: me.ID, Prompt: prompt, Kind: kind,
					Text: inquiry.Words{Text: fmt.Sprintf("fill %05d share the hall on Tuesdays", i)},
				}}
				if _, errs[p] = store.Append(ctx, sum.ID, add); errs[p] != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
