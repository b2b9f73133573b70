package data

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestTheTablesPagesAreHandedBackAndStillRead maps a table file and an
// other file as Badger does, reads them through, and checks that
// releaseMappedTables takes the table's pages out of resident memory,
// leaves the other file's alone, and that the table still reads the same.
func TestTheTablesPagesAreHandedBackAndStillRead(t *testing.T) {
	dir := diskDir(t)
	const size = 4 << 20
	content := bytes.Repeat([]byte("anchorage "), size/10+1)[:size]
	table := mapFile(t, filepath.Join(dir, "000001.sst"), content)
	other := mapFile(t, filepath.Join(dir, "000001.mem"), content)
	for _, m := range [][]byte{table, other} {
		if !bytes.Equal(m, content) {
			t.Fatal("a mapped file does not read what was written")
		}
	}
	if rss := residentKiB(t, "000001.sst"); rss < size/1024/2 {
		t.Fatalf("the table read through holds %d KiB resident; want about %d before the release", rss, size/1024)
	}
	advised, err := releaseMappedTables(dir)
	if err != nil {
		t.Fatalf("release: %v", err)
	}
	if advised != size {
		t.Errorf("release advised %d bytes; want the table's %d", advised, size)
	}
	if rss := residentKiB(t, "000001.sst"); rss > 64 {
		t.Errorf("the table holds %d KiB resident after the release; want its pages handed back", rss)
	}
	if rss := residentKiB(t, "000001.mem"); rss < size/1024/2 {
		t.Errorf("the memtable file holds %d KiB resident after the release; want it left alone", rss)
	}
	if !bytes.Equal(table, content) {
		t.Error("the table reads otherwise after its pages were handed back")
	}
}

// TestAStartHandsBackTheTablesItsCheckRead reopens a store whose log is in
// Badger's tables: once the background check of the chain has read them,
// none of their pages stay resident.
func TestAStartHandsBackTheTablesItsCheckRead(t *testing.T) {
	dir := diskDir(t)
	s := openStore(t, dir, unlimited)
	sum := openWorkshop(t, s, "TABLES")
	mustAppend(t, s, sum.ID, joining("p001"))
	long := strings.Repeat("a partnership that lasted ", 60)
	for i := range 2000 {
		mustAppend(t, s, sum.ID, adding("p001", fmt.Sprintf("c%04d", i), long))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir, unlimited)
	<-s.checked
	if n := tableFiles(t, dir); n == 0 {
		t.Fatal("the log is in no table: the test needs one to read")
	}
	if rss := residentKiB(t, ".sst"); rss > 64 {
		t.Errorf("the tables hold %d KiB resident after the start's check; want them handed back", rss)
	}
	checkLog(t, s, sum.ID, 2002)
}

// diskDir is a temporary folder on a disk: tmpfs pages have nowhere to be
// paged out to without swap.
func diskDir(t *testing.T) string {
	dir := t.TempDir()
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	if st.Type != unix.TMPFS_MAGIC {
		return dir
	}
	dir, err := os.MkdirTemp(".", "mapped-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// mapFile writes content to path and maps it shared and read-only, as
// Badger maps its tables, until the test ends.
func mapFile(t *testing.T, path string, content []byte) []byte {
	t.Helper()
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := unix.Mmap(int(f.Fd()), 0, len(content), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatalf("map %s: %v", path, err)
	}
	t.Cleanup(func() { unix.Munmap(m) })
	return m
}

// residentKiB sums the resident memory of this process's mappings whose
// path ends with suffix, from /proc/self/smaps.
func residentKiB(t *testing.T, suffix string) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var total int
	counting := false
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		fields := strings.Fields(lines.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			counting = len(fields) >= 6 && strings.HasSuffix(fields[len(fields)-1], suffix)
		case counting && len(fields) == 3 && fields[0] == "Rss:":
			kib, err := strconv.Atoi(fields[1])
			if err != nil {
				t.Fatal(err)
			}
			total += kib
		}
	}
	return total
}

func tableFiles(t *testing.T, dir string) int {
	t.Helper()
	tables, err := filepath.Glob(filepath.Join(dir, "*.sst"))
	if err != nil {
		t.Fatal(err)
	}
	return len(tables)
}
