package data

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
)

// keyFileLen is the length of the key in a key file: AES-256.
const keyFileLen = 32

// ReadKeyFile reads an encryption key for Options.EncryptionKey from a
// file. The file holds 32 random bytes, as they are or written as 64 hex
// digits or in base64 (a line ending after them is fine), so any of these
// makes one:
//
//	head -c 32 /dev/urandom > anchorage.key
//	openssl rand -hex 32 > anchorage.key
//	openssl rand -base64 32 > anchorage.key
//
// The file must be readable by its owner alone, as an SSH private key
// must: whoever reads it reads the database.
func ReadKeyFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("encryption key: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("encryption key: %s is not a file", path)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return nil, fmt.Errorf("encryption key: other users of this machine can read or change %s (mode %04o): make it private with: chmod 600 %s",
			path, perm, shellWord(path))
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("encryption key: %w", err)
	}
	if key, ok := parseKey(content); ok {
		return key, nil
	}
	return nil, fmt.Errorf("encryption key: %s does not hold a key: it should hold 32 random bytes, as they are, as 64 hex digits or in base64; make one with: openssl rand -hex 32 > %s",
		path, shellWord(path))
}

// parseKey reads 32 bytes as they are, as hex or as base64.
func parseKey(content []byte) ([]byte, bool) {
	if len(content) == keyFileLen {
		return bytes.Clone(content), true
	}
	text := string(bytes.TrimSpace(content))
	if key, err := hex.DecodeString(text); err == nil && len(key) == keyFileLen {
		return key, true
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if key, err := enc.DecodeString(text); err == nil && len(key) == keyFileLen {
			return key, true
		}
	}
	return nil, false
}
