package participant

import (
	"testing"
	"time"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestParticipantMovedByTheRoomIsToldWhereTheirWordsAre: when the
// facilitator opens a prompt for everyone, the person is told where they
// now are in the one numbering, and, if they were writing, where the
// unsent words are kept and how to get back to them; the words are there.
func TestParticipantMovedByTheRoomIsToldWhereTheirWordsAre(t *testing.T) {
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	tests := []struct {
		name    string
		typed   string
		edit    bool
		opens   inquiry.PromptRef
		want    []string // each on a line of its own
		pgups   int
		restore string
	}{
		{name: "nothing typed", opens: guide.Ref(0, 1),
			want: []string{"The facilitator opened Discover 2 · 2 of 11 for everyone: " + guide.Phases[0].Prompts[1].Text[:10]}},
		{name: "words one prompt back", typed: "Half a thought", opens: guide.Ref(0, 1),
			want: []string{"Your words are kept at Discover 1 · 1 of 11: pgup takes you back.", "opened Discover 2 · 2 of 11."}, pgups: 1, restore: "┃ Half a thought"},
		{name: "words three prompts back", typed: "Another thought", opens: guide.Ref(1, 0),
			want: []string{"Your words are kept at Discover 1 · 1 of 11: pgup 3 times takes you back.", "opened Dream 1 · 4 of 11."}, pgups: 3, restore: "┃ Another thought"},
		{name: "an edit", typed: " and more", edit: true, opens: guide.Ref(0, 1),
			want: []string{"Your changes are not saved: they are kept as a draft at Discover 1 · 1 of 11.", "The facilitator opened Discover 2 · 2 of 11."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store, sum := datatest.LedWorkshop(t)
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: guide.Ref(0, 0)}})
			tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
			tt.FillJoinForm("Ida")
			if tc.edit {
				tt.Type("Saved words")
				tt.Key("enter")
				tt.See("Saved ✓")
				tt.Key("ctrl+o")
				tt.Key("enter")
				tt.See("Editing")
				tt.Key("end")
			}
			tt.Type(tc.typed)
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tc.opens}})
			tt.See(tc.want...)
			if tc.restore == "" {
				return
			}
			me := tuitest.Folded(t, store, sum.ID).Participants[0].ID
			tuitest.Eventually(t, "the words left behind to be kept as a draft", func() bool {
				d, ok := store.Draft(sum.ID, me)
				return ok && d.Texts[guide.Ref(0, 0)] == tc.typed
			})
			for range tc.pgups {
				tt.Key("pgup")
			}
			tt.See("Discover 1 · 1 of 11", tc.restore)
		})
	}
}

// TestParticipantClockFollowsTheFacilitator: the countdown pauses,
// resumes, is shortened and ends as the facilitator's pacing says.
func TestParticipantClockFollowsTheFacilitator(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	first := guide.Ref(0, 0)
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.PromptOpened,
		Pace: &inquiry.Pace{Prompt: first, EndsAt: time.Now().Add(10 * time.Minute)}})
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Jem")
	tt.See("⏱ 9:")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.TimeboxPaused, Pace: &inquiry.Pace{Prompt: first}})
	tt.See("⏸ 9:", "left, paused")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.TimeboxResumed, Pace: &inquiry.Pace{Prompt: first}})
	tt.See("⏱ 9:")
	clock := tuitest.Folded(t, store, sum.ID).Timebox()
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: ptr(clock.Shift(-8*time.Minute, time.Now()))})
	tt.See("⏱ 1:")
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: first}})
	tt.See("time is up")
}

func ptr[T any](v T) *T { return &v }

// TestParticipantsOwnListNamesPromptsAsEveryoneDoes: the own list says
// where each contribution was made in the one numbering.
func TestParticipantsOwnListNamesPromptsAsEveryoneDoes(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Kim")
	tt.Key("pgdown")
	tt.Type("Words at the second prompt")
	tt.Key("enter")
	tt.See("Saved ✓")
	tt.Key("ctrl+o")
	tt.See("Strength — Discover 2 · 2 of 11")
}
