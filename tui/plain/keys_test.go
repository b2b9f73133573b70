package plain

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/tui/words"
)

// TestEveryKeyTheScreenSaysIsInTheCatalogue reads this package's source
// for the messages it says, and checks each is in the catalogue: a key
// mistyped would otherwise show as itself on a participant's screen.
func TestEveryKeyTheScreenSaysIsInTheCatalogue(t *testing.T) {
	said := regexp.MustCompile(`(?:Say|Count|word|means)\("([a-z][a-z0-9_.-]*)"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	en := words.Builtin().In("en")
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range said.FindAllStringSubmatch(string(src), -1) {
			found++
			if !en.Has(m[1]) {
				t.Errorf("%s says %q, which the catalogue does not have", f, m[1])
			}
		}
	}
	if found < 100 {
		t.Fatalf("found only %d messages said: the pattern no longer matches how the screen says them", found)
	}
}
