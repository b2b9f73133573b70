package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A --snapshot-every that is not a number of events stops the start with
// a message naming the flag and its variable, before any data is made.
func TestServeRefusesASnapshotIntervalThatIsNotANumberOfEvents(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	for _, every := range []string{"0", "-5", "often"} {
		for _, how := range []struct {
			env  []string
			args []string
		}{
			{nil, []string{"serve", "--data", dir, "--listen", "127.0.0.1:0", "--snapshot-every", every}},
			{[]string{envSnapshotEvery + "=" + every}, []string{"serve", "--data", dir, "--listen", "127.0.0.1:0"}},
		} {
			r := anchorage(t, how.env, how.args...)
			if r.status == 0 || !strings.Contains(r.stderr, "--snapshot-every") || !strings.Contains(r.stderr, envSnapshotEvery) {
				t.Errorf("serve with snapshot interval %q (%v): exit %d, stderr %q; want a refusal naming the flag", every, how.env, r.status, r.stderr)
			}
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("a refused start made the data folder")
	}
}

// A --write-allowance that is not a burst and a rate stops the start with
// a message naming the flag, before any data is made.
func TestServeRefusesAWriteAllowanceItCannotRead(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	r := anchorage(t, nil, "serve", "--data", dir, "--listen", "127.0.0.1:0", "--write-allowance", "often")
	if r.status == 0 || !strings.Contains(r.stderr, "--write-allowance") || !strings.Contains(r.stderr, envWriteAllowance) {
		t.Errorf("serve --write-allowance often: exit %d, stderr %q; want a refusal naming the flag", r.status, r.stderr)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("a refused start made the data folder")
	}
}
