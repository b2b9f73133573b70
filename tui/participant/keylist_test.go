package participant

import (
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestF1ListsEveryKeyAndTheNextKeyClosesIt: at 60 columns the guide's line
// of keys has no room for ctrl+o, ctrl+r or ctrl+t, but always says F1
// lists every key; the list names them all (and the new line and the
// redraw the line never shows), over the guide, with the resume code; the
// key that closes it is not typed into the editor. On others' words,
// where nothing is typed, ? opens it too; in the editor ? is a question
// mark.
func TestF1ListsEveryKeyAndTheNextKeyClosesIt(t *testing.T) {
	store, sum := datatest.Workshop(t)
	ann := tuitest.Join(t, store, sum.ID, "Ann")
	tuitest.Contribute(t, store, sum.ID, ann, "c-ann", tuitest.PromptFor(t, inquiry.Story), inquiry.Story, "The lunch club started in the church hall")

	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 60, 20)
	tt.FillJoinForm("Cy")
	tt.See("F1 keys", "ctrl+c leave")
	if tt.Shows("ctrl+o") {
		t.Fatal("the test needs a line of keys too narrow for ctrl+o")
	}
	tt.Key("f1")
	tt.See("Every key", "enter", "save", "alt+enter ctrl+j", "new line", "ctrl+o", "yours", "ctrl+r", "others",
		"ctrl+l", "redraw", "ctrl+c", "leave", "resume ", "esc close")
	if tt.Shows("ctrl+t") {
		t.Fatal("the list names ctrl+t in a workshop without a vote")
	}
	tt.Key("x")
	tt.See("Type here")
	if tt.Shows("┃ x") || tt.Shows("Every key") {
		t.Fatal("the key that closed the list was typed, or the list stayed open")
	}

	tt.Type("?")
	tt.See("┃ ?")
	if tt.Shows("Every key") {
		t.Fatal("? in the editor opened the list instead of being typed")
	}
	tt.Key("backspace")

	tt.Key("ctrl+r")
	tt.See("What others wrote")
	tt.Key("?")
	tt.See("Every key", "+", "agree (+1)", "build on it", "read whole", "back to writing")
	tt.Key("esc") // closes the list, and does nothing else
	tt.See("What others wrote", "F1 keys")
	tt.Key("esc")
	tt.See("enter save")

	// With a vote open, the list names the key to it.
	tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: "Which first", Dots: 3}})
	tt.See("opened a vote")
	tt.Key("f1")
	tt.See("Every key", "ctrl+t", "vote")
}

// TestTheKeyListSpeaksThePersonsLanguage: the list's title and every
// key's words are in the language chosen at the join.
func TestTheKeyListSpeaksThePersonsLanguage(t *testing.T) {
	store, sum := datatest.Workshop(t)
	tt := tuitest.Run(t, New(tuitest.ParticipantSession(t, store, sum.Code)), 80, 24)
	tt.See("ctrl+g")
	tt.Key("ctrl+g") // Gàidhlig
	tt.Type("Ceit")
	for _, k := range []string{"tab", "tab", "space", "enter"} { // the name, where from, consent
		tt.Key(k)
	}
	tt.See("F1 iuchraichean")
	tt.Key("f1")
	tt.See("Gach iuchair", "loidhne ùr", "sàbhail", "fàg", "esc dùin")
}
