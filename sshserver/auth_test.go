package sshserver

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"testing"
)

func TestIdentityIsAKeyedHashPerWorkshop(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	key := newKey(t).PublicKey()
	identity := identityFor(secret, key)

	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("ws-1\x00"))
	mac.Write(key.Marshal())
	want := hex.EncodeToString(mac.Sum(nil))[:32]

	if got := identity("ws-1"); got != want {
		t.Errorf("identity = %q, want HMAC-SHA256(secret, workshop NUL key) cut to 32 hex digits: %q", got, want)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(identity("ws-1")) {
		t.Errorf("identity %q is not 32 hex digits", identity("ws-1"))
	}
	if identity("ws-1") == identity("ws-2") {
		t.Error("the same key has the same identity in two workshops, so they can be linked")
	}
	if identity("ws-1") == identityFor(secret, newKey(t).PublicKey())("ws-1") {
		t.Error("two keys have the same identity")
	}
	if identityFor([]byte("another installation's secret...."), key)("ws-1") == want {
		t.Error("the identity does not depend on the secret")
	}
	if identityFor(secret, nil) != nil {
		t.Error("a session without a key got an identity function")
	}
}
