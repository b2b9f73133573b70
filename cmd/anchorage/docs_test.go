package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/anchorage/anchorage/sshserver"
)

// TestDocsNameOnlyVariablesTheServerReads checks every ANCHORAGE_*
// variable that README, PERFORMANCE and RELIABILITY name against what is
// read: sshserver.Config's variables (each changes the configuration) and
// the command line's own. A variable renamed or removed in the code but
// left in a command someone copies from the docs would be silently
// ignored.
func TestDocsNameOnlyVariablesTheServerReads(t *testing.T) {
	own := []string{envKeyFile, envGuides, envTextBudget, envSnapshotEvery}
	name := regexp.MustCompile(`\b` + sshserver.EnvPrefix + `[A-Z0-9_]*[A-Z0-9]`)
	for _, doc := range []string{"README.md", "PERFORMANCE.md", "RELIABILITY.md"} {
		text, err := os.ReadFile(filepath.Join("..", "..", doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range name.FindAllString(string(text), -1) {
			if !slices.Contains(own, v) && !configReads(v) {
				t.Errorf("%s names %s, which nothing reads", doc, v)
			}
		}
	}
}

// configReads reports whether sshserver.Config takes the variable from
// the environment: whether some value of it changes the configuration.
func configReads(variable string) bool {
	for _, value := range []string{"7", "7s"} {
		cfg := sshserver.DefaultConfig()
		if err := cfg.ApplyEnv([]string{variable + "=" + value}); err == nil && cfg != sshserver.DefaultConfig() {
			return true
		}
	}
	return false
}
