package tuitest

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// MemRoom is a tui.Room held in memory, for benchmarks that must not
// measure the disk and tests that look at one screen's frames: one
// workshop's log, stamped and chained as the store would. It shows readers
// the first events only (all of them, until Rewind), so that a benchmark
// can release new ones one at a time with Release. Its bells never ring:
// the caller sends the screen tui.BellMsg.
type MemRoom struct {
	mu     sync.Mutex
	fold   *inquiry.Workshop
	events []inquiry.Event
	shown  int
	start  time.Time
	drafts map[string]inquiry.Draft
	codes  map[string]string // resume codes by participant

	// read is the shared fold of the shown events that Read lends out, as
	// the store keeps one, under its own lock, so that a reader may call
	// the room's other methods.
	readMu sync.Mutex
	read   *inquiry.Workshop
}

// NewMemRoom opens a workshop on the default guide, with the pacing, and
// the given number of participants and contributions, spread over the
// guide's prompts, kinds, themes and partners as a busy room's would be.
// Participant p's ID is ParticipantID(p); contribution c's, "c-%06d".
func NewMemRoom(tb testing.TB, participants, contributions int, pacing inquiry.Pacing) *MemRoom {
	tb.Helper()
	guide, ok := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok {
		tb.Fatal("the default guide is missing")
	}
	r := &MemRoom{fold: &inquiry.Workshop{}, start: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	r.Add(tb, inquiry.Event{Type: inquiry.WorkshopOpened, Actor: inquiry.System, Workshop: &inquiry.WorkshopDetails{
		ID: "0123456789abcdef", Title: "Anchors and services", Code: "harbour-4821", Pacing: pacing, Guide: guide,
	}})
	for p := range participants {
		r.Add(tb, joinEvent(p))
	}
	for c := range contributions {
		r.Add(tb, r.ContributionEvent(c%max(participants, 1), c))
	}
	r.shown = len(r.events)
	return r
}

// ParticipantID is the ID of the room's participant p.
func ParticipantID(p int) string { return fmt.Sprintf("p-%04d", p) }

func joinEvent(p int) inquiry.Event {
	return inquiry.Event{
		Type:  inquiry.ParticipantJoined,
		Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: ParticipantID(p)},
		Participant: &inquiry.ParticipantDetails{
			ID: ParticipantID(p), Name: inquiry.Words{Text: fmt.Sprintf("Person %d", p)},
			Organisation: inquiry.OrganisationTypes[p%len(inquiry.OrganisationTypes)],
			ConsentAt:    time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
		},
	}
}

// ContributionEvent is participant p's contribution number c, not yet
// added.
func (r *MemRoom) ContributionEvent(p, c int) inquiry.Event {
	g := r.fold.Guide
	var refs []inquiry.PromptRef
	for ph, phase := range g.Phases {
		for q := range phase.Prompts {
			refs = append(refs, g.Ref(ph, q))
		}
	}
	ref := refs[c%len(refs)]
	prompt, _ := g.Prompt(ref)
	kinds := prompt.KindChoices()
	themes := r.fold.Themes()
	var ids []string
	for j := range c % 3 {
		ids = append(ids, themes[(c*7+j*5)%len(themes)].ID)
	}
	partner := ""
	if partners := g.PartnerList(); c%4 != 0 && len(partners) > 0 {
		partner = partners[c%len(partners)].ID
	}
	return inquiry.Event{
		Type:  inquiry.ContributionAdded,
		Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: ParticipantID(p)},
		Contribution: &inquiry.ContributionDetails{
			ID: fmt.Sprintf("c-%06d", c), Participant: ParticipantID(p), Prompt: ref, Kind: kinds[c%len(kinds)],
			Text:   inquiry.Words{Text: fmt.Sprintf("Contribution %d: the health centre could lend its community room on Tuesdays for the youth club", c)},
			Themes: ids, Partner: partner,
		},
	}
}

// Add stamps an event as the store's committer would (time, sequence,
// sealed words, chain) and folds it in, without showing it to readers:
// Release shows it.
func (r *MemRoom) Add(tb testing.TB, e inquiry.Event) inquiry.Event {
	tb.Helper()
	e, err := r.stamp(e)
	if err != nil {
		tb.Fatalf("add %s: %v", e.Type, err)
	}
	return e
}

func (r *MemRoom) stamp(e inquiry.Event) (inquiry.Event, error) {
	if e.Participant != nil {
		p := *e.Participant
		e.Participant = &p
	}
	if e.Contribution != nil {
		d := *e.Contribution
		e.Contribution = &d
	}
	e.Seq, e.Prev = r.fold.Head+1, r.fold.HeadHash
	e.At = r.start.Add(time.Duration(e.Seq) * time.Second)
	for _, w := range e.Words() {
		salt := sha256.Sum256(fmt.Appendf(nil, "salt %d", e.Seq))
		w.Seal(salt[:16])
	}
	e.Hash = e.ChainHash()
	if err := r.fold.Apply(e); err != nil {
		return e, err
	}
	r.events = append(r.events, e)
	return e, nil
}

// Release shows readers n more of the events added after the room was
// built; it reports false when there are none left.
func (r *MemRoom) Release(n int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.shown+n > len(r.events) {
		return false
	}
	r.shown += n
	return true
}

// Rewind hides the events after the first n again.
func (r *MemRoom) Rewind(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.shown = n
}

// Shown is how many events readers see.
func (r *MemRoom) Shown() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.shown
}

// Workshop is the room's own fold of every event added, shown or not:
// look, do not change.
func (r *MemRoom) Workshop() *inquiry.Workshop { return r.fold }

// Record appends an event as Facilitator, unless it names its actor, and
// shows it to readers; a refusal fails the test.
func (r *MemRoom) Record(tb testing.TB, e inquiry.Event) inquiry.Event {
	tb.Helper()
	if e.Actor.Role == "" {
		e.Actor = Facilitator
	}
	e, err := r.Append(context.Background(), r.fold.ID, e)
	if err != nil {
		tb.Fatalf("append %s: %v", e.Type, err)
	}
	return e
}

// Ring records an event as Record does and rings the screen m, as the
// store's bell would: m catches up at once.
func (r *MemRoom) Ring(tb testing.TB, m tea.Model, e inquiry.Event) {
	tb.Helper()
	r.Record(tb, e)
	m.Update(tui.BellMsg{})
}

// Append checks, stamps, folds and shows an event, as the store commits
// one: what the store would refuse as new, it refuses.
func (r *MemRoom) Append(_ context.Context, _ string, e inquiry.Event) (inquiry.Event, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.fold.Check(e); err != nil {
		return e, err
	}
	e, err := r.stamp(e)
	if err == nil {
		r.shown = len(r.events)
	}
	return e, err
}

func (r *MemRoom) Events(_ string, after uint64) []inquiry.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	if after >= uint64(r.shown) {
		return nil
	}
	return r.events[after:r.shown:r.shown]
}

// Read lends out the shared fold of the shown events, brought up to date
// as the store's is; a Rewind makes it afresh.
func (r *MemRoom) Read(_ string, read func(*inquiry.Workshop)) error {
	r.readMu.Lock()
	defer r.readMu.Unlock()
	r.mu.Lock()
	events := r.events[:r.shown]
	r.mu.Unlock()
	if r.read == nil || r.read.Head > uint64(len(events)) {
		r.read = &inquiry.Workshop{}
	}
	for _, e := range events[r.read.Head:] {
		if err := r.read.Apply(e); err != nil {
			r.read = nil
			return err
		}
	}
	read(r.read)
	return nil
}

func (r *MemRoom) SaveDraft(_, participantID string, d inquiry.Draft) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.drafts == nil {
		r.drafts = map[string]inquiry.Draft{}
	}
	r.drafts[participantID] = d
	return nil
}

func (r *MemRoom) Draft(_, participantID string) (inquiry.Draft, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	d, ok := r.drafts[participantID]
	return d, ok
}

// ResumeCode gives each participant a code shaped like the store's
// ("K7QM-0001"), the first time it is asked.
func (r *MemRoom) ResumeCode(_, participantID string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.codes == nil {
		r.codes = map[string]string{}
	}
	code, ok := r.codes[participantID]
	if !ok {
		code = fmt.Sprintf("K7QM-%04d", len(r.codes)+1)
		r.codes[participantID] = code
	}
	return code, nil
}

func (r *MemRoom) Resume(_, code string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for id, c := range r.codes {
		if strings.EqualFold(c, strings.TrimSpace(code)) {
			return id, true
		}
	}
	return "", false
}

// ReissueResumeCode records the reissue and gives the participant's code
// with the number of times one was issued: "K7QM-p-0001-2".
func (r *MemRoom) ReissueResumeCode(ctx context.Context, ws string, by inquiry.Actor, participantID string) (string, error) {
	if _, err := r.Append(ctx, ws, inquiry.Event{Type: inquiry.ResumeCodeReissued, Actor: by, Target: participantID}); err != nil {
		return "", err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, e := range r.events {
		if e.Type == inquiry.ResumeCodeReissued && e.Target == participantID {
			n++
		}
	}
	return fmt.Sprintf("K7QM-%s-%d", participantID, n+1), nil
}

// TextUse is the words of every event added, against no budget.
func (r *MemRoom) TextUse(string) (used, budget int64, warn bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.fold.TextBytes(), 0, false
}

func (r *MemRoom) Watch(string) (<-chan struct{}, func()) { return make(chan struct{}, 1), func() {} }

func (r *MemRoom) WatchFor(string, func(inquiry.Event) bool) (<-chan struct{}, func()) {
	return make(chan struct{}, 1), func() {}
}

func (r *MemRoom) WatchConcerns(string, func(inquiry.Concern) bool) (<-chan struct{}, func()) {
	return make(chan struct{}, 1), func() {}
}

func (r *MemRoom) Workshops() []inquiry.Summary { return []inquiry.Summary{r.fold.Summary()} }

func (r *MemRoom) ByCode(code string) (inquiry.Summary, bool) {
	if code != r.fold.Code {
		return inquiry.Summary{}, false
	}
	return r.fold.Summary(), true
}

func (r *MemRoom) Enter(string, inquiry.Presence) (func(inquiry.Presence), func()) {
	return func(inquiry.Presence) {}, func() {}
}

// Present is a full room: every participant connected, spread over the
// guide.
func (r *MemRoom) Present(string) []inquiry.Presence {
	g := r.fold.Guide
	out := make([]inquiry.Presence, 0, len(r.fold.Participants))
	for i, p := range r.fold.Participants {
		out = append(out, inquiry.Presence{
			Session: fmt.Sprintf("s-%d", i), Role: inquiry.RoleParticipant, Participant: p.ID, Name: p.Name,
			Prompt: g.Ref(i%len(g.Phases), 0), Since: r.start,
		})
	}
	return out
}

var _ tui.Room = (*MemRoom)(nil)
