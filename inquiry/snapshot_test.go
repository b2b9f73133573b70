package inquiry

import (
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// foldLogs are logs that between them hold every kind of event: the
// room's curation and votes, a whole day led by a facilitator (reveals,
// timeboxes, commitments, withdrawals and erasures), a plain day with
// edits and deletions, and logs made from the fuzzer's event maker.
func foldLogs(t *testing.T) map[string][]Event {
	logs := map[string][]Event{
		"room":  roomLog(t).events,
		"full":  fullLog(t).events,
		"large": func() []Event { _, e := largeExportLog(t, 120); return e }(),
	}
	logs["issues"] = roomOfIssuesLog(t)
	_, logs["facilitated"] = facilitatedExportLog(t)
	_, logs["sample"] = sampleExportLog(t)
	for _, seed := range []uint64{1, 2, 3, 4} {
		logs["fuzzed-"+string(rune('0'+seed))] = fuzzedLog(t, seed)
	}
	return logs
}

// fuzzedLog is the room's log carried on by a few hundred events the fuzz
// test's maker draws from a seeded source, keeping those Check accepts.
func fuzzedLog(t *testing.T, seed uint64) []Event {
	l := roomLog(t)
	w := l.replay()
	rng := rand.New(rand.NewPCG(seed, 15))
	for range 400 {
		e := fuzzEvent(w, byte(rng.UintN(256)), byte(rng.UintN(256)), byte(rng.UintN(256)))
		if w.Check(e) != nil {
			continue
		}
		if err := w.Apply(l.append(e)); err != nil {
			t.Fatalf("Check accepted %s but Apply refused it: %v", e.Type, err)
		}
	}
	return l.events
}

// stored is a log as the store keeps it and reads it back: through JSON.
func stored(t *testing.T, events []Event) []Event {
	return copyEvents(t, events)
}

func TestSnapshotAndTailFoldWhatAReplayFolds(t *testing.T) {
	atEveryEventOfEveryLog(t, checkSnapshotAt)
	covered := map[EventType]bool{}
	for _, log := range foldLogs(t) {
		for _, e := range log {
			covered[e.Type] = true
		}
	}
	for _, typ := range eventTypes(t) {
		if !covered[typ] {
			t.Errorf("no log of foldLogs has a %s event: the snapshot is not shown to keep what it folds", typ)
		}
	}
}

// atEveryEventOfEveryLog runs check on each log of foldLogs, as the store
// keeps it, at every event k, with want the replay of the whole log.
func atEveryEventOfEveryLog(t *testing.T, check func(t *testing.T, events []Event, k int, want *Workshop)) {
	for name, log := range foldLogs(t) {
		t.Run(name, func(t *testing.T) {
			events := stored(t, log)
			want, err := Replay(events)
			if err != nil {
				t.Fatal(err)
			}
			for k := 1; k <= len(events); k++ {
				check(t, events, k, want)
			}
		})
	}
}

// eventTypes are the EventType constants declared in the package's
// source, so that a new kind of event is missed by no test that needs
// every kind.
func eventTypes(t *testing.T) []EventType {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var types []EventType
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				v := spec.(*ast.ValueSpec)
				if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "EventType" {
					continue
				}
				for _, value := range v.Values {
					if lit, ok := value.(*ast.BasicLit); ok {
						s, _ := strconv.Unquote(lit.Value)
						types = append(types, EventType(s))
					}
				}
			}
		}
	}
	if len(types) < 20 {
		t.Fatalf("found only %d event types in the source: the search is broken", len(types))
	}
	return types
}

// checkSnapshotAt snapshots a replay of the first k events, restores it,
// folds the rest of the log into it and compares it with want, the
// replay of the whole log. It does the same with a Copy of the replay,
// taken before the replay folds on, which must not see the replay's
// later changes: a copy shares nothing the fold changes.
func checkSnapshotAt(t *testing.T, events []Event, k int, want *Workshop) {
	t.Helper()
	head, err := ReplayStamped(events[:k])
	if err != nil {
		t.Fatal(err)
	}
	snap, err := head.Snapshot()
	if err != nil {
		t.Fatalf("snapshot at %d: %v", k, err)
	}
	restored, err := RestoreSnapshot(snap)
	if err != nil {
		t.Fatalf("restore the snapshot at %d: %v", k, err)
	}
	if !reflect.DeepEqual(restored, head) {
		t.Fatalf("the fold restored from a snapshot at event %d differs from the fold it was taken of: %s", k, foldDiff(restored, head))
	}
	again, err := restored.Snapshot()
	if err != nil || !bytes.Equal(again, snap) {
		t.Fatalf("a restored fold's snapshot differs from the one it was restored from (err %v)", err)
	}
	copied := head.Copy()
	if !reflect.DeepEqual(copied, head) {
		t.Fatalf("a copy of the fold at event %d differs from it: %s", k, foldDiff(copied, head))
	}
	for i, c := range copied.Contributions {
		if c != head.Contributions[i] {
			t.Fatalf("a copy of the fold at event %d holds its own copy of contribution %s: the two folds should share it", k, c.ID)
		}
	}
	for _, e := range events[k:] {
		if err := restored.Apply(e); err != nil {
			t.Fatalf("after a snapshot at %d, event %d: %v", k, e.Seq, err)
		}
		if err := head.ApplyStamped(e); err != nil {
			t.Fatalf("after event %d, event %d: %v", k, e.Seq, err)
		}
	}
	if !reflect.DeepEqual(restored, want) {
		t.Fatalf("snapshot at event %d and the rest of the log fold a different workshop from a replay of the log: %s", k, foldDiff(restored, want))
	}
	if still, err := copied.Snapshot(); err != nil || !bytes.Equal(still, snap) {
		t.Fatalf("a copy of the fold at event %d changed as the fold it was copied from folded on (err %v)", k, err)
	}
	for _, e := range events[k:] {
		if err := copied.ApplyStamped(e); err != nil {
			t.Fatalf("after a copy at %d, the copy refused event %d: %v", k, e.Seq, err)
		}
	}
	if !reflect.DeepEqual(copied, want) {
		t.Fatalf("a copy of the fold at event %d, carried on, differs from a replay: %s", k, foldDiff(copied, want))
	}
	if !reflect.DeepEqual(head, want) {
		t.Fatalf("a fold copied at event %d changed as its copy folded on: %s", k, foldDiff(head, want))
	}
}

// TestSnapshotHoldsTheWholeFold walks the fold's types: every field is
// either written by a snapshot or rebuilt from what it writes. A field
// added to the fold fails here until snapshot.go says which.
func TestSnapshotHoldsTheWholeFold(t *testing.T) {
	seen := map[reflect.Type]bool{}
	pkg := reflect.TypeFor[Workshop]().PkgPath()
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(typ.Elem())
			return
		case reflect.Map:
			walk(typ.Key())
			walk(typ.Elem())
			return
		case reflect.Struct:
		default:
			return
		}
		if seen[typ] || typ.PkgPath() != pkg || typ.Name() == "Guide" || typ.Name() == "ThemeIndex" {
			return // the guide is written whole, as JSON; the theme index is rebuilt
		}
		seen[typ] = true
		name := typ.Name()
		listed := append(slices.Clone(snapshotFields[name]), derivedFields[name]...)
		for i := range typ.NumField() {
			f := typ.Field(i)
			if !slices.Contains(listed, f.Name) {
				t.Errorf("%s.%s is in neither snapshotFields nor derivedFields (inquiry/snapshot.go): "+
					"write it in the snapshot, or rebuild it in reindex", name, f.Name)
			}
			if !slices.Contains(derivedFields[name], f.Name) {
				walk(f.Type)
			}
		}
		for _, field := range listed {
			if _, ok := typ.FieldByName(field); !ok {
				t.Errorf("snapshot.go lists %s.%s, which the fold no longer has", name, field)
			}
		}
	}
	walk(reflect.TypeFor[Workshop]())
	for _, name := range []string{"Workshop", "Participant", "Contribution", "VoteState", "Vote", "Theme"} {
		if !slices.ContainsFunc(slices.Collect(maps.Keys(seen)), func(typ reflect.Type) bool { return typ.Name() == name }) {
			t.Errorf("the walk never reached %s: it proves nothing about it", name)
		}
	}
}

func TestRestoreRefusesWhatIsNotAWholeSnapshotOfThisFold(t *testing.T) {
	w := roomLog(t).replay()
	snap, err := w.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(snap) {
		if _, err := RestoreSnapshot(snap[:n]); err == nil {
			t.Fatalf("a snapshot cut to %d of its %d bytes was restored", n, len(snap))
		}
	}
	if _, err := RestoreSnapshot(append(slices.Clone(snap), 0)); !errors.Is(err, ErrInvalid) {
		t.Errorf("a snapshot with a byte too many: %v, want ErrInvalid", err)
	}
	other := slices.Clone(snap)
	other[len(snapshotMagic)] = snapshotVersion + 1
	if _, err := RestoreSnapshot(other); !errors.Is(err, ErrStaleSnapshot) {
		t.Errorf("a snapshot of another version: %v, want ErrStaleSnapshot", err)
	}
	shape := slices.Clone(snap)
	shape[len(snapshotMagic)+1] ^= 1
	if _, err := RestoreSnapshot(shape); !errors.Is(err, ErrStaleSnapshot) {
		t.Errorf("a snapshot of a fold of another shape: %v, want ErrStaleSnapshot", err)
	}
}

// Parts of contributions nothing touched come out as before, so a store
// writes again only what changed: here, after an edit, the part holding
// the edited contribution and the first part (which holds the head).
func TestSnapshotPartsChangeOnlyWhereTheFoldChanged(t *testing.T) {
	w, events := largeExportLog(t, 3*SnapshotPart)
	before, err := w.SnapshotParts()
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != 4 {
		t.Fatalf("%d parts for %d contributions, want 4", len(before), 3*SnapshotPart)
	}
	c := w.Contributions[SnapshotPart+5]
	d := ContributionDetails{ID: c.ID, Participant: c.Participant, Prompt: c.Prompt, Kind: c.Kind, Themes: c.Themes, Partner: c.Partner}
	e := edited(Actor{Role: RoleParticipant, ID: c.Participant}, d, "Changed words.")
	e.Seq, e.Prev, e.At = w.Head+1, w.HeadHash, events[len(events)-1].At
	for _, words := range e.Words() {
		words.Seal(testSalt)
	}
	e.Hash = e.ChainHash()
	if err := w.Apply(e); err != nil {
		t.Fatal(err)
	}
	after, err := w.SnapshotParts()
	if err != nil {
		t.Fatal(err)
	}
	for i := range after {
		if changed := !bytes.Equal(before[i], after[i]); changed != (i == 0 || i == 2) {
			t.Errorf("part %d changed: %v", i, changed)
		}
	}
}
