package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/sshserver"
	"github.com/anchorage/anchorage/sshserver/sshtest"
)

// testDeadline bounds the whole smoke run and every wait in it.
const testDeadline = 60 * time.Second

// startServer runs a real server on 127.0.0.1:0 with a store in a
// temporary folder, and a facilitator key; it returns the address and the
// key's file.
func startServer(t *testing.T) (addr, keyFile string) {
	t.Helper()
	keyFile, key := sshtest.KeyFile(t)
	dataDir := t.TempDir()
	store := datatest.OpenIn(t, dataDir) // closed after the server, which stops first
	cfg := sshserver.DefaultConfig()
	cfg.DataDir, cfg.Listen, cfg.FacilitatorsFile = dataDir, "127.0.0.1:0", sshtest.AuthorizedKeys(t, key)
	var logged sshtest.Buffer
	srv, err := sshserver.New(cfg, store, log.New(&logged))
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	addr, stop := sshtest.Serve(t, srv)
	t.Cleanup(func() {
		stop()
		sshtest.CheckPanics(t, logged.String(), false)
	})
	return addr, keyFile
}

func TestARunSavesAndShowsEveryContribution(t *testing.T) {
	addr, keyFile := startServer(t)
	cfg := DefaultConfig()
	cfg.Addr, cfg.KeyFile = addr, keyFile
	cfg.Participants, cfg.Facilitators = 3, 1
	cfg.Rate, cfg.Contributions, cfg.PerPrompt = 4, 3, 2
	cfg.TypingRate, cfg.Ramp = 100, 0
	cfg.FacilitatorKeys = 200 * time.Millisecond
	cfg.Duration, cfg.Timeout = testDeadline, testDeadline/3

	ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
	defer cancel()
	rep, err := Run(ctx, cfg, t.Logf)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if rep.Errors != 0 {
		t.Fatalf("the run had %d errors: %q", rep.Errors, rep.ErrorSamples)
	}
	if rep.Joined != 3 || rep.Watching != 1 {
		t.Errorf("%d participants joined and %d facilitators watched, want 3 and 1", rep.Joined, rep.Watching)
	}
	if want := 3 * 3; rep.Submitted != want || rep.Saved != want || rep.SeenByAll != want {
		t.Errorf("contributions: %d submitted, %d saved, %d seen by the facilitator; want %d of each",
			rep.Submitted, rep.Saved, rep.SeenByAll, want)
	}
	if rep.FirstFrame.N != 3 || rep.FacilitatorFirstFrame.N != 1 || rep.SavedToVisible.N != 9 {
		t.Errorf("first frames measured %d and %d, deliveries %d; want 3, 1 and 9",
			rep.FirstFrame.N, rep.FacilitatorFirstFrame.N, rep.SavedToVisible.N)
	}
	// Three contributions at two per prompt: each participant moved on once.
	if rep.Bytes.PerKey == 0 || rep.Bytes.PerSubmit == 0 || rep.Bytes.PerPromptMove == 0 || rep.Bytes.FacilitatorLive == 0 {
		t.Errorf("some bytes were not counted: %+v", rep.Bytes)
	}
	var text strings.Builder
	if err := rep.WriteText(&text); err != nil || !strings.Contains(text.String(), "9 seen by every facilitator") {
		t.Errorf("the text report (err %v) does not say what was seen:\n%s", err, text.String())
	}
}

func TestOnlyLoopbackAddressesAreAccepted(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:23234", true},
		{"127.3.2.1:23234", true},
		{"[::1]:23234", true},
		{"[::ffff:127.0.0.1]:23234", true},
		{"localhost:23234", false},
		{"10.0.0.1:23234", false},
		{"192.168.1.20:22", false},
		{"0.0.0.0:23234", false},
		{"[::]:23234", false},
		{"[::ffff:8.8.8.8]:22", false},
		{"example.org:22", false},
		{"127.0.0.1", false},
		{":23234", false},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if err := checkLoopback(tt.addr); (err == nil) != tt.ok {
				t.Errorf("checkLoopback(%q) = %v, want ok=%v", tt.addr, err, tt.ok)
			}
		})
	}
}

func TestARunRefusesAnAddressOffThisMachine(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Addr, cfg.Code = "192.0.2.1:23234", "harbour-4821"
	if _, err := Run(context.Background(), cfg, nil); err == nil || !strings.Contains(err.Error(), "not loopback") {
		t.Fatalf("Run with a non-loopback address: %v, want a refusal", err)
	}
}

func TestPercentilesAreNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 200; i++ {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	got := stat(ds)
	if got.N != 200 || got.P50 != 100 || got.P99 != 198 || got.Max != 200 {
		t.Errorf("stat of 1..200 ms = %+v, want p50 100, p99 198, max 200", got)
	}
	if one := stat([]time.Duration{7 * time.Millisecond}); one.P50 != 7 || one.P99 != 7 {
		t.Errorf("stat of one sample = %+v", one)
	}
}
