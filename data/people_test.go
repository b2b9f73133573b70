package data

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	charmlog "charm.land/log/v2"

	"github.com/anchorage/anchorage/inquiry"
)

func TestReissuedResumeCodeReplacesTheOldOne(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, joining("bob"))
	old, err := s.ResumeCode(ws.ID, "ann")
	if err != nil {
		t.Fatal(err)
	}
	bob, _ := s.ResumeCode(ws.ID, "bob")

	ann := inquiry.Actor{Role: inquiry.RoleParticipant, ID: "ann"}
	if _, err := s.ReissueResumeCode(testContext(t), ws.ID, ann, "ann"); !errors.Is(err, inquiry.ErrNotAllowed) {
		t.Errorf("a participant issued themselves a code: %v", err)
	}
	fresh, err := s.ReissueResumeCode(testContext(t), ws.ID, host, "ann")
	if err != nil {
		t.Fatal(err)
	}
	if !resumeShape.MatchString(fresh) || fresh == old || fresh == bob {
		t.Fatalf("the new code %q is not a fresh code (old %q, Bob's %q)", fresh, old, bob)
	}
	check := func(when string) {
		t.Helper()
		if got, _ := s.ResumeCode(ws.ID, "ann"); got != fresh {
			t.Errorf("%s: ResumeCode = %q, want the new %q", when, got, fresh)
		}
		if got, ok := s.Resume(ws.ID, strings.ToLower(fresh)); !ok || got != "ann" {
			t.Errorf("%s: the new code finds %q, %v", when, got, ok)
		}
		if got, ok := s.Resume(ws.ID, old); ok {
			t.Errorf("%s: the old code still opens the workshop, for %q", when, got)
		}
		if got, ok := s.Resume(ws.ID, bob); !ok || got != "bob" {
			t.Errorf("%s: Bob's code finds %q, %v", when, got, ok)
		}
	}
	check("at once")
	for _, e := range s.Events(ws.ID, 0) {
		if e.Type == inquiry.ResumeCodeReissued && e.Target != "ann" {
			t.Errorf("the reissue event names %q", e.Target)
		}
	}
	log := eventsText(t, s.Events(ws.ID, 0))
	for _, code := range []string{old, fresh, strings.ReplaceAll(fresh, "-", "")} {
		if strings.Contains(log, code) {
			t.Errorf("the log holds the code %q", code)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{fresh, strings.ReplaceAll(fresh, "-", "")} {
		if files := filesHolding(t, dir, code); len(files) > 0 {
			t.Errorf("the new code %q can be read from %v", code, files)
		}
	}
	s = openStore(t, dir)
	check("after reopening")

	again, err := s.ReissueResumeCode(testContext(t), ws.ID, host, "ann")
	if err != nil || again == fresh || again == old {
		t.Errorf("a second reissue gave %q (%v); want a third code", again, err)
	}
	if _, ok := s.Resume(ws.ID, fresh); ok {
		t.Errorf("the second code still works after a third was issued")
	}
}

func TestMergedAwayParticipantComesBackAsTheKeptOne(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("bram"))
	mustAppend(t, s, ws.ID, joining("bram-again"))
	kept, _ := s.ResumeCode(ws.ID, "bram")
	second, _ := s.ResumeCode(ws.ID, "bram-again")
	mustAppend(t, s, ws.ID, adding("bram-again", "c1", "The bus stops at six."))
	first := mustAppend(t, s, ws.ID, merging("bram-again", "bram"))
	if again := mustAppend(t, s, ws.ID, merging("bram-again", "bram")); again.Seq != first.Seq {
		t.Errorf("a repeated merge was recorded again as event %d", again.Seq)
	}

	check := func(when string) {
		t.Helper()
		for _, code := range []string{kept, second} {
			if got, ok := s.Resume(ws.ID, code); !ok || got != "bram" {
				t.Errorf("%s: Resume(%s) = %q, %v; want the kept participant", when, code, got, ok)
			}
		}
		if got, _ := s.ResumeCode(ws.ID, "bram-again"); got != kept {
			t.Errorf("%s: the merged-away participant's code is %q, want the kept one's %q", when, got, kept)
		}
		_, err := s.Append(testContext(t), ws.ID, adding("bram-again", "c2", "More words."))
		if !errors.Is(err, inquiry.ErrNotAllowed) {
			t.Errorf("%s: the merged-away participant contributed: %v", when, err)
		}
		w, err := s.Workshop(ws.ID)
		if err != nil {
			t.Fatal(err)
		}
		if c, _ := w.Contribution("c1"); c.Participant != "bram" || w.Summary().Participants != 1 {
			t.Errorf("%s: c1 is %s's, and the workshop counts %d people", when, c.Participant, w.Summary().Participants)
		}
		if sums := s.Workshops(); sums[0].Participants != 1 {
			t.Errorf("%s: the list of workshops counts %d people", when, sums[0].Participants)
		}
	}
	check("at once")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir)
	check("after reopening")
}

// Erasing the participant a merge kept erases what the one merged into
// them wrote, their name, their draft, and every snapshot that held them:
// the shared fold, which screens keep up to date as events arrive, saw
// the words before the erasure, and the snapshot taken of it after the
// erasure holds none of them.
func TestErasingTheKeptParticipantErasesWhatTheMergedAwayWrote(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	// As screens do: read the shared fold after each event, so it folds
	// the words as they were written.
	appendRead := func(e inquiry.Event) {
		t.Helper()
		mustAppend(t, s, ws.ID, e)
		if err := s.Read(ws.ID, func(*inquiry.Workshop) {}); err != nil {
			t.Fatal(err)
		}
	}
	appendRead(joining("bram"))
	again := joining("bram-again")
	again.Participant.Name.Text = annName
	appendRead(again)
	appendRead(adding("bram-again", "c1", annFirst))
	if err := s.SaveDraft(ws.ID, "bram-again", Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{barriersPrompt: annEdited}}); err != nil {
		t.Fatal(err)
	}
	appendRead(merging("bram-again", "bram"))
	appendRead(erasing("bram"))

	log := eventsText(t, s.Events(ws.ID, 0))
	for _, words := range []string{annFirst[:40], annName, annEdited} {
		if strings.Contains(log, words) {
			t.Errorf("the log still holds %q after the kept participant was erased", words)
		}
	}
	if _, ok := s.Draft(ws.ID, "bram"); ok {
		t.Errorf("the erased participant still has the draft the merge gave them")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, words := range []string{annFirst[:40], annName, annEdited} {
		if files := filesHolding(t, dir, words); len(files) > 0 {
			t.Errorf("%q can still be read from %v", words, files)
		}
	}
	var out bytes.Buffer
	s = openStore(t, dir, func(o *Options) { o.Logger = charmlog.New(&out) })
	checkLog(t, s, ws.ID, 6)
	if b := snapshotBase(s, ws.ID); b != 6 {
		t.Errorf("the start folded from event %d, want 7: a snapshot after the erasure", b+1)
	}
	if got, want := sharedState(t, s, ws.ID), replayOf(t, s, ws.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("the state restored after the erasure differs from a replay of the rewritten log")
	}
	checkedWithin(t, s)
	if strings.Contains(out.String(), "differs from its log") {
		t.Errorf("the background check found the snapshot taken after the erasure differs from the rewritten log:\n%s", out.String())
	}
}
