package facilitator

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/display"
	"github.com/anchorage/anchorage/tui/participant"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// FuzzScreensFitWhateverPeopleType is issue 12's width fuzz: any Unicode a
// person may give as a name or write as a contribution, once the workshop
// has taken it (what it refuses never reaches a screen), leaves every row
// of the facilitator's room (the feed, the details, the people), of a
// participant's screens (the guide under their own name, others' words)
// and of the wall display (the words revealed, in large type where they
// fit, with the name) exactly as wide as the screens measured it, on a
// terminal that segments and measures characters itself: no row wider
// than the window, and none that the terminal shows otherwise than the
// screen meant.
//
// The seed corpus runs in every go test; go test -fuzz runs it further.
func FuzzScreensFitWhateverPeopleType(f *testing.F) {
	for _, seed := range fuzzSeeds() {
		f.Add(seed[0], seed[1])
	}
	sizes := []tuitest.Size{{W: 30, H: 10}, {W: 57, H: 17}, {W: 100, H: 30}}
	screens := map[tuitest.Size]*tuitest.Screen{}
	for _, s := range sizes {
		screens[s] = tuitest.NewScreen(s.W, s.H, nil)
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		// As the join form and the editor clean what is typed before it
		// is sent; what the rules then refuse never reaches a screen.
		name, text = inquiry.CleanLine(name), strings.TrimSpace(inquiry.CleanText(text))
		if inquiry.RuneCount(name) > inquiry.MaxNameRunes || inquiry.RuneCount(text) > inquiry.MaxTextRunes {
			return
		}
		// Others' words at every prompt but the first, where the fuzzed
		// words are then the only ones: the wall's reveals show them, not
		// whichever of several its clock has come to.
		room := tuitest.NewMemRoom(t, 2, 0, inquiry.SelfPaced)
		for c := 1; c <= 2; c++ {
			if _, err := room.Append(t.Context(), room.Workshop().ID, room.ContributionEvent(c%2, c)); err != nil {
				t.Fatal(err)
			}
		}
		ws := room.Workshop()
		first := ws.Guide.Ref(0, 0)
		if !joins(t, room, "p-them", name, "") || !joins(t, room, "p-me", name, "my key") {
			return
		}
		_, err := room.Append(t.Context(), ws.ID, inquiry.Event{Type: inquiry.ContributionAdded,
			Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-them"},
			Contribution: &inquiry.ContributionDetails{ID: "c-fuzz", Participant: "p-them", Prompt: first,
				Kind: inquiry.Story, Text: inquiry.Words{Text: text}}})
		if err != nil {
			return
		}

		if _, err := room.Append(t.Context(), ws.ID, inquiry.Event{Type: inquiry.PromptRevealed, Actor: tuitest.Facilitator,
			Target: string(first)}); err != nil {
			t.Fatalf("reveal the prompt: %v", err)
		}

		wall := display.New(tuitest.FacilitatorSession(t, room, ws.Code), display.Join{Host: "192.168.1.20", Port: "23234"})
		fac := New(tuitest.FacilitatorSession(t, room, ws.Code))
		me := tuitest.ParticipantSession(t, room, ws.Code)
		me.IdentityFor = func(string) string { return "my key" }
		part := started(participant.New(me))
		for _, size := range sizes {
			look := func(what string, m tea.Model, keys ...string) tea.Model {
				m, _ = m.Update(tea.WindowSizeMsg{Width: size.W, Height: size.H})
				for _, k := range keys {
					m, _ = m.Update(tuitest.Key(k))
				}
				if problem := tuitest.FitsOn(screens[size], m.View(), size); problem != "" {
					t.Fatalf("%s at %s, name %q, words %q: %s; the terminal shows:\n%s",
						what, size, name, text, problem, screens[size].Text())
				}
				return m
			}
			fac = look("the feed", fac)
			fac = look("the details", fac, "enter")
			fac = look("the people", fac, "esc", "tab", "tab")
			fac, _ = fac.Update(tuitest.Key("shift+tab"))
			fac, _ = fac.Update(tuitest.Key("shift+tab"))
			part = look("the guide", part)
			part = look("others' words", part, "ctrl+r")
			part = look("reading them whole", part, "r")
			part, _ = part.Update(tuitest.Key("esc"))
			part, _ = part.Update(tuitest.Key("esc"))
			wall = look("the wall", wall)
		}
	})
}

// started is a screen with the command its Init returned run, and what it
// answered given to it, as its program would: a participant's screen looks
// the session's join code up so.
func started(m tea.Model) tea.Model {
	if cmd := m.Init(); cmd != nil {
		m, _ = m.Update(cmd())
	}
	return m
}

// joins records someone joining with a name (and a key's identity, or
// none), and reports whether the workshop took the name.
func joins(t *testing.T, room *tuitest.MemRoom, id, name, identity string) bool {
	_, err := room.Append(t.Context(), room.Workshop().ID, inquiry.Event{Type: inquiry.ParticipantJoined,
		Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
		Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: name}, ConsentAt: time.Now(),
			Identity: identity}})
	return err == nil
}

// fuzzSeeds are names and words that have broken screens, or could: the
// invisible characters of issue 12, marks with nothing to join, emoji
// sequences, flags, wide scripts, right to left, controls, broken UTF-8,
// and a character of every general category Unicode has.
func fuzzSeeds() [][2]string {
	seeds := [][2]string{
		{"Ann", "The lunch club started in the church hall"},
		{strings.Repeat("\u00ad", 40) + "Jo", strings.Repeat("\u00ad", 1980) + "x"},
		{"Ali\u200bce", "a\u200bb\u2060c\u3164d\ufeffe"},
		{"ㅤBob", "ㅤ"},
		{"e\u0301\u0301\u0301mile", "\u0301\u0302 stray marks first"},
		{"👩🏽‍🌾 Ffion", "👨‍👩‍👧‍👦 family, 🏳️‍🌈 flag, ❤️ heart, ❤ plain, 🇬🇧🇫🇷 flags"},
		{"مريم الحسيني", "\u202eevil\u202c right to left \u200f marks \u061c"},
		{"日本語の名前", "全角文字と半角ｶﾀｶﾅが混ざった文"},
		{"Tab\tName", "line one\nline two\r\nthree\x1b[2J\x07"},
		{"Bad\xffUTF8", "half a \xe2\x82 character"},
		{"Zalgo Z̷̢̛̛̪̖̤̞̳͚̲̟̓̎͛̀͘a̶l̷g̵o̶", strings.Repeat("Z̷̢̛̛̪̖̤̞̳͚̲̟̓̎͛̀͘", 40)},
		{"ᄀᄀᄀ가각", "ᄀ\u1160\u11a8 jamo"},
		{"\U0001F9D1\u200D\U0001F91D\u200D\U0001F9D1", "\U0001F9D1\U0001F3FB\u200D\u2764\uFE0F\u200D\U0001F48B\u200D\U0001F9D1\U0001F3FF"},
	}
	return append(seeds, [2]string{"Cat " + everyCategory(2), everyCategory(12)})
}

// everyCategory is a few characters of each of Unicode's general
// categories, in turn.
func everyCategory(each int) string {
	var b strings.Builder
	for _, name := range sortedCategories() {
		n := 0
		for _, r16 := range unicode.Categories[name].R16 {
			for r := rune(r16.Lo); r <= rune(r16.Hi) && n < each; r += rune(r16.Stride) {
				if utf8.ValidRune(r) {
					b.WriteRune(r)
					n++
				}
			}
		}
		for _, r32 := range unicode.Categories[name].R32 {
			for r := rune(r32.Lo); r <= rune(r32.Hi) && n < each; r += rune(r32.Stride) {
				b.WriteRune(r)
				n++
			}
		}
	}
	return b.String()
}

// sortedCategories are the two-letter general categories, in order.
func sortedCategories() []string {
	var names []string
	for name := range unicode.Categories {
		if len(name) == 2 {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
