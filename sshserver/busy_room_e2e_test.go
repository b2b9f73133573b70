package sshserver

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// TestFacilitatorActsOnWhatIsOnTheScreenInABusyRoom is issue 11's busy
// room, over real SSH: sixty participants without keys, each at a
// terminal, write throughout; the facilitator opens the newest
// contribution, waits while a hundred more arrive (the feed counts them),
// then hides it with a reason and highlights it while still more arrive.
// The export must show that exactly the contribution on the facilitator's
// screen was hidden and highlighted, and the marker must have counted the
// arrivals exactly.
func TestFacilitatorActsOnWhatIsOnTheScreenInABusyRoom(t *testing.T) {
	const people, before, during = 60, 40, 100
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	if r := run(t, srv.addr, "alice", "workshop new --title Busy --code busy-room", withKeys(alice)); r.status != 0 {
		t.Fatalf("workshop new: %+v", r)
	}
	ws, ok := srv.store.ByCode("busy-room")
	if !ok {
		t.Fatal("the workshop is not there")
	}
	fac := openTerminal(t, srv.addr, "busy-room", 100, 30, withKeys(alice))
	fac.waitFor("Busy", "Waiting for the first contribution")

	room := make([]*terminal, people)
	for i := range room {
		room[i] = openTerminal(t, srv.addr, "busy-room", 80, 24, keyless())
	}
	for i, p := range room {
		p.waitFor("Your name or pseudonym")
		p.typeText(fmt.Sprintf("Person %02d", i) + keyEnter + keyTab + " " + keyEnter)
	}
	for i, p := range room {
		p.waitFor(fmt.Sprintf("Welcome, Person %02d", i))
	}
	fac.waitFor(fmt.Sprintf("%d participants joined", people))

	// Contributions arrive from everyone in turn, each with its own words,
	// each person writing their next once their screen has saved the last
	// (as a person reads "Saved ✓" before going on).
	var mu sync.Mutex
	typed := 0
	last := make([]string, people)
	arrive := func() error {
		mu.Lock()
		defer mu.Unlock()
		n := typed
		typed++
		p := n % people
		if last[p] != "" {
			if err := room[p].screen.WaitFor(testDeadline, "latest: Story “"+last[p]); err != nil {
				return err
			}
		}
		last[p] = fmt.Sprintf("Arrival %04d from Person %02d", n, p)
		_, err := room[p].stdin.Write([]byte(last[p] + keyEnter))
		return err
	}
	saved := func(n int) {
		t.Helper()
		deadline := time.Now().Add(testDeadline)
		for {
			w, err := srv.store.Workshop(ws.ID)
			if err == nil && len(w.Contributions) == n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("waited %s for %d contributions in the store; it has %d. Person 05's screen:\n%s", testDeadline, n, len(w.Contributions), room[5].screen.Text())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	for range before {
		if err := arrive(); err != nil {
			t.Fatal(err)
		}
	}
	saved(before)
	fac.waitFor(fmt.Sprintf("%d contributions", before))

	// The facilitator opens the newest; what the details show is what they
	// will act on.
	fac.typeText(keyEnter)
	fac.waitFor("▸ Story by Person")
	picked := onDetails(t, fac)
	pickedID := contributionWith(t, srv, ws.ID, picked)

	for range during {
		if err := arrive(); err != nil {
			t.Fatal(err)
		}
	}
	saved(before + during)
	fac.waitFor(fmt.Sprintf("↑ %d new · home to follow", during), fmt.Sprintf("%d contributions", before+during))
	if got := onDetails(t, fac); got != picked {
		t.Fatalf("after %d arrivals the details show %q, want %q, the one opened", during, got, picked)
	}

	// More arrive while the facilitator hides it and highlights it: while
	// the reason is typed, and between the hide and the highlight, each
	// batch on the facilitator's screen before the next key.
	total := before + during
	more := func(n int) {
		t.Helper()
		for range n {
			if err := arrive(); err != nil {
				t.Fatal(err)
			}
		}
		total += n
		saved(total)
		fac.waitFor(fmt.Sprintf("↑ %d new · home to follow", total-before))
	}
	fac.typeText("h")
	fac.waitFor("Why hide it?")
	more(10)
	fac.typeText("it names a ")
	more(10)
	fac.typeText("member of staff" + keyEnter)
	fac.waitFor("Hidden from the room and the report")
	more(10)
	fac.typeText("*")
	fac.waitFor("✓ Highlighted ★")
	fac.waitFor(fmt.Sprintf("↑ %d new · home to follow", total-before))
	if got := onDetails(t, fac); got != picked {
		t.Fatalf("after curating the details show %q, want %q", got, picked)
	}

	r := run(t, srv.addr, "alice", "export busy-room --format json", withKeys(alice))
	if r.status != 0 {
		t.Fatalf("export: %+v", r)
	}
	var export struct {
		Events []struct {
			Type     string `json:"type"`
			Target   string `json:"target"`
			Curation *struct {
				Reason    string `json:"reason"`
				Highlight bool   `json:"highlight"`
			} `json:"curation"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &export); err != nil {
		t.Fatalf("export: %v", err)
	}
	hidden, highlighted := 0, 0
	for _, e := range export.Events {
		switch e.Type {
		case string(inquiry.ContributionHidden):
			hidden++
			if e.Target != pickedID || e.Curation == nil || e.Curation.Reason != "it names a member of staff" {
				t.Errorf("hid %s (%+v), want %s, %q, for the reason typed", e.Target, e.Curation, pickedID, picked)
			}
		case string(inquiry.ContributionHighlighted):
			highlighted++
			if e.Target != pickedID || e.Curation == nil || !e.Curation.Highlight {
				t.Errorf("highlighted %s, want %s, %q", e.Target, pickedID, picked)
			}
		}
	}
	if hidden != 1 || highlighted != 1 {
		t.Errorf("%d hidden and %d highlighted, want the one on the screen, once each", hidden, highlighted)
	}
	t.Logf("%d people; %d contributions before the facilitator opened one, %d while they waited, %d while they hid and highlighted it",
		people, before, during, total-before-during)
}

// detailsWords finds the words of the contribution in the details pane,
// right of the divider (the feed quotes its words; the details do not).
var detailsWords = regexp.MustCompile(`│   (Arrival \d{4} from Person \d{2})`)

// onDetails is the contribution the facilitator's details pane shows.
func onDetails(t *testing.T, fac *terminal) string {
	t.Helper()
	m := detailsWords.FindStringSubmatch(fac.screen.Text())
	if m == nil {
		t.Fatalf("no contribution in the details pane:\n%s", fac.screen.Text())
	}
	return m[1]
}

// contributionWith is the ID of the contribution with these words.
func contributionWith(t *testing.T, srv *testServer, ws, words string) string {
	t.Helper()
	w, err := srv.store.Workshop(ws)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range w.Contributions {
		if c.Text == words {
			return c.ID
		}
	}
	t.Fatalf("no contribution says %q", words)
	return ""
}
