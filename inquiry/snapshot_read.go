package inquiry

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
	w, links := r.workshop()
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("bytes left over")
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: snapshot: %w", ErrInvalid, r.err)
	}
	if err := w.reindex(links); err != nil {
		return nil, fmt.Errorf("%w: snapshot: %w", ErrInvalid, err)
	}
	return w, nil
}

func (r *snapReader) workshop() (*Workshop, foldLinks) {
	var links foldLinks
	w := &Workshop{ID: r.str(), Title: r.str(), Code: r.str(), Pacing: Pacing(r.str())}
	if err := json.Unmarshal(r.raw(), &w.Guide); err != nil && r.err == nil {
		r.err = fmt.Errorf("guide: %w", err)
	}
	w.Open, w.OpenedAt, w.ClosedAt = r.bool(), r.time(), r.time()
	w.Head, w.HeadHash = r.uint(), r.str()
	w.Current = Pace{Prompt: PromptRef(r.str()), EndsAt: r.time()}
	w.timeboxEnded = r.bool()
	w.Settings = Settings{Visibility: Visibility(r.str()), Anonymous: r.bool()}
	if n, isNil := r.length(); !isNil {
		w.Revealed = make(map[PromptRef]bool, n)
		for range n {
			w.Revealed[PromptRef(r.str())] = r.bool()
		}
	}
	for range r.count() {
		w.AddedThemes = append(w.AddedThemes, r.theme())
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
	r.room(w, &links)
	if n := r.count(); n > 0 {
		w.Contributions = make([]*Contribution, n)
		intern := map[string]string{}
		for i := range w.Contributions {
			w.Contributions[i] = r.contribution(intern, w, &links)
		}
	}
	return w, links
}
