package data

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
)

// Key prefixes; see the package documentation for the layout.
const (
	eventPrefix       = "e/"
	facilitatorPrefix = "f/"
	secretKey         = "s/secret"
	draftPrefix       = "d/"
	guidePrefix       = "g/"
	scribePrefix      = "k/"
	// scrubKey is written with every erasure and dropped by the scrub that
	// follows it: found at Open, it means a scrub did not finish.
	scrubKey = "z/scrub"
	// Snapshots of workshops' state (snapshot.go): a header per workshop,
	// and the chunks of its generations.
	snapshotHeaderPrefix   = "n/"
	snapshotChunkPrefixAll = "m/"
)

// workshopIDLen is the fixed width of a workshop ID in hex characters.
// Fixed width is what keeps one workshop's key prefix from matching
// another's and byte order equal to numeric order.
const workshopIDLen = 16

// eventKeyLen is the length of an event key: prefix, ID, slash, sequence.
const eventKeyLen = len(eventPrefix) + workshopIDLen + 1 + 8

// newWorkshopID returns a random workshop ID.
func newWorkshopID() string {
	var b [workshopIDLen / 2]byte
	rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}

// validWorkshopID reports whether id is 16 lower-case hex characters.
func validWorkshopID(id string) bool {
	if len(id) != workshopIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// logPrefix is the key prefix of one workshop's events.
func logPrefix(workshopID string) []byte {
	return []byte(eventPrefix + workshopID + "/")
}

// eventKey is the key of one event.
func eventKey(workshopID string, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(logPrefix(workshopID), seq)
}

// parseEventKey splits an event key into workshop ID and sequence number.
func parseEventKey(key []byte) (workshopID string, seq uint64, err error) {
	if len(key) != eventKeyLen || key[len(eventPrefix)+workshopIDLen] != '/' {
		return "", 0, fmt.Errorf("malformed event key %q", key)
	}
	workshopID = string(key[len(eventPrefix) : len(eventPrefix)+workshopIDLen])
	if !validWorkshopID(workshopID) {
		return "", 0, fmt.Errorf("malformed workshop ID in event key %q", key)
	}
	return workshopID, binary.BigEndian.Uint64(key[eventKeyLen-8:]), nil
}

// draftKey is the key of one participant's draft in a workshop. The
// workshop ID is fixed width, so the participant ID, last, cannot make one
// key look like another.
func draftKey(workshopID, participantID string) []byte {
	return []byte(draftPrefix + workshopID + "/" + participantID)
}

// scribeKey is the key of a scribe enrolled for a workshop.
func scribeKey(workshopID, fingerprint string) []byte {
	return []byte(scribePrefix + workshopID + "/" + fingerprint)
}

// guideKey is the key of a guide a facilitator added.
func guideKey(id string) []byte { return []byte(guidePrefix + id) }

// shellWord quotes a path for a POSIX shell when it needs quoting, so that
// a command in a message can be copied as it is.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n\"'\\$`;&|<>*?()~#!{}[]") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
