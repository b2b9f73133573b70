package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
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
	own := []string{envKeyFile, envGuides, envTextBudget, envSnapshotEvery, envWriteAllowance}
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

// TestDocsNameOnlyTestsThatExist checks that every test, benchmark and
// fuzzer README, PERFORMANCE and RELIABILITY cite as evidence is one a test
// file of the repository defines: a test renamed or moved leaves its
// promise without a witness.
func TestDocsNameOnlyTestsThatExist(t *testing.T) {
	defined := map[string]bool{}
	definition := regexp.MustCompile(`(?m)^func ((?:Test|Benchmark|Fuzz)\w+)\(`)
	err := filepath.WalkDir(filepath.Join("..", ".."), func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != filepath.Join("..", ".."):
			return filepath.SkipDir
		case !strings.HasSuffix(path, "_test.go"):
			return nil
		}
		src, err := os.ReadFile(path)
		for _, m := range definition.FindAllStringSubmatch(string(src), -1) {
			defined[m[1]] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cited := regexp.MustCompile("`((?:Test|Benchmark|Fuzz)[A-Z]\\w*)`")
	for _, doc := range []string{"README.md", "PERFORMANCE.md", "RELIABILITY.md"} {
		text, err := os.ReadFile(filepath.Join("..", "..", doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range cited.FindAllStringSubmatch(string(text), -1) {
			if !defined[m[1]] {
				t.Errorf("%s cites %s, which no test file defines", doc, m[1])
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
