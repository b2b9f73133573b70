package inquiry

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// EventType names what happened in a workshop.
type EventType string

// The events of a workshop's transcript. Every view and every export is
// derived from these.
const (
	WorkshopOpened      EventType = "workshop.opened"
	WorkshopClosed      EventType = "workshop.closed"
	ParticipantJoined   EventType = "participant.joined"
	ContributionAdded   EventType = "contribution.added"
	ContributionEdited  EventType = "contribution.edited"
	ContributionDeleted EventType = "contribution.deleted"
)

// Role says in what capacity someone acted.
type Role string

// The roles an actor can have.
const (
	RoleParticipant Role = "participant"
	RoleFacilitator Role = "facilitator"
	RoleSystem      Role = "system"
)

// Actor is who caused an event.
type Actor struct {
	Role Role `json:"role"`
	// ID is the participant's ID, or the facilitator's key fingerprint.
	ID string `json:"id,omitempty"`
	// Name is a facilitator's or scribe's name, as enrolled, so that the
	// log names them without the enrolment records (see Workshop.Team).
	// A participant is named when they join, never here.
	Name string `json:"name,omitempty"`
}

// System is the actor for events the server makes itself.
var System = Actor{Role: RoleSystem}

// Event is one entry in a workshop's append-only transcript. Seq numbers
// are gapless from 1, and each event carries the hash of the one before,
// so the log is a chain anyone holding it can check.
type Event struct {
	Seq   uint64    `json:"seq"`
	At    time.Time `json:"at"`
	Type  EventType `json:"type"`
	Actor Actor     `json:"actor"`

	// Exactly one of these is set, according to Type; WorkshopClosed and
	// ContributionDeleted use Target alone.
	Workshop     *WorkshopDetails     `json:"workshop,omitempty"`
	Participant  *ParticipantDetails  `json:"participant,omitempty"`
	Contribution *ContributionDetails `json:"contribution,omitempty"`
	Pace         *Pace                `json:"pace,omitempty"`
	Settings     *Settings            `json:"settings,omitempty"`
	Curation     *Curation            `json:"curation,omitempty"`
	Theme        *Theme               `json:"theme,omitempty"`
	Vote         *Vote                `json:"vote,omitempty"`
	Ballot       *Ballot              `json:"ballot,omitempty"`
	Agreement    *Agreement           `json:"agreement,omitempty"`
	Profile      *Profile             `json:"profile,omitempty"`
	Merge        *PeopleMerge         `json:"merge,omitempty"`
	// Target is the ID of the contribution, participant, vote or prompt
	// an event acts on.
	Target string `json:"target,omitempty"`

	Prev string `json:"prev"`
	Hash string `json:"hash"`
}

// Pacing says who moves a workshop through its guide.
type Pacing string

// The pacing a workshop can have.
const (
	SelfPaced        Pacing = "self"
	FacilitatorPaced Pacing = "facilitator"
)

// WorkshopDetails opens a workshop. The guide is kept whole in the log, so
// a transcript still reads correctly if the guide file changes later.
type WorkshopDetails struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Code   string `json:"code"`
	Pacing Pacing `json:"pacing"`
	Guide  Guide  `json:"guide"`
}

// ParticipantDetails records someone joining a workshop.
type ParticipantDetails struct {
	ID   string `json:"id"`
	Name Words  `json:"name"`
	// Organisation is the kind of organisation they come from, if they said.
	Organisation string    `json:"organisation,omitempty"`
	ConsentAt    time.Time `json:"consent_at"`
	// Identity recognises someone who comes back: a keyed hash of their
	// public key, specific to the workshop, never the key itself.
	Identity string `json:"identity,omitempty"`
	// Scribed marks a table or a person without a terminal whose
	// contributions a facilitator or scribe enters for them.
	Scribed bool `json:"scribed,omitempty"`
	// Language is the language they chose to take part in (a code, see
	// ValidLanguage); "" when not recorded.
	Language string `json:"language,omitempty"`
}

// ContributionDetails is a contribution as added, or as it stands after an
// edit.
type ContributionDetails struct {
	ID          string    `json:"id"`
	Participant string    `json:"participant"`
	Prompt      PromptRef `json:"prompt"`
	Kind        Kind      `json:"kind"`
	Text        Words     `json:"text"`
	Themes      []string  `json:"themes,omitempty"`
	Partner     string    `json:"partner,omitempty"`
	// BuildsOn is the contribution this one builds on ("+1, and also").
	BuildsOn string `json:"builds_on,omitempty"`
	// Answers is the barrier a reframe answers (see Reframe).
	Answers string `json:"answers,omitempty"`
	// Owner and Due make an action a commitment: who will do it (a person
	// or an organisation) and by when (YYYY-MM-DD, optional).
	Owner Words  `json:"owner,omitzero"`
	Due   string `json:"due,omitempty"`
}

// Words is text a person wrote that they may later have erased. The chain
// covers a salted digest of the text rather than the text itself: erasing
// the text and the salt together leaves the chain verifiable without the
// words being guessable back from a short phrase.
type Words struct {
	Text   string `json:"text,omitempty"`
	Salt   string `json:"salt,omitempty"`
	Digest string `json:"digest,omitempty"`
}

// Seal sets the digest of the words with the given salt.
func (w *Words) Seal(salt []byte) {
	w.Salt = hex.EncodeToString(salt)
	w.Digest = w.digest()
}

// Sealed reports whether the words carry a digest.
func (w Words) Sealed() bool { return w.Digest != "" }

// Erased reports whether the text has been removed, leaving the digest.
// Text without its salt is not erased but broken: its digest can no longer
// be checked, so it must not pass for erased words.
func (w Words) Erased() bool { return w.Digest != "" && w.Salt == "" && w.Text == "" }

// Intact reports whether the text still matches its digest. Erased words
// are intact: there is nothing left to check.
func (w Words) Intact() bool {
	return w.Erased() || w.digest() == w.Digest
}

func (w Words) digest() string {
	sum := sha256.Sum256([]byte(w.Salt + "\x00" + w.Text))
	return hex.EncodeToString(sum[:])
}

// Words returns pointers to every piece of personal text the event holds,
// so the store can seal or erase them without knowing each event's shape.
func (e *Event) Words() []*Words {
	var ws []*Words
	if e.Participant != nil {
		ws = append(ws, &e.Participant.Name)
	}
	if e.Contribution != nil {
		ws = append(ws, &e.Contribution.Text)
		if o := &e.Contribution.Owner; o.Text != "" || o.Digest != "" {
			ws = append(ws, o)
		}
	}
	return ws
}

// ChainHash is the hash this event must carry: SHA-256 over the previous
// hash and the event's JSON with its own hash, texts and salts left out.
func (e Event) ChainHash() string {
	c := e
	c.Hash = ""
	if e.Participant != nil {
		p := *e.Participant
		p.Name = Words{Digest: p.Name.Digest}
		c.Participant = &p
	}
	if e.Contribution != nil {
		d := *e.Contribution
		d.Text = Words{Digest: d.Text.Digest}
		d.Owner = Words{Digest: d.Owner.Digest}
		c.Contribution = &d
	}
	body, err := json.Marshal(c)
	if err != nil {
		// Every field is a plain value: marshalling cannot fail.
		panic("inquiry: marshal event: " + err.Error())
	}
	h := sha256.New()
	h.Write([]byte(e.Prev))
	h.Write([]byte{'\n'})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}
