// Package datatest opens stores for tests, as net/http/httptest starts
// servers: a real store in the test's own temporary folder, closed when
// the test ends.
package datatest

import (
	"testing"

	"github.com/anchorage/anchorage/data"
)

// Open opens a new store in a temporary folder; it is closed when the
// test ends.
func Open(t testing.TB) *data.Store {
	t.Helper()
	store, err := data.Open(data.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = store.Close() })
	return store
}
