package display

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/qr"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

const code = "harbour-4821"

// crowded is a facilitator-led room of 60 with 600 contributions over
// every theme, a theme with a long name, words in a script the large type
// lacks and a contribution at the longest, a prompt open with its clock, a
// closed vote and a revealed prompt: everything a wall can be asked to show.
func crowded(t *testing.T) *tuitest.MemRoom {
	room := tuitest.NewMemRoom(t, 60, 600, inquiry.FacilitatorPaced)
	room.Record(t, inquiry.Event{Type: inquiry.ThemeAdded, Theme: &inquiry.Theme{ID: "long", Label: strings.TrimSpace(strings.Repeat("Community-led regeneration of ", 3))}})
	each := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	e := room.Record(t, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: each}})
	for i, text := range []string{strings.Repeat("共同体の未来 ", 40), strings.Repeat("word ", inquiry.MaxTextRunes/5-1) + "end"} {
		tuitest.Contribute(t, room, room.Workshop().ID, tuitest.ParticipantID(i), fmt.Sprintf("odd-%d", i), each, inquiry.Barrier, text, "long")
	}
	room.Record(t, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal}})
	room.Record(t, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: each, EndsAt: e.At.Add(95 * time.Minute)}})
	vote(t, room, "v-1")
	room.Record(t, inquiry.Event{Type: inquiry.PromptRevealed, Target: string(each)})
	return room
}

// vote opens a vote on opportunities, has 30 participants place dots,
// and closes it.
func vote(t *testing.T, room *tuitest.MemRoom, id string) {
	room.Record(t, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: id, Title: "Which opportunities first?", Dots: 3, Kinds: []inquiry.Kind{inquiry.Opportunity}}})
	v, _ := room.Workshop().Vote(id)
	cands := v.Candidates()
	for p := range 30 {
		who := tuitest.ParticipantID(p)
		room.Record(t, inquiry.Event{Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: who},
			Ballot: &inquiry.Ballot{Vote: id, Participant: who, Dots: map[string]int{cands[p%7].ID: 2, cands[(p*3)%11].ID: 1}}})
	}
	room.Record(t, inquiry.Event{Type: inquiry.VoteClosed, Target: id})
}

// choose records a facilitator's choice of panel.
func choose(t *testing.T, room *tuitest.MemRoom, p inquiry.Panel) {
	room.Record(t, inquiry.Event{Type: inquiry.DisplayPanelChosen, Target: string(p)})
}

// TestEveryPanelFitsEverySize is the wall's part of issue 10's every
// screen at every size: each panel, at each turn of the reveals, at the
// walls it is meant for, at sizes between and at issue 10's, painted on a
// terminal that measures characters itself (checkFits). A window too
// small to lay out in says so, and fits.
func TestEveryPanelFitsEverySize(t *testing.T) {
	room := crowded(t)
	at := room.Workshop().Timebox().EndsAt.Add(-30 * time.Minute)
	all := append([][2]int{{30, 10}, {60, 20}, {100, 30}, {160, 50}}, sizes...)
	for _, s := range tuitest.Sizes { // issue 10's, too
		all = append(all, [2]int{s.W, s.H})
	}
	for _, p := range []inquiry.Panel{inquiry.PanelPrompt, inquiry.PanelTally, inquiry.PanelVotes, inquiry.PanelReveals, inquiry.PanelAuto} {
		choose(t, room, p)
		for _, sz := range all {
			for turn := range revealFew {
				m := wallAt(t, room, code, sz[0], sz[1], at.Add(time.Duration(turn)*revealTurn))
				if m.frame.Small() {
					// Too small to lay out in: it says so, and fits.
					if scr, problem := tuitest.Fits(m.View(), tuitest.Size{W: sz[0], H: sz[1]}); problem != "" || !strings.Contains(scr.Text(), "ctrl+c") {
						t.Fatalf("%dx%d, too small: %s; the terminal shows:\n%s", sz[0], sz[1], problem, scr.Text())
					}
					continue
				}
				checkFits(t, m, sz[0], sz[1], "Anchors and services")
			}
		}
	}
}

func TestTheTallyShowsTheRoomsCountsOnOneScale(t *testing.T) {
	room := crowded(t)
	choose(t, room, inquiry.PanelTally)
	for _, sz := range sizes {
		m := wallAt(t, room, code, sz[0], sz[1], time.Now())
		lines := rows(m)
		checkTally(t, lines, room.Workshop().Tally())
		// One scale: the bar of the row with the most is the longest, and
		// every bar is as long as its share of it.
		var longest, peak int
		tally := room.Workshop().Tally()
		peak = tally.Max(inquiry.Opportunity, inquiry.Barrier)
		shown := tallyOnScreen(lines)
		bars := map[string]int{}
		for _, l := range lines {
			n := strings.Count(l, "█") + strings.Count(l, "▒")
			for label := range shown {
				if strings.HasPrefix(strings.TrimSpace(l), label) {
					bars[label] = n
					longest = max(longest, n)
				}
			}
		}
		for label, n := range bars {
			c := shown[label]
			want := float64(c[0]+c[1]) * float64(longest) / float64(peak)
			if float64(n) < want-1.5 || float64(n) > want+1.5 {
				t.Errorf("%dx%d: %q (%d + %d) has a bar of %d; on the scale where %d is %d it would be %.1f", sz[0], sz[1], label, c[0], c[1], n, peak, longest, want)
			}
		}
		if len(shown) < len(tally.Rows()) && !shows(m, fmt.Sprintf("and %d more themes", len(tally.Rows())-len(shown))) {
			t.Errorf("%dx%d: %d of %d themes shown, without saying how many more:\n%s", sz[0], sz[1], len(shown), len(tally.Rows()), strings.Join(lines, "\n"))
		}
	}
}

func TestTheClockCountsDownTheRoomsTimebox(t *testing.T) {
	room := tuitest.NewMemRoom(t, 4, 10, inquiry.FacilitatorPaced)
	ref := tuitest.PromptAt(t, 2, 1)
	opened := room.Record(t, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: ref}})
	ends := opened.At.Add(8 * time.Minute)
	room.Record(t, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: ref, EndsAt: ends}})
	for _, sz := range sizes {
		for _, c := range []struct {
			at   time.Time
			want string
		}{
			{ends.Add(-8 * time.Minute), "8:00"},
			{ends.Add(-7*time.Minute - 59*time.Second - 300*time.Millisecond), "8:00"}, // rounded up
			{ends.Add(-5*time.Minute - 7*time.Second), "5:07"},
			{ends.Add(-time.Second), "0:01"},
		} {
			m := wallAt(t, room, code, sz[0], sz[1], c.at)
			if !showsClock(m, c.want) || !shows(m, "time left") {
				t.Errorf("%dx%d, %s before the end: the clock does not show %s:\n%s", sz[0], sz[1], ends.Sub(c.at), c.want, strings.Join(rows(m), "\n"))
			}
		}
		m := wallAt(t, room, code, sz[0], sz[1], ends.Add(time.Second))
		if !showsClock(m, "0:00") || !shows(m, "Time is up") {
			t.Errorf("%dx%d after the end: no 0:00 and \"Time is up\":\n%s", sz[0], sz[1], strings.Join(rows(m), "\n"))
		}
	}
	// Paused, the clock stays at the time left however long it waits.
	room.Record(t, inquiry.Event{Type: inquiry.TimeboxPaused, Pace: &inquiry.Pace{Prompt: ref}})
	left := room.Workshop().Timebox().Remaining(time.Now())
	for _, later := range []time.Duration{0, time.Hour} {
		m := wallAt(t, room, code, 120, 40, time.Now().Add(later))
		if want := clockText(left); !showsClock(m, want) || !shows(m, "paused") {
			t.Errorf("paused with %s left, %s later: the clock does not show %s, paused:\n%s", left, later, want, strings.Join(rows(m), "\n"))
		}
	}
}

// showsClock reports whether the frame has the clock showing text.
func showsClock(m *Screen, text string) bool { return clockOn(rows(m), text) }

// clockOn reports whether screen rows show the clock's text, at any scale.
func clockOn(screen []string, text string) bool {
	for s := 2; s <= largestClock; s++ {
		block := clockAt(text, s)
		for y := range screen {
			if blockAt(screen, block, y) {
				return true
			}
		}
	}
	return false
}

// blockAt reports whether the rows from y on hold block, its lines one
// under the other starting in the same column.
func blockAt(screen, block []string, y int) bool {
	if y+len(block) > len(screen) {
		return false
	}
	x := strings.Index(screen[y], block[0])
	if x < 0 {
		return false
	}
	col := len([]rune(screen[y][:x]))
	for k, l := range block {
		row, want := []rune(screen[y+k]), []rune(strings.TrimRight(l, " "))
		if col+len(want) > len(row) || string(row[col:col+len(want)]) != string(want) {
			return false
		}
	}
	return true
}

func TestRevealsShowAFewOneAtATimeWithoutNamesInAnAnonymousWorkshop(t *testing.T) {
	room := tuitest.NewMemRoom(t, 6, 0, inquiry.FacilitatorPaced)
	ws := room.Workshop().ID
	ref := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	room.Record(t, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal, Anonymous: true}})
	room.Record(t, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: ref}})
	// Long enough that an 80x24 wall shows them in its own type, where
	// the test can read them.
	long := ", and the words go on for a while so that they take more than a line or two of the screen"
	says := map[string]string{
		"c-a": "Share the hall with the health centre" + long,
		"c-b": "Funding comes in one-year grants" + long,
		"c-c": "Open the library on Sundays" + long,
		"c-d": "Hidden words about a neighbour" + long,
		"c-e": "Deleted words, taken back" + long,
		"c-f": "Withdrawn words of a participant who left" + long,
	}
	for i, id := range []string{"c-a", "c-b", "c-c", "c-d", "c-e", "c-f"} {
		tuitest.Contribute(t, room, ws, tuitest.ParticipantID(i), id, ref, inquiry.Opportunity, says[id])
	}
	room.Record(t, inquiry.Event{Type: inquiry.ContributionHighlighted, Target: "c-c", Curation: &inquiry.Curation{Highlight: true}})
	room.Record(t, inquiry.Event{Type: inquiry.ContributionHidden, Target: "c-d", Curation: &inquiry.Curation{Reason: "Names a neighbour."}})
	room.Record(t, inquiry.Event{Type: inquiry.ContributionDeleted, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: tuitest.ParticipantID(4)}, Target: "c-e"})
	room.Record(t, inquiry.Event{Type: inquiry.ParticipantWithdrawn, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: tuitest.ParticipantID(5)}, Target: tuitest.ParticipantID(5)})

	choose(t, room, inquiry.PanelReveals)
	m := wallAt(t, room, code, 120, 40, time.Now())
	if !shows(m, "Nothing has been revealed yet") {
		t.Fatalf("the reveals panel before a reveal:\n%s", strings.Join(rows(m), "\n"))
	}
	choose(t, room, inquiry.PanelAuto)
	revealed := room.Record(t, inquiry.Event{Type: inquiry.PromptRevealed, Target: string(ref)})
	seen := map[string]bool{}
	for _, sz := range sizes {
		for turn := range 4 {
			m := wallAt(t, room, code, sz[0], sz[1], revealed.At.Add(time.Duration(turn)*revealTurn+time.Second))
			screen := strings.Join(rows(m), "\n")
			if strings.Contains(screen, "Person ") {
				t.Fatalf("%dx%d: a name on the wall of an anonymous workshop:\n%s", sz[0], sz[1], screen)
			}
			for _, id := range []string{"c-d", "c-e", "c-f"} {
				if strings.Contains(screen, says[id][:20]) {
					t.Fatalf("%dx%d: %s, which participants cannot see, is on the wall:\n%s", sz[0], sz[1], id, screen)
				}
			}
			for _, id := range []string{"c-a", "c-b", "c-c"} {
				if strings.Contains(screen, says[id][:20]) {
					seen[id] = true
				}
			}
			if turn == 0 && sz[0] == 80 && !strings.Contains(screen, says["c-c"][:20]) {
				t.Errorf("the highlighted contribution is not shown first:\n%s", screen)
			}
			if !strings.Contains(screen, fmt.Sprintf("%d of 3", turn%3+1)) {
				t.Errorf("%dx%d, turn %d: no \"%d of 3\":\n%s", sz[0], sz[1], turn, turn%3+1, screen)
			}
		}
	}
	if len(seen) != 3 {
		t.Errorf("over the turns the wall showed %v, want all three that participants see", seen)
	}

	// Named, the wall says whose words they are.
	room.Record(t, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal}})
	m = wallAt(t, room, code, 80, 24, revealed.At.Add(time.Second))
	if !shows(m, "Opportunity · Person 2") {
		t.Errorf("in a named workshop the revealed contribution is not named:\n%s", strings.Join(rows(m), "\n"))
	}
}

func TestVoteResultsShowTheRanksEveryScreenShows(t *testing.T) {
	room := tuitest.NewMemRoom(t, 60, 200, inquiry.FacilitatorPaced)
	choose(t, room, inquiry.PanelVotes)
	m := wallAt(t, room, code, 80, 24, time.Now())
	if !shows(m, "No vote has closed yet") {
		t.Fatalf("the votes panel before any vote:\n%s", strings.Join(rows(m), "\n"))
	}
	vote(t, room, "v-1")
	v, _ := room.Workshop().Vote("v-1")
	results := v.Results()
	for _, sz := range sizes {
		lines := rows(wallAt(t, room, code, sz[0], sz[1], time.Now()))
		var got []string
		for _, l := range lines {
			var rank, dots int
			if _, err := fmt.Sscanf(strings.TrimSpace(l), "%d. %d dots", &rank, &dots); err == nil {
				got = append(got, fmt.Sprintf("%d.%d", rank, dots))
			}
		}
		if len(got) == 0 {
			t.Fatalf("%dx%d: no results on the wall:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
		for i, g := range got {
			if want := fmt.Sprintf("%d.%d", results[i].Rank, results[i].Dots); g != want {
				t.Errorf("%dx%d: result %d shows rank.dots %s, the vote gives %s", sz[0], sz[1], i+1, g, want)
			}
		}
		if !strings.Contains(strings.Join(lines, "\n"), "Vote results: Which opportunities first?") || !strings.Contains(strings.Join(lines, "\n"), "30 people voted") {
			t.Errorf("%dx%d: no title or turnout:\n%s", sz[0], sz[1], strings.Join(lines, "\n"))
		}
	}
}

func TestASelfPacedWallSaysSoAndShowsThePhases(t *testing.T) {
	room := tuitest.NewMemRoom(t, 8, 20, inquiry.SelfPaced)
	for _, sz := range sizes {
		m := wallAt(t, room, code, sz[0], sz[1], time.Now())
		checkFits(t, m, sz[0], sz[1], "Anchors and services")
		if !shows(m, "Self-paced: everyone moves through the guide at their own pace.") || !shows(m, "2 here now") {
			t.Errorf("%dx%d: the self-paced wall:\n%s", sz[0], sz[1], strings.Join(rows(m), "\n"))
		}
		for _, ph := range room.Workshop().Guide.Phases {
			if !shows(m, ph.Summary[:20]) {
				t.Errorf("%dx%d: the phase %s is not shown:\n%s", sz[0], sz[1], ph.Title, strings.Join(rows(m), "\n"))
			}
		}
	}
}

func TestTheQRCodeIsTheWorkshopsSSHAddress(t *testing.T) {
	room := tuitest.NewMemRoom(t, 2, 2, inquiry.SelfPaced)
	c, err := qr.Encode("ssh://harbour-4821@192.168.1.20:23234")
	if err != nil {
		t.Fatal(err)
	}
	want := c.HalfBlocks(true)
	for _, sz := range sizes {
		m := wallAt(t, room, code, sz[0], sz[1], time.Now())
		screen := strings.Join(rows(m), "\n")
		if !shows(m, "Join: ssh -p 23234 harbour-4821@192.168.1.20") {
			t.Errorf("%dx%d: no join line:\n%s", sz[0], sz[1], screen)
		}
		found := 0
		for _, l := range want {
			if strings.Contains(screen, l) {
				found++
			}
		}
		switch {
		case sz[0] == 80 && found > 0:
			t.Errorf("80x24: a QR code where it does not fit:\n%s", screen)
		case sz[0] > 80 && found != len(want):
			t.Errorf("%dx%d: %d of the QR code's %d lines on the wall:\n%s", sz[0], sz[1], found, len(want), screen)
		}
	}
	if addr := (Join{Host: "fe80::1", Port: "23234"}).Address("harbour-4821"); addr != "ssh://harbour-4821@[fe80::1]:23234" {
		t.Errorf("an IPv6 address: %s", addr)
	}
}

func TestTheWallFollowsTheFacilitatorsChoiceOfPanel(t *testing.T) {
	room := crowded(t)
	at := room.Workshop().Timebox().EndsAt.Add(-30 * time.Minute)
	m := wallAt(t, room, code, 120, 40, at)
	if !shows(m, "Revealed: ") {
		t.Fatalf("on auto after a reveal:\n%s", strings.Join(rows(m), "\n"))
	}
	for _, c := range []struct {
		panel inquiry.Panel
		shows string
	}{
		{inquiry.PanelPrompt, "time left"},
		{inquiry.PanelTally, "Opportunities and barriers by theme"},
		{inquiry.PanelVotes, "Vote results: "},
		{inquiry.PanelReveals, "Revealed: "},
	} {
		choose(t, room, c.panel)
		m.Update(tui.BellMsg{})
		m.Update(tickMsg{at: at})
		if !shows(m, c.shows) {
			t.Errorf("with %s chosen the wall shows:\n%s", c.panel, strings.Join(rows(m), "\n"))
		}
	}
	// The prompt panel alone has no tally; on auto the tally is under it.
	choose(t, room, inquiry.PanelPrompt)
	m.Update(tui.BellMsg{})
	m.Update(tickMsg{at: at})
	if shows(m, "Opportunities and barriers by theme") {
		t.Errorf("the prompt panel shows the tally:\n%s", strings.Join(rows(m), "\n"))
	}
	room.Record(t, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 3, 0)}})
	choose(t, room, inquiry.PanelAuto)
	m.Update(tui.BellMsg{})
	m.Update(tickMsg{at: at})
	if !shows(m, "Deliver 1 · 9 of 11") || !shows(m, "Opportunities and barriers by theme") {
		t.Errorf("on auto after a prompt opened:\n%s", strings.Join(rows(m), "\n"))
	}
}
