package inquiry

import (
	"fmt"
	"slices"
	"sync/atomic"
	"time"
)

// Workshop is the state of a workshop as its events have built it up. It
// is a fold: Apply each event in order, and the same log always gives the
// same Workshop.
//
// Apply does work in proportion to the event, never to the size of the
// workshop: everything a rule or a view looks up is indexed as it is
// folded, and the tally is kept up to date one contribution at a time.
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

	// Current is the prompt open for everyone in a facilitator-led
	// workshop, and when its timebox runs out if it is not paused; zero
	// until a facilitator opens one. Timebox gives the clock itself: the
	// time left, frozen while paused.
	Current Pace
	// Settings are what participants see of each other. The zero value
	// shows others' contributions live, with names.
	Settings Settings
	// Revealed holds the prompts whose contributions a facilitator has
	// revealed (see VisibleOnReveal).
	Revealed map[PromptRef]bool
	// Votes are the dot votes in the order they were opened.
	Votes []*VoteState
	// AddedThemes are the themes facilitators added to the taxonomy during
	// the workshop, in the order they were added.
	AddedThemes []Theme
	// Lobby is set while new participants wait for a facilitator to let
	// them in (see standing.go).
	Lobby bool

	// Head is the sequence number of the last event applied; HeadHash its
	// hash, which the next event must name as Prev.
	Head     uint64
	HeadHash string

	participants  map[string]*Participant
	contributions map[string]*Contribution
	// authored holds each participant's contributions, so leaving touches
	// only the leaver's.
	authored map[string][]*Contribution
	// answers holds each prompt's contributions in the order added, so a
	// screen showing one prompt reads only that prompt's.
	answers map[PromptRef][]*Contribution
	// reframes holds each barrier's reframes in the order added.
	reframes map[string][]*Contribution
	// order is each prompt's position in the guide, for pacing, and
	// prompts the prompts in that order.
	order   map[PromptRef]int
	prompts []Prompt
	// themes indexes the taxonomy by ID; themeList is it in order.
	themes    map[string]int
	themeList []Theme
	// suggester is built from the taxonomy on first use and shared by every
	// reader (see Suggester); adding a theme drops it. Readers of a shared
	// fold may build it at once, so it is swapped in atomically.
	suggester atomic.Pointer[ThemeIndex]
	votes     map[string]*VoteState
	// counts is the running tally (see tally.go); seen counts each
	// prompt's contributions and each person's (see counts.go).
	counts tallyCounts
	seen   promptCounts
	// merged counts the participants merged into another.
	merged int
	// timeboxEnded records that a facilitator ended the current prompt's
	// timebox, so ending it again is recognised as a repeat.
	timeboxEnded bool

	// agreements holds who agrees with each contribution, in order;
	// builtOn the contributions building on each; duplicates those merged
	// into each (see agreement.go). team is who facilitated (team.go).
	agreements map[string][]string
	builtOn    map[string][]*Contribution
	duplicates map[string][]*Contribution
	team       teamIndex
	// clock is the open prompt's timebox (timebox.go).
	clock Timebox
	// standing is who may be in the room: blocks, the lobby, names.
	standing standing
	// display is what the wall displays show (display.go).
	display Display
	// reissues are the resume codes reissued, in order (reissue.go).
	reissues []Reissue
}

// Participant is someone who joined a workshop.
type Participant struct {
	ID string
	// Name is the name shown: as typed, or with a number when someone
	// present already shows one like it ("Alice (2)"); empty once erased.
	Name         string
	Organisation string
	JoinedAt     time.Time
	ConsentAt    time.Time
	Identity     string
	// Scribed marks a table or a person without a terminal, whose
	// contributions a facilitator or scribe enters for them.
	Scribed bool
	// Language is the language they took part in, "" if not recorded.
	Language string
	// Withdrawn is set when they left and took back what they contributed;
	// WithdrawnAt says when.
	Withdrawn   bool
	WithdrawnAt time.Time
	// Erased is set when a facilitator erased their name and words at
	// their request; ErasedAt says when.
	Erased   bool
	ErasedAt time.Time
	// MergedInto is the participant a facilitator found this one to be
	// (see ParticipantsMerged), and MergedAt when; "" until then.
	MergedInto string
	MergedAt   time.Time
	// CodeReissuedAt is when a facilitator last issued them a new resume
	// code; zero if never.
	CodeReissuedAt time.Time
	// Blocked is set when a facilitator removed them from the workshop;
	// BlockedAt says when. Their sessions end and they cannot come back.
	Blocked   bool
	BlockedAt time.Time
	// Waiting is set while they wait in the lobby for a facilitator to let
	// them in; AdmittedAt is when one did (zero if never held).
	Waiting    bool
	AdmittedAt time.Time
}

// Left reports whether the participant withdrew, was erased or was
// removed: they can no longer act, and nobody can act for them.
func (p *Participant) Left() bool { return p.Withdrawn || p.Erased || p.Blocked }

// Contribution is an opportunity, barrier, strength, aspiration, action or
// story as it currently stands.
type Contribution struct {
	ID          string
	Participant string
	Prompt      PromptRef
	Kind        Kind
	Text        string // empty once withdrawn or erased
	Themes      []string
	Partner     string
	// BuildsOn is the ID of the contribution this one builds on, or "".
	BuildsOn string
	// Answers is the ID of the barrier a reframe answers, or "".
	Answers string
	// Owner and Due make an action a commitment: who will do it, and by
	// when (YYYY-MM-DD, or "").
	Owner    string
	Due      string
	AddedAt  time.Time
	EditedAt time.Time // zero until edited
	Seq      uint64    // the event that added it
	// ScribedBy is the ID of the facilitator or scribe who entered it on
	// the participant's behalf ("system" for the server); "" when the
	// participant entered it themselves.
	ScribedBy string

	// ThemesAccepted is set once a facilitator accepted or changed the
	// themes; until then they are the author's or suggested ones.
	ThemesAccepted bool
	Highlighted    bool
	// Hidden is set while a facilitator hides it, for HiddenReason.
	Hidden       bool
	HiddenReason string
	// MergedInto is the ID of the contribution this duplicate was merged
	// into: it stays in the transcript, the other is shown.
	MergedInto string
	// UnmergedFrom is the contribution this one had been merged into when
	// a facilitator last undid its merge, at UnmergedAt; "" if never.
	UnmergedFrom string
	UnmergedAt   time.Time

	Deleted   bool
	Withdrawn bool // its author withdrew: the words are erased
	Erased    bool // its author was erased: the words are erased
}

// Live reports whether the contribution counts: in tallies, votes,
// reports and what participants see. Deleted, withdrawn, erased, hidden
// and merged-away contributions do not.
func (c *Contribution) Live() bool {
	return !c.Deleted && !c.Withdrawn && !c.Erased && !c.Hidden && c.MergedInto == ""
}

// gone reports whether the contribution has been taken back: deleted,
// withdrawn or erased. Nothing more can be done to it.
func (c *Contribution) gone() bool { return c.Deleted || c.Withdrawn || c.Erased }

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

// Suggester returns the index that suggests this workshop's themes from
// a contribution's words, built once for the whole taxonomy: screens
// share it rather than each building its own. The index never changes;
// a theme added later gives a new one.
func (w *Workshop) Suggester() *ThemeIndex {
	if ix := w.suggester.Load(); ix != nil {
		return ix
	}
	w.suggester.CompareAndSwap(nil, NewThemeIndex(w.Themes()))
	return w.suggester.Load()
}

// Themes is the taxonomy this workshop offers: the starting themes, the
// guide's own, then those facilitators added.
func (w *Workshop) Themes() []Theme {
	if w.themeList == nil {
		return append(slices.Clip(DefaultThemes), w.Guide.Themes...)
	}
	return slices.Clip(w.themeList)
}

// Theme returns the theme with the given ID.
func (w *Workshop) Theme(id string) (Theme, bool) {
	i, ok := w.themes[id]
	if !ok {
		return Theme{}, false
	}
	return w.themeList[i], true
}

// prompt returns the prompt a reference names, from the index rather than
// a walk through the guide.
func (w *Workshop) prompt(ref PromptRef) (Prompt, bool) {
	i, ok := w.order[ref]
	if !ok {
		return Prompt{}, false
	}
	return w.prompts[i], true
}

// Replay folds a whole log into a workshop, checking the chain as it goes.
// Use it for every log that comes from outside the process: a database
// being opened, an export, a backup.
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
	if err := w.checkLink(e); err != nil {
		return err
	}
	if got := e.ChainHash(); e.Hash != got {
		return fmt.Errorf("event %d: %w: hash %.12s does not match its content (%.12s)", e.Seq, ErrInvalid, e.Hash, got)
	}
	for _, words := range e.Words() {
		if !words.Sealed() || !words.Intact() {
			return fmt.Errorf("event %d: %w: text does not match its digest", e.Seq, ErrInvalid)
		}
	}
	return w.applyChecked(e)
}

// checkLink checks that an event comes next: its sequence number follows
// the head and it names the head's hash as Prev.
func (w *Workshop) checkLink(e Event) error {
	if e.Seq != w.Head+1 {
		return fmt.Errorf("event %d: %w: expected sequence %d", e.Seq, ErrInvalid, w.Head+1)
	}
	if e.Prev != w.HeadHash {
		return fmt.Errorf("event %d: %w: chain broken: prev %.12s, head %.12s", e.Seq, ErrInvalid, e.Prev, w.HeadHash)
	}
	return nil
}

// applyChecked checks an event whose chain has been vouched for against
// the rules and, if it passes, folds it in.
func (w *Workshop) applyChecked(e Event) error {
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
		w.foldOpening(e)
	case WorkshopClosed:
		w.Open, w.ClosedAt = false, e.At
		// Results are shown to everyone once a vote closes; a vote still
		// open when the workshop ends ends with it.
		for _, v := range w.Votes {
			if v.Open {
				v.Open, v.ClosedAt = false, e.At
			}
		}
	case ParticipantJoined:
		d := e.Participant
		p := &Participant{
			ID: d.ID, Name: d.Name.Text, Organisation: d.Organisation,
			JoinedAt: e.At, ConsentAt: d.ConsentAt, Identity: d.Identity, Scribed: d.Scribed, Language: d.Language,
		}
		w.Participants = append(w.Participants, p)
		w.participants[p.ID] = p
	case ContributionAdded:
		w.foldAdd(e)
	case ContributionEdited:
		d := e.Contribution
		w.update(w.contributions[d.ID], func(c *Contribution) {
			if !slices.Equal(c.Themes, d.Themes) {
				// New themes are the author's again until a facilitator
				// looks at them.
				c.ThemesAccepted = false
			}
			c.Kind, c.Text, c.Themes, c.Partner = d.Kind, d.Text.Text, slices.Clone(d.Themes), d.Partner
			c.Owner, c.Due = d.Owner.Text, d.Due
			c.EditedAt = e.At
		})
	case ContributionDeleted:
		w.update(w.contributions[e.Target], func(c *Contribution) { c.Deleted = true })
	case PromptOpened, TimeboxChanged, SettingsChanged, PromptRevealed:
		w.foldPacing(e)
	case ThemesChanged, ThemeAdded, ContributionMerged, ContributionHighlighted, ContributionHidden, ContributionUnhidden:
		w.foldCuration(e)
	case VoteOpened, VoteCast, VoteClosed:
		w.foldVote(e)
	case ParticipantWithdrawn, ParticipantErased:
		w.foldLeaving(e)
	case ContributionAgreed, AgreementWithdrawn:
		w.foldAgreement(e)
	case ContributionUnmerged:
		w.foldUnmerge(e)
	case TimeboxPaused, TimeboxResumed:
		w.followClock(e)
	case OrganisationChanged:
		w.participants[e.Target].Organisation = e.Profile.Organisation
	case ResumeCodeReissued, ParticipantsMerged:
		w.foldPeople(e)
	}
	w.noteActor(e)
	w.foldStanding(e)
	w.foldDisplay(e)
}

func (w *Workshop) foldOpening(e Event) {
	d := e.Workshop
	w.ID, w.Title, w.Code, w.Pacing, w.Guide = d.ID, d.Title, d.Code, d.Pacing, d.Guide
	w.Open, w.OpenedAt = true, e.At
	w.Settings = Settings{Visibility: VisibleLive}
	w.Revealed = map[PromptRef]bool{}
	w.indexGuide()
}

// indexGuide starts the fold's indexes empty, with the guide's prompts in
// order and the taxonomy the workshop starts with: at the opening, and
// when a fold is restored from a snapshot (snapshot_read.go).
func (w *Workshop) indexGuide() {
	w.participants = map[string]*Participant{}
	w.contributions = map[string]*Contribution{}
	w.authored = map[string][]*Contribution{}
	w.answers = map[PromptRef][]*Contribution{}
	w.votes = map[string]*VoteState{}
	w.order, w.prompts = map[PromptRef]int{}, nil
	for p, phase := range w.Guide.Phases {
		for q, prompt := range phase.Prompts {
			w.order[w.Guide.Ref(p, q)] = len(w.prompts)
			w.prompts = append(w.prompts, prompt)
		}
	}
	w.themes = map[string]int{}
	w.themeList = nil
	for _, t := range append(slices.Clip(DefaultThemes), w.Guide.Themes...) {
		w.addTheme(t)
	}
}

// addTheme extends the taxonomy and the running tally with a theme.
func (w *Workshop) addTheme(t Theme) {
	w.suggester.Store(nil)
	w.themes[t.ID] = len(w.themeList)
	w.themeList = append(w.themeList, t)
	w.counts.themes = append(w.counts.themes, [numSlots]int{})
}

func (w *Workshop) foldAdd(e Event) {
	d := e.Contribution
	c := &Contribution{
		ID: d.ID, Participant: d.Participant, Prompt: d.Prompt, Kind: d.Kind,
		Text: d.Text.Text, Themes: slices.Clone(d.Themes), Partner: d.Partner,
		BuildsOn: d.BuildsOn, Answers: d.Answers, Owner: d.Owner.Text, Due: d.Due,
		AddedAt: e.At, Seq: e.Seq,
	}
	if e.Actor.Role != RoleParticipant {
		c.ScribedBy = e.Actor.ID
		if c.ScribedBy == "" {
			c.ScribedBy = string(e.Actor.Role)
		}
	}
	w.Contributions = append(w.Contributions, c)
	w.contributions[c.ID] = c
	w.authored[c.Participant] = append(w.authored[c.Participant], c)
	w.answers[c.Prompt] = append(w.answers[c.Prompt], c)
	w.noteBuildsOn(c)
	w.indexReframe(c)
	w.count(c, 1)
}

// Answers returns the contributions to one prompt in the order they were
// added, gone ones included: check Live or VisibleTo before showing them.
// The slice is the workshop's own: read it, do not change it.
func (w *Workshop) Answers(ref PromptRef) []*Contribution {
	return w.answers[ref]
}
