// Package datatest opens stores for tests, as net/http/httptest starts
// servers: a real store in the test's own temporary folder, closed when
// the test ends.
package datatest

import (
	"context"
	"testing"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

// Open opens a new store in a temporary folder; it is closed when the
// test ends.
func Open(t testing.TB) *data.Store {
	t.Helper()
	return OpenIn(t, t.TempDir())
}

// OpenIn opens the store kept in dir (making one if there is none), as
// a server or an offline command would; it is closed when the test ends.
func OpenIn(t testing.TB, dir string) *data.Store {
	t.Helper()
	store, err := data.Open(data.Options{Dir: dir})
	if err != nil {
		t.Fatalf("open store in %s: %v", dir, err)
	}
	t.Cleanup(func() { _ = store.Close() })
	return store
}

// Workshop opens a new store with one self-paced workshop, "Anchors and
// services", on the default guide.
func Workshop(t testing.TB) (*data.Store, inquiry.Summary) {
	t.Helper()
	return open(t, "Anchors and services", inquiry.SelfPaced)
}

// LedWorkshop opens a new store with one facilitator-led workshop, "Led
// together", on the default guide.
func LedWorkshop(t testing.TB) (*data.Store, inquiry.Summary) {
	t.Helper()
	return open(t, "Led together", inquiry.FacilitatorPaced)
}

func open(t testing.TB, title string, pacing inquiry.Pacing) (*data.Store, inquiry.Summary) {
	t.Helper()
	store := Open(t)
	guide, ok := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok {
		t.Fatal("the default guide is missing")
	}
	sum, err := store.OpenWorkshop(context.Background(), inquiry.System, inquiry.WorkshopDetails{Title: title, Guide: guide, Pacing: pacing})
	if err != nil {
		t.Fatalf("open workshop: %v", err)
	}
	return store, sum
}
