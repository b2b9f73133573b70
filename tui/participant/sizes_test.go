package participant

import (
	"flag"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The second test family of issue 10: every participant screen, at each
// stage, at every size, with the most a room can put on it. Each is
// painted as the server paints it on a virtual terminal that knows how
// wide characters are, and judged there.

// The extreme content (tuitest.ExtremeRoom), as the stages type it.
var (
	longName  = tuitest.LongName
	emojiName = tuitest.EmojiName
	rtlName   = tuitest.RTLName
	longText  = tuitest.LongText
)

// sizedStage is a participant screen to judge, and what it must always
// show.
type sizedStage struct {
	name string
	// room makes the room the stage is in; without it, the stage is in
	// the self-paced ExtremeRoom that the stages share.
	room func(t *testing.T) *tuitest.MemRoom
	// reach brings a screen, run on an 80x24 terminal, to the stage.
	reach func(t *testing.T, tt *tuitest.Term, room *tuitest.MemRoom)
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
	{name: "the join code", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) { tt.See("join code") }, see: []string{"join code", "harbour-4821"}},
	{name: "a wrong join code", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		tt.Type("plover-0000")
		tt.Key("enter")
		tt.See("plover-0000")
	}, see: []string{"plover-0000"}},
	{name: "the join form", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		tt.Type("harbour-4821")
		tt.Key("enter")
		tt.See("Your name or pseudonym")
		tt.Type(longName)
	}, see: []string{"Wilhelmina", "ctrl+r"}},
	{name: "the resume code", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		tt.Type("harbour-4821")
		tt.Key("enter")
		tt.See("Your name or pseudonym")
		tt.Key("ctrl+r")
	}, see: []string{"resume code"}},
	{name: "the guide, just joined", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) { joinAs(tt, longName) }, see: []string{" of 11"}, resume: true},
	{name: "the guide, just saved", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		joinAs(tt, emojiName)
		tt.Send(tea.PasteMsg{Content: "“" + longText[:300] + "”"})
		tt.Key("enter")
		tt.See("Saved ✓")
	}, see: []string{"Saved ✓"}, resume: true},
	{name: "their own", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		joinAs(tt, rtlName)
		tt.Send(tea.PasteMsg{Content: longText})
		tt.Key("enter")
		tt.See("Saved ✓")
		tt.Key("ctrl+o")
		tt.See("Your contributions")
	}, see: []string{"Your contributions"}},
	{name: "editing their own", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		joinAs(tt, rtlName)
		tt.Send(tea.PasteMsg{Content: longText})
		tt.Key("enter")
		tt.See("Saved ✓")
		tt.Key("ctrl+o")
		tt.Key("enter")
		tt.See("save changes")
	}, resume: true},
	{name: "every key, over the guide", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		joinAs(tt, longName)
		tt.Key("f1")
		tt.See("Every key")
	}, see: []string{"Every key", "esc close"}, resume: true},
	{name: "others' words", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		joinAs(tt, longName)
		tt.Key("ctrl+r")
		tt.See("What others wrote")
	}, see: []string{"What others wrote"}},
	{name: "the vote", reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		joinAs(tt, longName)
		tt.Key("ctrl+t")
		tt.See("dots left")
		tt.Key("right")
		tt.Key("down")
		tt.Key("right")
		tt.See("1 of 3 dots left")
	}, see: []string{"Vote:", "dots left"}},
	{name: "waiting in the lobby", room: func(t *testing.T) *tuitest.MemRoom {
		room := tuitest.ExtremeRoom(t, inquiry.SelfPaced)
		room.Record(t, inquiry.Event{Type: inquiry.LobbyOpened})
		return room
	}, reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		joinAs(tt, longName)
		tt.See("please wait here")
	}, see: []string{"wait"}, resume: true},
	{name: "merged with an earlier entry", reach: func(t *testing.T, tt *tuitest.Term, room *tuitest.MemRoom) {
		joinAs(tt, emojiName)
		tt.See("Start with the prompt")
		room.Record(t, inquiry.Event{Type: inquiry.ParticipantsMerged,
			Merge: &inquiry.PeopleMerge{From: tuitest.ParticipantID(7), Into: newest(room)}})
		tt.Send(tui.BellMsg{})
		tt.See("joined your two entries")
	}, see: []string{"joined your two"}, resume: true},
	{name: "others' words, agreeing with a reframe", reach: func(t *testing.T, tt *tuitest.Term, room *tuitest.MemRoom) {
		joinAs(tt, longName)
		for range placeOf(t, room, tuitest.PromptFor(t, inquiry.Barrier)).InGuide - 1 {
			tt.Key("pgdown")
		}
		tt.Key("ctrl+r")
		tt.See("What others wrote", "↳")
		tt.Key("down") // from the barrier to its reframe
		tt.Key("+")
		tt.See("+58 with you")
	}, see: []string{"What others wrote", "+58 with you"}},
	{name: "a vote at one prompt, on the highlighted", room: func(t *testing.T) *tuitest.MemRoom {
		room := tuitest.ExtremeRoom(t, inquiry.SelfPaced)
		room.Record(t, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
		room.Record(t, inquiry.Event{Type: inquiry.ContributionHighlighted, Target: "c-long-opportunity", Curation: &inquiry.Curation{Highlight: true}})
		room.Record(t, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v2", Title: "Of what we highlighted at this prompt, where do we start",
			Prompt: tuitest.PromptFor(t, inquiry.Opportunity), Highlighted: true, Dots: 10}})
		return room
	}, reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		joinAs(tt, longName)
		tt.Key("ctrl+t")
		tt.See("10 of 10 dots left")
		tt.Key("right")
		tt.See("9 of 10 dots left")
	}, see: []string{"Vote:", "dots left"}},
	{name: "a vote's results", room: func(t *testing.T) *tuitest.MemRoom {
		room := tuitest.ExtremeRoom(t, inquiry.SelfPaced)
		room.Record(t, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
		return room
	}, reach: func(_ *testing.T, tt *tuitest.Term, _ *tuitest.MemRoom) {
		joinAs(tt, longName)
		tt.Key("ctrl+t")
		tt.See("Results")
	}, see: []string{"Results"}},
	{name: "moved by the room", room: func(t *testing.T) *tuitest.MemRoom {
		room := tuitest.ExtremeRoom(t, inquiry.FacilitatorPaced)
		room.Record(t, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 0, 0)}})
		return room
	}, reach: func(t *testing.T, tt *tuitest.Term, room *tuitest.MemRoom) {
		joinAs(tt, longName)
		tt.Type("Half a thought")
		room.Record(t, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 1, 0)}})
		tt.Send(tui.BellMsg{})
		tt.See("Your words are kept at")
	}, see: []string{"Your words are kept at", "Discover 1 · 1 of 11"}, resume: true},
}

// newest is the room's newest participant: the screen's, once joined.
func newest(room *tuitest.MemRoom) string {
	people := room.Workshop().Participants
	return people[len(people)-1].ID
}

// placeOf is a prompt's place in the room's guide.
func placeOf(t *testing.T, room *tuitest.MemRoom, ref inquiry.PromptRef) inquiry.Place {
	g := room.Workshop().Guide
	p, q, ok := g.Locate(ref)
	if !ok {
		t.Fatalf("no prompt %s in the guide", ref)
	}
	return g.PlaceAt(p, q)
}

func TestEveryParticipantScreenAtEverySize(t *testing.T) {
	shared := tuitest.ExtremeRoom(t, inquiry.SelfPaced)
	for _, st := range sizedStages {
		t.Run(st.name, func(t *testing.T) {
			room := shared
			if st.room != nil {
				room = st.room(t)
			}
			tt := tuitest.Run(t, New(tui.Session{ID: "s-sizes", Context: t.Context(), Room: room, Width: 80, Height: 24}), 80, 24)
			st.reach(t, tt, room)
			tuitest.AtEverySize(t, tt, *showSizes, func(size tuitest.Size) []string {
				want := []string{"ctrl+c"}
				if tuitest.LaysOut(size) {
					want = append(append(want, st.see...), "ctrl+c leave")
				}
				if st.resume {
					want = append(want, "resume "+newestCode(t, room))
				}
				return want
			})
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
	room := tuitest.ExtremeRoom(t, inquiry.SelfPaced)
	newest := strings.TrimSpace(rtlName + " — " + longText[:1900]) // first among others' words here (ExtremeRoom)
	for _, size := range tuitest.Sizes[1:] {
		t.Run(size.String(), func(t *testing.T) {
			tt := tuitest.Run(t, New(tui.Session{ID: "s-read", Context: t.Context(), Room: room, Width: size.W, Height: size.H}), size.W, size.H)
			tt.Type("harbour-4821")
			tt.Key("enter")
			joinWithin(t, tt, size)
			tt.Key("ctrl+r")
			tt.Key("r")
			if got := tuitest.ReadWhole(t, tt, size); !strings.Contains(got, newest) {
				t.Errorf("others' words read whole:\n%s\nwant them to hold:\n%s", got, newest)
			}
			tt.Key("esc")
			tt.Key("esc")
			tt.Key("ctrl+t")
			tt.Key("end") // the long opportunity is the last on the ballot
			tt.Key("r")
			if got := tuitest.ReadWhole(t, tt, size); !strings.Contains(got, longText) {
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

// TestConsentFitsEveryWidth: the consent box and its sentence, the rest
// of which is indented under its words, are never wider than the window.
func TestConsentFitsEveryWidth(t *testing.T) {
	for _, ticked := range []bool{false, true} {
		m := &Screen{join: &joinForm{consent: ticked}}
		for w := tui.MinWidth; w <= 200; w++ {
			for _, l := range m.consentLines(w) {
				if got := tui.Width(l); got > w {
					t.Errorf("at %d columns a line of the consent is %d wide: %q", w, got, l)
				}
			}
		}
	}
}
