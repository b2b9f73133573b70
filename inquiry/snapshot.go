package inquiry

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
	"time"
)

// A snapshot is a workshop's whole state, written so that a later process
// can carry on from it (RestoreSnapshot) and fold only the events after
// its head, instead of replaying a log of tens of thousands. It holds what
// the events have set (the exported fields and the few unexported ones no
// index can give back) and leaves out every index, which a restore rebuilds
// as the fold would have. TestSnapshotHoldsTheWholeFold fails when a field
// of the fold is in neither list below; TestSnapshotAndTailFoldWhatAReplayFolds
// checks, over logs with every kind of event, that a restored fold carried
// on with the rest of the log is the fold a replay gives.
//
// A snapshot says nothing of where it came from: the store authenticates
// the bytes, and checks them against the log it vouches for.

// snapshotMagic opens every snapshot.
const snapshotMagic = "anchorage fold\n"

// snapshotVersion changes when what the fold means changes without its
// shape changing (a fold case that counts differently): a snapshot of
// another version is refused, and the log replayed instead.
const snapshotVersion = 1

// snapshotFields are the fields a snapshot holds, by type; derivedFields
// those a restore rebuilds (reindex). A field in neither fails
// TestSnapshotHoldsTheWholeFold.
var (
	snapshotFields = map[string][]string{
		"Workshop": {"ID", "Title", "Code", "Pacing", "Guide", "Open", "OpenedAt", "ClosedAt",
			"Participants", "Contributions", "Current", "Settings", "Revealed", "Votes", "AddedThemes",
			"Head", "HeadHash", "timeboxEnded"},
		"Participant": {"ID", "Name", "Organisation", "JoinedAt", "ConsentAt", "Identity", "Scribed",
			"Withdrawn", "WithdrawnAt", "Erased", "ErasedAt"},
		"Contribution": {"ID", "Participant", "Prompt", "Kind", "Text", "Themes", "Partner", "BuildsOn",
			"Owner", "Due", "AddedAt", "EditedAt", "Seq", "ScribedBy", "ThemesAccepted", "Highlighted",
			"Hidden", "HiddenReason", "MergedInto", "Deleted", "Withdrawn", "Erased"},
		"VoteState": {"Vote", "Open", "OpenedAt", "ClosedAt", "Ballots"},
		"Vote":      {"ID", "Title", "Kinds", "Dots"},
		"Pace":      {"Prompt", "EndsAt"},
		"Settings":  {"Visibility", "Anonymous"},
		"Theme":     {"ID", "Label", "Keywords"},
	}
	derivedFields = map[string][]string{
		"Workshop": {"participants", "contributions", "authored", "answers", "order", "prompts",
			"themes", "themeList", "suggester", "votes", "counts", "seen"},
		"VoteState": {"w"},
	}
)

// foldShape is a digest of the fold's types: every field's name and type,
// down through the types of this package. A snapshot written by a build
// whose fold has another shape is refused.
var foldShape = sync.OnceValue(func() [32]byte {
	h := sha256.New()
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		fmt.Fprintf(h, "%s:%s;", t.Kind(), t)
		if seen[t] || (t.PkgPath() != "" && t.PkgPath() != reflect.TypeFor[Workshop]().PkgPath()) {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem())
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				f := t.Field(i)
				fmt.Fprintf(h, "%s ", f.Name)
				walk(f.Type)
			}
		}
	}
	walk(reflect.TypeFor[Workshop]())
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
})

// SnapshotPart is how many contributions a part of a snapshot holds
// (SnapshotParts): few enough that a part of long texts stays far under
// the store's largest value, many enough that a workshop of 30,000 has
// some hundred parts.
const SnapshotPart = 256

// Snapshot writes the workshop's whole state: its parts, one after the
// other. The same state always gives the same bytes.
func (w *Workshop) Snapshot() ([]byte, error) {
	parts, err := w.SnapshotParts()
	if err != nil {
		return nil, err
	}
	return bytes.Join(parts, nil), nil
}

// SnapshotParts writes the workshop's whole state in parts: first
// everything but the contributions, then the contributions, SnapshotPart
// to a part. A part of contributions that did not change since an earlier
// snapshot comes out the same, so a store need not write it again.
// RestoreSnapshot reads the parts joined. The guide is written as JSON,
// as the log holds it.
func (w *Workshop) SnapshotParts() ([][]byte, error) {
	guide, err := json.Marshal(w.Guide)
	if err != nil {
		return nil, fmt.Errorf("snapshot: guide: %w", err)
	}
	e := snapWriter{b: make([]byte, 0, 1024+len(guide)+128*len(w.Participants))}
	shape := foldShape()
	e.b = append(e.b, snapshotMagic...)
	e.uint(snapshotVersion)
	e.b = append(e.b, shape[:]...)
	e.str(w.ID)
	e.str(w.Title)
	e.str(w.Code)
	e.str(string(w.Pacing))
	e.bytes(guide)
	e.bool(w.Open)
	e.time(w.OpenedAt)
	e.time(w.ClosedAt)
	e.uint(w.Head)
	e.str(w.HeadHash)
	e.str(string(w.Current.Prompt))
	e.time(w.Current.EndsAt)
	e.bool(w.timeboxEnded)
	e.str(string(w.Settings.Visibility))
	e.bool(w.Settings.Anonymous)
	e.uint(uint64(len(w.Revealed)))
	for _, ref := range slices.Sorted(maps.Keys(w.Revealed)) {
		e.str(string(ref))
		e.bool(w.Revealed[ref])
	}
	e.uint(uint64(len(w.AddedThemes)))
	for _, t := range w.AddedThemes {
		e.theme(t)
	}
	e.uint(uint64(len(w.Participants)))
	for _, p := range w.Participants {
		e.participant(p)
	}
	e.uint(uint64(len(w.Votes)))
	for _, v := range w.Votes {
		e.vote(v)
	}
	e.uint(uint64(len(w.Contributions)))
	parts := [][]byte{e.b}
	for first := 0; first < len(w.Contributions); first += SnapshotPart {
		part := snapWriter{b: make([]byte, 0, 320*SnapshotPart)}
		for _, c := range w.Contributions[first:min(first+SnapshotPart, len(w.Contributions))] {
			part.contribution(c)
		}
		parts = append(parts, part.b)
	}
	return parts, nil
}

// snapWriter appends a snapshot's values: unsigned and signed varints,
// strings and byte strings with their length first.
type snapWriter struct{ b []byte }

func (e *snapWriter) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *snapWriter) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }

func (e *snapWriter) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *snapWriter) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *snapWriter) bytes(b []byte) {
	e.uint(uint64(len(b)))
	e.b = append(e.b, b...)
}

// strs writes a list of strings. An empty list reads back as nil, as it
// does from the log's JSON, where empty lists are left out.
func (e *snapWriter) strs(list []string) {
	e.uint(uint64(len(list)))
	for _, s := range list {
		e.str(s)
	}
}

// time writes an instant and its offset from UTC, which is all JSON keeps
// of a time's location; zero is written as offset 1, which no real one is
// (offsets are whole minutes).
func (e *snapWriter) time(t time.Time) {
	if t.IsZero() {
		e.int(1)
		return
	}
	_, offset := t.Zone()
	e.int(int64(offset))
	e.int(t.Unix())
	e.uint(uint64(t.Nanosecond()))
}

func (e *snapWriter) theme(t Theme) {
	e.str(t.ID)
	e.str(t.Label)
	e.strs(t.Keywords)
}

func (e *snapWriter) participant(p *Participant) {
	e.str(p.ID)
	e.str(p.Name)
	e.str(p.Organisation)
	e.time(p.JoinedAt)
	e.time(p.ConsentAt)
	e.str(p.Identity)
	e.bool(p.Scribed)
	e.bool(p.Withdrawn)
	e.time(p.WithdrawnAt)
	e.bool(p.Erased)
	e.time(p.ErasedAt)
}

func (e *snapWriter) contribution(c *Contribution) {
	e.str(c.ID)
	e.str(c.Participant)
	e.str(string(c.Prompt))
	e.str(string(c.Kind))
	e.str(c.Text)
	e.strs(c.Themes)
	e.str(c.Partner)
	e.str(c.BuildsOn)
	e.str(c.Owner)
	e.str(c.Due)
	e.time(c.AddedAt)
	e.time(c.EditedAt)
	e.uint(c.Seq)
	e.str(c.ScribedBy)
	e.str(c.HiddenReason)
	e.str(c.MergedInto)
	var flags uint64
	for i, f := range []bool{c.ThemesAccepted, c.Highlighted, c.Hidden, c.Deleted, c.Withdrawn, c.Erased} {
		if f {
			flags |= 1 << i
		}
	}
	e.uint(flags)
}

func (e *snapWriter) vote(v *VoteState) {
	e.str(v.ID)
	e.str(v.Title)
	e.uint(uint64(len(v.Kinds)))
	for _, k := range v.Kinds {
		e.str(string(k))
	}
	e.int(int64(v.Dots))
	e.bool(v.Open)
	e.time(v.OpenedAt)
	e.time(v.ClosedAt)
	e.uint(uint64(len(v.Ballots)))
	for _, who := range slices.Sorted(maps.Keys(v.Ballots)) {
		e.str(who)
		dots := v.Ballots[who]
		e.uint(uint64(len(dots)))
		for _, id := range slices.Sorted(maps.Keys(dots)) {
			e.str(id)
			e.int(int64(dots[id]))
		}
	}
}
