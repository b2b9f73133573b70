package sshserver

import (
	"context"
	"flag"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

// A server to profile under load. `anchorage serve` has no profiling
// endpoint, so this runs the same server (sshserver.New on data.Open) in a
// test binary, with net/http/pprof on a second loopback port, for
// cmd/anchorage-load to drive from another process:
//
//	go test ./sshserver -run TestServeForProfiling -timeout 0 \
//	    -serve.addr 127.0.0.1:23400 -serve.pprof 127.0.0.1:6060 \
//	    -serve.facilitators keys.pub -serve.for 10m
//	go tool pprof -sample_index=inuse_space http://127.0.0.1:6060/debug/pprof/heap
//
// Without -serve.addr the test is skipped.
var (
	serveAddr         = flag.String("serve.addr", "", "run a server to profile on this loopback address")
	servePprof        = flag.String("serve.pprof", "127.0.0.1:6060", "serve net/http/pprof on this loopback address")
	serveFacilitators = flag.String("serve.facilitators", "", "an authorized_keys file of facilitators")
	serveData         = flag.String("serve.data", "", "the data folder (a temporary one if empty)")
	serveFor          = flag.Duration("serve.for", 10*time.Minute, "how long to serve before stopping")
	serveWriteFreely  = flag.Bool("serve.write-freely", false, "lift the writers' allowance, as anchorage serve --write-allowance off does (saturation runs)")
)

func TestServeForProfiling(t *testing.T) {
	if *serveAddr == "" {
		t.Skip("give -serve.addr to run a server for profiling")
	}
	dir := *serveData
	if dir == "" {
		dir = t.TempDir()
	}
	opts := data.Options{Dir: dir}
	if *serveWriteFreely {
		opts.Allowance = inquiry.Allowance{Burst: -1}
	}
	store, err := data.Open(opts)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	defer store.Close()
	cfg := DefaultConfig()
	cfg.DataDir, cfg.Listen, cfg.FacilitatorsFile = dir, *serveAddr, *serveFacilitators
	// Every load session comes from one loopback address: lift the limits
	// meant for a room of people.
	cfg.MaxSessions, cfg.MaxSessionsPerAddress = 5000, 5000
	srv, err := New(cfg, store, nil)
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	l, err := net.Listen("tcp", *serveAddr)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	profiles := &http.Server{Addr: *servePprof, Handler: mux}
	go func() { _ = profiles.ListenAndServe() }()
	defer profiles.Close()

	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	t.Logf("serving on %s (pid %d), profiles on http://%s/debug/pprof/", l.Addr(), os.Getpid(), *servePprof)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	select {
	case <-ctx.Done():
	case <-time.After(*serveFor):
	case err := <-served:
		t.Fatalf("serve: %v", err)
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		t.Errorf("shutdown: %v", err)
	}
}
