package data

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// resumeAlphabet is what resume codes are made of: digits and capital
// letters without the ones people confuse on a screen or in handwriting
// (0 and O, 1 and I and L, U and V).
const resumeAlphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ"

// resumeLen is a resume code's length: 29⁸ ≈ 5·10¹¹ codes (39 bits),
// shown as two groups of four ("K7QM-3XPR"). Guessing one needs about
// 2.5·10¹¹ tries per workshop on average, and the server limits tries.
const resumeLen = 8

// resumeTries bounds the codes tried for one participant when an earlier
// one belongs to someone else in the workshop (about one chance in 10⁶
// with a thousand participants).
const resumeTries = 4

// ResumeCode returns the code a participant without an SSH key types to
// come back to a workshop, such as "K7QM-3XPR". The first call makes it;
// later calls return the same one.
//
// The code is derived from the installation secret, the workshop and the
// participant, so it is never stored: the database keeps only a keyed
// hash of it for lookups, outside the workshop's log, so no export and no
// database file shows it.
func (s *Store) ResumeCode(workshopID, participantID string) (string, error) {
	if participantID == "" {
		return "", fmt.Errorf("data: resume code: %w: no participant", inquiry.ErrInvalid)
	}
	if !s.hasWorkshop(workshopID) {
		return "", fmt.Errorf("data: resume code: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	s.drafts.mu.Lock()
	gone := s.drafts.gone[string(draftKey(workshopID, participantID))]
	s.drafts.mu.Unlock()
	if gone {
		return "", fmt.Errorf("data: resume code: participant %s has left the workshop: %w", participantID, inquiry.ErrNotAllowed)
	}
	s.resumeMu.Lock()
	defer s.resumeMu.Unlock()
	for n := range resumeTries {
		code := s.resumeCode(workshopID, participantID, n)
		key := s.resumeKey(workshopID, code)
		owner, err := s.resumeOwner(key)
		switch {
		case err != nil:
			return "", fmt.Errorf("data: resume code: %w", err)
		case owner == participantID:
			return showResumeCode(code), nil
		case owner != "":
			continue // someone else's: try the next
		}
		err = s.update(func(txn *badger.Txn) error { return set(txn, key, []byte(participantID)) })
		if err != nil {
			return "", fmt.Errorf("data: resume code: %w", err)
		}
		return showResumeCode(code), nil
	}
	return "", fmt.Errorf("data: resume code: %d codes in a row were taken: %w", resumeTries, inquiry.ErrConflict)
}

// Resume returns the participant a resume code belongs to in a workshop.
// Case, spaces and dashes do not matter. A wrong code just gives false:
// the caller counts failures and limits them, as guessing is the only way
// to find a code.
func (s *Store) Resume(workshopID, code string) (participantID string, ok bool) {
	normal, ok := normalResumeCode(code)
	if !ok || !s.hasWorkshop(workshopID) {
		return "", false
	}
	owner, err := s.resumeOwner(s.resumeKey(workshopID, normal))
	if err != nil || owner == "" {
		return "", false
	}
	s.drafts.mu.Lock()
	defer s.drafts.mu.Unlock()
	if s.drafts.gone[string(draftKey(workshopID, owner))] {
		return "", false
	}
	return owner, true
}

// resumeOwner reads who a resume code's key belongs to; "" if nobody.
func (s *Store) resumeOwner(key []byte) (string, error) {
	var owner string
	err := s.view(func(txn *badger.Txn) error {
		item, err := txn.Get(key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		owner = string(v)
		return err
	})
	return owner, err
}

// resumeRows returns the keys of a participant's resume codes, for an
// erasure to delete.
func (s *Store) resumeRows(txn *badger.Txn, workshopID, participantID string) ([][]byte, error) {
	var keys [][]byte
	for n := range resumeTries {
		key := s.resumeKey(workshopID, s.resumeCode(workshopID, participantID, n))
		item, err := txn.Get(key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		owner, err := item.ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		if string(owner) == participantID {
			keys = append(keys, key)
		}
	}
	return keys, nil
}

// resumeCode derives a participant's n-th resume code (without the dash).
func (s *Store) resumeCode(workshopID, participantID string, n int) string {
	mac := hmac.New(sha256.New, s.secret)
	fmt.Fprintf(mac, "anchorage resume code\x00%s\x00%s\x00%d", workshopID, participantID, n)
	v := binary.BigEndian.Uint64(mac.Sum(nil))
	var b [resumeLen]byte
	base := uint64(len(resumeAlphabet))
	for i := range b {
		b[i] = resumeAlphabet[v%base]
		v /= base
	}
	return string(b[:])
}

// resumeKey is where the owner of a resume code is kept: a keyed hash of
// the code, so the key does not give the code away.
func (s *Store) resumeKey(workshopID, code string) []byte {
	mac := hmac.New(sha256.New, s.secret)
	fmt.Fprintf(mac, "anchorage resume lookup\x00%s\x00%s", workshopID, code)
	return []byte(resumePrefix + workshopID + "/" + hex.EncodeToString(mac.Sum(nil)))
}

// normalResumeCode turns what someone typed into a code as derived:
// capitals, without dashes or spaces. It reports false for anything that
// cannot be a code.
func normalResumeCode(typed string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(typed) {
		switch {
		case r == '-' || r == ' ':
		case strings.ContainsRune(resumeAlphabet, r):
			b.WriteRune(r)
		default:
			return "", false
		}
		if b.Len() > resumeLen {
			return "", false
		}
	}
	if b.Len() != resumeLen {
		return "", false
	}
	return b.String(), true
}

// showResumeCode writes a code as two groups of four: "K7QM-3XPR".
func showResumeCode(code string) string {
	return code[:resumeLen/2] + "-" + code[resumeLen/2:]
}
