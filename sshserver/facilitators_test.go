package sshserver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/sshserver/sshtest"
	gossh "golang.org/x/crypto/ssh"
)

func authorizedLine(k gossh.Signer, comment string) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k.PublicKey()))) + " " + comment + "\n"
}

func TestFacilitatorsFileErrorsNameFileAndLine(t *testing.T) {
	key := newKey(t)
	tests := []struct {
		name, content, want string
	}{
		{"not a key", "# comment\n" + authorizedLine(key, "ok") + "ssh-ed25519 not-base64!!\n", ":3: not a public key"},
		{"options", "\n\nfrom=\"10.0.0.1\" " + authorizedLine(key, "x"), ":3: key options"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "facilitators")
			sshtest.WriteFile(t, path, tt.content)
			_, err := loadFacilitatorFile(path)
			if err == nil || !strings.Contains(err.Error(), path+tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, path+tt.want)
			}
		})
	}
}

func TestMissingFacilitatorsFileIsAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nowhere")
	if _, err := loadFacilitatorFile(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %v, want one naming the missing file", err)
	}
}

func TestFacilitatorsFileIsReadAgainWhenItChangesAndFailsClosed(t *testing.T) {
	alice, bob := newKey(t), newKey(t)
	path := filepath.Join(t.TempDir(), "facilitators")
	sshtest.WriteFile(t, path, authorizedLine(alice, "alice"))
	f, err := loadFacilitatorFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Has(alice.PublicKey()) || f.Has(bob.PublicKey()) {
		t.Fatal("the file's key is not a facilitator, or another is")
	}

	// A different size alone is a change; the modification time is moved
	// too, in case the file system's clock is coarse.
	later := time.Now().Add(time.Minute)
	rewrite := func(content string) {
		sshtest.WriteFile(t, path, content)
		later = later.Add(time.Minute)
		if err := os.Chtimes(path, later, later); err != nil {
			t.Fatal(err)
		}
	}
	rewrite(authorizedLine(bob, "bob, who took over"))
	if f.Has(alice.PublicKey()) || !f.Has(bob.PublicKey()) {
		t.Error("after the file changed, the old key still counts or the new one does not")
	}

	rewrite("garbage\n")
	if f.Has(bob.PublicKey()) {
		t.Error("a file that became malformed still grants access")
	}
	if f.Err() == nil {
		t.Error("the broken file is not reported")
	}

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if f.Has(bob.PublicKey()) || f.Count() != 0 {
		t.Error("a deleted file still grants access")
	}
}
