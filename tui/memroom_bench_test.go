package tui

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/paint"
)

// memRoom is a Room held in memory, for benchmarks that must not measure
// the disk: one workshop's log, stamped and chained as the store would. It
// shows readers the first `shown` events only, so that a benchmark can
// release new ones one at a time.
type memRoom struct {
	mu     sync.Mutex
	fold   *inquiry.Workshop
	events []inquiry.Event
	shown  int
	start  time.Time
	// read is the shared fold of the shown events that Read lends out, as
	// the store keeps one.
	read   *inquiry.Workshop
	drafts map[string]inquiry.Draft
}

// newMemRoom opens a workshop on the default guide with the given number
// of participants and contributions, spread over the guide's prompts,
// kinds, themes and partners as a busy room's would be.
func newMemRoom(tb testing.TB, participants, contributions int) *memRoom {
	tb.Helper()
	return newPacedMemRoom(tb, participants, contributions, inquiry.SelfPaced)
}

// newPacedMemRoom is newMemRoom with the given pacing.
func newPacedMemRoom(tb testing.TB, participants, contributions int, pacing inquiry.Pacing) *memRoom {
	tb.Helper()
	guide, ok := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok {
		tb.Fatal("the default guide is missing")
	}
	r := &memRoom{fold: &inquiry.Workshop{}, start: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	r.add(tb, inquiry.Event{Type: inquiry.WorkshopOpened, Actor: inquiry.System, Workshop: &inquiry.WorkshopDetails{
		ID: "0123456789abcdef", Title: "Anchors and services", Code: "harbour-4821", Pacing: pacing, Guide: guide,
	}})
	for p := range participants {
		r.add(tb, joinEvent(p))
	}
	for c := range contributions {
		r.add(tb, r.contributionEvent(c%max(participants, 1), c))
	}
	r.shown = len(r.events)
	return r
}

func participantID(p int) string { return fmt.Sprintf("p-%04d", p) }

func joinEvent(p int) inquiry.Event {
	return inquiry.Event{
		Type:  inquiry.ParticipantJoined,
		Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: participantID(p)},
		Participant: &inquiry.ParticipantDetails{
			ID: participantID(p), Name: inquiry.Words{Text: fmt.Sprintf("Person %d", p)},
			Organisation: inquiry.OrganisationTypes[p%len(inquiry.OrganisationTypes)],
			ConsentAt:    time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
		},
	}
}

// contributionEvent is participant p's contribution number c.
func (r *memRoom) contributionEvent(p, c int) inquiry.Event {
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
		Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: participantID(p)},
		Contribution: &inquiry.ContributionDetails{
			ID: fmt.Sprintf("c-%06d", c), Participant: participantID(p), Prompt: ref, Kind: kinds[c%len(kinds)],
			Text:   inquiry.Words{Text: fmt.Sprintf("Contribution %d: the health centre could lend its community room on Tuesdays for the youth club", c)},
			Themes: ids, Partner: partner,
		},
	}
}

// add stamps an event as the store's committer would (time, sequence,
// sealed words, chain) and folds it in.
func (r *memRoom) add(tb testing.TB, e inquiry.Event) inquiry.Event {
	tb.Helper()
	e, err := r.stamp(e)
	if err != nil {
		tb.Fatalf("add %s: %v", e.Type, err)
	}
	return e
}

func (r *memRoom) stamp(e inquiry.Event) (inquiry.Event, error) {
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

// release shows readers n more of the events added after the room was
// built; it reports false when there are none left.
func (r *memRoom) release(n int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.shown+n > len(r.events) {
		return false
	}
	r.shown += n
	return true
}

// rewind hides the events after the first n again.
func (r *memRoom) rewind(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.shown = n
}

func (r *memRoom) Append(_ context.Context, _ string, e inquiry.Event) (inquiry.Event, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, err := r.stamp(e)
	if err == nil {
		r.shown = len(r.events)
	}
	return e, err
}

func (r *memRoom) Events(_ string, after uint64) []inquiry.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	if after >= uint64(r.shown) {
		return nil
	}
	return r.events[after:r.shown:r.shown]
}

func (r *memRoom) Read(_ string, read func(*inquiry.Workshop)) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.read == nil || r.read.Head > uint64(r.shown) {
		r.read = &inquiry.Workshop{}
	}
	for _, e := range r.events[r.read.Head:r.shown] {
		if err := r.read.Apply(e); err != nil {
			return err
		}
	}
	read(r.read)
	return nil
}

func (r *memRoom) SaveDraft(_, participantID string, d inquiry.Draft) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.drafts == nil {
		r.drafts = map[string]inquiry.Draft{}
	}
	r.drafts[participantID] = d
	return nil
}

func (r *memRoom) Draft(_, participantID string) (inquiry.Draft, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	d, ok := r.drafts[participantID]
	return d, ok
}

func (r *memRoom) ResumeCode(_, participantID string) (string, error) {
	return "K7QM-" + participantID, nil
}

func (r *memRoom) Resume(_, code string) (string, bool) {
	id, ok := strings.CutPrefix(code, "K7QM-")
	return id, ok
}

func (r *memRoom) Watch(string) (<-chan struct{}, func()) { return make(chan struct{}, 1), func() {} }

func (r *memRoom) WatchFor(string, func(inquiry.Event) bool) (<-chan struct{}, func()) {
	return make(chan struct{}, 1), func() {}
}

func (r *memRoom) Workshops() []inquiry.Summary { return []inquiry.Summary{r.fold.Summary()} }

func (r *memRoom) ByCode(code string) (inquiry.Summary, bool) {
	if code != r.fold.Code {
		return inquiry.Summary{}, false
	}
	return r.fold.Summary(), true
}

func (r *memRoom) Enter(string, inquiry.Presence) (func(inquiry.Presence), func()) {
	return func(inquiry.Presence) {}, func() {}
}

// Present is a full room: every participant connected, spread over the
// guide.
func (r *memRoom) Present(string) []inquiry.Presence {
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

// frame draws views on a session's terminal (the alternate screen, 256
// colours) and counts the bytes each costs: the part of a live update
// that happens after View.
type frame interface {
	draw(v tea.View) int
}

// newFrame is the frame the server draws with: tui/paint.
func newFrame(w, h int) frame {
	f := &paintFrame{}
	f.p = paint.New(&colorprofile.Writer{Forward: &f.out, Profile: colorprofile.ANSI256}, w, h)
	return f
}

type paintFrame struct {
	p   *paint.Painter
	out bytes.Buffer
}

func (f *paintFrame) draw(v tea.View) int {
	f.out.Reset()
	_ = f.p.Paint(v)
	return f.out.Len()
}

// newBubbleTeaFrame draws as Bubble Tea's own renderer does, which the
// server used before tui/paint: kept to compare the two.
func newBubbleTeaFrame(w, h int) frame {
	f := &bubbleTeaFrame{buf: uv.NewScreenBuffer(w, h)}
	f.scr = uv.NewTerminalRenderer(&f.out, []string{"TERM=xterm-256color"})
	f.scr.SetColorProfile(colorprofile.ANSI256)
	f.scr.SetFullscreen(true)
	f.scr.SetRelativeCursor(false)
	f.scr.SetScrollOptim(true)
	f.scr.Resize(w, h)
	f.scr.Erase()
	return f
}

type bubbleTeaFrame struct {
	buf  uv.ScreenBuffer
	scr  *uv.TerminalRenderer
	out  bytes.Buffer
	last *tea.View
}

// draw renders one view and returns the bytes it sent. Like Bubble Tea's
// renderer, it does nothing for a view equal to the last one.
func (f *bubbleTeaFrame) draw(v tea.View) int {
	if f.last != nil && f.last.Content == v.Content && sameCursor(f.last.Cursor, v.Cursor) {
		return 0
	}
	f.last = &v
	f.out.Reset()
	f.buf.Clear()
	uv.NewStyledString(v.Content).Draw(f.buf, f.buf.Bounds())
	f.scr.Render(f.buf.RenderBuffer)
	if v.Cursor != nil {
		f.scr.MoveTo(v.Cursor.X, v.Cursor.Y)
	}
	_ = f.scr.Flush()
	return f.out.Len()
}

func sameCursor(a, b *tea.Cursor) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Position == b.Position
}
