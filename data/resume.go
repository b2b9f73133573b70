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
	var code string
	var left bool
	err := s.resumeLookup(workshopID, func(codes *workshopCodes, w *inquiry.Workshop) {
		kept := w.Kept(participantID)
		code = codes.byParticipant[kept]
		p, ok := w.Participant(kept)
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
	var owner string
	var blocked, left bool
	err := s.resumeLookup(workshopID, func(codes *workshopCodes, w *inquiry.Workshop) {
		if id := codes.byCode[normal]; id != "" {
			owner = w.Kept(id)
		}
		if p, ok := w.Participant(owner); ok {
			blocked, left = p.Blocked, p.Left()
		}
	})
	switch {
	case err != nil:
		return "", fmt.Errorf("data: resume: %w", err)
	case owner == "":
		return "", ErrWrongResumeCode
	case blocked:
		return "", fmt.Errorf("data: resume: %w: you cannot come back to it", inquiry.ErrBlocked)
	case left:
		return "", fmt.Errorf("data: resume: %w: you left this workshop, so your code no longer works", inquiry.ErrNotAllowed)
	}
	return owner, nil
}

// resumeCodes finds participants by resume code and codes by participant,
// per workshop, derived from the participants in the readers' fold and
// kept only in memory.
type resumeCodes struct {
	mu        sync.Mutex
	workshops map[string]*workshopCodes
}

type workshopCodes struct {
	// joined and reissued are how many of the fold's participants and
	// reissues (inquiry.Workshop.Reissues) are taken in so far.
	joined, reissued int
	byCode           map[string]string
	byParticipant    map[string]string
	// next is the number of the code each participant gets when a
	// facilitator issues them a new one; retired holds the codes replaced,
	// so that nobody is ever given one again.
	next    map[string]int
	retired map[string]bool
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

// resumeLookup takes in the codes given and reissued since the last look
// (takeInCodes), then calls look with the codes and the workshop's shared
// state (read only, as Read says). Each participant gets the first of
// their codes nobody before them has had, so the codes of a workshop stay
// distinct and the same on every start.
func (s *Store) resumeLookup(workshopID string, look func(*workshopCodes, *inquiry.Workshop)) error {
	x := &s.resume
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.workshops == nil {
		x.workshops = map[string]*workshopCodes{}
	}
	codes := x.workshops[workshopID]
	if codes == nil {
		codes = &workshopCodes{
			byCode: map[string]string{}, byParticipant: map[string]string{},
			next: map[string]int{}, retired: map[string]bool{},
		}
		x.workshops[workshopID] = codes
	}
	return s.Read(workshopID, func(w *inquiry.Workshop) {
		s.takeInCodes(codes, workshopID, w)
		look(codes, w)
	})
}

// takeInCodes gives codes to the participants who joined and moves on
// those a facilitator reissued one since the last look, in the order of
// the log: the order decides who keeps a code two would have, so it is
// the same on every start however often the codes were looked at.
func (s *Store) takeInCodes(codes *workshopCodes, workshopID string, w *inquiry.Workshop) {
	joins, reissues := w.Participants[codes.joined:], w.Reissues()[codes.reissued:]
	for len(joins) > 0 || len(reissues) > 0 {
		if len(reissues) == 0 || (len(joins) > 0 && w.JoinSeq(joins[0].ID) < reissues[0].Seq) {
			s.assign(codes, workshopID, joins[0].ID, 0)
			joins, codes.joined = joins[1:], codes.joined+1
			continue
		}
		id := reissues[0].Participant
		if old, ok := codes.byParticipant[id]; ok {
			delete(codes.byCode, old)
			delete(codes.byParticipant, id)
			codes.retired[old] = true
		}
		s.assign(codes, workshopID, id, codes.next[id])
		reissues, codes.reissued = reissues[1:], codes.reissued+1
	}
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
