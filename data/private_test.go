//go:build unix

package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The process's umask here is the test runner's (usually 022), under which
// Badger makes its files 0644: the store makes them private itself.
func TestDatabaseFolderAndEveryFileInItArePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "db")
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("database folder mode = %04o, want 0700", fi.Mode().Perm())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 3 {
		t.Fatalf("the folder holds only %d entries: nothing to check", len(entries))
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %04o, want 0600", e.Name(), info.Mode().Perm())
		}
	}
}

func TestOpenRefusesAFolderOthersCanReach(t *testing.T) {
	for _, mode := range []os.FileMode{0o755, 0o750, 0o701, 0o770} {
		dir := t.TempDir()
		openStore(t, dir).Close()
		if err := os.Chmod(dir, mode); err != nil {
			t.Fatal(err)
		}
		_, err := Open(Options{Dir: dir})
		if !errors.Is(err, ErrOpenFolder) || !strings.Contains(err.Error(), "chmod 700 "+dir) {
			t.Errorf("mode %04o: Open: %v; want ErrOpenFolder saying chmod 700 %s", mode, err, dir)
		}
	}
}

func TestOpenMakesAnEmptyFolderPrivate(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	openStore(t, dir)
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("an empty folder Open started in has mode %04o, want 0700", fi.Mode().Perm())
	}
}
