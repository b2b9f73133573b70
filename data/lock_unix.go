//go:build unix

package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// lockName is the file the store holds an exclusive flock on while open.
// Badger locks the folder too, but reports a held lock only as text; our
// own lock gives a reliable ErrLocked, in another process or this one.
const lockName = "anchorage.lock"

// lockDir takes the store's lock on dir; closing the result releases it.
func lockDir(dir string) (io.Closer, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("data: lock %s: %w", dir, err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, fmt.Errorf("data: %s: %w", dir, ErrLocked)
		}
		return nil, fmt.Errorf("data: lock %s: %w", dir, err)
	}
	return f, nil
}
