package inquiry

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
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
const snapshotVersion = 2

// snapshotFields are the fields a snapshot holds, by type; derivedFields
// those a restore rebuilds (reindex). A field in neither fails
// TestSnapshotHoldsTheWholeFold.
var (
	snapshotFields = map[string][]string{
		"Workshop": {"ID", "Title", "Code", "Pacing", "Guide", "Open", "OpenedAt", "ClosedAt",
			"Participants", "Contributions", "Current", "Settings", "Revealed", "Votes", "AddedThemes",
			"Lobby", "Head", "HeadHash", "timeboxEnded", "agreements", "duplicates", "team", "clock",
			"standing", "reissues", "display"},
		"Participant": {"ID", "Name", "Organisation", "JoinedAt", "ConsentAt", "Identity", "Scribed",
			"Withdrawn", "WithdrawnAt", "Erased", "ErasedAt", "MergedInto", "MergedAt", "CodeReissuedAt",
			"Blocked", "BlockedAt", "Waiting", "AdmittedAt", "Language"},
		"Contribution": {"ID", "Participant", "Prompt", "Kind", "Text", "Themes", "Partner", "BuildsOn",
			"Answers", "Owner", "Due", "AddedAt", "EditedAt", "Seq", "ScribedBy", "ThemesAccepted",
			"Highlighted", "Hidden", "HiddenReason", "MergedInto", "UnmergedFrom", "UnmergedAt",
			"Deleted", "Withdrawn", "Erased"},
		"VoteState":    {"Vote", "Open", "OpenedAt", "ClosedAt", "Ballots", "fixed", "cast"},
		"Vote":         {"ID", "Title", "Kinds", "Dots", "Prompt", "Highlighted"},
		"Pace":         {"Prompt", "EndsAt"},
		"Settings":     {"Visibility", "Anonymous"},
		"Theme":        {"ID", "Label", "Keywords"},
		"teamIndex":    {"members"},
		"TeamMember":   {"Role", "ID", "Name", "FirstAt"},
		"Timebox":      {"Prompt", "EndsAt", "PausedAt", "Ended"},
		"standing":     {"waiting", "joined", "opened", "names", "shown", "typed", "textBytes", "authored"},
		"nameIndex":    {"shown", "next", "numbered"},
		"numberedName": {"typed", "n"},
		"Reissue":      {"Participant", "Seq"},
		"Display":      {"Panel", "Moment", "Revealed", "RevealedAt", "Closed"},
	}
	derivedFields = map[string][]string{
		"Workshop": {"participants", "contributions", "authored", "answers", "reframes", "order", "prompts",
			"themes", "themeList", "suggester", "votes", "counts", "seen", "merged", "builtOn"},
		"VoteState": {"w"},
		"teamIndex": {"byID"},
		"standing":  {"identities"},
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
// to a part, each with who agrees with it and the duplicates merged into
// it. A part of contributions that did not change since an earlier
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
	e.length(len(w.Revealed), w.Revealed == nil)
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
	e.room(w)
	e.uint(uint64(len(w.Contributions)))
	parts := [][]byte{e.b}
	for first := 0; first < len(w.Contributions); first += SnapshotPart {
		part := snapWriter{b: make([]byte, 0, 320*SnapshotPart)}
		for _, c := range w.Contributions[first:min(first+SnapshotPart, len(w.Contributions))] {
			part.contribution(c, w)
		}
		parts = append(parts, part.b)
	}
	return parts, nil
}
