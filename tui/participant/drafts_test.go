package participant

import (
	"fmt"
	"testing"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestParticipantDraftGoesAsTheWordsAreSentAndComesBackIfTheSaveFails:
// words on their way to the store are no longer a draft (a crash right
// after "Saved ✓" must not bring them back into the editor), and words
// whose save failed are a draft again.
func TestParticipantDraftGoesAsTheWordsAreSentAndComesBackIfTheSaveFails(t *testing.T) {
	store, sum := datatest.Workshop(t)
	room := &flakyRoom{Store: store, fail: make(chan error, 1), release: make(chan struct{}), sent: make(chan inquiry.Event, 4)}
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, room, sum.Code)), 80, 24)
	tt.FillJoinForm("Lew")
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	first := guide.Ref(0, 0)
	me := tuitest.Folded(t, store, sum.ID).Participants[0].ID
	draft := func() string {
		d, _ := store.Draft(sum.ID, me)
		return d.Texts[first]
	}

	tt.Type("Words on their way")
	tuitest.Eventually(t, "the typed words to be kept as a draft", func() bool { return draft() == "Words on their way" })
	room.fail <- fmt.Errorf("data: commit: %w", data.ErrDiskFull)
	tt.Key("enter")
	<-room.sent // the save is on its way, held
	tuitest.Eventually(t, "the draft to go as the words are sent", func() bool { return draft() == "" })
	room.release <- struct{}{}
	tt.See("Not saved", "┃ Words on their way")
	tuitest.Eventually(t, "the words whose save failed to be a draft again", func() bool { return draft() == "Words on their way" })
}
