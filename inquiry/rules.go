package inquiry

import (
	"fmt"
	"slices"
	"time"
)

// maxIDRunes bounds the IDs clients choose for votes.
const maxIDRunes = 64

// Check reports whether an event may follow the workshop's current state.
// It does not look at sequence numbers or hashes: the store assigns those
// after the check, and Apply verifies them. A new event must carry its
// words: erased words (a digest without text) are refused here and
// accepted only when Apply replays a recorded log.
//
// Who may do what: facilitators (and the server, RoleSystem) open and
// close the workshop, pace it, curate, run votes and erase participants.
// Participants join, contribute, vote and withdraw in their own name only.
// Scribes, and facilitators, enter a table or a person without a terminal
// (a scribed participant) and act for them. A participant who withdrew or
// was erased can no longer act, and nobody can act for them.
//
// Repeating the current state (a retry after a lost acknowledgement)
// returns ErrDuplicate, so the caller can treat it as done.
func (w *Workshop) Check(e Event) error { return w.check(e, false) }

// check is Check for a new event (replay false) or for one already in the
// log (replay true). A recorded event's words may have been erased since:
// the chain vouches for what they were, so erased text is not checked
// again. Pacing is checked only for new events (see checkPace). Otherwise
// the rules are the same both ways.
func (w *Workshop) check(e Event, replay bool) error {
	if err := checkActorName(e.Actor, replay); err != nil {
		return err
	}
	if e.Type == WorkshopOpened {
		if w.Head != 0 {
			return fmt.Errorf("%w: the workshop is already open", ErrInvalid)
		}
		if err := facilitates(e.Actor, "open a workshop"); err != nil {
			return err
		}
		return checkOpening(e.Workshop, cleaningFor(replay))
	}
	if w.Head == 0 {
		return fmt.Errorf("%w: a workshop's log must start with %s", ErrInvalid, WorkshopOpened)
	}
	if err := w.checkActor(e); err != nil {
		return err
	}
	switch e.Type {
	case WorkshopClosed:
		if err := facilitates(e.Actor, "close a workshop"); err != nil {
			return err
		}
		if !w.Open {
			return fmt.Errorf("%w: %w", ErrDuplicate, ErrClosed)
		}
		return nil
	case ParticipantJoined:
		return w.checkJoin(e, replay)
	case ContributionAdded:
		return w.checkAdd(e, replay)
	case ContributionEdited:
		return w.checkEdit(e, replay)
	case ContributionDeleted:
		return w.checkDelete(e)
	case PromptOpened, TimeboxChanged, SettingsChanged, PromptRevealed:
		return w.checkPacing(e)
	case ThemesChanged, ThemeAdded, ContributionMerged, ContributionHighlighted, ContributionHidden, ContributionUnhidden:
		return w.checkCuration(e)
	case VoteOpened:
		return w.checkVoteOpened(e)
	case VoteCast:
		if err := w.checkVoteCast(e); err != nil {
			return err
		}
		return w.checkVoter(e, replay)
	case VoteClosed:
		return w.checkVoteClosed(e)
	case ParticipantWithdrawn, ParticipantErased:
		return w.checkLeaving(e)
	case ContributionAgreed, AgreementWithdrawn:
		return w.checkAgreement(e)
	case ContributionUnmerged:
		return w.checkUnmerge(e)
	case TimeboxPaused, TimeboxResumed:
		return w.checkTimeboxHold(e)
	case OrganisationChanged:
		return w.checkOrganisation(e)
	case ResumeCodeReissued:
		return w.checkReissue(e)
	case ParticipantsMerged:
		return w.checkPeopleMerge(e)
	case ParticipantBlocked, LobbyOpened, LobbyClosed, ParticipantAdmitted, WaitingAdmitted:
		return w.checkStanding(e)
	case DisplayPanelChosen:
		return w.checkDisplay(e)
	}
	return fmt.Errorf("%w: unknown event type %q", ErrInvalid, e.Type)
}

// checkActor refuses an actor in no known role, and a participant who has
// not joined or has left.
func (w *Workshop) checkActor(e Event) error {
	switch e.Actor.Role {
	case RoleParticipant:
	case RoleFacilitator, RoleScribe, RoleSystem:
		return nil
	default:
		return fmt.Errorf("%w: unknown role %q", ErrInvalid, e.Actor.Role)
	}
	if e.Type == ParticipantJoined {
		return nil
	}
	p, ok := w.participants[e.Actor.ID]
	if !ok {
		return fmt.Errorf("participant %s: %w", e.Actor.ID, ErrNotFound)
	}
	if err := checkPresent(e, p); err != nil {
		return err
	}
	if p.Left() {
		if e.Type == ParticipantWithdrawn && e.Target == p.ID {
			return ErrDuplicate
		}
		return fmt.Errorf("%w: participant %s has left the workshop", ErrNotAllowed, p.ID)
	}
	return w.checkNotMerged(p)
}

// facilitates refuses anyone but a facilitator or the server.
func facilitates(a Actor, act string) error {
	if a.Role != RoleFacilitator && a.Role != RoleSystem {
		return fmt.Errorf("%w: only a facilitator can %s", ErrNotAllowed, act)
	}
	return nil
}

// speaksFor refuses an actor who may not act in p's name: a participant
// acts only for themselves; a scribe or facilitator only for a scribed
// participant, whom they enter on behalf of a table or a person without
// a terminal.
func speaksFor(a Actor, p *Participant) error {
	if a.Role == RoleParticipant {
		if a.ID != p.ID {
			return fmt.Errorf("%w: participants act only in their own name", ErrNotAllowed)
		}
		return nil
	}
	if !p.Scribed {
		return fmt.Errorf("%w: a scribe or facilitator acts only for a scribed participant, and %s has a terminal", ErrNotAllowed, p.ID)
	}
	return nil
}

// actsFor finds the participant an actor acts for, refusing one who is
// unknown, not theirs to speak for, or has left.
func (w *Workshop) actsFor(a Actor, id string) error {
	p, ok := w.participants[id]
	if !ok {
		return fmt.Errorf("participant %s: %w", id, ErrNotFound)
	}
	if err := speaksFor(a, p); err != nil {
		return err
	}
	if p.Left() {
		return fmt.Errorf("%w: participant %s has left the workshop", ErrNotAllowed, id)
	}
	return w.checkNotMerged(p)
}

func checkOpening(d *WorkshopDetails, clean cleaning) error {
	switch {
	case d == nil:
		return fmt.Errorf("%w: %s without workshop details", ErrInvalid, WorkshopOpened)
	case d.ID == "":
		return fmt.Errorf("%w: workshop has no ID", ErrInvalid)
	case clean.line(d.Title) != d.Title || d.Title == "" || RuneCount(d.Title) > MaxTitleRunes:
		return fmt.Errorf("%w: a title is one line of up to %d characters", ErrInvalid, MaxTitleRunes)
	case d.Pacing != SelfPaced && d.Pacing != FacilitatorPaced:
		return fmt.Errorf("%w: pacing must be %q or %q", ErrInvalid, SelfPaced, FacilitatorPaced)
	}
	if err := ValidCode(d.Code); err != nil {
		return err
	}
	if err := d.Guide.validate(clean); err != nil {
		return fmt.Errorf("%w: guide: %w", ErrInvalid, err)
	}
	return nil
}

func (w *Workshop) checkJoin(e Event, replay bool) error {
	d := e.Participant
	if d == nil || d.ID == "" {
		return fmt.Errorf("%w: %s without a participant ID", ErrInvalid, e.Type)
	}
	switch {
	case e.Actor.Role == RoleParticipant && (e.Actor.ID != d.ID || d.Scribed):
		return fmt.Errorf("%w: participants join in their own name, with their own terminal", ErrNotAllowed)
	case e.Actor.Role == RoleScribe && !d.Scribed:
		return fmt.Errorf("%w: a scribe enters only tables or people without a terminal", ErrNotAllowed)
	}
	if p, ok := w.participants[d.ID]; ok {
		if w.standing.typed[p.ID] == d.Name.Text {
			return ErrDuplicate
		}
		return fmt.Errorf("%w: participant %s already joined", ErrConflict, d.ID)
	}
	if !w.Open {
		return ErrClosed
	}
	if err := w.checkRejoin(d); err != nil {
		return err
	}
	if !(replay && d.Name.Erased()) {
		if err := checkName(d.Name.Text, replay); err != nil {
			return err
		}
	}
	if d.ConsentAt.IsZero() {
		// A scribe confirms consent on the person's behalf, and records when.
		return fmt.Errorf("%w: joining needs consent", ErrInvalid)
	}
	if CleanLine(d.Organisation) != d.Organisation || RuneCount(d.Organisation) > MaxNameRunes {
		return fmt.Errorf("%w: organisation type is one line of up to %d characters", ErrInvalid, MaxNameRunes)
	}
	if d.Language != "" && !ValidLanguage(d.Language) {
		return fmt.Errorf("%w: language %q is not a language code", ErrInvalid, CleanLine(d.Language))
	}
	if d.Scribed && d.Identity != "" {
		return fmt.Errorf("%w: a scribed participant has no key to be recognised by", ErrInvalid)
	}
	return nil
}

func checkName(name string, replay bool) error {
	if name == "" || cleaningFor(replay).line(name) != name || RuneCount(name) > MaxNameRunes {
		return fmt.Errorf("%w: a name is one line of 1 to %d characters, without invisible characters", ErrInvalid, MaxNameRunes)
	}
	if replay {
		return nil
	}
	return checkNewName(name)
}

// checkText checks a contribution's words.
func checkText(text string, replay bool) error {
	if text == "" || cleaningFor(replay).text(text) != text {
		return fmt.Errorf("%w: a contribution needs text, free of control and invisible characters", ErrInvalid)
	}
	if n := RuneCount(text); n > MaxTextRunes {
		return fmt.Errorf("%w: %d characters is over the limit of %d", ErrInvalid, n, MaxTextRunes)
	}
	return nil
}

// checkThemes checks a list of theme IDs: each in the taxonomy, once.
func (w *Workshop) checkThemes(themes []string) error {
	for i, t := range themes {
		if _, ok := w.Theme(t); !ok {
			return fmt.Errorf("theme %q: %w", t, ErrNotFound)
		}
		if slices.Contains(themes[:i], t) {
			return fmt.Errorf("%w: theme %q given twice", ErrInvalid, t)
		}
	}
	return nil
}

// checkCommitment checks what makes an action a commitment: an owner (a
// person or an organisation, one line) and a due date (YYYY-MM-DD, a day
// that exists). Other kinds carry neither.
func checkCommitment(d *ContributionDetails, replay bool) error {
	hasOwner := d.Owner.Text != "" || d.Owner.Digest != ""
	if d.Kind != Action && (hasOwner || d.Due != "") {
		return fmt.Errorf("%w: only an action has an owner and a due date", ErrInvalid)
	}
	switch {
	case d.Owner.Erased() && !replay:
		return fmt.Errorf("%w: a new owner needs its words", ErrInvalid)
	case d.Owner.Erased():
	case cleaningFor(replay).line(d.Owner.Text) != d.Owner.Text || RuneCount(d.Owner.Text) > MaxOwnerRunes:
		return fmt.Errorf("%w: an owner is one line of up to %d characters", ErrInvalid, MaxOwnerRunes)
	}
	if d.Due != "" {
		if day, err := time.Parse(time.DateOnly, d.Due); err != nil || day.Format(time.DateOnly) != d.Due {
			return fmt.Errorf("%w: a due date is a day written YYYY-MM-DD, not %q", ErrInvalid, d.Due)
		}
	}
	return nil
}
