package facilitator

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestPickedContributionStaysPickedWhileOthersArrive: the details pane
// shows the contribution the facilitator opened until they move, however
// many arrive meanwhile, the feed counts the arrivals, and the hide and
// highlight keys act on the one on the screen, even when more arrive while
// the reason is typed.
func TestPickedContributionStaysPickedWhileOthersArrive(t *testing.T) {
	store, sum := datatest.Workshop(t)
	// Ten people, so that nobody writes faster than a participant may.
	var people []string
	for i := range 10 {
		people = append(people, tuitest.Join(t, store, sum.ID, fmt.Sprintf("P%d", i)))
	}
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	arrive := func(from, to int) {
		t.Helper()
		for i := from; i < to; i++ {
			tuitest.Contribute(t, store, sum.ID, people[i%10], fmt.Sprintf("c%03d", i), design, inquiry.Opportunity, fmt.Sprintf("Arrival number %03d", i))
		}
	}
	arrive(0, 3)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 100, 30)
	fac.See("Arrival number 002")
	fac.Key("enter")
	fac.See("▸ Opportunity by P2", "Arrival number 002")

	arrive(3, 40)
	fac.See("↑ 37 new · home to follow")
	if got := detailsShown(fac); got != "Arrival number 002" {
		t.Fatalf("the details show %q after 37 arrivals, want the one opened:\n%s", got, fac.Screen.Text())
	}

	fac.Key("h")
	fac.See("Why hide it?")
	fac.Type("names a member")
	arrive(40, 45) // more arrive while the reason is typed
	fac.See("↑ 42 new")
	fac.Type(" of staff")
	fac.Key("enter")
	if e := curated(t, store, sum.ID, inquiry.ContributionHidden, "c002"); e.Curation.Reason != "names a member of staff" {
		t.Fatalf("hidden for %q", e.Curation.Reason)
	}
	fac.Key("*")
	curated(t, store, sum.ID, inquiry.ContributionHighlighted, "c002")
	fac.See("▸ Opportunity by P2 ★ hidden")

	fac.Key("esc") // close the details: still picked, still counting
	fac.See("↑ 42 new")
	fac.Key("home")
	fac.See("Live contributions, newest first")
	if fac.Shows("new · home to follow") {
		t.Fatalf("following the newest again still shows the count of new ones:\n%s", fac.Screen.Text())
	}
}

// detailsShown is the words of the contribution the details pane shows,
// right of the divider (the feed quotes its words; the details do not).
func detailsShown(fac *tuitest.Term) string {
	if m := detailWords.FindStringSubmatch(fac.Screen.Text()); m != nil {
		return m[1]
	}
	return ""
}

var detailWords = regexp.MustCompile(`│   (Arrival number \d{3})`)
