package data

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/inquirytest"
)

// exports writes every workshop's export in every format.
func exports(t *testing.T, s *Store) map[string][]byte {
	t.Helper()
	all := map[string][]byte{}
	for _, sum := range s.Workshops() {
		w, err := s.Workshop(sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []inquiry.Format{inquiry.FormatMarkdown, inquiry.FormatCSV, inquiry.FormatJSON} {
			var b bytes.Buffer
			if err := inquiry.Export(&b, f, w, s.Events(sum.ID, 0)); err != nil {
				t.Fatal(err)
			}
			all[sum.Code+"."+string(f)] = b.Bytes()
		}
	}
	return all
}

// fullStore fills a store with several workshops and everything else a
// backup carries.
func fullStore(t *testing.T, s *Store) {
	t.Helper()
	for i := range 3 {
		ws := openWorkshop(t, s, fmt.Sprintf("harbour-%04d", i))
		for p := range 3 {
			mustAppend(t, s, ws.ID, joining(participant(p)))
			for c := range 4 {
				mustAppend(t, s, ws.ID, adding(participant(p), fmt.Sprintf("%s-c%d", participant(p), c), fmt.Sprintf("Words %d of %s in %d", c, participant(p), i)))
			}
		}
		mustAppend(t, s, ws.ID, inquiry.Event{Type: inquiry.ContributionDeleted, Actor: host, Target: "p000-c1"})
		mustAppend(t, s, ws.ID, withdrawing(participant(1)))
		if i == 1 {
			mustAppend(t, s, ws.ID, inquiry.Event{Type: inquiry.WorkshopClosed, Actor: host})
		} else {
			if err := s.EnrolScribe(testContext(t), ws.ID, newKey(t), "Jo"); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveDraft(ws.ID, participant(2), Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: "unsent"}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.EnrolFacilitator(testContext(t), newKey(t), "Morag"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddGuide(testContext(t), parsedGuide(t, inquirytest.WalkGuide), []byte(inquirytest.WalkGuide)); err != nil {
		t.Fatal(err)
	}
}

func TestBackupRestoresEveryWorkshopByteForByte(t *testing.T) {
	s := openStore(t, t.TempDir())
	fullStore(t, s)
	var backup bytes.Buffer
	if err := s.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	want := exports(t, s)
	code, err := s.ResumeCode(s.Workshops()[0].ID, participant(0))
	if err != nil {
		t.Fatal(err)
	}
	// The resume code was made after the backup: make it part of it.
	backup.Reset()
	if err := s.Backup(&backup); err != nil {
		t.Fatal(err)
	}

	restored := filepath.Join(t.TempDir(), "restored")
	if err := Restore(restored, bytes.NewReader(backup.Bytes())); err != nil {
		t.Fatal(err)
	}
	r := openStore(t, restored)
	got := exports(t, r)
	if len(got) != 9 {
		t.Fatalf("%d exports from the restored store, want 3 workshops × 3 formats", len(got))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("export %s differs after a restore", name)
		}
	}
	for _, sum := range r.Workshops() {
		checkLog(t, r, sum.ID, len(s.Events(sum.ID, 0)))
		if !reflect.DeepEqual(r.Scribes(sum.ID), s.Scribes(sum.ID)) {
			t.Errorf("workshop %s: scribes %+v, want %+v", sum.Code, r.Scribes(sum.ID), s.Scribes(sum.ID))
		}
		dr, okr := r.Draft(sum.ID, participant(2))
		ds, oks := s.Draft(sum.ID, participant(2))
		if okr != oks || !reflect.DeepEqual(dr, ds) {
			t.Errorf("workshop %s: draft %+v, want %+v", sum.Code, dr, ds)
		}
	}
	if !bytes.Equal(r.Secret(), s.Secret()) || !reflect.DeepEqual(r.Facilitators(), s.Facilitators()) || !reflect.DeepEqual(r.Guides(), s.Guides()) {
		t.Errorf("the secret, facilitators or guides differ after a restore")
	}
	if got, ok := r.Resume(r.Workshops()[0].ID, code); !ok || got != participant(0) {
		t.Errorf("a resume code does not work after a restore: %q, %v", got, ok)
	}
	info, err := os.Stat(restored)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the restored folder: %v, mode %v; want 0700", err, info.Mode().Perm())
	}
}

func TestRestoreRefusesAFolderInUseAndLeavesNothingWhenItFails(t *testing.T) {
	s := openStore(t, t.TempDir())
	openWorkshop(t, s, "harbour-0001")
	var backup bytes.Buffer
	if err := s.Backup(&backup); err != nil {
		t.Fatal(err)
	}

	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "notes.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Restore(full, bytes.NewReader(backup.Bytes())); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("restore into a folder with a file in it: %v, want ErrNotEmpty", err)
	}

	parent := t.TempDir()
	for name, input := range map[string][]byte{"garbage": []byte("this is not a backup at all, just words"), "empty": nil} {
		dir := filepath.Join(parent, name)
		if err := Restore(dir, bytes.NewReader(input)); err == nil {
			t.Errorf("restore from %s input succeeded", name)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a failed restore from %s input left %s behind", name, dir)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("failed restores left %d entries behind", len(entries))
	}

	empty := t.TempDir()
	if err := Restore(empty, bytes.NewReader(backup.Bytes())); err != nil {
		t.Errorf("restore into an empty folder: %v", err)
	}
}

func TestBackupAfterAnErasureHoldsNoErasedWords(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID)
	mustAppend(t, s, ws.ID, withdrawing("ann"))
	var backup bytes.Buffer
	if err := s.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{annEdited, annOwner, "Ann's action text before the edit"} {
		if bytes.Contains(backup.Bytes(), []byte(gone)) {
			t.Errorf("the backup holds %.40q", gone)
		}
	}
	if !bytes.Contains(backup.Bytes(), []byte(bobWords)) {
		t.Errorf("the backup lacks Bob's words: the check proves nothing")
	}
	restored := filepath.Join(t.TempDir(), "restored")
	if err := Restore(restored, &backup); err != nil {
		t.Fatal(err)
	}
	r := openStore(t, restored)
	if text := eventsText(t, checkLog(t, r, ws.ID, 8)); strings.Contains(text, annEdited) {
		t.Errorf("the restored log holds Ann's words")
	}
}
