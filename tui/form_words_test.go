package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/words"
)

// TestTheContributionFormSpeaksTheWritersLanguage: a form told to speak
// Welsh labels its choices, names the kinds, themes and partners, and
// says what is wrong in Welsh; one told nothing says it all in English,
// as the facilitator's scribe desk shows it.
func TestTheContributionFormSpeaksTheWritersLanguage(t *testing.T) {
	cy := (*words.Catalogue)(nil).In("cy")
	f := NewContributionForm(newTestChoices(t), "", false)
	english := ansi.Strip(f.KindLine(120).Text + "\n" + f.ThemesLine(120).Text)
	for _, want := range []string{"Kind", "[Story]", "Partner ◂ none ▸", "Themes none yet (tab to choose)"} {
		if !strings.Contains(english, want) {
			t.Errorf("in English the form shows:\n%s\nwant %q", english, want)
		}
	}
	f.Speak(cy, "Teipiwch yma.")
	press(&f, "tab", "right", "tab", "space", "tab", "right") // a strength, a theme, a partner
	welsh := ansi.Strip(f.KindLine(120).Text + "\n" + f.ThemesLine(120).Text)
	for _, want := range []string{"Math", "[Cryfder]", "Partner ◂ " + cy.Partner(inquiry.DefaultPartners[0]) + " ▸", "Themâu", cy.Theme(inquiry.DefaultThemes[0])} {
		if !strings.Contains(welsh, want) {
			t.Errorf("in Welsh the form shows:\n%s\nwant %q", welsh, want)
		}
	}
	if _, problem := f.Contribution("p1"); problem != cy.Say("form.empty") {
		t.Errorf("an empty contribution in Welsh: %q", problem)
	}
	if problem := f.Paste(strings.Repeat("a", inquiry.MaxTextRunes+1)); !strings.HasPrefix(problem, "Ni ludiwyd dim") {
		t.Errorf("a paste too long in Welsh: %q", problem)
	}
}

// TestTheFrameAsksForABiggerWindowInTheLanguage: a frame told to speak
// Gaelic asks for a bigger window, and says its last words, in Gaelic.
func TestTheFrameAsksForABiggerWindowInTheLanguage(t *testing.T) {
	gd := (*words.Catalogue)(nil).In("gd")
	f := NewFrame(Session{Width: 25, Height: 8}, "Goodbye.", "Stopping.")
	if got := f.View(nil).Content; !strings.HasPrefix(got, "Too small: 25x8.") {
		t.Errorf("in English a window too small shows %q", got)
	}
	f.Speak(gd, gd.Say("session.bye"), gd.Say("session.shutdown"))
	got := f.View(nil).Content
	for _, want := range []string{"Ro bheag: 25x8.", "Meudaich gu 30x10.", "Tha an teacsa glèidhte.", "ctrl+c airson falbh."} {
		if !strings.Contains(got, want) {
			t.Errorf("in Gaelic a window too small shows %q, want %q", got, want)
		}
	}
	f.Update(keyPress("ctrl+c"))
	// Wrapped to the window (see TestLastWordsAreWrappedToTheWindow).
	if got := f.View(nil).Content; strings.Join(strings.Fields(got), " ") != gd.Say("session.bye") {
		t.Errorf("the last words in Gaelic are %q", got)
	}
}
