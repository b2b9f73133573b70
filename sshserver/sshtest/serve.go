package sshtest

import (
	"context"
	"net"
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
