package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// Words only Ann wrote, so that finding them anywhere means her words are
// still there.
var (
	annFirst  = "Ann's first words: the harbour trust ran the warm space with the council " + strings.Repeat("and the library ", 100)
	annEdited = "Ann's edited words: the warm space needs a second winter of funding"
	annOwner  = "Ann's owner: Harbour Trust volunteers"
	annName   = "Ann Unique-Surname"
	bobWords  = "Bob's words stay: the food larder works with the health visitors"
)

// withdrawing is ann withdrawing what she contributed.
func withdrawing(participantID string) inquiry.Event {
	return inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: participantID}, Target: participantID}
}

// erasing is a facilitator erasing a participant at their request.
func erasing(participantID string) inquiry.Event {
	return inquiry.Event{Type: inquiry.ParticipantErased, Actor: host, Target: participantID}
}

// annAndBob fills a workshop: Ann joins, adds two contributions (one an
// action with an owner), edits one; Bob joins and adds one.
func annAndBob(t *testing.T, s *Store, workshopID string) {
	t.Helper()
	join := joining("ann")
	join.Participant.Name.Text = annName
	mustAppend(t, s, workshopID, join)
	mustAppend(t, s, workshopID, adding("ann", "a1", annFirst))
	action := adding("ann", "a2", "Ann's action text before the edit")
	action.Contribution.Kind = inquiry.Action
	action.Contribution.Owner = inquiry.Words{Text: annOwner}
	action.Contribution.Due = "2026-12-01"
	mustAppend(t, s, workshopID, action)
	edit := action
	edit.Type = inquiry.ContributionEdited
	d := *action.Contribution
	d.Text = inquiry.Words{Text: annEdited}
	edit.Contribution = &d
	mustAppend(t, s, workshopID, edit)
	mustAppend(t, s, workshopID, joining("bob"))
	mustAppend(t, s, workshopID, adding("bob", "b1", bobWords))
}

// eventsText is every event of a workshop as JSON, as an export would hold it.
func eventsText(t *testing.T, events []inquiry.Event) string {
	t.Helper()
	body, err := json.Marshal(events)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// filesHolding returns the files in dir whose bytes contain needle.
func filesHolding(t *testing.T, dir, needle string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(content, []byte(needle)) {
			found = append(found, filepath.Base(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestWithdrawalErasesTheParticipantsWordsFromMemoryAndFiles(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID)
	if err := s.SaveDraft(ws.ID, "ann", Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: "Ann's unsent draft words"}}); err != nil {
		t.Fatal(err)
	}
	code, err := s.ResumeCode(ws.ID, "ann")
	if err != nil {
		t.Fatal(err)
	}
	before := s.Events(ws.ID, 0)
	heldByAReader := eventsText(t, before)
	// The readers' shared state is built with Ann's words in it.
	if err := s.Read(ws.ID, func(*inquiry.Workshop) {}); err != nil {
		t.Fatal(err)
	}

	w := mustAppend(t, s, ws.ID, withdrawing("ann"))
	if w.Seq != 8 {
		t.Fatalf("the withdrawal is event %d, want 8", w.Seq)
	}

	after := eventsText(t, checkLog(t, s, ws.ID, 8))
	for _, gone := range []string{annFirst, annEdited, annOwner, "Ann's action text before the edit"} {
		if strings.Contains(after, gone) {
			t.Errorf("Events still holds %.40q after the withdrawal", gone)
		}
	}
	for _, kept := range []string{bobWords, annName} {
		if !strings.Contains(after, kept) {
			t.Errorf("Events lost %.40q, which the withdrawal should keep", kept)
		}
	}
	if eventsText(t, before) != heldByAReader {
		t.Errorf("the withdrawal wrote into events a reader already held: published events must be replaced, not changed")
	}
	fold, err := s.Workshop(ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range fold.Contributions {
		if c.Participant == "ann" && c.Text != "" {
			t.Errorf("the replayed workshop still has Ann's words in %s: %q", c.ID, c.Text)
		}
	}
	err = s.Read(ws.ID, func(w *inquiry.Workshop) {
		for _, c := range w.Contributions {
			if c.Participant == "ann" && (c.Text != "" || c.Owner != "") {
				t.Errorf("the shared state still has Ann's words in %s: %q, %q", c.ID, c.Text, c.Owner)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Draft(ws.ID, "ann"); ok {
		t.Errorf("Ann's draft survived her withdrawal")
	}
	if _, ok := s.Resume(ws.ID, code); ok {
		t.Errorf("Ann's resume code still works after her withdrawal")
	}
	if err := s.SaveDraft(ws.ID, "ann", Draft{Prompt: bestPrompt}); err == nil {
		t.Errorf("a draft was saved for a participant who withdrew")
	}
	if n, err := keysWithOldVersions(s.db); err != nil || n != 0 {
		t.Errorf("after the erasure %d keys still have old versions (%v)", n, err)
	}

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{annFirst[:60], annEdited, annOwner, "Ann's unsent draft words", "Ann's action text before the edit"} {
		if files := filesHolding(t, dir, gone); len(files) > 0 {
			t.Errorf("after Close, %v still hold %.40q", files, gone)
		}
	}
	// The scan would find the words if they were there.
	if files := filesHolding(t, dir, bobWords); len(files) == 0 {
		t.Errorf("no file holds Bob's words: the scan of the files proves nothing")
	}

	s = openStore(t, dir)
	reopened := eventsText(t, checkLog(t, s, ws.ID, 8))
	if strings.Contains(reopened, annEdited) || !strings.Contains(reopened, bobWords) {
		t.Errorf("after reopening, the log holds Ann's words or lost Bob's")
	}
}

func TestErasureByAFacilitatorAlsoErasesTheName(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID)
	// A withdrawal first, then the erasure: the second builds on the first.
	mustAppend(t, s, ws.ID, withdrawing("ann"))
	mustAppend(t, s, ws.ID, erasing("ann"))
	text := eventsText(t, checkLog(t, s, ws.ID, 9))
	for _, gone := range []string{annName, annEdited, annOwner} {
		if strings.Contains(text, gone) {
			t.Errorf("Events still holds %.40q after the erasure", gone)
		}
	}
	if !strings.Contains(text, "Name bob") {
		t.Errorf("the erasure took Bob's name too")
	}
	s.Close()
	if files := filesHolding(t, dir, annName); len(files) > 0 {
		t.Errorf("after Close, %v still hold Ann's name", files)
	}
}

func TestRepeatedWithdrawalReturnsTheOriginal(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID)
	first := mustAppend(t, s, ws.ID, withdrawing("ann"))
	again := mustAppend(t, s, ws.ID, withdrawing("ann"))
	if again.Seq != first.Seq || again.Hash != first.Hash {
		t.Errorf("a repeated withdrawal was recorded as event %d, want the original %d", again.Seq, first.Seq)
	}
	checkLog(t, s, ws.ID, 8)
}

// An add and the withdrawal of its author in one batch: the add is written
// already erased.
func TestErasurePlanRewritesEventsOfTheSameBatch(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	committed := mustAppend(t, s, ws.ID, adding("ann", "a1", annEdited))

	c := newCommitter(s)
	fold, err := s.Workshop(ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	var outcomes []outcome
	for _, e := range []inquiry.Event{adding("ann", "a2", "Words in the same batch"), withdrawing("ann")} {
		stamped, value, err := c.stamp(e, fold, time.Now().UTC().Round(0))
		if err != nil {
			t.Fatal(err)
		}
		if err := fold.Apply(stamped); err != nil {
			t.Fatal(err)
		}
		outcomes = append(outcomes, outcome{workshopID: ws.ID, event: stamped, value: value, waits: true})
	}
	plan, err := c.planErasures(outcomes)
	if err != nil || plan == nil {
		t.Fatalf("plan: %v, %v", plan, err)
	}
	if strings.Contains(string(outcomes[0].value), "Words in the same batch") || outcomes[0].event.Contribution.Text.Text != "" {
		t.Errorf("the add in the same batch is still to be written with its words: %s", outcomes[0].value)
	}
	if !outcomes[0].event.Contribution.Text.Erased() {
		t.Errorf("the add in the same batch is not erased but %+v", outcomes[0].event.Contribution.Text)
	}
	rewritten := plan.rewritten[ws.ID][committed.Seq]
	if rewritten.Contribution == nil || !rewritten.Contribution.Text.Erased() {
		t.Errorf("the committed add is not rewritten: %+v", rewritten)
	}
	if s.Events(ws.ID, 0)[committed.Seq-1].Contribution.Text.Text != annEdited {
		t.Errorf("planning changed a published event")
	}
	keys := map[string]bool{}
	for _, e := range plan.entries {
		keys[string(e.key)] = true
	}
	if !keys[string(eventKey(ws.ID, committed.Seq))] || !keys[scrubKey] {
		t.Errorf("the plan writes %v; want the committed event rewritten and the scrub marker", keys)
	}
}

// A crash between an erasure's event and its rewrites (a large erasure is
// split over transactions) or before its scrub: Open finishes the job.
func TestOpenFinishesAnErasureACrashInterrupted(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID)
	if err := s.SaveDraft(ws.ID, "ann", Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: "Ann's unsent draft words"}}); err != nil {
		t.Fatal(err)
	}
	last := s.Events(ws.ID, 0)[6]
	s.Close()

	// The withdrawal lands, as a crash would leave it, alone.
	w := withdrawing("ann")
	w.Seq, w.Prev, w.At = last.Seq+1, last.Hash, last.At.Add(time.Second)
	w.Hash = w.ChainHash()
	value, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	db, err := openBadger(dir, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(txn *badger.Txn) error { return txn.Set(eventKey(ws.ID, w.Seq), value) }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s = openStore(t, dir)
	text := eventsText(t, checkLog(t, s, ws.ID, 8))
	if strings.Contains(text, annEdited) || strings.Contains(text, annOwner) {
		t.Errorf("Open did not finish the erasure: Ann's words are in Events")
	}
	if _, ok := s.Draft(ws.ID, "ann"); ok {
		t.Errorf("Open did not delete the draft of a participant who withdrew")
	}
	s.Close()
	for _, gone := range []string{annEdited, annOwner, "Ann's unsent draft words"} {
		if files := filesHolding(t, dir, gone); len(files) > 0 {
			t.Errorf("after finishing the erasure, %v still hold %.40q", files, gone)
		}
	}
}

// Ann's words already in table files, spread over several level-0 tables
// by enough other words to fill more than one memtable; the rewrite in a
// memtable. The scrub must bring the versions together to drop the old.
func TestErasureScrubsWordsAlreadyInTableFiles(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	annAndBob(t, s, ws.ID)
	// Drafts of 60 KB make the other 9 MB quickly.
	filler := strings.Repeat("Filler words about the community hub and the council. ", 1100)
	for i := range 160 {
		if err := s.SaveDraft(ws.ID, fmt.Sprintf("filler-%03d", i), Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: filler}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.flushDrafts(); err != nil {
		t.Fatal(err)
	}
	// Close and reopen, so that everything is in table files.
	s.Close()
	s = openStore(t, dir)
	if levels := s.db.Levels(); levels[0].NumTables < 2 {
		t.Fatalf("the words are not spread over level-0 tables as this test needs: %s", levelSummary(levels))
	}
	mustAppend(t, s, ws.ID, withdrawing("ann"))
	s.Close()
	for _, gone := range []string{annEdited, annOwner, annFirst[:60]} {
		if files := filesHolding(t, dir, gone); len(files) > 0 {
			t.Errorf("after Close, %v still hold %.40q", files, gone)
		}
	}
}

// levelSummary says how many tables each level of the tree holds.
func levelSummary(levels []badger.LevelInfo) string {
	var parts []string
	for _, l := range levels {
		if l.NumTables > 0 {
			parts = append(parts, fmt.Sprintf("L%d: %d tables", l.Level, l.NumTables))
		}
	}
	return strings.Join(parts, ", ")
}
