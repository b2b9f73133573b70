package sshtest

import (
	"os"
	"testing"
)

// WriteFile writes content to path, readable by its owner only, as the
// files a server and its commands are given (facilitators, guides, keys,
// messages) are kept.
func WriteFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
