package sshserver

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/inquiry"
)

// facilitatorFile is the optional authorized_keys file that names
// facilitators. It is re-read when its size or modification time changes,
// so a facilitator added while a workshop runs can connect without a
// restart. A line's comment field, after the key, is the facilitator's
// name as screens and reports show it:
//
//	ssh-ed25519 AAAAC3Nza... Catriona Bell
type facilitatorFile struct {
	path string

	mu      sync.Mutex
	keys    map[string]string // key.Marshal() as a string → name, "" if none
	modTime time.Time
	size    int64
	// broken is the last error reading the file; while it is set the file
	// grants nobody anything.
	broken error
}

// loadFacilitatorFile reads the file once, at start: a missing file or a
// malformed line is an error that stops the server, naming the file and
// line, rather than a silent empty list.
func loadFacilitatorFile(path string) (*facilitatorFile, error) {
	f := &facilitatorFile{path: path}
	if path == "" {
		return f, nil
	}
	if err := f.reload(); err != nil {
		return nil, err
	}
	return f, nil
}

// Has reports whether key is listed. XXX: a file that has become unreadable
// or malformed since the start grants no one: access fails closed.
func (f *facilitatorFile) Has(key gossh.PublicKey) bool {
	if f.path == "" || key == nil {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.refreshLocked(); err != nil {
		return false
	}
	_, ok := f.keys[string(key.Marshal())]
	return ok
}

// Name is the name the file's comment field gives key, or "" if the key
// is not listed or its line has no comment.
func (f *facilitatorFile) Name(key gossh.PublicKey) string {
	if f.path == "" || key == nil {
		return ""
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.refreshLocked(); err != nil {
		return ""
	}
	return f.keys[string(key.Marshal())]
}

// Count is how many keys the file lists (0 while it is broken).
func (f *facilitatorFile) Count() int {
	if f.path == "" {
		return 0
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.refreshLocked() != nil {
		return 0
	}
	return len(f.keys)
}

// Err is the last problem reading the file, or nil.
func (f *facilitatorFile) Err() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.broken
}

func (f *facilitatorFile) reload() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.modTime = time.Time{}
	return f.refreshLocked()
}

// refreshLocked re-reads the file if it changed since the last read.
func (f *facilitatorFile) refreshLocked() error {
	info, err := os.Stat(f.path)
	if err != nil {
		f.keys, f.broken = nil, fmt.Errorf("facilitators file: %w", err)
		f.modTime = time.Time{}
		return f.broken
	}
	if info.ModTime().Equal(f.modTime) && info.Size() == f.size {
		return f.broken
	}
	f.modTime, f.size = info.ModTime(), info.Size()
	content, err := os.ReadFile(f.path)
	if err != nil {
		f.keys, f.broken = nil, fmt.Errorf("facilitators file: %w", err)
		return f.broken
	}
	keys, err := parseAuthorizedKeys(f.path, content)
	f.keys, f.broken = keys, err
	return err
}

// parseAuthorizedKeys reads authorized_keys lines: one key per line, blank
// lines and # comments skipped, each key with the name its comment field
// gives (see facilitatorName).
func parseAuthorizedKeys(path string, content []byte) (map[string]string, error) {
	keys := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(content))
	sc.Buffer(make([]byte, 0, 16*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, comment, options, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key in authorized_keys format: %w", path, n, err)
		}
		// XXX: options such as from="..." restrict a key; honouring only
		// some of them would grant more than the line says, so a line with
		// options is refused rather than half-read.
		if len(options) > 0 {
			return nil, fmt.Errorf("%s:%d: key options (%s) are not supported: remove them", path, n, options[0])
		}
		keys[string(key.Marshal())] = facilitatorName(comment)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return keys, nil
}

// facilitatorName makes a key's comment fit to show and to record on the
// facilitator's events: one clean line, cut to a name's length, since the
// workshop's rules refuse an event whose name is longer.
func facilitatorName(comment string) string {
	name := inquiry.CleanLine(comment)
	if runes := []rune(name); len(runes) > inquiry.MaxNameRunes {
		// Cleaned again: the cut may leave a space at the end.
		name = inquiry.CleanLine(string(runes[:inquiry.MaxNameRunes]))
	}
	return name
}
