package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

type role int

const (
	roleParticipant role = iota
	roleFacilitator
	roles
)

// run is one load run in progress: the configuration and what the
// sessions report.
type run struct {
	cfg Config
	tr  *tracker
	log func(format string, args ...any)

	participantsDone, facilitatorsDone sync.WaitGroup
	quota                              sync.WaitGroup // participants still short of --contributions

	mu          sync.Mutex
	sessions    [roles]int
	firstFrames [roles][]time.Duration
	handshakes  []time.Duration // participants' dial to shell started
	echoes      [roles][]time.Duration
	meters      [roles][]map[string]window
	totals      [roles][]int64
	errors      []string
	memory      memory
	cpu         cpu
}

// Run connects the sessions, lets them work for cfg.Duration (or until
// every participant has made cfg.Contributions), closes every session and
// reports. It stops early, cleanly, when ctx ends. log receives progress.
func Run(ctx context.Context, cfg Config, log func(format string, args ...any)) (*Report, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = func(string, ...any) {}
	}
	var signer gossh.Signer
	if cfg.KeyFile != "" {
		var err error
		if signer, err = readKey(cfg.KeyFile); err != nil {
			return nil, err
		}
	}
	if cfg.Code == "" {
		code, err := openWorkshop(ctx, cfg, signer)
		if err != nil {
			return nil, err
		}
		cfg.Code = code
		log("opened workshop %s", code)
	}
	r := &run{cfg: cfg, tr: newTracker(cfg.Facilitators), log: log}
	started := time.Now()
	load := loadAverage()
	sampler := r.sampleMemory()

	// Facilitators first, so that they watch every contribution.
	stopFacilitators := make(chan struct{})
	var ready sync.WaitGroup
	ready.Add(cfg.Facilitators)
	for f := range cfg.Facilitators {
		r.facilitatorsDone.Add(1)
		go r.runFacilitator(ctx, f, signer, sync.OnceFunc(ready.Done), stopFacilitators)
	}
	wait(ctx, &ready)

	begin, stopParticipants := make(chan struct{}), make(chan struct{})
	ready.Add(cfg.Participants)
	if cfg.counted() {
		r.quota.Add(cfg.Participants)
	}
	rampStart := time.Now()
	for n := range cfg.Participants {
		if cfg.Ramp > 0 {
			at := rampStart.Add(time.Duration(float64(n) / cfg.Ramp * float64(time.Second)))
			select {
			case <-time.After(time.Until(at)):
			case <-ctx.Done():
			}
		}
		r.participantsDone.Add(1)
		go r.runParticipant(ctx, n, sync.OnceFunc(ready.Done), begin, stopParticipants)
	}
	wait(ctx, &ready)
	ramp := time.Since(rampStart)
	log("%d participants and %d facilitators in after %s", r.sessionCount(roleParticipant), r.sessionCount(roleFacilitator), ramp.Round(time.Millisecond))
	sampler.afterRamp()

	close(begin)
	var quota chan struct{} // nil, never ready, unless contributions are counted
	if cfg.counted() {
		quota = make(chan struct{})
		go func() { r.quota.Wait(); close(quota) }()
	}
	select {
	case <-time.After(cfg.Duration):
	case <-quota:
		log("every participant has made %d contributions", cfg.Contributions)
	case <-ctx.Done():
		log("stopping early: %v", ctx.Err())
	}
	sampler.atEnd()
	close(stopParticipants)
	r.participantsDone.Wait()
	log("participants have left")
	r.settle(ctx)
	close(stopFacilitators)
	r.facilitatorsDone.Wait()
	log("facilitators have left")
	sampler.stop()

	return r.report(started, ramp, load, loadAverage()), nil
}

// settle gives the facilitators' screens until the wait timeout to show the
// contributions saved last.
func (r *run) settle(ctx context.Context) {
	if r.cfg.Facilitators == 0 {
		return
	}
	deadline := time.Now().Add(r.cfg.Timeout)
	for r.tr.outstanding() > 0 && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(20 * time.Millisecond)
	}
}

// wait waits for wg, or for ctx to end.
func wait(ctx context.Context, wg *sync.WaitGroup) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

func (r *run) fail(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, msg)
	if len(r.errors) <= 3 {
		r.log("error: %s", firstLine(msg))
	}
}

func (r *run) count(ro role) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sessions[ro]++
}

func (r *run) sessionCount(ro role) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sessions[ro]
}

func (r *run) firstFrame(ro role, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.firstFrames[ro] = append(r.firstFrames[ro], d)
}

func (r *run) handshake(d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.handshakes = append(r.handshakes, d)
}

func (r *run) echo(ro role, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.echoes[ro] = append(r.echoes[ro], d)
}

func (r *run) addMeter(ro role, m *meter) {
	windows, total := m.snapshot()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.meters[ro] = append(r.meters[ro], windows)
	r.totals[ro] = append(r.totals[ro], total)
}

// counted reports whether the run waits for participants to make
// cfg.Contributions each.
func (c Config) counted() bool { return c.Contributions > 0 && c.Rate > 0 }

// quotaDone marks a participant that has made all its contributions, or
// never will; call it once per participant.
func (r *run) quotaDone() {
	if r.cfg.counted() {
		r.quota.Done()
	}
}

// readKey reads a facilitator's private key.
func readKey(path string) (gossh.Signer, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("facilitator key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(pem)
	var missing *gossh.PassphraseMissingError
	if errors.As(err, &missing) {
		return nil, fmt.Errorf("facilitator key %s has a passphrase: use a key without one for load runs", path)
	}
	if err != nil {
		return nil, fmt.Errorf("facilitator key %s: %w", path, err)
	}
	return signer, nil
}

// openWorkshop opens a workshop for the run with the facilitator's key,
// over SSH as a facilitator would, and returns its join code.
func openWorkshop(ctx context.Context, cfg Config, signer gossh.Signer) (string, error) {
	client, err := connect(ctx, cfg.Addr, "load", gossh.PublicKeys(signer), cfg.Timeout)
	if err != nil {
		return "", err
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		return "", fmt.Errorf("open a workshop: %w", err)
	}
	defer sess.Close()
	var stderr strings.Builder
	sess.Stderr = &stderr
	title := "Load run " + time.Now().Format("15:04:05")
	out, err := sess.Output(fmt.Sprintf("workshop new --title %q", title))
	if err != nil {
		return "", fmt.Errorf("open a workshop (is --key a facilitator's?): %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
