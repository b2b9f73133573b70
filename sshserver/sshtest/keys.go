package sshtest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"path/filepath"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// NewKey makes a new ed25519 key for a test's client.
func NewKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, key := newKey(t)
	return key
}

// KeyFile writes a new ed25519 private key where OpenSSH (or the load
// generator) can use it, readable by its owner only, and returns the
// file's path and the key.
func KeyFile(t testing.TB) (string, gossh.Signer) {
	t.Helper()
	priv, key := newKey(t)
	block, err := gossh.MarshalPrivateKey(priv, "test key")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "id_ed25519")
	WriteFile(t, path, string(pem.EncodeToMemory(block)))
	return path, key
}

// AuthorizedKeys writes the keys' public halves to a new file in
// authorized_keys format, as a server's facilitators file, and returns its
// path.
func AuthorizedKeys(t testing.TB, keys ...gossh.Signer) string {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("# keys of this test\n\n")
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	path := filepath.Join(t.TempDir(), "facilitators")
	WriteFile(t, path, b.String())
	return path
}

func newKey(t testing.TB) (ed25519.PrivateKey, gossh.Signer) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	key, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return priv, key
}
