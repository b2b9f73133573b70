package participant

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The screen's reads of others' words are counted (othersReads), not
// timed: a participant in a busy workshop must read nothing of others'
// words when something happens at another prompt, and at their own prompt
// only the count, and the page of the list if it is open.

// busyRoom is a room of 60 with 2,000 contributions, 182 of them at the
// guide's first prompt (every eleventh), and a participant's screen joined
// there, drawn once.
func busyRoom(t *testing.T) (*tuitest.MemRoom, *Screen) {
	t.Helper()
	room := tuitest.NewMemRoom(t, 60, 2000, inquiry.SelfPaced)
	m := joined(t, room)
	m.View()
	if m.others.count != 182 {
		t.Fatalf("the screen counts %d others' contributions at the first prompt, want 182", m.others.count)
	}
	return room, m
}

// elsewhere is someone else's contribution, at a prompt other than the
// guide's first, numbered past those the room was made with.
func elsewhere(room *tuitest.MemRoom, n int) inquiry.Event {
	return room.ContributionEvent(1, 11*(300+n)+1)
}

// atTheirPrompt is someone else's contribution at the guide's first prompt.
func atTheirPrompt(room *tuitest.MemRoom, n int) inquiry.Event {
	return room.ContributionEvent(2, 11*(400+n))
}

func TestAContributionAtAnotherPromptReadsNothingOfOthers(t *testing.T) {
	room, m := busyRoom(t)
	before := m.others.reads
	for n := range 5 {
		e := room.Record(t, elsewhere(room, n))
		m.Update(tui.BellMsg{})
		m.View()
		// Acted on by ID: only the shared fold knows where it is.
		room.Record(t, inquiry.Event{Type: inquiry.ContributionHighlighted, Target: e.Contribution.ID,
			Curation: &inquiry.Curation{Highlight: true}})
		m.Update(tui.BellMsg{})
		m.View()
	}
	if got := m.others.reads; got != before {
		t.Fatalf("five contributions at another prompt, each highlighted, read others' words again: %+v, then %+v", before, got)
	}
	if !strings.Contains(m.View().Content, "Others here: 182") {
		t.Fatal("the count at the person's prompt is gone")
	}

	keys(m, "ctrl+r") // the list open
	if m.stage != stageOthers {
		t.Fatalf("ctrl+r did not open the list: %q", m.notice.Text)
	}
	before = m.others.reads
	room.Record(t, elsewhere(room, 10))
	m.Update(tui.BellMsg{})
	m.View()
	if got := m.others.reads; got != before {
		t.Fatalf("a contribution at another prompt rebuilt the open list: %+v, then %+v", before, got)
	}
}

func TestAContributionAtTheirPromptReadsAtMostTheOpenPage(t *testing.T) {
	room, m := busyRoom(t)
	before := m.others.reads
	room.Record(t, atTheirPrompt(room, 0))
	m.Update(tui.BellMsg{})
	view := m.View().Content
	if got := m.others.reads; got.pages != before.pages || got.counts != before.counts+1 {
		t.Fatalf("someone else's contribution at the prompt, the list closed: reads %+v, then %+v; want one count and no page", before, got)
	}
	if !strings.Contains(view, "Others here: 183") {
		t.Fatalf("the screen does not count the new one:\n%s", view)
	}
	if m.others.items != nil {
		t.Fatalf("the screen keeps %d items with the list closed", len(m.others.items))
	}

	keys(m, "ctrl+r", "down", "down")
	picked := m.others.items[m.others.cursor].id
	before = m.others.reads
	room.Record(t, atTheirPrompt(room, 1))
	m.Update(tui.BellMsg{})
	view = m.View().Content
	got := m.others.reads
	if got.pages != before.pages+1 || got.items-before.items > othersPageSize {
		t.Fatalf("someone else's contribution at the prompt, the list open: reads %+v, then %+v; want one page of at most %d", before, got, othersPageSize)
	}
	if !strings.Contains(view, "184") {
		t.Fatalf("the list's count is not 184:\n%s", view)
	}
	if m.others.items[0].id != "c-"+zeroPad(11*401) {
		t.Fatalf("the newest on the list is %s, not the one just added", m.others.items[0].id)
	}
	if m.others.items[m.others.cursor].id != picked {
		t.Fatalf("the item picked moved from %s to %s as another arrived", picked, m.others.items[m.others.cursor].id)
	}
}

func TestTheListOfOthersPagesThroughEveryContribution(t *testing.T) {
	room, m := busyRoom(t)
	keys(m, "ctrl+r")
	seen := map[string]bool{}
	for range 300 {
		seen[m.others.items[m.others.cursor].id] = true
		keys(m, "down")
	}
	if len(seen) != 182 {
		t.Fatalf("going down the list reached %d contributions, want all 182", len(seen))
	}
	for id := range seen {
		if c, ok := room.Workshop().Contribution(id); !ok || c.Prompt != room.Workshop().Guide.Ref(0, 0) {
			t.Fatalf("the list shows %s, not at the first prompt", id)
		}
	}
	if m.others.offset == 0 || len(m.others.items) > othersPageSize {
		t.Fatalf("at the end the page starts at %d and holds %d", m.others.offset, len(m.others.items))
	}
	for range 300 {
		keys(m, "up")
	}
	if m.others.offset != 0 || m.others.cursor != 0 {
		t.Fatalf("going back up ends at offset %d, cursor %d; want the first of the first page", m.others.offset, m.others.cursor)
	}
	keys(m, "esc")
	if m.stage != stageGuide || m.others.items != nil {
		t.Fatalf("esc left the stage %v with %d items kept", m.stage, len(m.others.items))
	}
}

func zeroPad(n int) string {
	s := strconv.Itoa(n)
	return strings.Repeat("0", 6-len(s)) + s
}

// TestOpeningReadsNoEventsBeforeTheSharedFold opens a big workshop three
// ways, joining, with a returning key and with a resume code, and checks
// that no screen reads the log from its start (the store keeps only a
// tail of it decoded), and that the returning person finds what they wrote.
func TestOpeningReadsNoEventsBeforeTheSharedFold(t *testing.T) {
	room := &tuitest.EventReads{MemRoom: tuitest.NewMemRoom(t, 60, 2000, inquiry.SelfPaced)}
	keyed := room.Record(t, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-keyed"},
		Participant: &inquiry.ParticipantDetails{ID: "p-keyed", Name: inquiry.Words{Text: "Kay"}, Identity: "key-of-kay", ConsentAt: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}})
	e := room.ContributionEvent(0, 11*500)
	e.Actor.ID, e.Contribution.Participant = "p-keyed", "p-keyed"
	room.Record(t, e)
	opened := uint64(room.Shown())

	session := func() tui.Session {
		return tui.Session{ID: "p-open", Room: room, Code: room.Workshop().Code, Width: 80, Height: 24}
	}
	newcomer := openedNow(t, session())
	keys(newcomer, "A", "n", "n", "enter", "tab", "space", "enter")
	if newcomer.stage != stageGuide {
		t.Fatalf("the newcomer did not reach the guide: %q", newcomer.notice.Text)
	}

	s := session()
	s.IdentityFor = func(string) string { return "key-of-kay" }
	back := openedNow(t, s)
	if back.stage != stageGuide || back.view.me != keyed.Participant.ID {
		t.Fatalf("the returning key is at stage %v as %q: %q", back.stage, back.view.me, back.notice.Text)
	}
	if view := back.View().Content; !strings.Contains(view, "Yours: 1 here, 1 in all") {
		t.Fatalf("the returning person does not see what they wrote:\n%s", view)
	}

	resumed := openedNow(t, session())
	keys(resumed, "ctrl+r")
	code, err := room.ResumeCode(room.Workshop().ID, "p-0003")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range code {
		keys(resumed, string(r))
	}
	keys(resumed, "enter")
	if resumed.stage != stageGuide || resumed.view.me != "p-0003" || len(resumed.view.mine) == 0 {
		t.Fatalf("the resume code led to stage %v as %q with %d of their own: %q", resumed.stage, resumed.view.me, len(resumed.view.mine), resumed.notice.Text)
	}

	for _, after := range room.After {
		if after < opened {
			t.Fatalf("a screen read the log from event %d; the shared fold was at %d when they opened (reads from: %v)", after, opened, room.After)
		}
	}
}

// openedNow is opened, with the lookups a program would run in the
// background run as they come (see runQuick).
func openedNow(t *testing.T, s tui.Session) *Screen {
	t.Helper()
	m := New(s).(*Screen)
	runQuick(m, m.Init())
	return m
}
