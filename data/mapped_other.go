//go:build !linux

package data

// releaseMappedTables does nothing where there is no /proc/self/maps and
// MADV_PAGEOUT: the tables' pages stay until the system reclaims them.
func releaseMappedTables(dir string) (int64, error) { return 0, nil }
