package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// releaseMappedTables asks the kernel to page out every mapping of a
// Badger table (*.sst) in dir, and returns how many bytes of mappings it
// asked for. MADV_PAGEOUT reclaims pages without losing any: were a table
// unmapped and its addresses reused between reading the list and the
// advice, the advice would at worst page out memory that is then read in
// again (MADV_DONTNEED could zero it).
func releaseMappedTables(dir string) (int64, error) {
	root, err := filepath.Abs(dir)
	if err == nil {
		root, err = filepath.EvalSymlinks(root)
	}
	if err != nil {
		return 0, fmt.Errorf("data: resolve %s: %w", dir, err)
	}
	ranges, err := mappedTables(root)
	if err != nil {
		return 0, err
	}
	var advised int64
	for _, r := range ranges {
		_, _, errno := unix.Syscall(unix.SYS_MADVISE, r.start, r.end-r.start, unix.MADV_PAGEOUT)
		switch {
		case errno == 0:
			advised += int64(r.end - r.start)
		case errno == unix.ENOMEM:
			// Unmapped since the list was read: a compaction retired it.
		case errno == unix.EINVAL:
			// A kernel before 5.4 has no MADV_PAGEOUT.
			return advised, fmt.Errorf("data: page out the database tables: %w", errno)
		default:
			return advised, fmt.Errorf("data: page out %s: %w", r.path, errno)
		}
	}
	return advised, nil
}

// addressRange is one mapping in /proc/self/maps.
type addressRange struct {
	start, end uintptr
	path       string
}

// mappedTables lists this process's mappings of Badger tables in root.
func mappedTables(root string) ([]addressRange, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return nil, fmt.Errorf("data: list mappings: %w", err)
	}
	defer f.Close()
	var out []addressRange
	prefix := []byte(root + string(filepath.Separator))
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		// start-end perms offset dev inode path
		fields := bytes.Fields(lines.Bytes())
		if len(fields) < 6 {
			continue
		}
		path := bytes.Join(fields[5:], []byte(" "))
		if !bytes.HasPrefix(path, prefix) || !bytes.HasSuffix(path, []byte(".sst")) {
			continue
		}
		start, end, ok := bytes.Cut(fields[0], []byte("-"))
		if !ok {
			return nil, errors.New("data: list mappings: a line without an address range")
		}
		lo, err1 := strconv.ParseUint(string(start), 16, 64)
		hi, err2 := strconv.ParseUint(string(end), 16, 64)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("data: list mappings: %w", err)
		}
		out = append(out, addressRange{start: uintptr(lo), end: uintptr(hi), path: string(path)})
	}
	if err := lines.Err(); err != nil {
		return nil, fmt.Errorf("data: list mappings: %w", err)
	}
	return out, nil
}
