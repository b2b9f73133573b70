package participant

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The second test family of issue 10: every participant screen, at each
// stage, at every size, with the most a room can put on it. Each is
// painted as the server paints it on a virtual terminal that knows how
// wide characters are, and judged there.

// Extreme content: the longest name a person may give, names in emoji
// and in right-to-left scripts, and a contribution of 2,000 characters.
var (
	longName  = strings.Repeat("Wilhelmina ", 4)[:inquiry.MaxNameRunes]
	emojiName = "👩🏽‍🌾 Ffion 🌾🇬🇧"
	rtlName   = "مريم الحسيني"
	longText  = longContribution()
)

func longContribution() string {
	var b strings.Builder
	for i := 0; b.Len() < 1990; i++ {
		fmt.Fprintf(&b, "Sentence %d of a very long story about the lunch club and the health centre. ", i)
	}
	return strings.TrimSpace(b.String()[:1990]) + " The end."
}

// extremeRoom is a room of 60 people and 500 contributions, among them
// the extreme names and a 2,000-character opportunity and story at the
// guide's first prompt, and a vote open on opportunities.
func extremeRoom(t testing.TB, pacing inquiry.Pacing) *tuitest.MemRoom {
	room := tuitest.NewMemRoom(t, 60, 500, pacing)
	first := room.Workshop().Guide.Ref(0, 0)
	for i, name := range []string{longName, emojiName, rtlName} {
		id := fmt.Sprintf("p-x%d", i)
		room.Record(t, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
			Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: name}, Organisation: inquiry.OrganisationTypes[0], ConsentAt: time.Now()}})
		text := longText
		if i > 0 {
			text = rtlName + " — " + longText[:1900]
		}
		room.Record(t, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
			Contribution: &inquiry.ContributionDetails{ID: fmt.Sprintf("c-x%d", i), Participant: id, Prompt: first,
				Kind: inquiry.Story, Text: inquiry.Words{Text: text}}})
	}
	design := tuitest.PromptFor(t, inquiry.Opportunity)
	room.Record(t, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-x0"},
		Contribution: &inquiry.ContributionDetails{ID: "c-long-opportunity", Participant: "p-x0", Prompt: design,
			Kind: inquiry.Opportunity, Text: inquiry.Words{Text: longText}}})
	room.Record(t, inquiry.Event{Type: inquiry.VoteOpened,
		Vote: &inquiry.Vote{ID: "v1", Title: "Which of these should the partnership start with first of all", Kinds: []inquiry.Kind{inquiry.Opportunity}, Dots: 3}})
	return room
}

// sizedStage is a participant screen to judge, and what it must always
// show.
type sizedStage struct {
	name string
	// reach brings a screen, run on an 80x24 terminal, to the stage.
	reach func(tt *tuitest.Term)
	// see must be on the screen (once the window is big enough to lay
	// out in), beside how to leave; resume says the person's resume code
	// must be there too.
	see    []string
	resume bool
}

// joinAs joins the workshop from the join code screen with a name.
func joinAs(tt *tuitest.Term, name string) {
	tt.Type("harbour-4821")
	tt.Key("enter")
	tt.FillJoinForm(name)
}

// showSizes logs every screen as the terminal shows it, to look at.
var showSizes = flag.Bool("sizes.show", false, "log every screen of the size tests as drawn")

var sizedStages = []sizedStage{
	{name: "the join code", reach: func(tt *tuitest.Term) { tt.See("join code") }, see: []string{"join code", "harbour-4821"}},
	{name: "a wrong join code", reach: func(tt *tuitest.Term) {
		tt.Type("plover-0000")
		tt.Key("enter")
		tt.See("plover-0000")
	}, see: []string{"plover-0000"}},
	{name: "the join form", reach: func(tt *tuitest.Term) {
		tt.Type("harbour-4821")
		tt.Key("enter")
		tt.See("Your name or pseudonym")
		tt.Type(longName)
	}, see: []string{"Wilhelmina", "ctrl+r"}},
	{name: "the resume code", reach: func(tt *tuitest.Term) {
		tt.Type("harbour-4821")
		tt.Key("enter")
		tt.See("Your name or pseudonym")
		tt.Key("ctrl+r")
	}, see: []string{"resume code"}},
	{name: "the guide, just joined", reach: func(tt *tuitest.Term) { joinAs(tt, longName) }, see: []string{" of 11"}, resume: true},
	{name: "the guide, just saved", reach: func(tt *tuitest.Term) {
		joinAs(tt, emojiName)
		tt.Send(tea.PasteMsg{Content: "“" + longText[:300] + "”"})
		tt.Key("enter")
		tt.See("Saved ✓")
	}, see: []string{"Saved ✓"}, resume: true},
	{name: "their own", reach: func(tt *tuitest.Term) {
		joinAs(tt, rtlName)
		tt.Send(tea.PasteMsg{Content: longText})
		tt.Key("enter")
		tt.See("Saved ✓")
		tt.Key("ctrl+o")
		tt.See("Your contributions")
	}, see: []string{"Your contributions"}},
	{name: "editing their own", reach: func(tt *tuitest.Term) {
		joinAs(tt, rtlName)
		tt.Send(tea.PasteMsg{Content: longText})
		tt.Key("enter")
		tt.See("Saved ✓")
		tt.Key("ctrl+o")
		tt.Key("enter")
		tt.See("save changes")
	}, resume: true},
	{name: "others' words", reach: func(tt *tuitest.Term) {
		joinAs(tt, longName)
		tt.Key("ctrl+r")
		tt.See("What others wrote")
	}, see: []string{"What others wrote"}},
	{name: "the vote", reach: func(tt *tuitest.Term) {
		joinAs(tt, longName)
		tt.Key("ctrl+t")
		tt.See("dots left")
		tt.Key("right")
		tt.Key("down")
		tt.Key("right")
		tt.See("1 of 3 dots left")
	}, see: []string{"Vote:", "dots left"}},
}

func TestEveryParticipantScreenAtEverySize(t *testing.T) {
	room := extremeRoom(t, inquiry.SelfPaced)
	for _, st := range sizedStages {
		t.Run(st.name, func(t *testing.T) {
			tt := tuitest.Run(t, New(tui.Session{ID: "s-sizes", Context: t.Context(), Room: room, Width: 80, Height: 24}), 80, 24)
			st.reach(tt)
			for _, size := range tuitest.Sizes {
				tt.Resize(size.W, size.H)
				v := tt.View()
				scr, problem := tuitest.Fits(v, size)
				if *showSizes {
					t.Logf("at %s:\n%s", size, scr.Text())
				}
				if problem != "" {
					t.Errorf("at %s %s; the terminal shows:\n%s", size, problem, scr.Text())
					continue
				}
				want := []string{"ctrl+c"}
				if size.W >= tui.MinWidth && size.H >= tui.MinHeight {
					want = append(append(want, st.see...), "ctrl+c leave")
				}
				if st.resume {
					want = append(want, "resume "+newestCode(t, room))
				}
				for _, w := range want {
					if !strings.Contains(scr.Text(), w) {
						t.Errorf("at %s %q is not on the screen:\n%s", size, w, scr.Text())
					}
				}
			}
		})
	}
}

// newestCode is the resume code of the room's newest participant.
func newestCode(t *testing.T, room *tuitest.MemRoom) string {
	t.Helper()
	people := room.Workshop().Participants
	code, err := room.ResumeCode("", people[len(people)-1].ID)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// TestLongWordsCanBeReadWholeAtEverySize: a contribution of 2,000
// characters, cut to two lines in the list of others' words and in the
// vote, can be read whole from either, page by page, at every size a
// screen lays out in.
func TestLongWordsCanBeReadWholeAtEverySize(t *testing.T) {
	room := extremeRoom(t, inquiry.SelfPaced)
	newest := strings.TrimSpace(rtlName + " — " + longText[:1900]) // first among others' words here
	for _, size := range tuitest.Sizes[1:] {
		t.Run(size.String(), func(t *testing.T) {
			tt := tuitest.Run(t, New(tui.Session{ID: "s-read", Context: t.Context(), Room: room, Width: size.W, Height: size.H}), size.W, size.H)
			tt.Type("harbour-4821")
			tt.Key("enter")
			joinWithin(t, tt, size)
			tt.Key("ctrl+r")
			tt.Key("r")
			if got := readWhole(t, tt, size); !strings.Contains(got, newest) {
				t.Errorf("others' words read whole:\n%s\nwant them to hold:\n%s", got, newest)
			}
			tt.Key("esc")
			tt.Key("esc")
			tt.Key("ctrl+t")
			tt.Key("end") // the long opportunity is the last on the ballot
			tt.Key("r")
			if got := readWhole(t, tt, size); !strings.Contains(got, longText) {
				t.Errorf("a candidate read whole:\n%s\nwant it to hold:\n%s", got, longText)
			}
		})
	}
}

// joinWithin joins from the join form, whatever its layout at the size.
func joinWithin(t *testing.T, tt *tuitest.Term, size tuitest.Size) {
	t.Helper()
	tt.See("ctrl+r")
	tt.Type("Reader")
	tt.Key("enter")
	tt.Key("tab")
	tt.Key("space")
	tt.Key("enter")
	tt.See("of 11")
}

// readWhole pages through a reader to its end and returns every line it
// showed, once, joined by spaces.
func readWhole(t *testing.T, tt *tuitest.Term, size tuitest.Size) string {
	t.Helper()
	tt.See("↑↓/pgdn scroll")
	var read []string
	for page := 0; page < 200; page++ {
		rows := strings.Split(tt.Screen.Text(), "\n")
		if strings.HasSuffix(rows[0], "all of it") {
			return strings.Join(strings.Fields(strings.Join(rows[2:size.H-1], " ")), " ")
		}
		header := strings.Fields(rows[0])
		// "lines a–b of n": the rows shown are a to b.
		var from, to, of int
		if _, err := fmt.Sscanf(strings.Join(header[len(header)-3:], " "), "%d–%d of %d", &from, &to, &of); err != nil {
			t.Fatalf("the reader's title line %q does not say which lines it shows", rows[0])
		}
		for i := from; i <= to; i++ {
			if i > len(read) {
				read = append(read, rows[2+i-from])
			}
		}
		if to == of {
			return strings.Join(strings.Fields(strings.Join(read, " ")), " ")
		}
		tt.Key("pgdown")
		tt.See(fmt.Sprintf("–%d of %d", min(to+readerRows(size), of), of))
	}
	t.Fatal("paged 200 times without reaching the end")
	return ""
}

// readerRows is how many lines of text a reader shows at the size.
func readerRows(size tuitest.Size) int { return size.H - 3 }
