package data

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"

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
// with a thousand participants); after that they have none, and come
// back by key or join again.
const resumeTries = 4

// ResumeCode returns the code a participant without an SSH key types to
// come back to a workshop, such as "K7QM-3XPR", always the same one.
//
// The code is derived from the installation secret, the workshop and the
// participant, and found again by deriving every participant's code from
// the log: it is never written anywhere, so no export, backup or database
// file shows it, and asking for it costs a lookup, not a write.
func (s *Store) ResumeCode(workshopID, participantID string) (string, error) {
	if participantID == "" {
		return "", fmt.Errorf("data: resume code: %w: no participant", inquiry.ErrInvalid)
	}
	if !s.hasWorkshop(workshopID) {
		return "", fmt.Errorf("data: resume code: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	var code string
	var left bool
	err := s.resumeLookup(workshopID, func(codes *workshopCodes, w *inquiry.Workshop) {
		code = codes.byParticipant[participantID]
		p, ok := w.Participant(participantID)
		left = ok && p.Left()
	})
	switch {
	case err != nil:
		return "", fmt.Errorf("data: resume code: %w", err)
	case code == "":
		return "", fmt.Errorf("data: resume code: participant %s: %w", participantID, inquiry.ErrNotFound)
	case left:
		return "", fmt.Errorf("data: resume code: participant %s has left the workshop: %w", participantID, inquiry.ErrNotAllowed)
	}
	return showResumeCode(code), nil
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
	var owner string
	err := s.resumeLookup(workshopID, func(codes *workshopCodes, w *inquiry.Workshop) {
		owner = codes.byCode[normal]
		if p, ok := w.Participant(owner); !ok || p.Left() {
			owner = "" // withdrawn or erased: their code no longer works
		}
	})
	return owner, err == nil && owner != ""
}

// resumeCodes finds participants by resume code and codes by participant,
// per workshop, derived from the participants in the readers' fold and
// kept only in memory.
type resumeCodes struct {
	mu        sync.Mutex
	workshops map[string]*workshopCodes
}

type workshopCodes struct {
	scanned       int // participants taken in so far
	byCode        map[string]string
	byParticipant map[string]string
}

// resumeLookup takes in the participants who joined since the last look,
// then calls look with the codes and the workshop's shared state (read
// only, as Read says). Each participant, in the order they joined, gets
// the first of their codes nobody before them has, so the codes of a
// workshop stay distinct and the same on every start.
func (s *Store) resumeLookup(workshopID string, look func(*workshopCodes, *inquiry.Workshop)) error {
	x := &s.resume
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.workshops == nil {
		x.workshops = map[string]*workshopCodes{}
	}
	codes := x.workshops[workshopID]
	if codes == nil {
		codes = &workshopCodes{byCode: map[string]string{}, byParticipant: map[string]string{}}
		x.workshops[workshopID] = codes
	}
	return s.Read(workshopID, func(w *inquiry.Workshop) {
		for _, p := range w.Participants[codes.scanned:] {
			for n := range resumeTries {
				if code := s.resumeCode(workshopID, p.ID, n); codes.byCode[code] == "" {
					codes.byCode[code], codes.byParticipant[p.ID] = p.ID, code
					break
				}
			}
		}
		codes.scanned = len(w.Participants)
		look(codes, w)
	})
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
