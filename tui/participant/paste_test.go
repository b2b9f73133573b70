package participant

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestParticipantPasteGoesWhereTheFocusIs: a paste while "Who" has the
// focus fills in who will do it; the words are untouched.
func TestParticipantPasteGoesWhereTheFocusIs(t *testing.T) {
	store, sum := datatest.Workshop(t)
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Ros")
	for range stepsToKind(t, guide, inquiry.Action) {
		tt.Key("pgdown")
	}
	tt.See("[Action]", "Who")
	tt.Type("Write to the health board")
	for range 4 { // text → kind → themes → partner → who
		tt.Key("tab")
	}
	tt.Send(tea.PasteMsg{Content: "the trust's\nboard"})
	tt.Key("enter")
	tt.See("Saved ✓ Action")
	c := tuitest.Folded(t, store, sum.ID).Contributions[0]
	if c.Owner != "the trust's board" || c.Text != "Write to the health board" {
		t.Fatalf("saved owner %q and words %q; want the paste in the owner only", c.Owner, c.Text)
	}
}

// TestParticipantLongPasteWithoutMarkersIsNotCutSilently: a terminal that
// does not mark a paste sends it as keys; when it runs past the limit the
// writer is told it was cut, and after which words.
func TestParticipantLongPasteWithoutMarkersIsNotCutSilently(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.FillJoinForm("Sol")
	sentence := "Rural bus routes were cut in twenty nineteen. "
	text := strings.Repeat(sentence, inquiry.MaxTextRunes/len(sentence)+3)
	kept := text[:inquiry.MaxTextRunes]
	for _, r := range text {
		tt.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	tt.See("Full: a contribution holds up to 2000 characters, so nothing after")
	want := "nothing after “" + lastWords(kept, 24) + "” was added."
	tuitest.Eventually(t, "the notice to say where the paste was cut: "+want, func() bool {
		return strings.Contains(strings.Join(strings.Fields(tt.Screen.Text()), " "), want)
	})
}
