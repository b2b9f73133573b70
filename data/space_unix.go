//go:build unix

package data

import "golang.org/x/sys/unix"

// freeBytes returns the space left for this user on dir's filesystem.
func freeBytes(dir string) (uint64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return uint64(st.Bavail) * uint64(st.Bsize), nil
}
