package data

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

func TestWorkshopAndReadFoldWhatAVerifyingReplayFolds(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID)
	mustAppend(t, s, ws.ID, withdrawing("ann")) // her words erased in the published log
	events := s.Events(ws.ID, 0)
	want, err := inquiry.Replay(events)
	if err != nil {
		t.Fatalf("the published log does not replay with every hash checked: %v", err)
	}
	got, err := s.Workshop(ws.ID)
	if err != nil {
		t.Fatalf("Workshop: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Workshop folded a different state from Replay:\n got %+v\nwant %+v", got, want)
	}
	if err := s.Read(ws.ID, func(shared *inquiry.Workshop) {
		if !reflect.DeepEqual(shared, want) {
			t.Errorf("Read's shared fold differs from Replay:\n got %+v\nwant %+v", shared, want)
		}
	}); err != nil {
		t.Fatalf("Read: %v", err)
	}
}

// trustedFolds are the only places that may fold events without checking
// their hashes (inquiry.ApplyStamped, inquiry.ReplayStamped) or take a
// state without folding its log (inquiry.RestoreSnapshot), and why each
// may: the events are the store's own, stamped by its committer, published
// after Replay checked them when the store was opened, or read back and
// checked against the chain the store holds (Events); the snapshot is one
// the store wrote, authenticated with the installation secret, whose log
// the store then checks whole in the background. A log from outside the
// process (a database being opened, an export, a backup) must go through
// inquiry.Replay. Add a place here only for events of the same kind, and
// say why.
var trustedFolds = map[string]string{
	"inquiry/stamped.go ReplayStamped": "the trusted fold itself",
	"data/committer.go admit":          "the event the committer has just stamped",
	"data/read.go catchUp":             "the store's published log",
	"data/workshops.go StateAndLog":    "the store's published log",
	"data/startup.go restore":          "a snapshot the store wrote and authenticated; verify.go checks its log whole",
}

func TestOnlyTheStoresOwnEventsAreFoldedWithoutCheckingTheirHashes(t *testing.T) {
	root := ".."
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				// Any mention, called or not: a method value passed on
				// reaches the fold as surely as a call.
				if id, ok := n.(*ast.Ident); ok && (id.Name == "ApplyStamped" || id.Name == "ReplayStamped" || id.Name == "RestoreSnapshot") {
					found = append(found, filepath.ToSlash(rel)+" "+fn.Name.Name)
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatalf("read the module's source: %v", err)
	}
	slices.Sort(found)
	found = slices.Compact(found)
	for _, place := range found {
		if _, ok := trustedFolds[place]; !ok {
			t.Errorf("%s folds events without checking their hashes: only the store's own events may (see trustedFolds)", place)
		}
	}
	for place := range trustedFolds {
		if !slices.Contains(found, place) {
			t.Errorf("trustedFolds names %s, which no longer folds without checking: take it out", place)
		}
	}
}
