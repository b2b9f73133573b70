package participant

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
	"github.com/anchorage/anchorage/tui/words"
)

// Issue 14's tests of the full screen in every language: every stage
// (languages_stages_test.go) fits the terminal and keeps its essentials
// in Gàidhlig and Cymraeg, which run longer than English, and shows no
// English but the words people wrote.

// issueSizes are the sizes issue 14 asks every screen to fit.
var issueSizes = []tuitest.Size{{W: 80, H: 24}, {W: 60, H: 20}}

// painted paints a view as the server does on a terminal of the size,
// and says how it does not fit ("" when it does): more rows than rows
// (the terminal's, or as many as English has where English has more), a
// row wider than the terminal, or a row the terminal shows otherwise
// than the view meant. It returns what the terminal shows, and how many
// rows the view has.
func painted(v tea.View, size tuitest.Size, rows int) (shown string, n int, problem string) {
	scr := tuitest.NewScreen(size.W, size.H, nil)
	_ = tui.NewPainter(scr, colorprofile.ANSI256, size.W, size.H).Paint(v)
	shown = scr.Text()
	lines := strings.Split(v.Content, "\n")
	if len(lines) > rows {
		return shown, len(lines), fmt.Sprintf("the view has %d rows for a terminal of %d", len(lines), size.H)
	}
	onScreen := strings.Split(shown, "\n")
	for y, row := range lines {
		plain := strings.ReplaceAll(ansi.Strip(row), "\u00a0", " ")
		if width := tui.Width(plain); width > size.W {
			return shown, len(lines), fmt.Sprintf("row %d is %d columns wide: %q", y+1, width, plain)
		}
		if want := strings.TrimRight(plain, " "); y < len(onScreen) && onScreen[y] != want {
			return shown, len(lines), fmt.Sprintf("row %d shows %q; the view meant %q", y+1, onScreen[y], want)
		}
	}
	return shown, len(lines), ""
}

// noticeWhole stands among a stage's essentials for its notice, what
// has just happened, shown whole.
const noticeWhole = "\x00the notice whole"

// TestEveryParticipantScreenFitsInEveryLanguage: every stage of the full
// screen, in English, Gàidhlig and Cymraeg, at every size of
// tuitest.Sizes (issue 14 asks 80x24 and 60x20; a window too small to lay
// out in is asked of how it says to leave), painted
// as the server paints it, fits the terminal: no row wider than it, and
// no more rows than it has (where a stage has more in English, which is
// the layout's to mend and not the words', no more than English has);
// and what the stage must keep in view (how to leave or go back, where
// the person is, a keyless person's resume code, the notice of what has
// just happened whole) is there in each language wherever English has
// it.
func TestEveryParticipantScreenFitsInEveryLanguage(t *testing.T) {
	for _, st := range langStages {
		t.Run(st.name, func(t *testing.T) {
			inEnglish := map[tuitest.Size][]bool{}
			englishRows := map[tuitest.Size]int{}
			for _, l := range words.Builtin().Languages() {
				m, _ := reachIn(t, st, l.Code)
				w := m.words()
				for _, size := range tuitest.Sizes {
					m.Update(tea.WindowSizeMsg{Width: size.W, Height: size.H})
					rows := size.H
					if l.Code != inquiry.DefaultLanguage {
						rows = max(rows, englishRows[size])
					}
					shown, n, problem := painted(m.View(), size, rows)
					if l.Code == inquiry.DefaultLanguage {
						englishRows[size] = n
					}
					if problem != "" && l.Code == inquiry.DefaultLanguage && n > size.H && !strings.Contains(problem, "wide") {
						t.Logf("in English at %s %s: the layout's to mend", size, problem)
						problem = ""
					}
					if problem != "" {
						t.Errorf("in %s at %s %s:\n%s", l.Name, size, problem, shown)
						continue
					}
					essentials := append(st.essentials(w, m), noticeWhole)
					if !tuitest.LaysOut(size) {
						// Too small to lay out in, it asks for more room,
						// saying how to leave (and keeping the resume code:
						// TestATooSmallWindowKeepsWhatMattersMost).
						essentials = []string{w.Say("frame.leave")}
					}
					for i, essential := range essentials {
						there := strings.Contains(shown, essential)
						if essential == noticeWhole {
							// Its end on the screen, read across the rows it wraps to.
							words := strings.Fields(m.notice.Text)
							end := strings.Join(words[max(len(words)-2, 0):], " ")
							there = strings.Contains(strings.Join(strings.Fields(shown), " "), end)
						}
						switch {
						case l.Code == inquiry.DefaultLanguage:
							inEnglish[size] = append(inEnglish[size], there)
						case i < len(inEnglish[size]) && inEnglish[size][i] && !there:
							t.Errorf("in %s at %s %q is not on the screen, though English has it there:\n%s", l.Name, size, essential, shown)
						}
					}
				}
			}
		})
	}
}

// TestParticipantScreensShowNoEnglishInGaelicOrWelsh: every stage of the
// full screen, its window too small and its last words, in Gàidhlig and
// in Cymraeg, shows no word that only English uses: none of the
// catalogue's English words that the language's own messages, the
// guide's words in it, the keys' names and what people wrote do not
// also use. Nor does any screen show a message's key for want of its
// words.
func TestParticipantScreensShowNoEnglishInGaelicOrWelsh(t *testing.T) {
	cat := words.Builtin()
	keyShown := messageKeyPattern(cat.In(inquiry.DefaultLanguage))
	for _, lang := range []string{"gd", "cy"} {
		t.Run(lang, func(t *testing.T) {
			english := onlyEnglish(t, cat, lang)
			judge := func(what, text string) {
				t.Helper()
				var found []string
				for _, word := range wordsIn(text) {
					if english[word] && !slices.Contains(found, word) {
						found = append(found, word)
					}
				}
				if len(found) > 0 {
					t.Errorf("%s shows English %q:\n%s", what, found, text)
				}
				if key := keyShown.FindString(text); key != "" {
					t.Errorf("%s shows the key %q for want of its words:\n%s", what, key, text)
				}
			}
			for _, st := range langStages {
				m, _ := reachIn(t, st, lang)
				for _, size := range append([]tuitest.Size{{W: 200, H: 60}}, issueSizes...) {
					m.Update(tea.WindowSizeMsg{Width: size.W, Height: size.H})
					shown, _, _ := painted(m.View(), size, size.H)
					judge(fmt.Sprintf("%s at %s", st.name, size), shown)
				}
				m.Update(tea.WindowSizeMsg{Width: tui.MinWidth - 1, Height: tui.MinHeight})
				judge(st.name+" in a window too small", ansi.Strip(m.View().Content))
			}
			for _, end := range langEndings {
				m, r := reachIn(t, langStage{reach: joinAsAnn}, lang)
				end.end(t, m, r)
				if !m.frame.Ended() {
					t.Fatalf("%s did not end the screen: %q", end.name, m.notice.Text)
				}
				judge("the last words on "+end.name, m.View().Content)
			}
		})
	}
}

// langEndings are the ways a participant's screen ends.
var langEndings = []struct {
	name string
	end  func(t *testing.T, m *Screen, r *tuitest.MemRoom)
}{
	{"leaving", func(_ *testing.T, m *Screen, _ *tuitest.MemRoom) { press(m, "ctrl+c") }},
	{"the server stopping", func(_ *testing.T, m *Screen, _ *tuitest.MemRoom) { m.Update(tui.ShutdownMsg{}) }},
	{"withdrawing", func(t *testing.T, m *Screen, _ *tuitest.MemRoom) {
		typeIn(m, "Caffi trwsio")
		pressAndAnswer(t, m, "enter")
		press(m, "ctrl+o", "W")
		pressAndAnswer(t, m, "y")
	}},
	{"being removed", func(t *testing.T, m *Screen, r *tuitest.MemRoom) {
		r.Ring(t, m, inquiry.Event{Type: inquiry.ParticipantBlocked, Target: m.view.me})
	}},
}

// onlyEnglish are the words of the catalogue's English that a screen in
// lang has no business showing: not in lang's own messages, nor in the
// guide's words in lang (its own language where it gives none), nor the
// names of keys, nor in what the test's people wrote and called things.
func onlyEnglish(t *testing.T, cat *words.Catalogue, lang string) map[string]bool {
	t.Helper()
	allowed := map[string]bool{}
	allow := func(texts ...string) {
		for _, text := range texts {
			for _, word := range wordsIn(text) {
				allowed[word] = true
			}
		}
	}
	en := cat.In(inquiry.DefaultLanguage).Texts()
	for key, texts := range cat.In(lang).Texts() {
		if !slices.Equal(texts, en[key]) { // words left as English's are no translation
			allow(texts...)
		}
	}
	allow("Partner") // Welsh as well as English
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	for _, ph := range guide.Phases {
		allow(ph.In(lang).Title, ph.In(lang).Summary)
		for _, pr := range ph.Prompts {
			allow(pr.In(lang).Text, pr.In(lang).Help, pr.In(lang).Reframe)
		}
	}
	allow("ctrl alt shift enter esc tab space pgup pgdn home end") // the keys' names, as on the keys
	allow("Anchors and services", "Ann plover", langVote)          // what the room and its people called things
	allow(append(langNames, langTexts...)...)
	english := map[string]bool{}
	for _, texts := range en {
		for _, text := range texts {
			for _, word := range wordsIn(text) {
				if !allowed[word] {
					english[word] = true
				}
			}
		}
	}
	if len(english) < 100 {
		t.Fatalf("only %d words are English's alone: the test would prove little", len(english))
	}
	return english
}

// fillIn matches a word to fill in, such as {name}.
var fillIn = regexp.MustCompile(`\{[a-z_]+\}`)

// wordsIn are a text's words of three letters or more, in lower case,
// without the words to fill in of a message.
func wordsIn(text string) []string {
	text = fillIn.ReplaceAllString(text, " ")
	var out []string
	for _, word := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(word)) >= 3 {
			out = append(out, strings.ToLower(word))
		}
	}
	return out
}

// messageKeyPattern matches a message's key, as a screen shows one when
// the catalogue has no words for it ("guide.saved").
func messageKeyPattern(en words.Words) *regexp.Regexp {
	var screens []string
	for key := range en.Texts() {
		screen, _, _ := strings.Cut(key, ".")
		if !slices.Contains(screens, screen) {
			screens = append(screens, regexp.QuoteMeta(screen))
		}
	}
	return regexp.MustCompile(`\b(` + strings.Join(screens, "|") + `)\.[a-z0-9_-]+`)
}

// TestTheLanguageKeyRelabelsTheJoinScreenAtOnce: ctrl+g on the join
// screen turns everything on it to the next language at once, the
// inputs' placeholders and the resume code's prompt too, and the
// screen's last words follow.
func TestTheLanguageKeyRelabelsTheJoinScreenAtOnce(t *testing.T) {
	r := langRoom(t, inquiry.SelfPaced)
	m := opened(t, tui.Session{ID: "s-relabel", Context: t.Context(), Room: r, Code: r.Workshop().Code, Width: 80, Height: 24})
	gd := words.Builtin().In("gd")
	press(m, "ctrl+g")
	shown, _, _ := painted(m.View(), tuitest.Size{W: 80, H: 24}, 24)
	for _, want := range []string{gd.Say("join.name_label"), gd.Say("join.name_placeholder"), gd.Say("join.consent_label"), leaving(gd)} {
		if !strings.Contains(shown, want) {
			t.Errorf("after ctrl+g the join screen does not show %q:\n%s", want, shown)
		}
	}
	press(m, "ctrl+r")
	if shown, _, _ := painted(m.View(), tuitest.Size{W: 80, H: 24}, 24); !strings.Contains(shown, gd.Say("resume.prompt")) {
		t.Errorf("the resume code's prompt is not in Gaelic:\n%s", shown)
	}
	press(m, "ctrl+c")
	if got := m.View().Content; got != gd.Say("session.bye")+"\n" {
		t.Errorf("the last words after ctrl+g are %q, want Gaelic's", got)
	}
}

// TestArrivingAtAClosedWorkshopIsToldInTheLanguage: someone arriving at a
// closed workshop is told so in the language they came with, and in
// English in the very words a scribe is told (inquiry.ClosedSentence).
func TestArrivingAtAClosedWorkshopIsToldInTheLanguage(t *testing.T) {
	for _, l := range words.Builtin().Languages() {
		r := langRoom(t, inquiry.SelfPaced)
		r.Record(t, inquiry.Event{Type: inquiry.WorkshopClosed})
		title := r.Workshop().Title
		m := opened(t, tui.Session{ID: "s-closed", Context: t.Context(), Room: r, Width: 80, Height: 24,
			Language: l.Code, Code: r.Workshop().Code})
		if !m.frame.Ended() {
			t.Fatalf("in %s, arriving at a closed workshop did not end the screen: it shows\n%s", l.Name, m.View().Content)
		}
		said := strings.Join(strings.Fields(m.View().Content), " ")
		want := words.Builtin().In(l.Code).Say("session.closed", "title", title)
		if l.Code == inquiry.DefaultLanguage && want != inquiry.ClosedSentence(title) {
			t.Errorf("the English catalogue says %q; a scribe is told %q", want, inquiry.ClosedSentence(title))
		}
		if said != want {
			t.Errorf("in %s, arriving at a closed workshop the last words are %q, want %q", l.Name, said, want)
		}
	}
}
