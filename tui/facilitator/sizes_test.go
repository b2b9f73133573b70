package facilitator

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The facilitator's half of issue 10's second test family: the room and
// each of its panes and forms, the workshop chooser, the scribe's screen
// and enrolment, at every size, in a room of 60 people and 500
// contributions with the extreme names and words of tuitest.ExtremeRoom.
// Each is painted as the server paints it on a virtual terminal that knows
// how wide characters are, and judged there.

// showSizes logs every screen as the terminal shows it, to look at.
var showSizes = flag.Bool("sizes.show", false, "log every screen of the size tests as drawn")

// roomStage is a facilitator's screen to judge: the keys that reach it
// from the room, and what it must always show (besides the workshop's
// code on every screen of the room).
type roomStage struct {
	name string
	keys []string
	// ready is on the screen once the keys have taken effect, at 100x30.
	ready string
	// see must be on the screen whenever it is big enough to lay out in:
	// where the facilitator is, and how to see every key or to back out.
	see []string
	// room makes the room the stage is in; without it, the stage is in
	// the facilitator-led ExtremeRoom that the stages share.
	room func(t *testing.T) *tuitest.MemRoom
}

var roomStages = []roomStage{
	{name: "the feed", keys: nil, ready: "Live contributions", see: []string{"q leave", "? keys"}},
	{name: "the tally", keys: []string{"tab"}, ready: "▸ Tally", see: []string{"q leave", "? keys"}},
	{name: "the people", keys: []string{"tab", "tab"}, ready: "▸ People", see: []string{"q leave", "? keys"}},
	{name: "the vote", keys: []string{"tab", "tab", "tab"}, ready: "▸ Dot vote", see: []string{"q leave", "? keys"}},
	{name: "details of 2,000 characters", keys: []string{"enter"}, ready: "esc close", see: []string{"esc close", "Sentence 0"}},
	{name: "the prompts", keys: []string{"o"}, ready: "Open a prompt for everyone", see: []string{"esc"}},
	{name: "what participants see", keys: []string{"s"}, ready: "What participants see", see: []string{"esc"}},
	{name: "closing the vote", keys: []string{"d"}, ready: "Close the vote", see: []string{"y "}},
	{name: "themes", keys: []string{"enter", "t"}, ready: "Themes for", see: []string{"esc"}},
	{name: "every key", keys: []string{"?"}, ready: "▸ Keys", see: []string{"Keys"}},
	{name: "searching", keys: []string{"/"}, ready: "esc cancel", see: []string{"esc cancel"}},
	{name: "the scribe desk", keys: []string{"c"}, ready: "Write for a table", see: []string{"esc back"}},
	{name: "every key, scrolled", keys: []string{"?", "pgdown", "pgdown"}, ready: "▸ Keys", see: []string{"Keys"}},
	{name: "a new table", keys: []string{"c", "enter"}, ready: "Someone new", see: []string{"Someone new", "esc back"}},
	{name: "the tally by sector", keys: []string{"tab", "g"}, ready: "g by theme", see: []string{"q leave", "? keys"}},
	{name: "a resume code in the people pane", keys: []string{"tab", "tab", "down", "enter"}, ready: "resume code is", see: []string{"? keys", "K7QM-"}},
	{name: "who someone joined as before", keys: []string{"tab", "tab", "down", "m"}, ready: "joined as before", see: []string{"esc"}},
	{name: "why remove someone", keys: []string{"tab", "tab", "down", "B"}, ready: "Why remove", see: []string{"Why remove", "esc"}},
	{name: "remove and block them?", keys: []string{"tab", "tab", "down", "B", "s", "p", "a", "m", "enter"}, ready: "and block them?", see: []string{"y "}},
	{name: "the lobby", keys: []string{"tab", "tab"}, ready: "waiting · a lets one in", see: []string{"waiting", "? keys"}, room: lobbyRoom},
	{name: "a vote at a prompt, on the highlighted", keys: []string{"d", "tab", "tab", "right", "tab", "space"}, ready: "Open a dot vote",
		see: []string{"Open a dot vote", "esc"}, room: roomWithoutAVote},
	{name: "writing for a table", keys: []string{"c", "down", "enter"}, ready: "Writing for", see: []string{"Writing for", "esc"}},
	{name: "a table's entries", keys: []string{"c", "down", "e"}, ready: "What you entered for", see: []string{"What you entered for", "esc back"}},
	{name: "a table's dots", keys: []string{"c", "down", "v"}, ready: "Dots for", see: []string{"Dots for", "left of 3", "esc back"}},
	{name: "a table agreeing", keys: []string{"c", "down", "+"}, ready: "Agreeing for", see: []string{"Agreeing for", "esc back"}},
	{name: "a table's organisation", keys: []string{"c", "down", "o"}, ready: "Kind of organisation:", see: []string{"Kind of organisation:", "esc back"}},
}

// judge looks at a running screen at every size: it must fit exactly, and
// show what it must.
func judge(t *testing.T, tt *tuitest.Term, see ...string) {
	t.Helper()
	tuitest.AtEverySize(t, tt, *showSizes, func(size tuitest.Size) []string {
		if tuitest.LaysOut(size) {
			return see
		}
		return []string{"ctrl+c"}
	})
}

// lobbyRoom is the extreme room holding newcomers in a lobby, with
// three waiting, one with the longest name.
func lobbyRoom(t *testing.T) *tuitest.MemRoom {
	room := tuitest.ExtremeRoom(t, inquiry.FacilitatorPaced)
	room.Record(t, inquiry.Event{Type: inquiry.LobbyOpened})
	for i, name := range []string{tuitest.LongName, tuitest.EmojiName, tuitest.RTLName} {
		id := fmt.Sprintf("p-wait%d", i)
		room.Record(t, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
			Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: name}, ConsentAt: stampTime()}})
	}
	return room
}

// roomWithoutAVote is the extreme room with its vote closed, so that d
// opens the form for a new one; a contribution is highlighted.
func roomWithoutAVote(t *testing.T) *tuitest.MemRoom {
	room := tuitest.ExtremeRoom(t, inquiry.FacilitatorPaced)
	room.Record(t, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
	room.Record(t, inquiry.Event{Type: inquiry.ContributionHighlighted, Target: "c-long-opportunity", Curation: &inquiry.Curation{Highlight: true}})
	return room
}

func TestEveryFacilitatorScreenAtEverySize(t *testing.T) {
	shared := tuitest.ExtremeRoom(t, inquiry.FacilitatorPaced)
	for _, st := range roomStages {
		t.Run(st.name, func(t *testing.T) {
			room := shared
			if st.room != nil {
				room = st.room(t)
			}
			tt := tuitest.Run(t, New(tuitest.FacilitatorSession(t, room, "harbour-4821")), 100, 30)
			tt.See("Live contributions")
			for _, k := range st.keys {
				tt.Key(k)
			}
			tt.See(st.ready)
			judge(t, tt, append([]string{"harbour-4821"}, st.see...)...)
		})
	}
	t.Run("the workshops", func(t *testing.T) {
		tt := tuitest.Run(t, New(tuitest.FacilitatorSession(t, shared, "")), 100, 30)
		tt.See("Anchors and services")
		judge(t, tt, "harbour-4821", "q quit")
	})
	t.Run("the scribe's screen", func(t *testing.T) {
		s := tuitest.FacilitatorSession(t, shared, "harbour-4821")
		s.Actor = inquiry.Actor{Role: inquiry.RoleScribe, ID: "SHA256:scribe", Name: "Jo at table 3"}
		tt := tuitest.Run(t, NewScribe(s), 100, 30)
		tt.See("Write for a table")
		tt.Key("enter")
		tt.See("Consent") // naming a new table: the form with its consent
		judge(t, tt, "harbour-4821", "ctrl+c leave")
	})
	t.Run("enrolment", func(t *testing.T) {
		tt := tuitest.Run(t, NewEnrol(func(string, string) error { return nil }, "ssh -p 23234 workshop-laptop.local"), 100, 30)
		tt.See("enrolment code")
		tt.Send(tea.PasteMsg{Content: tuitest.LongName})
		tt.Key("enter") // on to the code
		tt.Send(tea.PasteMsg{Content: strings.Repeat("x", 30)})
		judge(t, tt, "enrolment code", "esc leave")
	})
}

// TestAFacilitatorReadsLongWordsWholeAtEverySize: the details cut a
// contribution of 2,000 characters to the pane; f shows it whole.
func TestAFacilitatorReadsLongWordsWholeAtEverySize(t *testing.T) {
	room := tuitest.ExtremeRoom(t, inquiry.FacilitatorPaced)
	for _, size := range tuitest.Sizes[1:] {
		t.Run(size.String(), func(t *testing.T) {
			tt := tuitest.Run(t, New(tuitest.FacilitatorSession(t, room, "harbour-4821")), size.W, size.H)
			tt.See("harbour-4821")
			tt.Key("enter") // the newest: the long opportunity
			tt.See("esc close")
			tt.Key("f")
			if got := tuitest.ReadWhole(t, tt, size); !strings.Contains(got, tuitest.LongText) {
				t.Errorf("the words read whole:\n%s\nwant them to hold:\n%s", got, tuitest.LongText)
			}
			tt.Key("esc")
			tt.See("esc close") // back in the details
		})
	}
}

// TestEveryRoomStateFitsEverySize draws each of the room's states (the
// feed, details, the people pane with a lobby, the merge list, the vote
// form and pane, the tally by sector, the list of keys, each stage of the
// scribe desk) at every size from 30x10 to 200x60, with long names, wide
// characters and a long contribution, and checks that no line is wider
// than the terminal, none is past its foot, and the line of keys is last.
func TestEveryRoomStateFitsEverySize(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	design := tuitest.PromptFor(t, inquiry.Opportunity, inquiry.Barrier)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: design}})
	names := []string{"Alexandra Fotheringham-Wallace of Govan", "李小龍 表 😀 Nadia", "Bram", "Bram"}
	var people []string
	for i := range 12 {
		name := fmt.Sprintf("Person %02d", i)
		if i < len(names) {
			name = names[i]
		}
		id := fmt.Sprintf("p-%02d", i)
		tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
			Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: name}, ConsentAt: stampTime(),
				Organisation: inquiry.OrganisationTypes[i%len(inquiry.OrganisationTypes)]}})
		people = append(people, id)
		kind := inquiry.Opportunity
		if i%2 == 1 {
			kind = inquiry.Barrier
		}
		text := "Share the hall " + strings.Repeat("and the minibus ", i)
		if i == 1 {
			text = strings.Repeat("a very long contribution, ", 76)
		}
		tuitest.Contribute(t, store, sum.ID, id, fmt.Sprintf("c-%02d", i), design, kind, text, "housing", "health-social-care")
	}
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: people[3]},
		Contribution: &inquiry.ContributionDetails{ID: "reframe", Participant: people[3], Prompt: design, Kind: inquiry.Reframe,
			Text: inquiry.Words{Text: "What would help"}, Answers: "c-01"}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ContributionAgreed, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: people[2]},
		Target: "c-01", Agreement: &inquiry.Agreement{Participant: people[2]}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: tuitest.Facilitator,
		Participant: &inquiry.ParticipantDetails{ID: "table", Name: inquiry.Words{Text: "Table 3"}, ConsentAt: stampTime(), Scribed: true}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.LobbyOpened})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-wait"},
		Participant: &inquiry.ParticipantDetails{ID: "p-wait", Name: inquiry.Words{Text: "Waiting Wendy"}, ConsentAt: stampTime(), Organisation: "Local authority"}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v", Title: "Which first of all the many things we said tonight?", Dots: 3}})
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteCast, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: people[0]},
		Ballot: &inquiry.Ballot{Vote: "v", Participant: people[0], Dots: map[string]int{"c-01": 2, "c-02": 1}}})

	states := []struct {
		name   string
		scribe bool
		keys   []string
	}{
		{"feed", false, nil},
		{"details", false, []string{"end", "up", "enter"}},
		{"details of a long one", false, []string{"end", "enter", "up"}},
		{"tally", false, []string{"tab"}},
		{"tally by sector", false, []string{"g"}},
		{"people", false, []string{"tab", "tab"}},
		{"people merge", false, []string{"tab", "tab", "down", "down", "down", "m"}},
		{"remove question", false, []string{"tab", "tab", "B", "r", "e", "a", "s", "o", "n", "enter"}},
		{"vote pane", false, []string{"tab", "tab", "tab"}},
		{"keys", false, []string{"?"}},
		{"keys scrolled", false, []string{"?", "pgdown", "pgdown"}},
		{"search", false, []string{"/"}},
		{"prompts", false, []string{"o"}},
		{"settings", false, []string{"s"}},
		{"desk", false, []string{"c"}},
		{"desk new", false, []string{"c", "enter"}},
		{"desk writing", false, []string{"c", "down", "enter"}},
		{"desk ballot", false, []string{"c", "down", "v"}},
		{"desk agree", false, []string{"c", "down", "+"}},
		{"desk organisation", false, []string{"c", "down", "o"}},
		{"scribe's own desk", true, nil},
		{"enrol", false, []string{"tab"}},
	}
	sizes := [][2]int{{30, 10}, {40, 12}, {60, 20}, {80, 24}, {100, 30}, {200, 60}}
	for _, st := range states {
		for _, size := range sizes {
			w, h := size[0], size[1]
			s := tuitest.FacilitatorSession(t, store, sum.Code)
			s.Width, s.Height = w, h
			var m tea.Model
			switch {
			case st.name == "enrol":
				m = NewEnrol(func(string, string) error { return nil }, "ssh -p 23234 10.0.0.5")
				m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			case st.scribe:
				s.Actor = inquiry.Actor{Role: inquiry.RoleScribe, ID: "SHA256:scribe", Name: strings.Repeat("Scribe ", 6)}
				m = NewScribe(s)
			default:
				m = New(s)
			}
			m, _ = m.Update(tui.BellMsg{})
			for _, k := range st.keys {
				m, _ = m.Update(tuitest.Key(k))
			}
			lines := strings.Split(m.View().Content, "\n")
			if len(lines) > h {
				t.Errorf("%s at %dx%d: %d lines", st.name, w, h, len(lines))
			}
			for i, l := range lines {
				if got := tui.Width(ansi.Strip(l)); got > w {
					t.Errorf("%s at %dx%d: line %d is %d wide: %q", st.name, w, h, i+1, got, ansi.Strip(l))
				}
			}
		}
	}
}
