// Package golden compares what a test made with a file kept in its
// package's testdata, and rewrites the file when the tests run with
// -update: the exports, the report, the join card and the plain-text
// transcripts are checked the same way. It imports nothing of the
// project, so package inquiry's own tests can use it.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Updating reports whether the tests were asked to rewrite golden files
// (and whatever else they keep in the repository, such as a screenshot).
func Updating() bool { return *update }

// Check compares got with the file at path, or writes it there under
// -update. A difference is reported at its first differing line.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read the golden file (go test -update writes it): %v", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(wl), len(gl)) {
		w, g := "", ""
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Errorf("%s differs at line %d (go test -update rewrites it; read the diff):\n got %q\nwant %q", path, i+1, g, w)
			return
		}
	}
}
