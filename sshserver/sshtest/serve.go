package sshtest

import (
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// Server is a server Serve can run: sshserver.Server is one.
type Server interface {
	Serve(net.Listener) error
	Shutdown(context.Context) error
}

// Serve serves srv on a free port of 127.0.0.1 and returns its address,
// and stop, which shuts it down and waits for Serve to return, each within
// Deadline. stop may be called more than once; it runs when the test ends
// if the test has not called it.
func Serve(t testing.TB, srv Server) (addr string, stop func()) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), Deadline)
			defer cancel()
			if err := srv.Shutdown(ctx); err != nil {
				t.Errorf("shutdown: %v", err)
			}
			select {
			case err := <-served:
				if err != nil {
					t.Errorf("serve: %v", err)
				}
			case <-time.After(Deadline):
				t.Errorf("waited %s for Serve to return after Shutdown", Deadline)
			}
		})
	}
	t.Cleanup(stop)
	return l.Addr().String(), stop
}

// CheckPanics fails the test if a server's log shows a panic (a
// session's, or a screen's that Bubble Tea caught), or, when the test
// makes one on purpose (want), if it shows none. Every test server's log
// goes through it when the test ends: a panic anywhere fails the test
// that produced it.
func CheckPanics(t testing.TB, logged string, want bool) {
	t.Helper()
	got := strings.Contains(logged, "panicked")
	switch {
	case got && !want:
		t.Errorf("the server logged a panic:\n%s", logged)
	case !got && want:
		t.Errorf("the server logged no panic, though the test made one:\n%s", logged)
	}
}
