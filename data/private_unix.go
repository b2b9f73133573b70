//go:build unix

package data

import (
	"fmt"
	"os"
	"path/filepath"

	"charm.land/log/v2"
)

// checkPrivate refuses a database folder that other users of the machine
// can read or change: it holds what people said. An empty folder holds
// nothing yet, so it is made private instead, as a folder Open creates is
// (a folder made by mkdir, or a test's temporary folder, starts as 0755).
func checkPrivate(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("data: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("data: %s is not a folder", dir)
	}
	perm := fi.Mode().Perm()
	if perm&0o077 == 0 {
		return nil
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) == 0 {
		if err := os.Chmod(dir, 0o700); err == nil {
			return nil
		}
	}
	return fmt.Errorf("data: %s (mode %04o): %w: make it private with: chmod 700 %s",
		dir, perm, ErrOpenFolder, shellWord(dir))
}

// tightenFiles makes every file in the folder readable and writable by its
// owner alone. Badger creates its files with mode 0666 or 0644 less the
// process's umask (the command line sets a umask of 077, so they are 0600
// from the start); this catches files made under a wider umask, by an
// older version or by another program. The folder itself is 0700, so a
// file made between two of these passes is still out of others' reach.
func tightenFiles(dir string, logger *log.Logger) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		logger.Warn("cannot list the data folder to check its files' modes", "dir", dir, "err", err)
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil || fi.Mode().Perm()&0o077 == 0 {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if err := os.Chmod(path, fi.Mode().Perm()&0o700); err != nil {
			logger.Warn("cannot make a data file private", "file", path, "err", err)
		}
	}
}
