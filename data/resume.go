package data

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
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
// come back to a workshop, such as "K7QM-3XPR", always the same one until
// a facilitator issues a new one. For a participant merged into another
// it is the kept participant's code.
//
// The code is derived from the installation secret, the workshop and the
// participant, and found again by deriving every participant's code from
// the log: it is never written anywhere, so no export, backup or database
// file shows it, and asking for it costs a lookup, not a write. A
// reissue (inquiry.ResumeCodeReissued, which holds no code) moves the
// participant on to their next derived code.
func (s *Store) ResumeCode(workshopID, participantID string) (string, error) {
	if participantID == "" {
		return "", fmt.Errorf("data: resume code: %w: no participant", inquiry.ErrInvalid)
	}
	if !s.hasWorkshop(workshopID) {
		return "", fmt.Errorf("data: resume code: workshop %s: %w", workshopID, inquiry.ErrNotFound)
	}
	x := &s.resume
	x.mu.Lock()
	defer x.mu.Unlock()
	w := s.resumeCatchUp(workshopID)
	participantID = w.kept(participantID)
	code, ok := w.byParticipant[participantID]
	switch {
	case !ok:
		return "", fmt.Errorf("data: resume code: participant %s: %w", participantID, inquiry.ErrNotFound)
	case w.gone[participantID]:
		return "", fmt.Errorf("data: resume code: participant %s has left the workshop: %w", participantID, inquiry.ErrNotAllowed)
	}
	return showResumeCode(code), nil
}

// Resume returns the participant a resume code belongs to in a workshop:
// for the code of someone merged into another, the one kept. A code a
// facilitator replaced no longer works. Case, spaces and dashes do not
// matter. A wrong code just gives false:
// the caller counts failures and limits them, as guessing is the only way
// to find a code. The code of someone who left, or whom a facilitator
// removed, gives false too; ResumeParticipant says which.
func (s *Store) Resume(workshopID, code string) (participantID string, ok bool) {
	id, err := s.ResumeParticipant(workshopID, code)
	return id, err == nil
}

// ErrWrongResumeCode means a resume code belongs to nobody in the workshop.
var ErrWrongResumeCode = errors.New("that resume code does not belong to anyone in this workshop")

// ResumeParticipant is Resume with the reason a code does not bring its
// owner back: ErrWrongResumeCode for a code nobody has (count it as a
// guess), inquiry.ErrBlocked for someone a facilitator removed (tell them
// so: it is no guess), inquiry.ErrNotAllowed for someone who left.
func (s *Store) ResumeParticipant(workshopID, code string) (string, error) {
	normal, ok := normalResumeCode(code)
	if !ok || !s.hasWorkshop(workshopID) {
		return "", ErrWrongResumeCode
	}
	x := &s.resume
	x.mu.Lock()
	defer x.mu.Unlock()
	w := s.resumeCatchUp(workshopID)
	owner := w.kept(w.byCode[normal])
	switch {
	case owner == "":
		return "", ErrWrongResumeCode
	case w.blocked[owner]:
		return "", fmt.Errorf("data: resume: %w: you cannot come back to it", inquiry.ErrBlocked)
	case w.gone[owner]:
		return "", fmt.Errorf("data: resume: %w: you left this workshop, so your code no longer works", inquiry.ErrNotAllowed)
	}
	return owner, nil
}

// resumeCodes finds participants by resume code and codes by participant,
// per workshop, derived from the logs and kept only in memory.
type resumeCodes struct {
	mu        sync.Mutex
	workshops map[string]*workshopCodes
}

type workshopCodes struct {
	scanned       int // events of the log taken in so far
	byCode        map[string]string
	byParticipant map[string]string
	gone          map[string]bool // withdrawn, erased or removed: their code no longer works
	blocked       map[string]bool // removed by a facilitator
	// next is the number of the code each participant gets when a
	// facilitator issues them a new one; retired holds the codes replaced,
	// so that nobody is ever given one again.
	next    map[string]int
	retired map[string]bool
	// mergedInto leads a participant merged away to the one kept.
	mergedInto map[string]string
}

// kept follows merges from a participant to the one they became.
func (w *workshopCodes) kept(id string) string {
	for w.mergedInto[id] != "" {
		id = w.mergedInto[id]
	}
	return id
}

// assign gives a participant the first of their codes, from their n-th,
// that nobody has had, trying resumeTries of them.
func (s *Store) assign(w *workshopCodes, workshopID, id string, n int) {
	for end := n + resumeTries; n < end; n++ {
		if code := s.resumeCode(workshopID, id, n); w.byCode[code] == "" && !w.retired[code] {
			w.byCode[code], w.byParticipant[id], w.next[id] = id, code, n+1
			return
		}
	}
	w.next[id] = n
}

// resumeCatchUp takes in the workshop's log since the last look: each
// participant who joined gets the first of their codes nobody before them
// has, so the codes of a workshop stay distinct and the same on every
// start. Call it with the index's lock held.
func (s *Store) resumeCatchUp(workshopID string) *workshopCodes {
	x := &s.resume
	if x.workshops == nil {
		x.workshops = map[string]*workshopCodes{}
	}
	w := x.workshops[workshopID]
	if w == nil {
		w = &workshopCodes{
			byCode: map[string]string{}, byParticipant: map[string]string{}, gone: map[string]bool{},
			blocked: map[string]bool{},
			next:    map[string]int{}, retired: map[string]bool{}, mergedInto: map[string]string{},
		}
		x.workshops[workshopID] = w
	}
	for _, e := range s.Events(workshopID, uint64(w.scanned)) {
		w.scanned = int(e.Seq)
		switch e.Type {
		case inquiry.ParticipantJoined:
			s.assign(w, workshopID, e.Participant.ID, 0)
		case inquiry.ResumeCodeReissued:
			id := e.Target
			if old, ok := w.byParticipant[id]; ok {
				delete(w.byCode, old)
				delete(w.byParticipant, id)
				w.retired[old] = true
			}
			s.assign(w, workshopID, id, w.next[id])
		case inquiry.ParticipantsMerged:
			w.mergedInto[e.Merge.From] = e.Merge.Into
		case inquiry.ParticipantWithdrawn, inquiry.ParticipantErased:
			w.gone[e.Target] = true
		case inquiry.ParticipantBlocked:
			w.gone[e.Target], w.blocked[e.Target] = true, true
		}
	}
	return w
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

// ReissueResumeCode gives a participant a new resume code at a
// facilitator's request, for someone who lost theirs: the old code stops
// working at once. The log records that a code was issued, never the
// code; the new one is returned to show to the participant.
func (s *Store) ReissueResumeCode(ctx context.Context, workshopID string, by inquiry.Actor, participantID string) (string, error) {
	e := inquiry.Event{Type: inquiry.ResumeCodeReissued, Actor: by, Target: participantID}
	if _, err := s.Append(ctx, workshopID, e); err != nil {
		return "", fmt.Errorf("data: issue a new resume code: %w", err)
	}
	return s.ResumeCode(workshopID, participantID)
}
