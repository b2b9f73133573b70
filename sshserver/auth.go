package sshserver

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Everyone gets in: participants often have no SSH key, and a key the
// server has never seen is an ordinary participant. What someone may do is
// decided after the handshake, from the key they proved they hold.
//
// XXX: never decide anything inside these callbacks, and never keep state
// from them. The public-key callback also sees keys the client merely
// offers and cannot sign for (CVE-2024-45337 and its kind): a client can
// offer a facilitator's public key, fail, and then log in with its own.
// Identity comes only from ssh.Session.PublicKey(), which is the key whose
// signature the handshake verified.

// acceptAnyKey lets in every client that proves it holds some key.
func acceptAnyKey(ssh.Context, ssh.PublicKey) bool { return true }

// acceptEveryone lets in clients without a key, asking them nothing.
func acceptEveryone(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }

// visitor is who is at the other end of a session, as far as the server
// needs to know.
type visitor struct {
	// key is the key the client authenticated with; nil without one.
	key gossh.PublicKey
	// facilitator is decided once, at the start of the session.
	facilitator bool
	// remote is a short keyed hash of the client's IP address: enough to
	// tell connections apart in the log without recording where people are.
	remote string
}

// identify works out who a session belongs to. It fails closed: no key,
// or a key found in neither the facilitators file nor the database, is a
// participant.
func (s *Server) identify(sess ssh.Session) visitor {
	v := visitor{key: sess.PublicKey(), remote: s.hashRemote(sess.RemoteAddr())}
	if v.key != nil {
		v.facilitator = s.facilitators.Has(v.key) || s.store.IsFacilitator(v.key)
	}
	return v
}

// hashRemote returns a short keyed hash of the address's IP, so that the
// log can follow one connection without keeping anyone's address.
func (s *Server) hashRemote(addr net.Addr) string {
	host := ""
	if addr != nil {
		host = addr.String()
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
	}
	return keyedHash(s.store.Secret(), "remote", []byte(host))[:12]
}

// identityFor returns the function that recognises this key in a workshop:
// hex HMAC-SHA256 of the workshop ID and the key, keyed with the
// installation's secret and cut to 32 hex digits. The same person gets a
// different identity in each workshop, and nobody without the secret can
// link an identity to a key. Without a key it returns nil.
func identityFor(secret []byte, key gossh.PublicKey) func(workshopID string) string {
	if key == nil {
		return nil
	}
	blob := key.Marshal()
	return func(workshopID string) string {
		return keyedHash(secret, workshopID, blob)[:32]
	}
}

// keyedHash is hex HMAC-SHA256(secret, label + "\x00" + data).
func keyedHash(secret []byte, label string, data []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(label))
	mac.Write([]byte{0})
	mac.Write(data)
	return hex.EncodeToString(mac.Sum(nil))
}

// fingerprint is the key's SHA256 fingerprint, the ID a facilitator acts
// under in transcripts.
func fingerprint(key gossh.PublicKey) string {
	return gossh.FingerprintSHA256(key)
}
