package data

import (
	"encoding/binary"
	"fmt"
	"io"
)

// maxBackupFrame bounds one frame of a backup. Badger's backup flushes a
// frame at 100 MB; a frame claiming more is not from a backup.
const maxBackupFrame = 256 << 20

// backupFrames passes a backup through while checking its framing: each
// frame is a length (8 bytes, little-endian) and that many bytes. Badger's
// Load trusts the length, so a stream that is not a backup makes it panic
// or try to allocate gigabytes; this stops it with an error first.
type backupFrames struct {
	r      io.Reader
	header [8]byte
	got    int    // header bytes read so far
	left   uint64 // body bytes left in the current frame
}

func (f *backupFrames) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if f.left > 0 {
		if uint64(len(p)) > f.left {
			p = p[:f.left]
		}
		n, err := f.r.Read(p)
		f.left -= uint64(n)
		return n, err
	}
	want := len(f.header) - f.got
	if len(p) > want {
		p = p[:want]
	}
	n, err := f.r.Read(p)
	copy(f.header[f.got:], p[:n])
	f.got += n
	if f.got == len(f.header) {
		f.got = 0
		size := binary.LittleEndian.Uint64(f.header[:])
		if size > maxBackupFrame {
			return n, fmt.Errorf("the input is not a backup: a frame claims %d bytes", size)
		}
		f.left = size
	}
	return n, err
}
