package inquiry

import (
	"errors"
	"fmt"
	"time"
)

// Standing: who may be in the room. A facilitator can remove and block a
// participant (a flood, abuse): their contributions are hidden, their dots
// go, their sessions end and neither their key nor their resume code
// brings them back. A facilitator can also hold a lobby: people who join
// wait until a facilitator lets them in, one by one or all at once, so a
// throwaway join cannot take part (or vote) unseen.

const (
	// ParticipantBlocked removes a participant (Target) from the workshop
	// and blocks them: their contributions are hidden, their dots go, and
	// they cannot act or join again with the same key.
	ParticipantBlocked EventType = "participant.blocked"
	// LobbyOpened holds new participants in a lobby until a facilitator
	// admits them.
	LobbyOpened EventType = "lobby.opened"
	// LobbyClosed lets new participants straight in again, and admits
	// everyone waiting.
	LobbyClosed EventType = "lobby.closed"
	// ParticipantAdmitted lets one waiting participant (Target) in.
	ParticipantAdmitted EventType = "participant.admitted"
	// WaitingAdmitted lets everyone waiting in.
	WaitingAdmitted EventType = "lobby.admitted"
)

var (
	// ErrBlocked means a facilitator removed the participant from the
	// workshop: they cannot act in it or join it again.
	ErrBlocked = errors.New("a facilitator removed you from this workshop")
	// ErrWaiting means the participant is in the lobby: a facilitator has
	// not let them in yet.
	ErrWaiting = errors.New("you are waiting for a facilitator to let you in")
	// ErrNotEligible means the participant may not vote in this vote: they
	// joined after it opened and no facilitator admitted them.
	ErrNotEligible = errors.New("only people who were here when the vote opened, or whom a facilitator let in, can vote")
)

// BlockedReason is the reason shown, to facilitators and in the transcript,
// on the contributions of a participant who was removed.
const BlockedReason = "its author was removed from the workshop"

// standing is what the fold keeps to decide who may be in the room.
type standing struct {
	// identities holds the key identities of blocked participants.
	identities map[string]bool
	// waiting are the participants in the lobby, in the order they came.
	waiting []*Participant
	// joined and opened are the sequence numbers of each participant's
	// join and each vote's opening, for eligibility.
	joined map[string]uint64
	opened map[string]uint64
	// names tells apart the names of the people present; shown is each
	// present participant's name as shown.
	names nameIndex
	shown map[string]string
	// typed is each participant's name as typed ("" once erased), to
	// recognise a retried join.
	typed map[string]string
	// textBytes counts the bytes of people's words in the log; authored
	// is each participant's share in contributions, which leaving erases.
	textBytes int64
	authored  map[string]int64
}

// TextBytes is how many bytes of people's words (names, contributions,
// owners) the log holds, every version of them: what a flood fills. Words
// erased from the log no longer count.
func (w *Workshop) TextBytes() int64 { return w.standing.textBytes }

// WordBytes is how many bytes of people's words an event carries.
func WordBytes(e Event) int64 {
	var n int64
	for _, words := range e.Words() {
		n += int64(len(words.Text))
	}
	return n
}

func (s *standing) init() {
	if s.joined == nil {
		s.identities, s.joined, s.opened = map[string]bool{}, map[string]uint64{}, map[string]uint64{}
		s.shown, s.typed, s.authored = map[string]string{}, map[string]string{}, map[string]int64{}
	}
}

// Waiting returns the participants in the lobby, in the order they came.
func (w *Workshop) Waiting() []*Participant { return w.standing.waiting }

// IdentityBlocked reports whether a key identity (see
// ParticipantDetails.Identity) belongs to a participant a facilitator
// removed: a screen recognising a returning key can say so at once.
func (w *Workshop) IdentityBlocked(identity string) bool {
	return identity != "" && w.standing.identities[identity]
}

// checkStanding checks the events of standing.
func (w *Workshop) checkStanding(e Event) error {
	switch e.Type {
	case ParticipantBlocked:
		if err := facilitates(e.Actor, "remove a participant"); err != nil {
			return err
		}
		p, ok := w.participants[e.Target]
		if !ok {
			return fmt.Errorf("participant %s: %w", e.Target, ErrNotFound)
		}
		if p.Blocked {
			return ErrDuplicate
		}
		if err := checkBlockReason(e); err != nil {
			return err
		}
		// Someone who withdrew, was erased, or the workshop is closed can
		// still be blocked: it keeps their key from coming back.
		return nil
	case LobbyOpened, LobbyClosed:
		if err := facilitates(e.Actor, "hold or lift the lobby"); err != nil {
			return err
		}
		if w.Lobby == (e.Type == LobbyOpened) {
			return ErrDuplicate
		}
	case ParticipantAdmitted:
		if err := facilitates(e.Actor, "let someone in"); err != nil {
			return err
		}
		p, ok := w.participants[e.Target]
		switch {
		case !ok:
			return fmt.Errorf("participant %s: %w", e.Target, ErrNotFound)
		case p.Left():
			return fmt.Errorf("%w: participant %s has left the workshop", ErrNotAllowed, p.ID)
		case !p.Waiting:
			return ErrDuplicate
		}
	case WaitingAdmitted:
		if err := facilitates(e.Actor, "let people in"); err != nil {
			return err
		}
		if len(w.standing.waiting) == 0 {
			return ErrDuplicate
		}
	}
	if !w.Open {
		return ErrClosed
	}
	return nil
}

// checkPresent refuses a participant who was removed, or who is waiting
// to be let in (they may only leave).
func checkPresent(e Event, p *Participant) error {
	switch {
	case p.Blocked:
		return fmt.Errorf("%w (participant %s)", ErrBlocked, p.ID)
	case p.Waiting && e.Type != ParticipantWithdrawn:
		return fmt.Errorf("%w (participant %s)", ErrWaiting, p.ID)
	}
	return nil
}

// checkRejoin refuses a join with the key of a participant a facilitator
// removed.
func (w *Workshop) checkRejoin(d *ParticipantDetails) error {
	if w.IdentityBlocked(d.Identity) {
		return fmt.Errorf("%w: you cannot join it again", ErrBlocked)
	}
	return nil
}

// checkVoter allows a ballot from someone who was in the room when the
// vote opened, whom a facilitator let in, or whom a scribe or facilitator
// entered: a join made after the vote opened, by anyone, cannot stuff it.
// Recorded ballots are not judged again: logs made before this rule must
// still replay.
func (w *Workshop) checkVoter(e Event, replay bool) error {
	b := e.Ballot
	if replay || b == nil {
		return nil
	}
	p, ok := w.participants[b.Participant]
	if !ok || p.Scribed || !p.AdmittedAt.IsZero() {
		return nil
	}
	opened, ok := w.standing.opened[b.Vote]
	if !ok || w.standing.joined[p.ID] < opened {
		return nil
	}
	return fmt.Errorf("vote %s: %w", b.Vote, ErrNotEligible)
}

// foldStanding takes in what every event means for standing: joins,
// votes opening and people leaving, as well as its own events.
func (w *Workshop) foldStanding(e Event) {
	s := &w.standing
	s.init()
	s.textBytes += WordBytes(e)
	switch e.Type {
	case ContributionAdded, ContributionEdited:
		d := e.Contribution
		s.authored[d.Participant] += int64(len(d.Text.Text) + len(d.Owner.Text))
	case ParticipantJoined:
		p := w.participants[e.Participant.ID]
		s.joined[p.ID] = e.Seq
		s.typed[p.ID] = p.Name
		p.Name = s.names.distinct(p.Name)
		s.names.enter(p.Name)
		s.shown[p.ID] = p.Name
		if w.Lobby && e.Actor.Role == RoleParticipant {
			p.Waiting = true
			s.waiting = append(s.waiting, p)
		}
	case VoteOpened:
		s.opened[e.Vote.ID] = e.Seq
	case ParticipantWithdrawn, ParticipantErased:
		// The person leaving, and everyone merged into them: one person,
		// whose words the store erases under each of those IDs.
		for _, id := range append([]string{e.Target}, w.MergedFrom(e.Target)...) {
			w.absent(w.participants[id])
			// The store erases their words from the log: so does the count,
			// so that it is what a replay of the rewritten log gives, and an
			// erased name is kept nowhere (a snapshot writes all of this).
			s.textBytes -= s.authored[id]
			delete(s.authored, id)
			if e.Type == ParticipantErased {
				s.textBytes -= int64(len(s.typed[id]))
				s.typed[id] = ""
			}
		}
	case ParticipantBlocked:
		w.block(w.participants[e.Target], e.At)
	case LobbyOpened:
		w.Lobby = true
	case LobbyClosed:
		w.Lobby = false
		w.admit(s.waiting, e.At)
	case ParticipantAdmitted:
		w.admit([]*Participant{w.participants[e.Target]}, e.At)
	case WaitingAdmitted:
		w.admit(s.waiting, e.At)
	}
}

// absent takes someone out of the room: their name may be shown for
// someone else, and they wait no more.
func (w *Workshop) absent(p *Participant) {
	s := &w.standing
	if name, ok := s.shown[p.ID]; ok {
		s.names.leave(name)
		delete(s.shown, p.ID)
	}
	if p.Waiting {
		p.Waiting = false
		w.dropWaiting(p)
	}
}

// block removes a participant: out of the room, their key barred, their
// contributions hidden and their dots gone.
func (w *Workshop) block(p *Participant, at time.Time) {
	w.absent(p)
	p.Blocked, p.BlockedAt = true, at
	if p.Identity != "" {
		w.standing.identities[p.Identity] = true
	}
	for _, c := range w.authored[p.ID] {
		if c.gone() || c.Hidden {
			continue
		}
		w.update(c, func(c *Contribution) { c.Hidden, c.HiddenReason = true, BlockedReason })
	}
	for _, v := range w.Votes {
		delete(v.Ballots, p.ID)
	}
}

// admit lets participants in (a copy of the list is taken: it may be the
// waiting list itself).
func (w *Workshop) admit(ps []*Participant, at time.Time) {
	for _, p := range append([]*Participant(nil), ps...) {
		if !p.Waiting {
			continue
		}
		p.Waiting, p.AdmittedAt = false, at
		w.dropWaiting(p)
	}
}

// dropWaiting takes p off the waiting list.
func (w *Workshop) dropWaiting(p *Participant) {
	s := &w.standing
	for i, q := range s.waiting {
		if q == p {
			s.waiting = append(s.waiting[:i:i], s.waiting[i+1:]...)
			return
		}
	}
}

// RemovedSentence is what a removed participant's screen says as it ends
// their session.
const RemovedSentence = "A facilitator removed you from this workshop. You cannot join it again."

// EndsSession reports whether an event ends the sessions of a participant
// (a facilitator removed them), with the sentence their screen shows as it
// leaves. A screen that folds events itself calls it for each.
func EndsSession(e Event, participantID string) (sentence string, ends bool) {
	if e.Type == ParticipantBlocked && participantID != "" && e.Target == participantID {
		return RemovedSentence, true
	}
	return "", false
}
