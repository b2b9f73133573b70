package data

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

func testKey(b byte) []byte { return bytes.Repeat([]byte{b}, 32) }

func TestEncryptedDatabaseHidesTheWordsAndOpensOnlyWithItsKey(t *testing.T) {
	dir := t.TempDir()
	key := testKey(7)
	s := openStore(t, dir, func(o *Options) { o.EncryptionKey = key })
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	secretWords := "Encrypted words: the lifeboat crew trains the youth club"
	mustAppend(t, s, ws.ID, adding("ann", "c1", secretWords))
	if err := s.SaveDraft(ws.ID, "ann", Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: "Encrypted draft words"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, needle := range []string{secretWords, "Encrypted draft words", "harbour-0001", "Name ann"} {
		if files := filesHolding(t, dir, needle); len(files) > 0 {
			t.Errorf("%v hold %q in the clear", files, needle)
		}
	}

	tests := []struct {
		name string
		key  []byte
		want error
	}{
		{"no key", nil, ErrEncrypted},
		{"another key", testKey(8), ErrWrongKey},
	}
	for _, tt := range tests {
		_, err := Open(Options{Dir: dir, EncryptionKey: tt.key})
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: Open: %v, want %v", tt.name, err, tt.want)
		}
	}

	s = openStore(t, dir, func(o *Options) { o.EncryptionKey = key })
	if got := checkLog(t, s, ws.ID, 3); got[2].Contribution.Text.Text != secretWords {
		t.Errorf("with its key the database reads back %q", got[2].Contribution.Text.Text)
	}
}

func TestPlainDatabaseRefusesAKey(t *testing.T) {
	dir := t.TempDir()
	openStore(t, dir).Close()
	if _, err := Open(Options{Dir: dir, EncryptionKey: testKey(7)}); !errors.Is(err, ErrWrongKey) {
		t.Errorf("opening a plain database with a key: %v, want ErrWrongKey", err)
	}
	if _, err := Open(Options{Dir: dir, EncryptionKey: []byte("short")}); err == nil || !strings.Contains(err.Error(), "16, 24 or 32 bytes") {
		t.Errorf("a 5-byte key: %v, want a message about the length", err)
	}
}

func TestRestoreWithAKeyMakesAnEncryptedDatabase(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, adding("ann", "c1", "Words to encrypt on restore"))
	var backup bytes.Buffer
	if err := s.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "restored")
	key := testKey(9)
	if err := RestoreWith(Options{Dir: dir, EncryptionKey: key}, &backup); err != nil {
		t.Fatal(err)
	}
	if files := filesHolding(t, dir, "Words to encrypt on restore"); len(files) > 0 {
		t.Errorf("the restored database holds the words in the clear in %v", files)
	}
	if _, err := Open(Options{Dir: dir}); !errors.Is(err, ErrEncrypted) {
		t.Errorf("the restored database opens without its key: %v", err)
	}
	r := openStore(t, dir, func(o *Options) { o.EncryptionKey = key })
	checkLog(t, r, ws.ID, 3)
}

func TestReadKeyFile(t *testing.T) {
	key := []byte("0123456789abcdef0123456789ABCDEF")
	tests := []struct {
		name    string
		content []byte
		mode    os.FileMode
		want    []byte
		err     string
	}{
		{"raw bytes", key, 0o600, key, ""},
		{"hex with a line ending", []byte(hex.EncodeToString(key) + "\n"), 0o600, key, ""},
		{"base64", []byte(base64.StdEncoding.EncodeToString(key) + "\n"), 0o400, key, ""},
		{"too short", []byte("abc\n"), 0o600, nil, "does not hold a key"},
		{"hex of 16 bytes", []byte(hex.EncodeToString(key[:16]) + "\n"), 0o600, nil, "does not hold a key"},
		{"readable by others", key, 0o644, nil, "chmod 600"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "anchorage.key")
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tt.mode); err != nil {
				t.Fatal(err)
			}
			got, err := ReadKeyFile(path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("ReadKeyFile: %v, want an error saying %q", err, tt.err)
				}
				return
			}
			if err != nil || !bytes.Equal(got, tt.want) {
				t.Errorf("ReadKeyFile = %x, %v; want %x", got, err, tt.want)
			}
		})
	}
	if _, err := ReadKeyFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Errorf("a missing key file gave no error")
	}
}
