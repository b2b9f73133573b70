package participant

import (
	"testing"
	"time"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
	"github.com/anchorage/anchorage/tui/words"
)

// TestSomeoneComingBackIsSpokenToInTheLanguageTheyJoinedIn: a person
// recorded the language they joined in; coming back (by their key, or
// with a resume code) the screen speaks it again, though this client asks
// for none or for English, unless they choose another on this visit. A
// person who joined in English, which is also what someone who never chose
// joined in, is spoken to in the language their client asks for.
func TestSomeoneComingBackIsSpokenToInTheLanguageTheyJoinedIn(t *testing.T) {
	catalogue := words.Builtin()
	for _, tc := range []struct {
		name       string
		joinedIn   string
		clientAsks string // LANG on the return
		keyless    bool   // comes back with a resume code, not a key
		choose     string // the language chosen with ctrl+g on the code screen, if any
		want       string
	}{
		{name: "by key, joined in Gàidhlig, the client asks nothing", joinedIn: "gd", want: "gd"},
		{name: "by key, joined in Gàidhlig, the client asks English", joinedIn: "gd", clientAsks: "en_GB.UTF-8", want: "gd"},
		{name: "by key, joined in English, the client asks Cymraeg", joinedIn: "en", clientAsks: "cy_GB.UTF-8", want: "cy"},
		{name: "by key, joined before languages were recorded", joinedIn: "", clientAsks: "cy", want: "cy"},
		{name: "by key, joined in Gàidhlig, Cymraeg chosen on this visit", joinedIn: "gd", choose: "cy", want: "cy"},
		{name: "with a resume code, joined in Cymraeg", joinedIn: "cy", keyless: true, want: "cy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, sum := datatest.Workshop(t)
			const identity = "keyed-hash-of-fay"
			details := &inquiry.ParticipantDetails{ID: "p-fay", Name: inquiry.Words{Text: "Fay"}, ConsentAt: time.Now(), Language: tc.joinedIn}
			if !tc.keyless {
				details.Identity = identity
			}
			tuitest.Record(t, store, sum.ID, inquiry.Event{Type: inquiry.ParticipantJoined,
				Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-fay"}, Participant: details})

			s := tuitest.ParticipantSession(t, store, sum.Code)
			s.Language, s.Width, s.Height = tc.clientAsks, 200, 60
			if !tc.keyless {
				s.IdentityFor = func(string) string { return identity }
			}
			if tc.choose != "" {
				s.Code = "" // ssh HOST, then the code: the screen to choose on
			}
			again := tuitest.Run(t, New(s), 200, 60)
			if tc.choose != "" {
				chooseLanguage(t, again, catalogue, tc.choose)
				again.Type(sum.Code)
				again.Key("enter")
			}
			if tc.keyless {
				code, err := store.ResumeCode(sum.ID, "p-fay")
				if err != nil {
					t.Fatal(err)
				}
				again.See(catalogue.In(inquiry.DefaultLanguage).Say("join.resume_hint")) // the client asks for no language
				again.Key("ctrl+r")
				again.Type(code)
				again.Key("enter")
			}
			want := catalogue.In(tc.want)
			again.See(want.Say("join.welcome_back", "name", "Fay"))
		})
	}
}

// chooseLanguage presses ctrl+g as often as it takes to go from English
// to lang on the code screen, and waits to see it speak lang.
func chooseLanguage(t *testing.T, tt *tuitest.Term, catalogue *words.Catalogue, lang string) {
	t.Helper()
	langs := catalogue.Languages()
	from, to := -1, -1
	for i, l := range langs {
		switch l.Code {
		case inquiry.DefaultLanguage:
			from = i
		case lang:
			to = i
		}
	}
	if from < 0 || to < 0 {
		t.Fatalf("the catalogue has no %s or no English", lang)
	}
	for range (to - from + len(langs)) % len(langs) {
		tt.Key("ctrl+g")
	}
	w := catalogue.In(lang)
	tt.See(w.Say("code.welcome"))
}
