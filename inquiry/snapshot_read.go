package inquiry

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"
)

// ErrStaleSnapshot means a snapshot was written by a build whose fold has
// another shape or meaning: replay the log instead.
var ErrStaleSnapshot = errors.New("the snapshot was written by another version of the fold")

// RestoreSnapshot rebuilds the workshop a Snapshot wrote, indexes and
// running counts included. It refuses bytes that are not a whole snapshot
// (ErrInvalid) and a snapshot of another version of the fold
// (ErrStaleSnapshot). The bytes are trusted to be a snapshot this
// installation wrote: authenticating them is the caller's.
func RestoreSnapshot(b []byte) (*Workshop, error) {
	r := snapReader{b: b}
	if !bytes.HasPrefix(b, []byte(snapshotMagic)) {
		return nil, fmt.Errorf("%w: not a snapshot", ErrInvalid)
	}
	r.b = r.b[len(snapshotMagic):]
	shape := foldShape()
	if r.uint() != snapshotVersion || len(r.b) < len(shape) || !bytes.Equal(r.b[:len(shape)], shape[:]) {
		return nil, ErrStaleSnapshot
	}
	r.b = r.b[len(shape):]
	w := r.workshop()
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("bytes left over")
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: snapshot: %w", ErrInvalid, r.err)
	}
	w.reindex()
	return w, nil
}

// Copy returns a workshop with the same state that shares nothing it
// could change with w: the fold of a second reader. It shares strings,
// which never change, and the guide, which the fold never changes.
func (w *Workshop) Copy() *Workshop {
	c := &Workshop{
		ID: w.ID, Title: w.Title, Code: w.Code, Pacing: w.Pacing, Guide: w.Guide,
		Open: w.Open, OpenedAt: w.OpenedAt, ClosedAt: w.ClosedAt,
		Current: w.Current, Settings: w.Settings, Revealed: maps.Clone(w.Revealed),
		Head: w.Head, HeadHash: w.HeadHash, timeboxEnded: w.timeboxEnded,
	}
	for _, t := range w.AddedThemes {
		c.AddedThemes = append(c.AddedThemes, t.clone())
	}
	c.Participants = make([]*Participant, len(w.Participants))
	for i, p := range w.Participants {
		cp := *p
		c.Participants[i] = &cp
	}
	c.Contributions = make([]*Contribution, len(w.Contributions))
	for i, x := range w.Contributions {
		cx := *x
		cx.Themes = slices.Clone(x.Themes)
		c.Contributions[i] = &cx
	}
	for _, v := range w.Votes {
		cv := *v
		cv.Kinds = slices.Clone(v.Kinds)
		cv.Ballots = make(map[string]map[string]int, len(v.Ballots))
		for who, dots := range v.Ballots {
			cv.Ballots[who] = maps.Clone(dots)
		}
		c.Votes = append(c.Votes, &cv)
	}
	if w.Head == 0 {
		return c
	}
	if len(c.Participants) == 0 {
		c.Participants = nil
	}
	if len(c.Contributions) == 0 {
		c.Contributions = nil
	}
	c.reindex()
	return c
}

// reindex rebuilds what a snapshot leaves out, as the fold would have
// built it: the indexes, the taxonomy, the running tally and counts.
func (w *Workshop) reindex() {
	w.indexGuide()
	w.participants = make(map[string]*Participant, len(w.Participants))
	w.contributions = make(map[string]*Contribution, len(w.Contributions))
	for _, t := range w.AddedThemes {
		w.addTheme(t)
	}
	for _, p := range w.Participants {
		w.participants[p.ID] = p
	}
	for _, c := range w.Contributions {
		w.contributions[c.ID] = c
		w.authored[c.Participant] = append(w.authored[c.Participant], c)
		w.answers[c.Prompt] = append(w.answers[c.Prompt], c)
		w.count(c, 1)
	}
	for _, v := range w.Votes {
		v.w = w
		w.votes[v.ID] = v
	}
}

// snapReader reads what snapWriter wrote. The first error sticks: later
// reads give zero values, and the caller checks err once at the end.
type snapReader struct {
	b   []byte
	err error
}

func (r *snapReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("cut short or malformed at %s", what)
	}
	r.b = nil
}

func (r *snapReader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("a number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *snapReader) int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("a number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length, refusing one longer than the bytes left could
// hold, so a damaged snapshot cannot ask for a huge allocation.
func (r *snapReader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail("a length")
		return 0
	}
	return int(n)
}

func (r *snapReader) bool() bool {
	if len(r.b) == 0 || r.b[0] > 1 {
		r.fail("a flag")
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

func (r *snapReader) raw() []byte {
	n := r.count()
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *snapReader) str() string { return string(r.raw()) }

func (r *snapReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = r.str()
	}
	return list
}

// time reads what snapWriter.time wrote into the time a JSON decoder gives
// for the same instant and offset.
func (r *snapReader) time() time.Time {
	offset := r.int()
	if offset == 1 {
		return time.Time{}
	}
	t := time.Unix(r.int(), int64(r.uint()))
	if offset == 0 {
		return t.UTC()
	}
	// Rare: let the JSON decoder's own rules pick the location.
	var parsed time.Time
	if err := parsed.UnmarshalText([]byte(t.In(time.FixedZone("", int(offset))).Format(time.RFC3339Nano))); err != nil {
		r.fail("a time")
	}
	return parsed
}

func (r *snapReader) workshop() *Workshop {
	w := &Workshop{ID: r.str(), Title: r.str(), Code: r.str(), Pacing: Pacing(r.str())}
	if err := json.Unmarshal(r.raw(), &w.Guide); err != nil && r.err == nil {
		r.err = fmt.Errorf("guide: %w", err)
	}
	w.Open, w.OpenedAt, w.ClosedAt = r.bool(), r.time(), r.time()
	w.Head, w.HeadHash = r.uint(), r.str()
	w.Current = Pace{Prompt: PromptRef(r.str()), EndsAt: r.time()}
	w.timeboxEnded = r.bool()
	w.Settings = Settings{Visibility: Visibility(r.str()), Anonymous: r.bool()}
	n := r.count()
	w.Revealed = make(map[PromptRef]bool, n)
	for range n {
		w.Revealed[PromptRef(r.str())] = r.bool()
	}
	for range r.count() {
		w.AddedThemes = append(w.AddedThemes, Theme{ID: r.str(), Label: r.str(), Keywords: r.strs()})
	}
	if n := r.count(); n > 0 {
		w.Participants = make([]*Participant, n)
		for i := range w.Participants {
			w.Participants[i] = r.participant()
		}
	}
	for range r.count() {
		w.Votes = append(w.Votes, r.vote())
	}
	if n := r.count(); n > 0 {
		w.Contributions = make([]*Contribution, n)
		intern := map[string]string{}
		for i := range w.Contributions {
			w.Contributions[i] = r.contribution(intern)
		}
	}
	return w
}

func (r *snapReader) participant() *Participant {
	return &Participant{
		ID: r.str(), Name: r.str(), Organisation: r.str(), JoinedAt: r.time(), ConsentAt: r.time(),
		Identity: r.str(), Scribed: r.bool(), Withdrawn: r.bool(), WithdrawnAt: r.time(),
		Erased: r.bool(), ErasedAt: r.time(),
	}
}

// contribution reads one contribution. The strings that repeat from one
// to the next (author, prompt, kind, partner, due date, scribe) are made
// once and shared through intern; IDs and people's words are their own.
func (r *snapReader) contribution(intern map[string]string) *Contribution {
	shared := func() string {
		b := r.raw()
		if s, ok := intern[string(b)]; ok {
			return s
		}
		s := string(b)
		intern[s] = s
		return s
	}
	c := &Contribution{ID: r.str(), Participant: shared(), Prompt: PromptRef(shared()), Kind: Kind(shared()), Text: r.str()}
	if n := r.count(); n > 0 {
		c.Themes = make([]string, n)
		for i := range c.Themes {
			c.Themes[i] = shared()
		}
	}
	c.Partner, c.BuildsOn, c.Owner, c.Due = shared(), r.str(), r.str(), shared()
	c.AddedAt, c.EditedAt, c.Seq = r.time(), r.time(), r.uint()
	c.ScribedBy, c.HiddenReason, c.MergedInto = shared(), r.str(), r.str()
	flags := r.uint()
	c.ThemesAccepted, c.Highlighted, c.Hidden = flags&1 != 0, flags&2 != 0, flags&4 != 0
	c.Deleted, c.Withdrawn, c.Erased = flags&8 != 0, flags&16 != 0, flags&32 != 0
	return c
}

func (r *snapReader) vote() *VoteState {
	v := &VoteState{Vote: Vote{ID: r.str(), Title: r.str()}}
	if n := r.count(); n > 0 {
		v.Kinds = make([]Kind, n)
		for i := range v.Kinds {
			v.Kinds[i] = Kind(r.str())
		}
	}
	v.Dots = int(r.int())
	v.Open, v.OpenedAt, v.ClosedAt = r.bool(), r.time(), r.time()
	n := r.count()
	v.Ballots = make(map[string]map[string]int, n)
	for range n {
		who := r.str()
		dots := map[string]int{}
		for range r.count() {
			id := r.str()
			dots[id] = int(r.int())
		}
		v.Ballots[who] = dots
	}
	return v
}
