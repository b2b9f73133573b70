package inquiry

import (
	"fmt"
	"slices"
	"time"
)

// Workshop is the state of a workshop as its events have built it up. It
// is a fold: Apply each event in order, and the same log always gives the
// same Workshop.
type Workshop struct {
	ID       string
	Title    string
	Code     string
	Pacing   Pacing
	Guide    Guide
	Open     bool
	OpenedAt time.Time
	ClosedAt time.Time

	// Participants in the order they joined.
	Participants []*Participant
	// Contributions in the order they were added, deleted ones included
	// (with Deleted set) so that a transcript can still say they existed.
	Contributions []*Contribution

	// Head is the sequence number of the last event applied; HeadHash its
	// hash, which the next event must name as Prev.
	Head     uint64
	HeadHash string

	participants  map[string]*Participant
	contributions map[string]*Contribution
}

// Participant is someone who joined a workshop.
type Participant struct {
	ID           string
	Name         string
	Organisation string
	JoinedAt     time.Time
	ConsentAt    time.Time
	Identity     string
}

// Contribution is an opportunity, barrier, strength, aspiration, action or
// story as it currently stands.
type Contribution struct {
	ID          string
	Participant string
	Prompt      PromptRef
	Kind        Kind
	Text        string
	Themes      []string
	Partner     string
	AddedAt     time.Time
	EditedAt    time.Time // zero until edited
	Deleted     bool
	Seq         uint64 // the event that added it
}

// Participant returns the participant with the given ID.
func (w *Workshop) Participant(id string) (*Participant, bool) {
	p, ok := w.participants[id]
	return p, ok
}

// Contribution returns the contribution with the given ID.
func (w *Workshop) Contribution(id string) (*Contribution, bool) {
	c, ok := w.contributions[id]
	return c, ok
}

// Themes is the taxonomy this workshop offers: the starting themes and the
// guide's own.
func (w *Workshop) Themes() []Theme {
	return append(slices.Clip(DefaultThemes), w.Guide.Themes...)
}

// Theme returns the theme with the given ID.
func (w *Workshop) Theme(id string) (Theme, bool) {
	for _, t := range w.Themes() {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}

// Replay folds a whole log into a workshop, checking the chain as it goes.
func Replay(events []Event) (*Workshop, error) {
	w := &Workshop{}
	for _, e := range events {
		if err := w.Apply(e); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// Apply checks an event against the rules and the chain and, if it passes,
// folds it in.
func (w *Workshop) Apply(e Event) error {
	if e.Seq != w.Head+1 {
		return fmt.Errorf("event %d: %w: expected sequence %d", e.Seq, ErrInvalid, w.Head+1)
	}
	if e.Prev != w.HeadHash {
		return fmt.Errorf("event %d: %w: chain broken: prev %.12s, head %.12s", e.Seq, ErrInvalid, e.Prev, w.HeadHash)
	}
	if got := e.ChainHash(); e.Hash != got {
		return fmt.Errorf("event %d: %w: hash %.12s does not match its content (%.12s)", e.Seq, ErrInvalid, e.Hash, got)
	}
	for _, words := range e.Words() {
		if !words.Sealed() || !words.Intact() {
			return fmt.Errorf("event %d: %w: text does not match its digest", e.Seq, ErrInvalid)
		}
	}
	if err := w.check(e, true); err != nil {
		return fmt.Errorf("event %d: %w", e.Seq, err)
	}
	w.fold(e)
	w.Head, w.HeadHash = e.Seq, e.Hash
	return nil
}

// fold changes the state for an event that has passed Check.
func (w *Workshop) fold(e Event) {
	switch e.Type {
	case WorkshopOpened:
		d := e.Workshop
		w.ID, w.Title, w.Code, w.Pacing, w.Guide = d.ID, d.Title, d.Code, d.Pacing, d.Guide
		w.Open, w.OpenedAt = true, e.At
		w.participants = map[string]*Participant{}
		w.contributions = map[string]*Contribution{}
	case WorkshopClosed:
		w.Open, w.ClosedAt = false, e.At
	case ParticipantJoined:
		d := e.Participant
		p := &Participant{
			ID: d.ID, Name: d.Name.Text, Organisation: d.Organisation,
			JoinedAt: e.At, ConsentAt: d.ConsentAt, Identity: d.Identity,
		}
		w.Participants = append(w.Participants, p)
		w.participants[p.ID] = p
	case ContributionAdded:
		d := e.Contribution
		c := &Contribution{
			ID: d.ID, Participant: d.Participant, Prompt: d.Prompt, Kind: d.Kind,
			Text: d.Text.Text, Themes: slices.Clone(d.Themes), Partner: d.Partner,
			AddedAt: e.At, Seq: e.Seq,
		}
		w.Contributions = append(w.Contributions, c)
		w.contributions[c.ID] = c
	case ContributionEdited:
		d := e.Contribution
		c := w.contributions[d.ID]
		c.Kind, c.Text, c.Themes, c.Partner = d.Kind, d.Text.Text, slices.Clone(d.Themes), d.Partner
		c.EditedAt = e.At
	case ContributionDeleted:
		w.contributions[e.Target].Deleted = true
	}
}
