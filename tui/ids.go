package tui

import (
	"crypto/rand"
	"encoding/hex"
)

// newID returns 16 random hex characters: IDs chosen before a write, so a
// retried write is recognised rather than duplicated.
func (s Session) newID() string {
	b := make([]byte, 8)
	if s.Random != nil {
		s.Random(b)
	} else {
		_, _ = rand.Read(b) // crypto/rand.Read never fails on Linux
	}
	return hex.EncodeToString(b)
}
